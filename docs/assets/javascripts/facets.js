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
 * On a phone (below 60em) the facets are a full-height modal dialog opened by the "Filters" button
 * (which shows how many values are chosen): the rest of the page is inert while it is open, Escape or
 * the close button return to the button, and the sticky "Show N …" button goes to the results. Chosen
 * values are chips above the results; a chip's button removes its value. Values with no result under
 * the other filters move to the end of their group.
 *
 * Also here, because the filters are what it must keep: the language switcher carries the page's query
 * and hash to the other language's page (the same page, with the same keys in the URL).
 */
(function () {
  "use strict";

  var TURKISH = { "ı": "i", "İ": "i", "I": "i", "ş": "s", "Ş": "s", "ğ": "g", "Ğ": "g",
                  "ç": "c", "Ç": "c", "ö": "o", "Ö": "o", "ü": "u", "Ü": "u" };
  var DESKTOP = window.matchMedia("(min-width: 60em)");

  /* The same folding as mpchub.text.fold, so 'Işık', 'ışık' and 'isik' meet. */
  function fold(text) {
    return String(text).replace(/[ıİIşŞğĞçÇöÖüÜ]/g, function (c) { return TURKISH[c]; })
      .toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  }

  function fill(element, n) {
    var template = n === 0 ? null : n === 1 ? element.getAttribute("data-template-one") : element.getAttribute("data-template");
    return template ? template.replace("{n}", n) : element.getAttribute("data-empty");
  }

  function toArray(list) { return Array.prototype.slice.call(list); }

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
    if (!list) { return; }
    var cards = toArray(list.children);
    var fieldsets = toArray(form.querySelectorAll("fieldset[data-facet]"));
    var facets = fieldsets.map(function (fs) { return fs.getAttribute("data-facet"); });
    var search = form.elements.namedItem("q");
    var sort = form.elements.namedItem("sort");
    var values = cards.map(function (card) {
      var entry = {};
      facets.forEach(function (facet) {
        var raw = card.getAttribute("data-f-" + facet) || "";
        entry[facet] = raw ? raw.split(" ") : [];
      });
      return entry;
    });
    var modal = opener ? Modal(form, opener) : null;

    function selected() {
      var chosen = {};
      facets.forEach(function (facet) {
        chosen[facet] = toArray(form.querySelectorAll("input[name='" + facet + "']:checked")).map(function (i) { return i.value; });
      });
      return chosen;
    }

    function matches(index, chosen, skip, words) {
      for (var f = 0; f < facets.length; f++) {
        var facet = facets[f];
        if (facet === skip || chosen[facet].length === 0) { continue; }
        var have = values[index][facet];
        if (!chosen[facet].some(function (v) { return have.indexOf(v) >= 0; })) { return false; }
      }
      if (words.length) {
        var text = cards[index].getAttribute("data-text") || "";
        return words.every(function (w) { return text.indexOf(w) >= 0; });
      }
      return true;
    }

    function updateCounts(chosen, words) {
      fieldsets.forEach(function (fs) {
        var facet = fs.getAttribute("data-facet");
        var labels = toArray(fs.querySelectorAll("label"));
        labels.forEach(function (label, position) {
          var input = label.querySelector("input");
          var count = 0;
          cards.forEach(function (card, i) {
            if (values[i][facet].indexOf(input.value) >= 0 && matches(i, chosen, facet, words)) { count++; }
          });
          label.querySelector("[data-count]").textContent = count;
          label.classList.toggle("mpc-zero", count === 0 && !input.checked);
          if (!label.hasAttribute("data-order")) { label.setAttribute("data-order", position); }
        });
        // Values that would give nothing move to the end, in their own order; the focus stays put.
        labels.sort(function (a, b) {
          var za = a.classList.contains("mpc-zero") ? 1 : 0, zb = b.classList.contains("mpc-zero") ? 1 : 0;
          return za - zb || Number(a.getAttribute("data-order")) - Number(b.getAttribute("data-order"));
        });
        var focused = document.activeElement;
        labels.forEach(function (label) { fs.appendChild(label); });
        if (focused && fs.contains(focused)) { focused.focus(); }
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
          apply("push");
          var after = chips.children[index > toArray(chips.children).length - 1 ? 0 : index];
          (after && index >= 0 ? after.querySelector("button") : status).focus();
        });
        item.appendChild(button);
        chips.appendChild(item);
      }
      if (search && search.value.trim()) {
        chip("“" + search.value.trim() + "”", function () { search.value = ""; });
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

    function apply(history_) {
      var chosen = selected();
      var words = search ? fold(search.value).split(/\s+/).filter(Boolean) : [];
      var shown = 0;
      cards.forEach(function (card, i) {
        var ok = matches(i, chosen, null, words);
        card.hidden = !ok;
        if (ok) { shown++; }
      });
      updateCounts(chosen, words);
      var order = cards.slice();
      if (sort && sort.value === "title") {
        order.sort(function (a, b) { return Number(a.getAttribute("data-rank")) - Number(b.getAttribute("data-rank")); });
      } else {
        order.sort(function (a, b) {
          var x = a.getAttribute("data-date"), y = b.getAttribute("data-date");
          return x < y ? 1 : x > y ? -1 : Number(a.getAttribute("data-rank")) - Number(b.getAttribute("data-rank"));
        });
      }
      order.forEach(function (card) { list.appendChild(card); });
      if (status) { status.textContent = fill(status, shown); }
      if (showButton) { showButton.textContent = fill(showButton, shown); }
      if (chips) { updateChips(chosen); }
      if (history_) {
        var params = new URLSearchParams();
        if (search && search.value.trim()) { params.append("q", search.value.trim()); }
        facets.forEach(function (facet) { chosen[facet].forEach(function (v) { params.append(facet, v); }); });
        if (sort && sort.value !== "newest") { params.append("sort", sort.value); }
        var query = params.toString();
        var address = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
        if (address !== window.location.pathname + window.location.search + window.location.hash) {
          window.history[history_ === "push" ? "pushState" : "replaceState"](null, "", address);
        }
        keepQueryInLanguageLinks();
      }
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

    form.addEventListener("change", function (event) { apply(event.target === search ? "replace" : "push"); });
    form.addEventListener("input", function (event) { if (event.target === search) { apply("replace"); } });
    if (search) { search.addEventListener("input", function () { apply("replace"); }); }
    if (sort) { sort.addEventListener("change", function () { apply("push"); }); }
    form.addEventListener("submit", function (event) { event.preventDefault(); apply("push"); });
    form.addEventListener("reset", function () { setTimeout(function () { apply("push"); }, 0); });
    if (search) {
      search.addEventListener("keydown", function (event) {
        if (event.key === "Enter") { event.preventDefault(); apply("push"); status.focus(); }
      });
    }
    window.addEventListener("popstate", function () { restore(); apply(null); });
    if (modal) {
      opener.addEventListener("click", function () { modal.open(); });
      form.querySelector("[data-mpc-close]").addEventListener("click", function () { modal.close(); });
      showButton.addEventListener("click", function () {
        if (modal.isOpen()) { modal.close(status); } else { status.focus(); }
      });
      var closeOnDesktop = function () { if (DESKTOP.matches) { modal.close(); } };
      if (DESKTOP.addEventListener) { DESKTOP.addEventListener("change", closeOnDesktop); }
    }
    restore();
    apply(null);
  }

  /* The other language's page with this page's query and hash (filters, sort, text, anchor). */
  function keepQueryInLanguageLinks() {
    document.querySelectorAll("a.md-select__link[hreflang]").forEach(function (link) {
      if (!link.hasAttribute("data-mpc-base")) { link.setAttribute("data-mpc-base", link.getAttribute("href")); }
      var base = link.getAttribute("data-mpc-base").split("#")[0].split("?")[0];
      link.setAttribute("href", base + window.location.search + window.location.hash);
    });
  }

  /* A table wider than a phone scrolls inside Material's wrapper; keyboard users reach it with Tab. */
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
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
