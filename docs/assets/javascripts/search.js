/*
 * Site search: one engine (window.mpcSearch) over the Pagefind index of the page's language, and the
 * search dialog in Material's header that uses it. The home page's box and the catalog's text field use
 * the same engine, so one query gives the same records everywhere.
 *
 * Our own small UI because Pagefind's bundled UIs are 120-175 KB and do not sit in Material's header;
 * this file is loaded on every page (deferred; at load it only listens: the header's button is in the
 * page's HTML and the dialog is built on first use), and Pagefind itself (pagefind.js, its worker, the language's WASM
 * and index chunks) and mpc-text.js are fetched only on first use; the facet indexes only when the
 * visitor opens the filters (about a fifth of a first query's bytes at 5,000 records).
 *
 * Words: each word typed is folded and, on the Turkish site, reduced to its search key by mpc-text.js,
 * generated from mpchub.text and mpchub.search, the same functions that wrote the hidden copy of each
 * page's words; so 'ışık' = 'isik', 'istanbuldaki' = "İstanbul'daki" and 'kursu' = 'kursları'.
 *
 * Several words: Pagefind requires every word. Each word is searched on its own as well, and the results
 * are merged: records matching all words first, then those matching most of them (at least half), each
 * group by the sum of the words' scores (each word's scores divided by its best, so every word counts
 * the same). Titles (h1, weight 7) and metadata labels (weight 5) count more than body text.
 *
 * API (Promise-based, in the page's language):
 *   mpcSearch.query(text, {filters, limit}) → [{url, score, title, excerpt, type, matched, words}]
 *   mpcSearch.rank(text, {filters})          → {hits: [{score, matched, words, data()}], terms, filters}
 *   mpcSearch.suggest(text)                   → [{label, url, kind}]: browse pages whose labels are close
 *   mpcSearch.catalogUrl, mpcSearch.open(text) (the header dialog with this query)
 */
(function () {
  "use strict";

  var FACETS = ["type", "theme", "province", "group", "year"];
  /* The page's language and what depends on it, written by the build (the mpc-assets block:
     mpchub.hub.Hub.browser_data), so that no language or collection is named here: the search bundle of the
     page's language (one Pagefind run per language: mpchub/search/pagefind.py), whether its words get
     Turkish search keys, the catalog a search falls back on, and the files loaded on demand by their hashed
     names (overrides/main.html, mpchub_mkdocs/assets.py). */
  var PAGE_DATA = (function () {
    var node = document.getElementById("mpc-assets");
    return node ? JSON.parse(node.textContent) : {};
  })();
  var lang = PAGE_DATA.lang || document.documentElement.lang;
  var TURKISH = PAGE_DATA.turkish !== false;
  var BUNDLE = PAGE_DATA.bundle || "pagefind/";
  /* The interface words come from the site's one catalogue (strings/<language>.yml, its search_* keys),
     which overrides/main.html writes into the page as JSON in the page's language. */
  var words = (function () {
    var node = document.getElementById("mpc-search-words");
    var all = node ? JSON.parse(node.textContent) : {};
    function w(name) { return all["search_" + name] || ""; }
    var out = {};
    ["open", "placeholder", "close", "results", "none", "more", "hint", "filter", "suggest", "catalog",
     "partial", "failed", "loading", "offline", "no_full", "missing"].forEach(function (name) { out[name] = w(name); });
    out.facets = {};
    FACETS.forEach(function (name) { out.facets[name] = w("facet_" + name); });
    return out;
  })();
  var PAGE = 10;
  /* Without result lines (a large site), the first results are drawn once their fragments are in, before
     the rest of the first page: as many as a browser fetches at once over HTTP/1.1 (six connections), so
     the first screen does not wait for a second round of requests. */
  var FIRST = 6;
  var SUGGESTIONS = 5;

  /* The site's root. document.baseURI, not the address: the offline page is shown at other addresses with a
     <base> naming its own folder (scripts/mpchub/offline/sw.js). */
  function siteRoot() {
    var config = document.getElementById("__config");
    var base = config ? JSON.parse(config.textContent).base : ".";
    return new URL(base.replace(/\/?$/, "/"), document.baseURI);
  }

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = function () { reject(new Error("could not load " + src)); };
      document.head.appendChild(script);
    });
  }

  /* Index chunks are fetched before the first query while together they are at most this large (bytes as
     sent; today's site: a few KB); above it, Pagefind fetches the chunks a query needs, as it does. */
  var INDEX_BUDGET = 150000;

  function bundleUrl(path) { return new URL(BUNDLE + path, siteRoot()).href; }

  /* The bundle's result lines (mpchub/search_bundle.py: address, title, type, municipality, province of each
     page), loaded with the index while small: results are drawn, and ordered by title, without waiting for
     the pages' fragments, which then fill in the excerpts. Above this size, the fragments are waited for. */
  var RESULTS_BUDGET = 40000;
  var lines = null;
  function lineOf(hit) {
    var line = lines && lines[hit.id];
    if (!line) { return null; }
    return { url: siteRoot().pathname + line[0], title: line[1], type: line[2],
             where: [line[3], line[4]].filter(Boolean).join(" · ") };
  }

  /* The bundle's manifest (mpchub/search_bundle.py): its files and a tag that changes with the index. */
  var manifest = null;
  function loadManifest() {
    if (!manifest) {
      manifest = fetch(bundleUrl("mpc-search.json")).then(function (response) {
        if (!response.ok) { throw new Error("search manifest: " + response.status); }
        return response.json();
      });
      manifest.catch(function () { manifest = null; });  // asked again next time (offline, then online)
    }
    return manifest;
  }

  /* Ask for what the first query needs all at once (each request would otherwise wait for the one before,
     a round trip each, 2 s apiece on slow 3G): the WebAssembly and, once the manifest says their names,
     the entry, the meta file and the index chunks while they are small. Pagefind's own requests for them
     are then answered by the browser's cache. */
  function warmFiles(list) {
    return Promise.all(list.map(function (path) {
      return fetch(bundleUrl(path)).then(function (response) { return response.arrayBuffer(); }).catch(function () {});
    }));
  }

  var engine = null;
  /* Pagefind (on the page's thread: its worker adds a script to fetch and gives up after 5 s of setting up,
     which a slow line always takes, and then starts again on the page) and the text module, loaded once. */
  function loadEngine() {
    if (!engine) {
      var root = siteRoot();
      var text = window.mpcText ? Promise.resolve() : loadScript(new URL(PAGE_DATA.text || "assets/javascripts/mpc-text.js", root).href);
      var wasm = warmFiles(["wasm." + lang + ".pagefind"]);
      var listed = loadManifest().then(function (m) {
        warmFiles(m.core.slice(1).concat(m.index_bytes <= INDEX_BUDGET ? m.index : []));
        return m;
      }, function () { return null; });
      var listedLines = listed.then(function (m) {
        if (!m || !m.results || m.results_bytes > RESULTS_BUDGET) { return null; }
        return fetch(bundleUrl(m.results)).then(function (response) { return response.ok ? response.json() : null; });
      }).then(function (found) { lines = found; }, function () { lines = null; });
      var pagefind = Promise.all([import(bundleUrl("pagefind.js")), listed]).then(function (loaded) {
        var module = loaded[0], m = loaded[1];
        var options = { baseUrl: root.pathname, excerptLength: 20, noWorker: true };
        if (m) { options.metaCacheTag = m.tag; }
        return module.options(options).then(function () { return module.init(); }).then(function () { return module; });
      });
      engine = Promise.all([pagefind, text, wasm, listedLines]).then(function (loaded) { return loaded[0]; });
      engine.catch(function () { engine = null; });  // a failed load (offline) is tried again on the next query
    }
    return engine;
  }

  /* Loading starts before the first query: when the page is idle (unless the visitor asked to save data)
     or when the search box is focused. */
  function preloadWhenIdle() {
    var connection = navigator.connection || {};
    if (connection.saveData) { return Promise.resolve(); }
    return new Promise(function (resolve) {
      var start = function () { loadEngine().then(resolve, resolve); };
      if (window.requestIdleCallback) { window.requestIdleCallback(start, { timeout: 4000 }); } else { setTimeout(start, 1500); }
    });
  }

  /* The query's words searched one by one (and all of them together, for Pagefind's own excerpt and the
     facet counts), merged: a record matching more of the words first, each word's scores divided by its
     best so that every word counts alike; records with fewer than half of the words are left out. Each hit
     says which words it lacks (``missing``, as typed). */
  function searchTerms(pagefind, terms, filters) {
    var keys = terms.map(function (t) { return t.key; });
    var queries = keys.length > 1 ? keys.concat([keys.join(" ")]) : keys;
    return Promise.all(queries.map(function (q) { return pagefind.search(q, { filters: filters }); })).then(function (searches) {
      var byId = {};
      var order = [];
      keys.forEach(function (k, i) {
        var results = searches[i] ? searches[i].results : [];
        var best = results.length ? results[0].score || 1 : 1;
        results.forEach(function (r) {
          var hit = byId[r.id];
          if (!hit) { hit = byId[r.id] = { id: r.id, score: 0, matched: 0, words: keys.length, data: r.data, has: {} }; order.push(hit); }
          hit.matched += 1;
          hit.has[i] = true;
          hit.score += (r.score || 0) / best;
        });
      });
      var together = keys.length > 1 ? searches[keys.length] : null;
      if (together) {
        // Pagefind's own excerpt for all the words, when a page has them all.
        together.results.forEach(function (r) { if (byId[r.id]) { byId[r.id].data = r.data; } });
      }
      var need = Math.ceil(keys.length / 2);
      var hits = order.filter(function (h) { return h.matched >= need; });
      hits.forEach(function (h) {
        h.missing = terms.filter(function (t, i) { return !h.has[i]; }).map(function (t) { return t.word; });
      });
      var facetSource = together && together.results.length ? together : searches[0];
      return { hits: hits, filters: (facetSource && facetSource.filters) || {} };
    });
  }

  var MAX_VARIANTS = 6;
  var synonymGroups = null;
  /* The synonyms of the page's language (synonyms.yml, carried by mpc-text.js), each phrase as its keys. */
  function synonyms() {
    if (!synonymGroups) {
      var all = (window.mpcText.data && window.mpcText.data.synonyms) || {};
      synonymGroups = (all[lang] || []).map(function (group) {
        return group.map(function (phrase) { return window.mpcText.terms(phrase, lang); })
          .filter(function (phrase) { return phrase.length; });
      });
    }
    return synonymGroups;
  }

  /* The query with each synonym phrase it contains replaced by the other phrases of its group: "göç
     birimi" is also searched as "göç müdürlüğü" and "göç ve uyum hizmetleri". */
  function variants(terms) {
    var keys = terms.map(function (t) { return t.key; });
    var out = [];
    synonyms().forEach(function (group) {
      group.forEach(function (phrase, i) {
        var size = phrase.length;
        for (var at = 0; at + size <= keys.length; at++) {
          var same = phrase.every(function (p, j) { return p.key === keys[at + j]; });
          if (!same) { continue; }
          group.forEach(function (other, j) {
            if (j !== i) { out.push(terms.slice(0, at).concat(other, terms.slice(at + size))); }
          });
          return;
        }
      });
    });
    return out.slice(0, MAX_VARIANTS);
  }

  /* Rank of a hit: every word of the query (or of a synonym's version of it) first, then those with most of
     the words; within a rank, the mean of its words' scores, so versions of different lengths compare. */
  function group(hit) { return hit.matched === hit.words ? 2 : hit.matched / hit.words; }
  function mean(hit) { return hit.score / Math.max(hit.words, 1); }

  /* The query, and its versions with synonyms, searched and merged (a record keeps its best standing). */
  function rank(text, options) {
    options = options || {};
    var filters = options.filters || {};
    var current = options.current || function () { return true; };
    return loadEngine().then(function (pagefind) {
      // A query typed over while the index was loading stops here: only the last one loads index chunks
      // and fragments (each partial word's would otherwise take the bandwidth the real query needs).
      if (!current()) { return { hits: [], terms: [], filters: {}, stale: true }; }
      var terms = window.mpcText.terms(text || "", lang);
      var keys = terms.map(function (t) { return t.key; });
      if (!keys.length) {
        if (!Object.keys(filters).length) { return { hits: [], terms: [], filters: {} }; }
        return pagefind.search(null, { filters: filters }).then(function (all) {
          return { hits: all.results.map(function (r) { return { id: r.id, score: r.score, matched: 0, words: 0, data: r.data, missing: [] }; }),
                   terms: [], filters: all.filters || {} };
        });
      }
      var sets = [terms].concat(variants(terms));
      return Promise.all(sets.map(function (set) { return searchTerms(pagefind, set, filters); })).then(function (found) {
        var all = [];
        found.forEach(function (one, v) {
          var own = sets[v].map(function (t) { return t.key; });
          one.hits.forEach(function (h) { h.variant = v > 0; h.keys = own; all.push(h); });
        });
        all.sort(function (a, b) { return (group(b) - group(a)) || (mean(b) - mean(a)); });
        var seen = {};
        var hits = all.filter(function (h) { if (seen[h.id]) { return false; } seen[h.id] = true; return true; });
        if (!current()) { return { hits: hits, terms: terms, filters: found[0].filters, stale: true }; }
        return byTitle(hits, keys).then(function (ordered) {
          return { hits: ordered, terms: terms, filters: found[0].filters };
        });
      });
    });
  }

  /* The page addresses (absolute URLs) of ``hits``, in their order. A few come from the results' own
     fragments (the list loads the first ones anyway); more come from the index's address list, which the
     build writes beside Pagefind's files (mpchub/pagefind.py), so that a broad query in the catalog
     loads one file instead of a fragment per record. ``few``: up to how many hits fragments are used. */
  var addressLists = {};
  function addresses(hits, few) {
    if (hits.length <= (few === undefined ? 2 * PAGE : few)) {
      return Promise.all(hits.map(function (hit) { return hit.data(); })).then(function (pages) {
        return pages.map(function (data) { return new URL(data.url, window.location.href).href; });
      });
    }
    if (!addressLists[lang]) {
      addressLists[lang] = fetch(new URL(BUNDLE + "mpc-addresses." + lang + ".json", siteRoot()).href)
        .then(function (response) { if (!response.ok) { throw new Error(response.status); } return response.json(); });
    }
    return addressLists[lang].then(function (list) {
      return Promise.all(hits.map(function (hit) {
        var path = list[hit.id];
        if (path !== undefined) { return new URL(path, siteRoot()).href; }
        return hit.data().then(function (data) { return new URL(data.url, window.location.href).href; });
      }));
    });
  }

  /* Results whose title holds every word come first, the title most nearly the query first: an officer often
     types a record's name ("kent mültecileri"), and Pagefind's length normalisation otherwise ranks a long
     publication titled so below short pages that only mention the words, sometimes below the first page of
     results. With the result lines (every page's title, loaded with the index) every result is weighed; without
     them, the first results only, whose fragments the list loads anyway. A title with only some of the words
     changes nothing: "şişli belediyesi" is about the implementer, not about titles containing "belediye". */
  function byTitle(hits, keys) {
    var everyLine = hits.length > 0 && hits.every(function (hit) { return lineOf(hit); });
    var head = everyLine ? hits.slice() : hits.slice(0, PAGE);
    head.forEach(function (hit) {
      var load = hit.data;
      var loaded = null;
      hit.data = function () { return loaded || (loaded = load()); };
    });
    function covers(key, word) { return word.indexOf(key) === 0 || (word.length >= 3 && key.indexOf(word) === 0); }
    var known = head.map(lineOf);
    var titles = known.every(Boolean) ? Promise.resolve(known.map(function (line) { return line.title; }))
      : Promise.all(head.map(function (hit) { return hit.data(); })).then(function (pages) {
        return pages.map(function (data) { return data.meta.title || ""; });
      });
    return titles.then(function (pages) {
      pages.forEach(function (pageTitle, i) {
        var title = window.mpcText.words(pageTitle).map(function (w) {
          return TURKISH ? window.mpcText.key(w) : window.mpcText.fold(w);
        });
        var own = head[i].keys || keys;  // the words of the version (query or synonym) the hit answers
        var all = own.length > 0 && own.every(function (k) { return title.some(function (t) { return covers(k, t); }); });
        var share = title.filter(function (t) { return own.some(function (k) { return covers(k, t); }); }).length;
        head[i].inTitle = all ? share / Math.max(title.length, 1) : 0;
      });
      head.sort(function (a, b) { return (group(b) - group(a)) || (b.inTitle - a.inTitle) || (mean(b) - mean(a)); });
      return everyLine ? head : head.concat(hits.slice(PAGE));
    });
  }

  function query(text, options) {
    options = options || {};
    var limit = options.limit === undefined ? PAGE : options.limit;
    return rank(text, options).then(function (ranked) {
      var keys = ranked.terms.map(function (t) { return t.key; });
      var hits = ranked.hits.slice(0, limit);
      return Promise.all(hits.map(function (h) { return h.data(); })).then(function (pages) {
        var out = pages.map(function (data, i) {
          var parts = ownExcerpt(data, keys);
          return { url: data.url, score: hits[i].score, title: data.meta.title || data.url,
                   excerpt: parts.map(function (p) { return p.text; }).join(""), parts: parts,
                   type: data.filters && data.filters.type && data.filters.type[0],
                   matched: hits[i].matched, words: hits[i].words };
        });
        out.total = ranked.hits.length;
        return out;
      });
    });
  }

  var labels = null;
  /* Browse pages whose labels share a word (or its beginning) with the query: "dil" → "Türkçe ve Dil
     Öğrenimi". The labels come from the build (assets/search/labels.LANG.json), read from the browse pages. */
  function suggest(text) {
    if (!labels) {
      labels = loadEngine().then(function () {
        return fetch(new URL("assets/search/labels." + lang + ".json", siteRoot()).href);
      }).then(function (response) { return response.ok ? response.json() : []; }).catch(function () { return []; });
    }
    return labels.then(function (list) {
      var keys = window.mpcText.terms(text || "", lang).map(function (t) { return t.key; });
      var scored = list.map(function (entry) {
        var labelKeys = window.mpcText.words(entry.label).map(function (w) { return TURKISH ? window.mpcText.key(w) : window.mpcText.fold(w); });
        var score = keys.filter(function (k) {
          return labelKeys.some(function (l) { return l.indexOf(k) === 0 || (l.length >= 3 && k.indexOf(l) === 0); });
        }).length;
        return { entry: entry, score: score };
      }).filter(function (s) { return s.score > 0; });
      scored.sort(function (a, b) { return (b.score - a.score) || (a.entry.label.length - b.entry.label.length); });
      return scored.slice(0, SUGGESTIONS).map(function (s) {
        return { label: s.entry.label, kind: s.entry.kind, url: new URL(s.entry.url, siteRoot()).pathname };
      });
    });
  }

  function catalogUrl() { return new URL(PAGE_DATA.catalog || "", siteRoot()).pathname; }

  function el(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  var FOLDED_MARK = "\u2042";  // starts the hidden copy of a page's words (mpchub.search.FOLDED_MARK)
  var decoder = document.createElement("textarea");

  function decode(html) { decoder.innerHTML = html; return decoder.value; }

  /* Pagefind escapes excerpts and marks matches with <mark>; rebuild them as text nodes and <mark>
     elements so nothing from the index is ever parsed as markup. */
  function excerptParts(excerpt) {
    var parts = [];
    String(excerpt).split(/(<mark>|<\/mark>)/).reduce(function (inMark, part) {
      if (part === "<mark>") { return true; }
      if (part === "</mark>") { return false; }
      if (part) { parts.push({ text: decode(part), mark: inMark }); }
      return inMark;
    }, false);
    return parts;
  }

  /* When the match is in the hidden copy ('ışık' only meets the folded 'isik', 'kursu' the key 'kurs'),
     show the page's own words instead: find the key in the page text, folded letter by letter so
     positions line up. */
  function ownExcerpt(data, terms) {
    var cut = data.content.indexOf(FOLDED_MARK);
    var parts = excerptParts(data.excerpt);
    var firstMark = parts.findIndex(function (p) { return p.mark; });
    if (cut < 0 || firstMark < 0) { return parts; }
    // Where the excerpt lies: found by its own first 60 characters (a short prefix such as "Türkçe " also
    // occurs in the page's text while the excerpt comes from the hidden copy).
    var whole = parts.map(function (p) { return p.text; }).join("");
    var at = whole.indexOf(FOLDED_MARK) >= 0 ? cut : data.content.indexOf(whole.slice(0, 60));
    if (at >= 0 && at < cut) { return parts; }  // the match is in the page's own text
    var own = data.content.slice(0, cut);
    var folded = Array.prototype.map.call(own, function (c) { var f = window.mpcText.fold(c); return f.length === 1 ? f : c; }).join("");
    var hit = -1, length = 0;
    terms.forEach(function (term) {
      var i = folded.indexOf(term);
      if (i >= 0 && (hit < 0 || i < hit)) { hit = i; length = term.length; }
    });
    if (hit < 0) { return [{ text: own.slice(0, 160), mark: false }]; }
    var wordEnd = folded.slice(hit).search(/[^\p{L}\p{M}'’]/u);  // mark the whole word: 'Kursları' for 'kurs'
    if (wordEnd > length) { length = wordEnd; }
    var start = Math.max(0, own.lastIndexOf(" ", Math.max(0, hit - 70)) + 1);
    var end = own.indexOf(" ", Math.min(own.length, hit + length + 90));
    end = end < 0 ? own.length : end;
    return [{ text: (start ? "… " : "") + own.slice(start, hit), mark: false },
            { text: own.slice(hit, hit + length), mark: true },
            { text: own.slice(hit + length, end) + (end < own.length ? " …" : ""), mark: false }];
  }

  function excerptNode(parts) {
    var out = el("p", { "class": "mpc-search__excerpt" });
    parts.forEach(function (part) {
      var text = document.createTextNode(part.text);
      if (part.mark) { var mark = el("mark"); mark.appendChild(text); out.appendChild(mark); } else { out.appendChild(text); }
    });
    return out;
  }

  /* A result's address with the words searched, so the page opened from it marks them (highlightPage). */
  function withHighlight(url, text) {
    if (!text) { return url; }
    var parts = url.split("#");
    return parts[0] + (parts[0].indexOf("?") >= 0 ? "&" : "?") + "highlight=" + encodeURIComponent(text) + (parts[1] ? "#" + parts[1] : "");
  }

  /* English words compared without a plural ending (Pagefind stems them); Turkish by their search key. */
  function wordKey(word) {
    return TURKISH ? window.mpcText.key(word) : window.mpcText.fold(word).replace(/(es|s)$/, "");
  }

  /* On a page opened from a result (?highlight=words): the words searched are marked in the page's content,
     by their search keys as the index matched them ('kurs' marks "Kursları"), and the first is scrolled to
     when it is below the first screen. Our own few lines: Pagefind's pagefind-highlight.js is 44 KB. */
  function highlightPage() {
    var asked = new URLSearchParams(window.location.search).get("highlight");
    var content = asked && document.querySelector(".md-content__inner");
    if (!content) { return; }
    var text = window.mpcText ? Promise.resolve() : loadScript(new URL(PAGE_DATA.text || "assets/javascripts/mpc-text.js", siteRoot()).href);
    text.then(function () {
      var keys = window.mpcText.terms(asked, lang).map(function (t) { return TURKISH ? t.key : t.key.replace(/(es|s)$/, ""); });
      if (!keys.length) { return; }
      /* Never inside form controls (the correction e-mail's text box), the citation (an address to copy) or
         what the index leaves out: marks there would change what a visitor copies or sends. */
      var skip = "script, style, mark, nav, [hidden], textarea, input, select, button, [data-pagefind-ignore], " +
        ".headerlink, .mpc-print-head, .md-source-file, .mpc-feedback, .mpc-correct, .mpc-cite";
      var walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT, {
        acceptNode: function (node) { return node.parentElement.closest(skip) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT; }
      });
      var nodes = [];
      while (walker.nextNode()) { nodes.push(walker.currentNode); }
      var first = null;
      var pattern = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)?/gu;
      nodes.forEach(function (node) {
        var value = node.nodeValue, found, last = 0, out = null;
        pattern.lastIndex = 0;
        while ((found = pattern.exec(value))) {
          var k = wordKey(found[0]);
          if (!keys.some(function (key) { return key.length > 1 && k.indexOf(key) === 0; })) { continue; }
          out = out || document.createDocumentFragment();
          out.appendChild(document.createTextNode(value.slice(last, found.index)));
          var mark = el("mark", { "class": "mpc-highlight" }, found[0]);
          out.appendChild(mark);
          first = first || mark;
          last = found.index + found[0].length;
        }
        if (out) { out.appendChild(document.createTextNode(value.slice(last))); node.parentNode.replaceChild(out, node); }
      });
      if (first && first.getBoundingClientRect().top > window.innerHeight * 0.8) { first.scrollIntoView({ block: "center" }); }
    }).catch(function () {});
  }

  function buildOpener() {
    var inner = document.querySelector(".md-header__inner");
    if (!inner) { return null; }
    // Pages carry the button in their HTML (overrides/partials/search-button.html), drawn in the first paint;
    // it is made here only where a page has none (the 404 page, which has no page language).
    var drawn = inner.querySelector(".mpc-search-open");
    if (drawn) { return drawn; }
    // Named by its visible words (the label span, hidden from sight only on a phone): WCAG 2.5.3.
    var opener = el("button", { type: "button", "class": "md-header__button mpc-search-open",
                                "aria-keyshortcuts": "/ s", "aria-haspopup": "dialog" });
    opener.innerHTML = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M9.5 3A6.5 6.5 0 0 1 16 9.5c0 1.61-.59 3.09-1.56 4.23l.27.27h.79l5 5-1.5 1.5-5-5v-.79l-.27-.27A6.52 6.52 0 0 1 9.5 16 6.5 6.5 0 0 1 3 9.5 6.5 6.5 0 0 1 9.5 3m0 2C7 5 5 7 5 9.5S7 14 9.5 14 14 12 14 9.5 12 5 9.5 5"/></svg>';
    opener.appendChild(el("span", { "class": "mpc-search-open__label" }, words.placeholder));
    opener.appendChild(el("kbd", { "aria-hidden": "true" }, "/"));
    var option = inner.querySelector(".md-header__option");
    inner.insertBefore(opener, option ? option.nextSibling : null);
    return opener;
  }

  /* The dialog is built on first use, not at load (less work on a phone's CPU before it is interactive). */
  function buildDialog(opener) {
    var dialog = el("div", { "class": "mpc-search", role: "dialog", "aria-modal": "true", "aria-label": words.open, hidden: "" });
    dialog.innerHTML =
      '<div class="mpc-search__backdrop" data-close></div>' +
      '<div class="mpc-search__panel">' +
      '  <form class="mpc-search__form" role="search">' +
      '    <input type="search" class="mpc-search__input" autocomplete="off" spellcheck="false" role="combobox"' +
      '           aria-autocomplete="list" aria-expanded="false" aria-controls="mpc-search-results">' +
      '    <button type="button" class="mpc-search__close md-icon" data-close></button>' +
      '  </form>' +
      '  <button type="button" class="mpc-search__filter md-button" aria-expanded="false" aria-controls="mpc-search-facets" hidden></button>' +
      '  <div class="mpc-search__facets" id="mpc-search-facets" hidden></div>' +
      '  <p class="mpc-search__status" aria-live="polite"></p>' +
      '  <ol class="mpc-search__results" id="mpc-search-results" role="listbox"></ol>' +
      '  <div class="mpc-search__suggestions md-typeset" hidden></div>' +
      '  <button type="button" class="md-button mpc-search__more" hidden></button>' +
      '</div>';
    document.body.appendChild(dialog);
    var input = dialog.querySelector("input");
    input.setAttribute("placeholder", words.placeholder);
    input.setAttribute("aria-label", words.open);
    var close = dialog.querySelector(".mpc-search__close");
    close.setAttribute("aria-label", words.close);
    close.textContent = "×";
    dialog.querySelector(".mpc-search__more").textContent = words.more;
    dialog.querySelector(".mpc-search__filter").textContent = words.filter;
    return { opener: opener, dialog: dialog, input: input };
  }

  function setup() {
    var opener = buildOpener();
    if (!opener) { return; }
    var dialogUi = null;
    function ui() { return dialogUi || (dialogUi = setupDialog(opener)); }

    opener.addEventListener("click", function () { ui().open(); });
    // A search field or the search button focused (or touched): the visitor is about to search.
    document.addEventListener("focusin", function (event) {
      if (event.target.matches && event.target.matches("input[type=search], input[name=q], .mpc-search-open")) { loadEngine(); }
    });
    opener.addEventListener("pointerdown", function () { loadEngine(); });
    document.addEventListener("keydown", function (event) {
      if ((dialogUi && dialogUi.isOpen()) || event.ctrlKey || event.metaKey || event.altKey) { return; }
      var target = event.target;
      var typing = target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
      if (!typing && (event.key === "/" || event.key === "s" || event.key === "S")) { event.preventDefault(); ui().open(); }
    });
    window.mpcSearch.open = function (text) { ui().openWith(text); };
    // The home page's box (and any form marked data-mpc-search) opens this dialog with its query, so it
    // shows exactly what the header search shows; without JavaScript the form still submits.
    document.querySelectorAll("form.mpc-home-search, form[data-mpc-search]").forEach(function (form) {
      form.addEventListener("submit", function (event) {
        var field = form.querySelector("input[type=search], input[name=q]");
        event.preventDefault();
        ui().openWith(field ? field.value : "");
      });
    });
    highlightPage();
    // ?search=… opens the dialog with that query: a shareable link to results.
    var asked = new URLSearchParams(window.location.search).get("search");
    if (asked) { ui().openWith(asked); }
  }

  function setupDialog(opener) {
    var ui = buildDialog(opener);
    var dialog = ui.dialog, input = ui.input;
    var status = dialog.querySelector(".mpc-search__status");
    var list = dialog.querySelector(".mpc-search__results");
    var facetsBox = dialog.querySelector(".mpc-search__facets");
    var more = dialog.querySelector(".mpc-search__more");
    var filterButton = dialog.querySelector(".mpc-search__filter");
    var suggestions = dialog.querySelector(".mpc-search__suggestions");
    var facetsLoaded = null;  // facet indexes are fetched only when the visitor asks for filters
    var chosen = {};
    var current = null, shown = 0, active = -1, generation = 0, timer = null;
    var collator = new Intl.Collator(lang);

    function open() {
      dialog.hidden = false;
      document.documentElement.classList.add("mpc-search-active");
      input.focus();
      input.select();
      loadEngine();
    }
    function shut() {
      dialog.hidden = true;
      document.documentElement.classList.remove("mpc-search-active");
      ui.opener.focus();
    }

    function renderFacets(filters) {
      facetsBox.textContent = "";
      FACETS.forEach(function (name) {
        var counts = filters[name] || {};
        var keys = Object.keys(counts).filter(function (k) { return counts[k] > 0 || (chosen[name] || []).indexOf(k) >= 0; });
        if (!keys.length) { return; }
        keys.sort(name === "year" ? function (a, b) { return Number(b) - Number(a); } : collator.compare);
        var box = el("details", { "class": "mpc-search__facet", "data-facet": name });
        if ((chosen[name] || []).length) { box.open = true; }
        box.appendChild(el("summary", {}, words.facets[name]));
        keys.forEach(function (key) {
          var label = el("label");
          var check = el("input", { type: "checkbox", value: key, name: name });
          check.checked = (chosen[name] || []).indexOf(key) >= 0;
          label.appendChild(check);
          label.appendChild(document.createTextNode(" " + key + " "));
          label.appendChild(el("span", { "class": "mpc-count" }, String(counts[key])));
          box.appendChild(label);
        });
        facetsBox.appendChild(box);
      });
    }

    function setActive(index) {
      var items = list.querySelectorAll("a");
      if (!items.length) { active = -1; input.removeAttribute("aria-activedescendant"); return; }
      active = (index + items.length) % items.length;
      items.forEach(function (item, i) { item.classList.toggle("is-active", i === active); item.setAttribute("aria-selected", i === active ? "true" : "false"); });
      input.setAttribute("aria-activedescendant", items[active].id);
      items[active].scrollIntoView({ block: "nearest" });
    }

    /* One result: title, type and place at once (from the result lines, or the fragment), the excerpt when
       the page's fragment has arrived. */
    function resultItem(hit, line) {
      var item = el("li", { role: "none" });
      var link = el("a", { href: withHighlight(line.url, current.text), role: "option", id: "mpc-result-" + list.children.length, "class": "mpc-search__result" });
      link.appendChild(el("span", { "class": "mpc-search__title" }, line.title || line.url));
      // Where the record is from: its type, municipality and province (mpchub.site.search_meta).
      if (line.type || line.where) {
        var meta = el("span", { "class": "mpc-search__meta" });
        if (line.type) { meta.appendChild(el("span", { "class": "mpc-search__type" }, line.type)); }
        if (line.where) { meta.appendChild(el("span", { "class": "mpc-search__where" }, line.where)); }
        link.appendChild(meta);
      }
      var excerpt = el("p", { "class": "mpc-search__excerpt" });
      link.appendChild(excerpt);
      var missing = hit.missing || [];
      if (missing.length) {
        link.appendChild(el("span", { "class": "mpc-search__missing" }, words.missing.replace("{words}", missing.join(", "))));
      }
      item.appendChild(link);
      return { item: item, excerpt: excerpt };
    }

    function lineOfData(data) {
      return { url: data.url, title: data.meta.title, type: data.meta.type || (data.filters && data.filters.type && data.filters.type[0]),
               where: [data.meta.municipality, data.meta.province].filter(Boolean).join(" · ") };
    }

    function showMore(ticket, count) {
      var batch = current.hits.slice(shown, shown + (count || PAGE));
      shown += batch.length;
      more.hidden = shown >= current.hits.length;
      var known = batch.map(lineOf);
      var drawn = null;
      if (known.every(Boolean)) {  // drawn now; the excerpts follow
        drawn = batch.map(function (hit, i) { var made = resultItem(hit, known[i]); list.appendChild(made.item); return made; });
      }
      return Promise.all(batch.map(function (hit) { return hit.data(); })).then(function (pages) {
        if (ticket !== generation) { return; }
        pages.forEach(function (data, i) {
          var made = drawn ? drawn[i] : resultItem(batch[i], lineOfData(data));
          if (!drawn) { list.appendChild(made.item); }
          made.excerpt.replaceWith(excerptNode(ownExcerpt(data, current.keys)));
        });
      });
    }

    /* No result: browse pages with a close label, and the catalog. */
    function showSuggestions(text, ticket) {
      return suggest(text).then(function (found) {
        if (ticket !== generation) { return; }
        suggestions.textContent = "";
        suggestions.appendChild(el("p", {}, words.suggest));
        var items = el("ul");
        found.concat([{ label: words.catalog, url: catalogUrl(), kind: "catalog" }]).forEach(function (s) {
          var item = el("li");
          item.appendChild(el("a", { href: s.url, "data-kind": s.kind }, s.label));
          items.appendChild(item);
        });
        suggestions.appendChild(items);
        suggestions.hidden = false;
      });
    }

    function run() {
      var ticket = ++generation;
      var text = input.value.trim();
      var filters = {};
      Object.keys(chosen).forEach(function (name) { if (chosen[name].length) { filters[name] = { any: chosen[name] }; } });
      suggestions.hidden = true;
      if (!text && !Object.keys(filters).length) {
        list.textContent = ""; facetsBox.textContent = ""; more.hidden = true; filterButton.hidden = true;
        status.textContent = words.hint; input.setAttribute("aria-expanded", "false");
        list.setAttribute("data-query", "");
        return;
      }
      status.textContent = words.loading;
      list.setAttribute("aria-busy", "true");
      rank(text, { filters: filters, current: function () { return ticket === generation; } }).then(function (ranked) {
        if (ticket !== generation || ranked.stale) { return; }
        current = ranked; shown = 0; active = -1; current.text = text;
        current.keys = ranked.terms.map(function (t) { return t.key; });
        list.textContent = "";
        renderFacets(ranked.filters || {});
        var n = ranked.hits.length;
        filterButton.hidden = n === 0 && !Object.keys(filters).length;
        var partial = n && ranked.hits[n - 1].matched < ranked.hits[n - 1].words;
        var noneFull = n && ranked.hits[0].matched < ranked.hits[0].words;  // no record holds every word
        status.textContent = n ? (noneFull ? words.no_full : partial ? words.partial : words.results).replace("{n}", n) : words.none;
        if (!n && navigator.onLine === false) { offlineWithoutIndex(ticket); }
        input.setAttribute("aria-expanded", n ? "true" : "false");
        var shownAll = showMore(ticket, FIRST).then(function () { if (ticket === generation) { return showMore(ticket, PAGE - FIRST); } });
        return (!n && text ? Promise.all([shownAll, showSuggestions(text, ticket)]) : shownAll).then(function () {
          if (ticket !== generation) { return; }
          // Everything for this query is on screen (tests and the relevance bench wait for this).
          list.setAttribute("aria-busy", "false");
          list.setAttribute("data-query", text);
        });
      }).catch(function () {
        // The index could not be loaded: offline, with no copy kept on this device; or a broken deployment.
        if (ticket !== generation) { return; }
        status.textContent = navigator.onLine === false ? words.offline : words.failed;
        list.setAttribute("aria-busy", "false");
      });
    }

    /* Offline and nothing found: say so if this language's index is not kept on the device (the worker keeps
       it in a cache named after the language: scripts/mpchub/offline/sw.js); a kept index found nothing. */
    function offlineWithoutIndex(ticket) {
      var kept = window.caches ? caches.keys().then(function (names) {
        return names.some(function (name) { return name.indexOf("-search-" + lang + "-") > 0; });
      }) : Promise.resolve(false);
      kept.then(function (yes) { if (!yes && ticket === generation) { status.textContent = words.offline; } });
    }

    function openWith(text) {
      open();
      input.value = text;
      run();
    }

    dialog.addEventListener("click", function (event) { if (event.target.hasAttribute("data-close")) { shut(); } });
    dialog.querySelector("form").addEventListener("submit", function (event) {
      event.preventDefault();
      var items = list.querySelectorAll("a");
      if (items.length) { window.location.href = items[Math.max(active, 0)].href; }
    });
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 120); });
    facetsBox.addEventListener("change", function (event) {
      var box = event.target;
      var values = chosen[box.name] || (chosen[box.name] = []);
      if (box.checked) { values.push(box.value); } else { values.splice(values.indexOf(box.value), 1); }
      run();
    });
    more.addEventListener("click", function () { showMore(generation); });
    filterButton.addEventListener("click", function () {
      var open = facetsBox.hidden;
      facetsBox.hidden = !open;
      filterButton.setAttribute("aria-expanded", open ? "true" : "false");
      if (open && !facetsLoaded) {
        facetsLoaded = loadEngine().then(function (module) { return module.filters(); }).then(run);
      }
    });
    function trapTab(event) {
      // A modal dialog keeps keyboard focus inside it: Tab from the last control returns to the first.
      var focusable = Array.prototype.filter.call(
        dialog.querySelectorAll("input, button, a[href], summary"),
        function (node) { return !node.closest("[hidden]") && node.offsetParent !== null; });
      if (!focusable.length) { return; }
      var first = focusable[0], last = focusable[focusable.length - 1];
      if (event.shiftKey && document.activeElement === first) { event.preventDefault(); last.focus(); }
      else if (!event.shiftKey && document.activeElement === last) { event.preventDefault(); first.focus(); }
    }

    dialog.addEventListener("keydown", function (event) {
      if (event.key === "Tab") { trapTab(event); return; }
      if (event.key === "Escape") { event.preventDefault(); shut(); }
      else if (event.key === "ArrowDown" && event.target === input) { event.preventDefault(); setActive(active + 1); }
      else if (event.key === "ArrowUp" && event.target === input) { event.preventDefault(); setActive(active - 1); }
    });
    status.textContent = words.hint;
    list.setAttribute("data-query", "");
    return { open: open, openWith: openWith, isOpen: function () { return !dialog.hidden; } };
  }

  // The bundle's manifest (under 1 KB) is asked for with the page, so that at idle time Pagefind's script,
  // entry, meta file, WebAssembly and index chunks can all be asked for at once: one round trip, not two.
  if (!(navigator.connection || {}).saveData) { loadManifest().catch(function () {}); }
  var idle = preloadWhenIdle();
  window.mpcSearch = { query: query, rank: rank, addresses: addresses, suggest: suggest, catalogUrl: catalogUrl(), ready: loadEngine,
                       variants: function (text) {
                         return loadEngine().then(function () {
                           return variants(window.mpcText.terms(text, lang)).map(function (set) { return set.map(function (t) { return t.word; }).join(" "); });
                         });
                       },
                       preloaded: function () { return idle; },
                       open: function (text) { window.location.href = window.location.pathname + "?search=" + encodeURIComponent(text); } };

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", setup); } else { setup(); }
})();
