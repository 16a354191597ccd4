// Starts the web editor (Sveltia CMS) in the hub's master language (Turkish), with everything it needs from this site alone.
//
// Sveltia CMS bundles only its English words and fetches the others from a CDN, which this page's policy
// refuses. It reads them first from its own cache in localStorage ('sveltia-cms.locale', keyed by locale
// and version), so this script fills that cache from the locale file the site serves next to it, makes
// Turkish the interface language unless the user chose another in the editor's settings, and only then
// loads the editor. No words live here: they are the CMS's own translation.
(async () => {
  const root = document.documentElement;
  const locale = root.lang;
  const version = root.dataset.sveltiaVersion;
  const cacheKey = 'sveltia-cms.locale';
  const prefsKey = 'sveltia-cms.prefs';
  const read = (key) => {
    try {
      return JSON.parse(localStorage.getItem(key) || 'null');
    } catch {
      return null;
    }
  };
  try {
    const cached = read(cacheKey);
    const file = root.dataset.localeFile; // empty when Sveltia CMS has no translation into the master language
    if (file && (!cached || cached._locale !== locale || cached._version !== version)) {
      const response = await fetch(file);
      if (response.ok) {
        localStorage.setItem(cacheKey, JSON.stringify({ _locale: locale, _version: version, ...(await response.json()) }));
      }
    }
    const prefs = read(prefsKey) || {};
    if (!prefs.locale) {
      localStorage.setItem(prefsKey, JSON.stringify({ ...prefs, locale }));
    }
  } catch {
    // Storage refused (private mode, a full quota): the editor starts in English, which it bundles.
  }
  const script = document.createElement('script');
  script.src = 'sveltia-cms.js';
  document.body.append(script);
})();
