/*
 * "Download these N" on a catalog: a file of exactly the records on the screen, made in the browser (the site
 * has no server). It listens to what facets.js shows and never changes it: the count follows the result line
 * (data-mpc-status), and at a tap the shown cards, in their order, select the rows of the collection's table
 * (data/<collection>.<lang>.table.json, written by mpchub.exports.sheets: the same columns, headers in the
 * page's language and labels as the site's Excel files).
 *
 * Two formats: Excel (.xlsx), written by the vendored write-excel-file (loaded only at the first such tap; see
 * VENDOR.md), and CSV separated by ";" with a byte order mark, which Excel on Turkish settings opens in
 * columns with Turkish letters intact. The file's name carries the filters ("iyi-uygulamalar_province-istanbul").
 * A cell that starts like a formula gets a leading apostrophe in the CSV (OWASP); the .xlsx types every cell as
 * text or number, never as a formula.
 */
(function () {
  "use strict";

  function toArray(list) { return Array.prototype.slice.call(list); }

  /* An ASCII piece of a file name: accents dropped (ş → s), the dotless i made plain, anything else a hyphen.
     (The search's folding lives in mpc-text.js, loaded only by the search; a file name needs no more.) */
  function slug(text) {
    return String(text).toLocaleLowerCase(document.documentElement.lang || undefined).normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
      .replace(/\u0131/g, "i").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40);
  }

  function fill(element, n) {
    var template = n === 1 ? element.getAttribute("data-template-one") : element.getAttribute("data-template");
    return template.replace("{n}", n);
  }

  function save(blob, name) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = name;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
  }

  var FORMULA = /^[=+\-@\t\r]/;
  function csvCell(value) {
    var text = value === null || value === undefined ? "" : String(value);
    if (typeof value === "string" && FORMULA.test(text)) { text = "'" + text; }
    return /[";\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  var library = null;
  function writer(src) {
    if (!library) {
      library = new Promise(function (resolve, reject) {
        if (window.writeXlsxFile) { resolve(window.writeXlsxFile); return; }
        var script = document.createElement("script");
        script.src = src;
        script.onload = function () { window.writeXlsxFile ? resolve(window.writeXlsxFile) : reject(new Error("no writer")); };
        script.onerror = function () { library = null; reject(new Error("writer not loaded")); };
        document.head.appendChild(script);
      });
    }
    return library;
  }

  function setup(box) {
    var catalog = box.closest("[data-mpc-catalog]");
    var list = catalog && catalog.querySelector("[data-mpc-list]");
    var status = catalog && catalog.querySelector("[data-mpc-status]");
    var label = box.querySelector("[data-mpc-download-label]");
    var note = box.querySelector("[data-mpc-download-note]");
    if (!list || !status) { return; }
    var table = null;

    function shown() { return toArray(list.children).filter(function (card) { return !card.hidden; }); }
    function update() {
      var n = shown().length;
      label.textContent = fill(label, n);
      box.hidden = n === 0;
      if (n === 0) { box.open = false; }
    }
    new MutationObserver(update).observe(status, { childList: true, characterData: true, subtree: true });

    function rows() {
      if (!table) {
        table = fetch(box.getAttribute("data-table")).then(function (response) {
          if (!response.ok) { throw new Error(response.status); }
          return response.json();
        });
      }
      return table.then(function (data) {
        var root = new URL(box.getAttribute("data-root"), window.location.href);
        var at = {};
        data.urls.forEach(function (url, i) { at[new URL(url, root).href] = i; });
        var picked = [];
        shown().forEach(function (card) {
          var link = card.querySelector("a[href]");
          var i = link ? at[new URL(link.getAttribute("href"), window.location.href).href] : undefined;
          if (i !== undefined) { picked.push(data.rows[i]); }
        });
        return { name: data.name, headers: data.headers, rows: picked };
      });
    }

    /* "iyi-uygulamalar_province-istanbul_theme-language-learning.tr" */
    function fileName(extension) {
      var parts = [box.getAttribute("data-name")];
      new URLSearchParams(window.location.search).forEach(function (value, key) {
        if (key !== "sort") { parts.push(slug(key) + "-" + slug(value)); }
      });
      return parts.join("_").slice(0, 150) + "." + box.getAttribute("data-lang") + "." + extension;
    }

    function download(format) {
      note.textContent = "";
      return rows().then(function (found) {
        if (format === "csv") {
          var lines = [found.headers].concat(found.rows).map(function (row) { return row.map(csvCell).join(";"); });
          save(new Blob(["\ufeff" + lines.join("\r\n") + "\r\n"], { type: "text/csv;charset=utf-8" }), fileName("csv"));
          return;
        }
        return writer(box.getAttribute("data-writer")).then(function (write) {
          var header = found.headers.map(function (h) { return { value: h, type: String, fontWeight: "bold" }; });
          var body = found.rows.map(function (row) {
            return row.map(function (v) {
              if (typeof v === "number") { return { value: v, type: Number }; }
              return { value: v === null || v === undefined ? "" : String(v), type: String, wrap: String(v).indexOf("\n") >= 0 };
            });
          });
          var columns = found.headers.map(function () { return { width: 28 }; });
          return write([header].concat(body), { columns: columns, stickyRowsCount: 1, sheet: found.name.slice(0, 31) })
            .toBlob().then(function (blob) { save(blob, fileName("xlsx")); });
        });
      }).then(function () { box.open = false; }, function () { note.textContent = note.getAttribute("data-failed"); });
    }

    toArray(box.querySelectorAll("button[data-format]")).forEach(function (button) {
      button.addEventListener("click", function () { download(button.getAttribute("data-format")); });
    });
    update();
  }

  function init() { document.querySelectorAll("[data-mpc-download]").forEach(setup); }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
