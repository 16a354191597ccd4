/*
 * The site's service worker: pages and the search keep working on weak data and offline.
 * GENERATED into the built site as sw.js by mpchub.offline (DATA below: the build's files and version);
 * edit scripts/mpchub/offline/sw.js, never the copy in the site.
 *
 * Written small rather than with Workbox: it needs four rules (below) and a per-language offline page, and
 * Workbox would add its runtime (several files loaded with importScripts, or a bundling step with npm in
 * every build) for routing and strategies that are a few lines each here; this file is reviewed like the
 * site's other scripts and tested in Chromium (tests/test_browser_offline.py).
 *
 * Rules:
 *  - Pages (navigations): the network first, always, revalidated (not the HTTP cache's copy); the copy kept
 *    from the last visit only when the network fails, so a stale page is never shown over a fresh one. A page never visited shows the offline
 *    page of its language, at its own address (a <base> makes the offline page's relative links work there).
 *  - Files whose name carries their content's hash (ours and Material's, Pagefind's index files): from the
 *    cache, else the network; such a name never holds other bytes.
 *  - The site's other scripts, styles, images and search files: the network first, the kept copy offline.
 *  - Anything else (other hosts, downloads under data/, also when opened as pages; non-GET): not touched.
 *
 * Caches: names start with "mpc-v" and the storage version; a new version deletes the others when it
 * activates. A language's search bundle is kept as one index build made it ("mpc-v1-search-tr-TAG"); keeping
 * a newer one deletes the older. A page asks for its language's bundle, catalog and home page to be kept
 * ({type: "warm", lang}) once it is idle and the visitor has not asked to save data (page.js).
 */
"use strict";

var DATA = /*@DATA@*/null;
var PREFIX = "mpc-v1-";
var ASSETS = PREFIX + "assets";
var PAGES = PREFIX + "pages";
var FILES = PREFIX + "files";
var SEARCH = PREFIX + "search-";
var LIMITS = {};
LIMITS[ASSETS] = 150;
LIMITS[PAGES] = 200;
LIMITS[FILES] = 300;
var IMMUTABLE = new RegExp(DATA.immutable);
var KEPT = new RegExp(DATA.kept);  // the site's scripts, styles, images and search files (not data/ downloads)
var scope = new URL(self.registration.scope);

function abs(path) { return new URL(path, scope).href; }

function languageOf(url) {
  var rest = url.pathname.slice(scope.pathname.length);
  var found = DATA.master;
  Object.keys(DATA.prefixes).forEach(function (lang) {
    if (DATA.prefixes[lang] && rest.indexOf(DATA.prefixes[lang]) === 0) { found = lang; }
  });
  return found;
}

self.addEventListener("install", function (event) {
  event.waitUntil(Promise.all([
    caches.open(ASSETS).then(function (cache) { return cache.addAll(DATA.shell.map(abs)); }),
    caches.open(PAGES).then(function (cache) {
      // revalidated, not taken from the HTTP cache as it is: this version's offline pages
      return cache.addAll(Object.keys(DATA.offline).map(function (lang) {
        return new Request(abs(DATA.offline[lang]), { cache: "no-cache" });
      }));
    })
  ]).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf("mpc-v") === 0 && name.indexOf(PREFIX) !== 0;
    }).map(function (name) { return caches.delete(name); }));
  }).then(function () { return Promise.all(Object.keys(LIMITS).map(trim)); })
    .then(function () { return self.clients.claim(); }));
});

/* Keep at most LIMITS[name] entries, the oldest going first. */
function trim(name) {
  return caches.open(name).then(function (cache) {
    return cache.keys().then(function (keys) {
      return Promise.all(keys.slice(0, Math.max(0, keys.length - LIMITS[name])).map(function (k) { return cache.delete(k); }));
    });
  });
}

function keep(name, key, response) {
  if (response && response.ok && response.type === "basic") {
    var copy = response.clone();
    caches.open(name).then(function (cache) { return cache.put(key, copy); }).catch(function () {});
  }
  return response;
}

/* The offline page of ``lang``, at the address asked for: its links are relative to its own folder. */
function offlinePage(lang, url) {
  return caches.match(abs(DATA.offline[lang])).then(function (response) {
    if (!response) { return Response.error(); }
    return response.text().then(function (html) {
      var base = '<base href="' + abs(DATA.offline[lang]) + '">';
      var here = url.pathname + url.search;
      html = html.replace(/<head([^>]*)>/i, "<head$1>" + base).replace(/href="#/g, 'href="' + here + "#");
      return new Response(html, { status: 200, headers: { "Content-Type": "text/html; charset=utf-8" } });
    });
  });
}

function page(request, url) {
  var key = url.origin + url.pathname;  // one copy per page, whatever its query (?theme=…, ?highlight=…)
  // revalidated with the server (an ETag answer is a few bytes), never taken from the HTTP cache unasked:
  // GitHub Pages lets a browser keep a page 10 minutes
  return fetch(new Request(request, { cache: "no-cache" })).then(function (response) {
    return response.status === 200 && !response.redirected ? keep(PAGES, key, response) : response;
  }).catch(function () {
    return caches.match(key, { ignoreSearch: true }).then(function (kept) {
      return kept || offlinePage(languageOf(url), url);
    });
  });
}

function cacheFirst(request) {
  return caches.match(request).then(function (kept) {
    return kept || fetch(request).then(function (response) { return keep(ASSETS, request, response); });
  });
}

function networkFirst(request) {
  return fetch(request).then(function (response) { return keep(FILES, request, response); }).catch(function (error) {
    return caches.match(request).then(function (kept) { if (kept) { return kept; } throw error; });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== scope.origin || url.pathname.indexOf(scope.pathname) !== 0) { return; }
  var path = url.pathname.slice(scope.pathname.length);
  if (request.mode === "navigate") {
    if (path.indexOf("data/") === 0) { return; }  // a download opened as a page: not touched (the last rule)
    event.respondWith(page(request, url));
    return;
  }
  if (request.headers.has("range") || !KEPT.test(path)) { return; }
  event.respondWith(IMMUTABLE.test(url.pathname) ? cacheFirst(request) : networkFirst(request));
});

/* A language's search bundle (as listed by its mpc-search.json), its catalog and home page, kept together. */
function warm(lang) {
  var bundle = abs(DATA.bundle[lang]);
  return fetch(bundle + "mpc-search.json", { cache: "no-cache" }).then(function (response) {
    if (!response.ok) { throw new Error("no search manifest: " + response.status); }
    return response.clone().json().then(function (manifest) { return { manifest: manifest, response: response }; });
  }).then(function (got) {
    var manifest = got.manifest;
    var name = SEARCH + lang + "-" + manifest.tag;
    var files = manifest.files.concat(manifest.total <= DATA.budget ? manifest.fragments : []);
    var pages = [DATA.home[lang], DATA.catalog[lang]].map(abs);
    return caches.open(name).then(function (cache) {
      return cache.match(bundle + "mpc-search.json").then(function (done) {
        if (done) { return false; }
        return cache.addAll(files.map(function (f) { return bundle + f; }))
          .then(function () { return cache.put(bundle + "mpc-search.json", got.response); })
          .then(function () { return true; });
      });
    }).then(function (kept) {
      // The home page and the catalog are fetched with a bundle newly kept, not on every page view (a
      // visitor's own visits keep them fresh): two pages' bytes each time were a phone's data for nothing.
      if (!kept) { return; }
      return caches.open(PAGES).then(function (cache) {
        return Promise.all(pages.map(function (address) {
          return fetch(address).then(function (response) { if (response.ok) { return cache.put(address, response); } });
        }));
      });
    }).then(function () {
      return caches.keys().then(function (names) {
        return Promise.all(names.filter(function (n) { return n.indexOf(SEARCH + lang + "-") === 0 && n !== name; })
          .map(function (n) { return caches.delete(n); }));
      });
    }).then(function () { return { lang: lang, tag: manifest.tag, files: files.length, fragments: manifest.total <= DATA.budget }; });
  });
}

self.addEventListener("message", function (event) {
  var data = event.data || {};
  if (data.type !== "warm" || !DATA.bundle[data.lang]) { return; }
  event.waitUntil(warm(data.lang).then(function (done) {
    if (event.source) { event.source.postMessage({ type: "warmed", lang: done.lang, tag: done.tag, fragments: done.fragments }); }
  }).catch(function (error) {
    if (event.source) { event.source.postMessage({ type: "warm-failed", lang: data.lang, error: String(error) }); }
  }));
});
