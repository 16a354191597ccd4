/*
 * mpc-text.js: Turkish folding and search keys in the browser, the twins of mpchub.content.text.fold and
 * mpchub.search.words.search_key. GENERATED into the built site by mpchub.search.assets (the tables below come
 * from the Python originals); edit scripts/mpchub/search_assets/text.js or the Python tables, never the
 * copy in the site. Used by search.js (the one search engine, which the catalog's text field asks too).
 */
(function (root) {
  "use strict";

  var DATA = /*@DATA@*/null;
  var letters = Object.keys(DATA.folding).join("");
  var turkish = new RegExp("[" + letters + "]", "g");
  var apostrophes = new RegExp("[" + DATA.apostrophes + "]", "g");
  var WORD = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)?/gu;  // numbers too: '2024', SDG '16'
  var VOWELS = "aeiou";

  /* 'İstanbul'da Işık' → "istanbul'da isik" (mpchub.content.text.fold). */
  function fold(text) {
    return String(text).replace(turkish, function (c) { return DATA.folding[c]; })
      .toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  }

  /* 'Kursları', 'kursu' → 'kurs'; "İstanbul'daki" → 'istanbul' (mpchub.search.words.search_key). */
  function key(word) {
    var k = fold(word).replace(apostrophes, "");
    for (var round = 0; round < DATA.maxRounds; round++) {
      var stripped = false;
      for (var i = 0; i < DATA.suffixes.length; i++) {
        var suffix = DATA.suffixes[i];
        var stem = k.slice(0, k.length - suffix.length);
        var min = DATA.minStem[String(suffix.length)] || DATA.minStemLong;
        if (k.length > suffix.length && k.slice(-suffix.length) === suffix && stem.length >= min &&
            /[aeiou]/.test(stem)) {
          k = stem;
          if (VOWELS.indexOf(suffix[0]) >= 0 && k.slice(-1) === "g") { k = k.slice(0, -1) + "k"; }
          stripped = true;
          break;
        }
      }
      if (!stripped) { break; }
    }
    return k;
  }

  function words(text) { return String(text).match(WORD) || []; }

  /* The words of a query that count, each with the string it is searched under: Turkish words by their
     key, English words folded (Pagefind's English stemmer does the rest). Stop words are dropped unless
     the query has nothing else. */
  function terms(text, lang) {
    var stop = DATA.stopWords[lang] || [];
    var turkish = (DATA.turkish || []).indexOf(lang) >= 0;
    var all = words(text).map(function (word) {
      var folded = fold(word).replace(apostrophes, "");
      return { word: word, folded: folded, key: turkish ? key(word) : folded, stop: stop.indexOf(folded) >= 0 };
    });
    var kept = all.filter(function (t) { return !t.stop; });
    var seen = {};
    return (kept.length ? kept : all).filter(function (t) {
      if (seen[t.key]) { return false; }
      seen[t.key] = true;
      return true;
    });
  }

  root.mpcText = { fold: fold, key: key, words: words, terms: terms, foldedMark: DATA.foldedMark, data: { synonyms: DATA.synonyms || {} } };
})(window);
