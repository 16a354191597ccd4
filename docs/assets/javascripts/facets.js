/*
 * Faceted filtering for the hub's listings (catalog, recommendations, publications).
 *
 * Written here because no maintained MkDocs or Material plugin filters static cards by several facets
 * with counts and shareable URLs. It only enhances: the full list is in the HTML, so without
 * JavaScript every record still shows. Filters are native checkboxes and selects (keyboard-usable),
 * combined with OR inside a facet and AND across facets, and mirrored in the URL (?theme=a&province=b).
 */
(function () {
  "use strict";

  var TURKISH = { "ı": "i", "İ": "i", "I": "i", "ş": "s", "Ş": "s", "ğ": "g", "Ğ": "g",
                  "ç": "c", "Ç": "c", "ö": "o", "Ö": "o", "ü": "u", "Ü": "u" };

  /* The same folding as mpchub.text.fold, so 'Işık', 'ışık' and 'isik' meet. */
  function fold(text) {
    return String(text).replace(/[ıİIşŞğĞçÇöÖüÜ]/g, function (c) { return TURKISH[c]; })
      .toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  }

  function setup(form) {
    var list = form.parentNode.querySelector("[data-mpc-list]");
    var status = form.parentNode.querySelector("[data-mpc-status]");
    if (!list) { return; }
    var cards = Array.prototype.slice.call(list.children);
    var fieldsets = Array.prototype.slice.call(form.querySelectorAll("fieldset[data-facet]"));
    var facets = fieldsets.map(function (fs) { return fs.getAttribute("data-facet"); });
    var search = form.querySelector("input[name=q]");
    var sort = form.querySelector("select[name=sort]");
    var values = cards.map(function (card) {
      var entry = {};
      facets.forEach(function (facet) {
        var raw = card.getAttribute("data-f-" + facet) || "";
        entry[facet] = raw ? raw.split(" ") : [];
      });
      return entry;
    });

    function selected() {
      var chosen = {};
      facets.forEach(function (facet) {
        chosen[facet] = Array.prototype.slice.call(
          form.querySelectorAll("input[name='" + facet + "']:checked")).map(function (i) { return i.value; });
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

    function apply(updateUrl) {
      var chosen = selected();
      var words = search ? fold(search.value).split(/\s+/).filter(Boolean) : [];
      var shown = 0;
      cards.forEach(function (card, i) {
        var ok = matches(i, chosen, null, words);
        card.hidden = !ok;
        if (ok) { shown++; }
      });
      fieldsets.forEach(function (fs) {
        var facet = fs.getAttribute("data-facet");
        fs.querySelectorAll("label").forEach(function (label) {
          var input = label.querySelector("input");
          var count = 0;
          cards.forEach(function (card, i) {
            if (values[i][facet].indexOf(input.value) >= 0 && matches(i, chosen, facet, words)) { count++; }
          });
          label.querySelector("[data-count]").textContent = count;
          label.classList.toggle("mpc-zero", count === 0);
        });
      });
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
      if (status) {
        status.textContent = shown ? status.getAttribute("data-template").replace("{n}", shown)
                                   : status.getAttribute("data-empty");
      }
      if (updateUrl) {
        var params = new URLSearchParams();
        if (search && search.value.trim()) { params.append("q", search.value.trim()); }
        facets.forEach(function (facet) { chosen[facet].forEach(function (v) { params.append(facet, v); }); });
        if (sort && sort.value !== "newest") { params.append("sort", sort.value); }
        var query = params.toString();
        history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
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

    form.hidden = false;
    var details = form.querySelector("[data-mpc-details]");
    var anyChosen = facets.some(function (facet) { return new URLSearchParams(window.location.search).getAll(facet).length; });
    if (details && (window.matchMedia("(min-width: 60em)").matches || anyChosen)) { details.open = true; }
    form.addEventListener("change", function () { apply(true); });
    form.addEventListener("input", function (event) { if (event.target === search) { apply(true); } });
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(true); });
    form.addEventListener("reset", function () { setTimeout(function () { apply(true); }, 0); });
    restore();
    apply(false);
  }

  function init() {
    document.querySelectorAll("form[data-mpc-facets]").forEach(setup);
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
