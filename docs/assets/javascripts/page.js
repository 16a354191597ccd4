/*
 * Small behaviours of every page, deferred and idle at load:
 *
 * - The service worker (sw.js at the site's root, made by scripts/mpchub/offline): registered once the
 *   page is idle and the search's own first files have been asked for (search.js), so that neither competes
 *   with the page on a weak line. Then, unless the visitor asked to save data, and once no search is under
 *   way, it is asked to keep this language's search bundle, catalog and home page for offline use;
 *   <html data-mpc-offline="LANG"> says when that is done. A build served by `mkdocs serve` names no worker: any worker left by an earlier
 *   build at this address is unregistered, so the edit loop never shows a kept copy.
 * - Printing: the print-only head of a page (overrides/main.html) gets the date and a QR code of the page's
 *   address, drawn in the browser with lean-qr (npm, vendored: VENDOR.md),
 *   so the build does no per-page QR work. The library is loaded when the page is idle, only on pages that
 *   have the print head, and the code is drawn then and again just before printing.
 */
(function () {
  "use strict";

  var node = document.getElementById("mpc-assets");
  var assets = node ? JSON.parse(node.textContent) : {};
  var lang = assets.lang || document.documentElement.lang; /* the page's language (mpchub.hub.Hub.browser_data) */
  var connection = navigator.connection || {};

  function siteRoot() {
    var config = document.getElementById("__config");
    var base = config ? JSON.parse(config.textContent).base : ".";
    return new URL(base.replace(/\/?$/, "/"), document.baseURI);
  }

  /* Keeping the search bundle for offline use waits while the visitor is searching (typing, or results on
     the way): on a slow line it would take the bandwidth that the first results need. */
  var lastInput = 0;
  document.addEventListener("input", function () { lastInput = Date.now(); }, true);
  function whenQuiet(run) {
    var busy = document.querySelector('.mpc-search__results[aria-busy="true"]');
    if (busy || Date.now() - lastInput < 2000) { setTimeout(function () { whenQuiet(run); }, 500); } else { run(); }
  }

  function whenIdle(run) {
    if (window.requestIdleCallback) { window.requestIdleCallback(run, { timeout: 5000 }); } else { setTimeout(run, 2000); }
  }

  /* --- the service worker ---------------------------------------------------------------------------- */
  /* The worker in charge once an update under way is done: a newer one installing or waiting takes over at once
     (sw.js calls skipWaiting). A message to the outgoing one would start it again just after the browser stopped
     it to activate the new one, and hold the new one back until the old one is idle again (30 s in Chromium);
     with DevTools attached, Chromium then stops the old one in the middle of a navigation, which never ends. */
  function inCharge(registration) {
    var next = registration.installing || registration.waiting;
    if (!next) { return Promise.resolve(registration.active); }
    return new Promise(function (done) {
      next.addEventListener("statechange", function () {
        if (next.state === "activated" || next.state === "redundant") { done(inCharge(registration)); }
      });
    });
  }

  function offline() {
    if (!("serviceWorker" in navigator) || !window.isSecureContext) { return; }
    var root = siteRoot();
    if (!assets.sw) {
      navigator.serviceWorker.getRegistrations().then(function (found) {
        found.forEach(function (registration) { if (registration.scope === root.href) { registration.unregister(); } });
      });
      return;
    }
    navigator.serviceWorker.addEventListener("message", function (event) {
      var data = event.data || {};
      if (data.type === "warmed") { document.documentElement.setAttribute("data-mpc-offline", data.lang); }
    });
    var searchFirst = window.mpcSearch && window.mpcSearch.preloaded ? window.mpcSearch.preloaded() : Promise.resolve();
    searchFirst.then(function () {
      whenIdle(function () {
        navigator.serviceWorker.register(new URL(assets.sw, root).href, { scope: root.pathname }).then(function () {
          return navigator.serviceWorker.ready;
        }).then(function (registration) {
          if (connection.saveData) { return; }
          whenQuiet(function () {
            inCharge(registration).then(function (worker) {
              if (worker) { worker.postMessage({ type: "warm", lang: lang }); }
            });
          });
        }).catch(function () {});
      });
    });
  }

  /* --- printing --------------------------------------------------------------------------------------- */
  var qr = null;
  function drawQr(box, address) {
    if (!qr || box.getAttribute("data-for") === address) { return; }
    var code = qr.generate(address);
    var size = code.size, path = "";
    for (var y = 0; y < size; y++) {
      for (var x = 0; x < size; x++) { if (code.get(x, y)) { path += "M" + x + " " + y + "h1v1h-1z"; } }
    }
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "-2 -2 " + (size + 4) + " " + (size + 4));
    svg.setAttribute("aria-hidden", "true");
    var shape = document.createElementNS(ns, "path");
    shape.setAttribute("d", path);
    svg.appendChild(shape);
    box.textContent = "";
    box.appendChild(svg);
    box.setAttribute("data-for", address);
  }

  function printHead() {
    var head = document.querySelector(".mpc-print-head");
    if (!head) { return; }
    var date = head.querySelector(".mpc-print-head__date");
    var box = head.querySelector(".mpc-print-head__qr");
    function fill() {
      // the published address the build wrote (SITE_URL), else this one without its query and hash
      var address = head.getAttribute("data-url") || window.location.href.split(/[?#]/)[0];
      if (date) {
        var today = new Intl.DateTimeFormat(lang, { day: "numeric", month: "long", year: "numeric" }).format(new Date());
        date.textContent = (date.getAttribute("data-label") || "") + " " + today;
      }
      if (box) { drawQr(box, address); }
    }
    fill();
    window.addEventListener("beforeprint", fill);
    if (box && assets.qr && !connection.saveData) {
      whenIdle(function () {
        import(new URL(assets.qr, siteRoot()).href).then(function (module) { qr = module; fill(); }).catch(function () {});
      });
    }
  }

  offline();
  printHead();
})();
