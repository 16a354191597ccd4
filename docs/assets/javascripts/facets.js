/*
 * Faceted filtering for the hub's listings (catalog, recommendations, publications), phone first.
 *
 * Written here because no maintained MkDocs or Material plugin filters static cards by several facets
 * with counts and shareable URLs. It only enhances: the full list is in the HTML, so without
 * JavaScript every record still shows (the controls carry .mpc-js-only and stay hidden). Filters are
 * native checkboxes and selects (keyboard-usable), combined with OR inside a facet and AND across
 * facets, and mirrored in the URL (?theme=a&province=b): each change of a filter is a history entry, so
 * Back undoes it instead of leaving the catalog; typing replaces the entry.
 *
 * The text field asks the site's one search engine (window.mpcSearch, search.js: Pagefind in the page's
 * language, Turkish search keys, metadata weighed above body text) for the records of the query, so it
 * finds what the header search finds, in the same order: a card stays when its link is one of the
 * engine's results (both resolved to absolute addresses: the site lives under a sub-path), AND the
 * facets; while a query is present the cards follow the engine's rank (unless sorted by title). If the
 * engine cannot load, the facets still work and the query is set aside, with a note. A query without
 * results suggests browse pages whose labels are close to it (mpcSearch.suggest), as the header does.
 *
 * On a phone (below 60em) the facets are a full-height modal dialog opened by the "Filters" button
 * (which shows how many values are chosen): the rest of the page is inert while it is open, Escape or
 * the close button return to the button, and the sticky "Show N …" button goes to the results. Chosen
 * values are chips above the results; a chip's button removes its value. Values with no result under
 * the other filters move to the end of their group.
 *
 * Load time: the build writes the list in its default order with its counts, so with nothing chosen in
 * the URL this script only listens; it touches the cards at the first change (total blocking time on a
 * phone's CPU, tests/test_frontend_speed.py).
 *
 * Also here, because the filters are what it must keep: the language switcher carries the page's query
 * and hash to the other language's page (the same page, with the same keys in the URL).
 */
(function () {
  "use strict";

  var DESKTOP = window.matchMedia("(min-width: 60em)");
  var TYPING_PAUSE = 120;  // ms after the last key before the engine is asked (as the header search waits)

  function fill(element, n) {
    var template = n === 0 ? null : n === 1 ? element.getAttribute("data-template-one") : element.getAttribute("data-template");
    return template ? template.replace("{n}", n) : element.getAttribute("data-empty");
  }

  function toArray(list) { return Array.prototype.slice.call(list); }

  /* The engine (search.js, loaded after this file, both deferred): defined once every script has run. */
  function engineReady() {
    if (window.mpcSearch || document.readyState === "complete") { return Promise.resolve(window.mpcSearch); }
    return new Promise(function (resolve) {
      window.addEventListener("load", function () { resolve(window.mpcSearch); }, { once: true });
    });
  }

  /* A modal panel without <dialog>: the same element is the desktop side column, so the dialog role,
     aria-modal and the inert page around it exist only while it is open on a phone. */
  function Modal(panel, opener, onClose) {
    var inerted = [];
    function open() {
      panel.classList.add("is-open");
      panel.setAttribute("role", "dialog");
      panel.setAttribute("aria-modal", "true");
      panel.setAttribute("tabindex", "-1");
      opener.setAttribute("aria-expanded", "true");
      document.documentElement.classList.add("mpc-modal-open");
      for (var node = panel; node && node !== document.body; node = node.parentElement) {
        toArray(node.parentElement.children).forEach(function (sibling) {
          if (sibling !== node && !sibling.inert && sibling.tagName !== "SCRIPT") { sibling.inert = true; inerted.push(sibling); }
        });
      }
      panel.focus();
    }
    function close(focusTarget) {
      if (!panel.classList.contains("is-open")) { return; }
      panel.classList.remove("is-open");
      panel.removeAttribute("role");
      panel.removeAttribute("aria-modal");
      panel.removeAttribute("tabindex");
      opener.setAttribute("aria-expanded", "false");
      document.documentElement.classList.remove("mpc-modal-open");
      inerted.forEach(function (node) { node.inert = false; });
      inerted = [];
      (focusTarget || opener).focus();
      if (onClose) { onClose(); }
    }
    panel.addEventListener("keydown", function (event) { if (event.key === "Escape") { close(); } });
    return { open: open, close: close, isOpen: function () { return panel.classList.contains("is-open"); } };
  }

  function setup(form) {
    var root = form.closest("[data-mpc-catalog]") || form.parentNode;
    var list = root.querySelector("[data-mpc-list]");
    var status = root.querySelector("[data-mpc-status]");
    var chips = root.querySelector("[data-mpc-chips]");
    var opener = root.querySelector("[data-mpc-open]");
    var showButton = form.querySelector("[data-mpc-apply]");
    var activeCount = root.querySelector("[data-mpc-active-count]");
    var help = root.querySelector("[data-mpc-help]");
    var note = root.querySelector("[data-mpc-search-note]");
    if (!list) { return; }
    var cards = toArray(list.children);
    var fieldsets = toArray(form.querySelectorAll("fieldset[data-facet]"));
    var facets = fieldsets.map(function (fs) { return fs.getAttribute("data-facet"); });
    var search = form.elements.namedItem("q");
    var sort = form.elements.namedItem("sort");
    var values = null;  // each card's facet values, read at the first change
    var addresses = null;  // each card's absolute address, read at the first query
    var modal = opener ? Modal(form, opener) : null;
    // The engine's answer for one query: ranks maps a result's absolute address to its position; null
    // when the engine could not answer (the query is then set aside and the facets still work).
    var answered = { text: "", ranks: null };
    var ticket = 0, timer = null;

    function facetValues() {
      if (!values) {
        values = cards.map(function (card) {
          var entry = {};
          facets.forEach(function (facet) {
            var raw = card.getAttribute("data-f-" + facet) || "";
            // keys joined by spaces, or a JSON list when a value is a name with spaces (listings.facet_attribute)
            entry[facet] = !raw ? [] : raw.charAt(0) === "[" ? JSON.parse(raw) : raw.split(" ");
          });
          return entry;
        });
      }
      return values;
    }

    function cardAddresses() {
      if (!addresses) {
        addresses = cards.map(function (card) {
          var link = card.querySelector("a[href]");
          return link ? new URL(link.getAttribute("href"), window.location.href).href : "";
        });
      }
      return addresses;
    }

    function queryText() { return search ? search.value.trim() : ""; }

    /* The engine's ranks for the query in the field, or null when there is no query or no engine. */
    function currentRanks() {
      var text = queryText();
      return text && answered.text === text ? answered.ranks : null;
    }

    function selected() {
      var chosen = {};
      facets.forEach(function (facet) {
        chosen[facet] = toArray(form.querySelectorAll("input[name='" + facet + "']:checked")).map(function (i) { return i.value; });
      });
      return chosen;
    }

    function matches(index, chosen, skip, ranks) {
      for (var f = 0; f < facets.length; f++) {
        var facet = facets[f];
        if (facet === skip || chosen[facet].length === 0) { continue; }
        var have = values[index][facet];
        if (!chosen[facet].some(function (v) { return have.indexOf(v) >= 0; })) { return false; }
      }
      return !ranks || addresses[index] in ranks;
    }

    /* One pass over the cards per facet (not per value): a card that passes the other facets counts
       for each of its values in this one. */
    function updateCounts(chosen, ranks) {
      fieldsets.forEach(function (fs) {
        var facet = fs.getAttribute("data-facet");
        var counts = Object.create(null);  // keyed by values contributors wrote ("__proto__" is a name too)
        cards.forEach(function (card, i) {
          if (matches(i, chosen, facet, ranks)) {
            values[i][facet].forEach(function (v) { counts[v] = (counts[v] || 0) + 1; });
          }
        });
        var labels = toArray(fs.querySelectorAll("label"));
        labels.forEach(function (label, position) {
          var input = label.querySelector("input");
          var count = counts[input.value] || 0;
          label.querySelector("[data-count]").textContent = count;
          label.classList.toggle("mpc-zero", count === 0 && !input.checked);
          if (!label.hasAttribute("data-order")) { label.setAttribute("data-order", position); }
        });
        // Values that would give nothing move to the end, in their own order; the focus stays put.
        var sorted = labels.slice().sort(function (a, b) {
          var za = a.classList.contains("mpc-zero") ? 1 : 0, zb = b.classList.contains("mpc-zero") ? 1 : 0;
          return za - zb || Number(a.getAttribute("data-order")) - Number(b.getAttribute("data-order"));
        });
        if (sorted.some(function (label, i) { return label !== labels[i]; })) {
          var focused = document.activeElement;
          sorted.forEach(function (label) { fs.appendChild(label); });
          if (focused && fs.contains(focused)) { focused.focus(); }
        }
      });
    }

    function updateChips(chosen) {
      var count = 0;
      chips.textContent = "";
      function chip(text, remove) {
        var item = document.createElement("li");
        var button = document.createElement("button");
        button.type = "button";
        button.className = "mpc-chip";
        button.setAttribute("aria-label", chips.getAttribute("data-remove").replace("{label}", text));
        // The name starts with the visible words (WCAG 2.5.3); the cross is drawn by CSS (.mpc-chip::after).
        button.textContent = text;
        button.addEventListener("click", function () {
          var next = item.nextElementSibling || item.previousElementSibling;
          var index = next ? toArray(chips.children).indexOf(next) : -1;
          remove();
          refresh("push").then(function () {
            var after = chips.children[index > toArray(chips.children).length - 1 ? 0 : index];
            (after && index >= 0 ? after.querySelector("button") : status).focus();
          });
        });
        item.appendChild(button);
        chips.appendChild(item);
      }
      if (queryText()) {
        chip("“" + queryText() + "”", function () { search.value = ""; });
      }
      facets.forEach(function (facet) {
        chosen[facet].forEach(function (value) {
          var input = form.querySelector("input[name='" + facet + "'][value='" + CSS.escape(value) + "']");
          count++;
          chip(input.parentNode.querySelector("[data-label]").textContent, function () { input.checked = false; });
        });
      });
      chips.hidden = chips.children.length === 0;
      if (activeCount) { activeCount.textContent = count ? " (" + count + ")" : ""; }
    }

    /* No result for a query: browse pages with a close label (the engine's suggestions). */
    function updateHelp(shown) {
      if (!help) { return; }
      var text = queryText();
      var list_ = help.querySelector("ul");
      list_.textContent = "";
      help.hidden = true;
      if (shown || !text || !currentRanks() || !window.mpcSearch) { return; }
      window.mpcSearch.suggest(text).then(function (found) {
        if (queryText() !== text || !found.length) { return; }
        found.forEach(function (s) {
          var item = document.createElement("li");
          var link = document.createElement("a");
          link.href = s.url;
          link.textContent = s.label;
          item.appendChild(link);
          list_.appendChild(item);
        });
        help.hidden = false;
      }, function () {});
    }

    function apply(history_) {
      facetValues();
      var ranks = currentRanks();
      if (ranks) { cardAddresses(); }
      var chosen = selected();
      var shown = 0;
      cards.forEach(function (card, i) {
        var ok = matches(i, chosen, null, ranks);
        if (card.hidden === ok) { card.hidden = !ok; }
        if (ok) { shown++; }
      });
      updateCounts(chosen, ranks);
      var order = cards.map(function (card, i) { return i; });
      function byRank(a, b) { return Number(cards[a].getAttribute("data-rank")) - Number(cards[b].getAttribute("data-rank")); }
      if (sort && sort.value === "title") {
        order.sort(byRank);
      } else if (ranks) {
        var position = function (i) { var r = ranks[addresses[i]]; return r === undefined ? Infinity : r; };
        order.sort(function (a, b) { return (position(a) - position(b)) || byRank(a, b); });
      } else {
        order.sort(function (a, b) {
          var x = cards[a].getAttribute("data-date"), y = cards[b].getAttribute("data-date");
          return x < y ? 1 : x > y ? -1 : byRank(a, b);
        });
      }
      if (order.some(function (i, n) { return list.children[n] !== cards[i]; })) {
        order.forEach(function (i) { list.appendChild(cards[i]); });
      }
      if (status) { status.textContent = fill(status, shown); }
      if (showButton) { showButton.textContent = fill(showButton, shown); }
      if (chips) { updateChips(chosen); }
      if (note) { note.hidden = !(queryText() && answered.text === queryText() && !answered.ranks); }
      updateHelp(shown);
      if (history_) {
        var params = new URLSearchParams();
        if (queryText()) { params.append("q", queryText()); }
        facets.forEach(function (facet) { chosen[facet].forEach(function (v) { params.append(facet, v); }); });
        if (sort && sort.value !== "newest") { params.append("sort", sort.value); }
        var query = params.toString();
        var address = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
        if (address !== window.location.pathname + window.location.search + window.location.hash) {
          window.history[history_ === "push" ? "pushState" : "replaceState"](null, "", address);
        }
        keepQueryInLanguageLinks();
      }
      // The list now shows this query (tests wait for it, as for the header's list).
      list.setAttribute("data-query", queryText());
    }

    /* Ask the engine for the query's records when the query changed, then apply everything. */
    function refresh(history_) {
      clearTimeout(timer);
      var text = queryText();
      var mine = ++ticket;
      if (!text || answered.text === text) { apply(history_); return Promise.resolve(); }
      list.setAttribute("aria-busy", "true");
      var asked = engineReady().then(function (engine) {
        if (!engine) { throw new Error("no search engine"); }
        return engine.rank(text).then(function (ranked) { return engine.addresses(ranked.hits); });
      });
      return asked.then(function (found) {
        var ranks = {};
        found.forEach(function (address, i) {
          if (!(address in ranks)) { ranks[address] = i; }
        });
        return ranks;
      }, function () { return null; }).then(function (ranks) {
        if (mine !== ticket) { return; }
        answered = { text: text, ranks: ranks };
        list.setAttribute("aria-busy", "false");
        apply(history_);
      });
    }

    form.addEventListener("change", function () { refresh("push"); });
    if (search) {
      search.addEventListener("input", function () {
        clearTimeout(timer);
        timer = setTimeout(function () { refresh("replace"); }, TYPING_PAUSE);
      });
      search.addEventListener("keydown", function (event) {
        if (event.key === "Enter") {
          event.preventDefault();
          refresh("push").then(function () { status.focus(); });
        }
      });
    }
    if (sort) { sort.addEventListener("change", function () { refresh("push"); }); }
    form.addEventListener("submit", function (event) { event.preventDefault(); refresh("push"); });
    form.addEventListener("reset", function () { setTimeout(function () { refresh("push"); }, 0); });
    window.addEventListener("popstate", function () { restore(); refresh(null); });
    if (modal) {
      opener.addEventListener("click", function () { modal.open(); });
      form.querySelector("[data-mpc-close]").addEventListener("click", function () { modal.close(); });
      showButton.addEventListener("click", function () {
        if (modal.isOpen()) { modal.close(status); } else { status.focus(); }
      });
      var closeOnDesktop = function () { if (DESKTOP.matches) { modal.close(); } };
      if (DESKTOP.addEventListener) { DESKTOP.addEventListener("change", closeOnDesktop); }
    }

    function restore() {
      var params = new URLSearchParams(window.location.search);
      facets.forEach(function (facet) {
        var wanted = params.getAll(facet);
        form.querySelectorAll("input[name='" + facet + "']").forEach(function (input) {
          input.checked = wanted.indexOf(input.value) >= 0;
        });
      });
      if (search) { search.value = params.get("q") || ""; }
      if (sort) { sort.value = params.get("sort") === "title" ? "title" : "newest"; }
    }

    // Nothing chosen in the URL: the page is already as the build wrote it (default order, full counts).
    var params = new URLSearchParams(window.location.search);
    var chosenInUrl = ["q", "sort"].concat(facets).some(function (name) { return params.has(name); });
    if (chosenInUrl || (search && search.value) || form.querySelector("input:checked")) {
      restore();
      refresh(null);
    } else {
      list.setAttribute("data-query", "");
    }
  }

  /* The other language's page with this page's query and hash (filters, sort, text, anchor). */
  function keepQueryInLanguageLinks() {
    document.querySelectorAll("a.md-select__link[hreflang]").forEach(function (link) {
      if (!link.hasAttribute("data-mpc-base")) { link.setAttribute("data-mpc-base", link.getAttribute("href")); }
      var base = link.getAttribute("data-mpc-base").split("#")[0].split("?")[0];
      link.setAttribute("href", base + window.location.search + window.location.hash);
    });
  }

  /* A table wider than a phone scrolls inside Material's wrapper; keyboard users reach it with Tab. Material
     adds the wrappers when the document is loaded (DOMContentLoaded), so this runs after it (see init). */
  function focusableScrollRegions() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      if (wrap.scrollWidth > wrap.clientWidth && !wrap.hasAttribute("tabindex")) { wrap.setAttribute("tabindex", "0"); }
    });
  }

  function init() {
    document.querySelectorAll("form[data-mpc-facets]").forEach(setup);
    focusableScrollRegions();
    keepQueryInLanguageLinks();
    window.addEventListener("hashchange", keepQueryInLanguageLinks);
  }
  // Deferred scripts run before DOMContentLoaded, Material's bundle first: its handlers for that event (the
  // table wrappers above, among others) are registered before ours, so ours run after them. Loaded any later,
  // the page is ready: run now.
  var started = false;
  function start() { if (!started) { started = true; init(); } }
  if (document.readyState === "complete") { start(); } else {
    document.addEventListener("DOMContentLoaded", start);
    window.addEventListener("load", start);
  }
})();
