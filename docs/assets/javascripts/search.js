/*
 * Site search in Material's header, over the Pagefind index (one index per language).
 *
 * Our own small UI because Pagefind's bundled UIs are 120-175 KB and do not sit in Material's header;
 * this file is loaded on every page, and Pagefind itself (pagefind.js, its worker, the language's WASM
 * and index chunks) is fetched only when a visitor opens search; the facet indexes only when the visitor
 * opens the filters (about a fifth of a first query's bytes at 5,000 records).
 *
 * Turkish: the query is folded exactly as mpchub.text.fold folds the hidden copy of each page's words,
 * so 'ışık', 'Işık', 'IŞIK' and 'isik' are one query and return the same results.
 */
(function () {
  "use strict";

  var WORDS = {
    tr: { open: "Ara", placeholder: "Uygulama, belediye, konu arayın", close: "Aramayı kapat",
          results: "{n} sonuç", none: "Sonuç bulunamadı", more: "Daha fazla sonuç", hint: "Aramak için yazın",
          filter: "Süz",
          loading: "Aranıyor…", facets: { type: "Tür", theme: "Tema", province: "İl", group: "Hedef grup", year: "Yıl" } },
    en: { open: "Search", placeholder: "Search practices, municipalities, topics", close: "Close search",
          results: "{n} results", none: "No results", more: "More results", hint: "Type to search",
          filter: "Filter",
          loading: "Searching…", facets: { type: "Type", theme: "Theme", province: "Province", group: "Target group", year: "Year" } }
  };
  var FACETS = ["type", "theme", "province", "group", "year"];
  var PAGE = 10;
  var lang = document.documentElement.lang === "en" ? "en" : "tr";
  var words = WORDS[lang];
  var TURKISH = { "ı": "i", "İ": "i", "I": "i", "ş": "s", "Ş": "s", "ğ": "g", "Ğ": "g",
                  "ç": "c", "Ç": "c", "ö": "o", "Ö": "o", "ü": "u", "Ü": "u" };

  function fold(text) {
    return String(text).replace(/[ıİIşŞğĞçÇöÖüÜ]/g, function (c) { return TURKISH[c]; })
      .toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  }

  function siteRoot() {
    var config = document.getElementById("__config");
    var base = config ? JSON.parse(config.textContent).base : ".";
    return new URL(base.replace(/\/?$/, "/"), window.location.href);
  }

  var pagefind = null;
  function loadPagefind() {
    if (!pagefind) {
      var root = siteRoot();
      pagefind = import(new URL("pagefind/pagefind.js", root).href).then(function (module) {
        return module.options({ baseUrl: root.pathname, excerptLength: 20 }).then(function () { return module; });
      });
    }
    return pagefind;
  }

  function el(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  var FOLDED_MARK = "\u2042";  // starts the hidden folded copy of a page's words (mpchub.search.FOLDED_MARK)
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

  /* When the match is in the folded copy ('ışık' only meets the folded 'isik'), show the page's own words
     instead: find the query in the page text, folded letter by letter so positions line up. */
  function ownExcerpt(data, terms) {
    var cut = data.content.indexOf(FOLDED_MARK);
    var parts = excerptParts(data.excerpt);
    var firstMark = parts.findIndex(function (p) { return p.mark; });
    if (cut < 0 || firstMark < 0) { return parts; }
    var before = parts.slice(0, firstMark).map(function (p) { return p.text; }).join("");
    var at = data.content.indexOf(before.slice(-40)) + Math.min(before.length, 40);
    if (before.indexOf(FOLDED_MARK) < 0 && at < cut) { return parts; }  // the match is in the page's own text
    var own = data.content.slice(0, cut);
    var folded = Array.prototype.map.call(own, function (c) { var f = fold(c); return f.length === 1 ? f : c; }).join("");
    var hit = -1, length = 0;
    terms.forEach(function (term) {
      var i = folded.indexOf(term);
      if (i >= 0 && (hit < 0 || i < hit)) { hit = i; length = term.length; }
    });
    if (hit < 0) { return [{ text: own.slice(0, 160), mark: false }]; }
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

  function build() {
    var inner = document.querySelector(".md-header__inner");
    if (!inner) { return null; }
    var opener = el("button", { type: "button", "class": "md-header__button mpc-search-open", "aria-label": words.open,
                                "aria-keyshortcuts": "/ s", "aria-haspopup": "dialog" });
    opener.innerHTML = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M9.5 3A6.5 6.5 0 0 1 16 9.5c0 1.61-.59 3.09-1.56 4.23l.27.27h.79l5 5-1.5 1.5-5-5v-.79l-.27-.27A6.52 6.52 0 0 1 9.5 16 6.5 6.5 0 0 1 3 9.5 6.5 6.5 0 0 1 9.5 3m0 2C7 5 5 7 5 9.5S7 14 9.5 14 14 12 14 9.5 12 5 9.5 5"/></svg>';
    opener.appendChild(el("span", { "class": "mpc-search-open__label" }, words.placeholder));
    opener.appendChild(el("kbd", { "aria-hidden": "true" }, "/"));
    var option = inner.querySelector(".md-header__option");
    inner.insertBefore(opener, option ? option.nextSibling : null);

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
    var ui = build();
    if (!ui) { return; }
    var dialog = ui.dialog, input = ui.input;
    var status = dialog.querySelector(".mpc-search__status");
    var list = dialog.querySelector(".mpc-search__results");
    var facetsBox = dialog.querySelector(".mpc-search__facets");
    var more = dialog.querySelector(".mpc-search__more");
    var filterButton = dialog.querySelector(".mpc-search__filter");
    var facetsLoaded = null;  // facet indexes are fetched only when the visitor asks for filters
    var chosen = {};
    var current = null, shown = 0, active = -1, generation = 0, timer = null;
    var collator = new Intl.Collator(lang);

    function open() {
      dialog.hidden = false;
      document.documentElement.classList.add("mpc-search-active");
      input.focus();
      input.select();
      loadPagefind();
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

    function showMore(ticket) {
      var batch = current.results.slice(shown, shown + PAGE);
      shown += batch.length;
      more.hidden = shown >= current.results.length;
      return Promise.all(batch.map(function (result) { return result.data(); })).then(function (pages) {
        if (ticket !== generation) { return; }
        pages.forEach(function (data) {
          var item = el("li", { role: "none" });
          var link = el("a", { href: data.url, role: "option", id: "mpc-result-" + list.children.length, "class": "mpc-search__result" });
          link.appendChild(el("span", { "class": "mpc-search__title" }, data.meta.title || data.url));
          var type = data.filters && data.filters.type && data.filters.type[0];
          if (type) { link.appendChild(el("span", { "class": "mpc-search__type" }, type)); }
          link.appendChild(excerptNode(ownExcerpt(data, current.terms)));
          item.appendChild(link);
          list.appendChild(item);
        });
      });
    }

    function run() {
      var ticket = ++generation;
      var query = fold(input.value.trim());
      var filters = {};
      Object.keys(chosen).forEach(function (name) { if (chosen[name].length) { filters[name] = { any: chosen[name] }; } });
      if (!query && !Object.keys(filters).length) {
        list.textContent = ""; facetsBox.textContent = ""; more.hidden = true; filterButton.hidden = true;
        status.textContent = words.hint; input.setAttribute("aria-expanded", "false");
        return;
      }
      status.textContent = words.loading;
      loadPagefind().then(function (module) {
        return module.search(query || null, { filters: filters });
      }).then(function (search) {
        if (ticket !== generation || !search) { return; }
        current = search; shown = 0; active = -1;
        current.terms = query.split(/\s+/).filter(Boolean);
        list.textContent = "";
        renderFacets(search.filters || {});
        filterButton.hidden = search.results.length === 0 && !Object.keys(filters).length;
        status.textContent = search.results.length ? words.results.replace("{n}", search.results.length) : words.none;
        input.setAttribute("aria-expanded", search.results.length ? "true" : "false");
        return showMore(ticket);
      });
    }

    ui.opener.addEventListener("click", open);
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
        facetsLoaded = loadPagefind().then(function (module) { return module.filters(); }).then(run);
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
    document.addEventListener("keydown", function (event) {
      if (!dialog.hidden || event.ctrlKey || event.metaKey || event.altKey) { return; }
      var target = event.target;
      var typing = target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
      if (!typing && (event.key === "/" || event.key === "s" || event.key === "S")) { event.preventDefault(); open(); }
    });
    status.textContent = words.hint;
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", setup); } else { setup(); }
})();
