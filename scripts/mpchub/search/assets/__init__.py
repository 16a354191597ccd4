"""Generated assets for search in the browser, written into the built site before Pagefind indexes it.

* ``assets/javascripts/mpc-text.js``: Turkish folding and search keys for the browser. Its tables come from
  ``mpchub.content.text.TURKISH_ASCII`` and ``mpchub.search.words`` (suffixes, minimum stem lengths, stop words), so the
  search box, the catalog filter and the index always fold and key words the same way; the code around
  them is ``text.js`` beside this module. Nothing in the browser writes a table of its own. The search's
  synonyms (``synonyms.yml``, ``mpchub.content.synonyms``) travel in it too. Its name carries its content's hash
  (``mpchub.render.assets``) except under ``mkdocs serve``; pages name it in their ``mpc-assets`` data block.
* ``assets/search/labels.LANG.json``: the labels and addresses of the browse pages (themes, target groups,
  provinces, SDGs, implementing municipalities), read from the built browse index pages, so a query with
  no result can suggest "Türkçe ve Dil Öğrenimi" for "dil" without a label being written twice.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from lxml import html as lxml_html

from mpchub.content.registry import Language
from mpchub.content.synonyms import Synonyms
from mpchub.content.text import TURKISH_ASCII
from mpchub.render.assets import hashed_name
from mpchub.search import words as search

TEMPLATE = Path(__file__).with_name("text.js")
DATA_MARK = "/*@DATA@*/null"
TEXT_MODULE = "assets/javascripts/mpc-text.js"
LABELS = "assets/search/labels.{lang}.json"


def text_data(synonyms: Synonyms | None = None, turkish: tuple[str, ...] = ()) -> dict[str, Any]:
    """The tables the browser's text functions need, from their Python originals, the synonyms, and the
    languages whose words get Turkish search keys (``turkish``: hub.yml's ``text: turkish``)."""
    return {
        "turkish": list(turkish),
        "folding": TURKISH_ASCII,
        "suffixes": sorted(search.SUFFIXES, key=len, reverse=True),
        "minStem": {str(k): v for k, v in search.MIN_STEM.items()},
        "minStemLong": search.MIN_STEM_LONG,
        "maxRounds": search.MAX_ROUNDS,
        "apostrophes": search.APOSTROPHES,
        "stopWords": {lang: sorted(words) for lang, words in search.STOP_WORDS.items()},
        "foldedMark": search.FOLDED_MARK,
        "synonyms": synonyms or {},
    }


def text_module(synonyms: Synonyms | None = None, turkish: tuple[str, ...] = ()) -> str:
    """The browser module ``mpc-text.js``: ``text.js`` with the tables filled in."""
    template = TEMPLATE.read_text(encoding="utf-8")
    data = json.dumps(text_data(synonyms, turkish), ensure_ascii=False, sort_keys=True)
    return template.replace(DATA_MARK, data, 1)


def text_module_path(synonyms: Synonyms | None = None, hashed: bool = True, turkish: tuple[str, ...] = ()) -> str:
    """The site path of ``mpc-text.js``: with its content's hash in the name unless ``hashed`` is False."""
    return hashed_name(TEXT_MODULE, text_module(synonyms, turkish).encode("utf-8")) if hashed else TEXT_MODULE


def browse_labels(site_dir: Path, language: Language, kinds: tuple[str, ...]) -> list[dict[str, str]]:
    """Labels and site-relative addresses of the browse pages of one language, from the built index pages of
    the browse ``kinds`` (hub.yml's ``browse``), in the order suggestions are offered."""
    prefix = language.url_prefix
    out: list[dict[str, str]] = []
    for section in kinds:
        page = site_dir / prefix / section / "index.html"
        if not page.is_file():
            continue
        root = lxml_html.fromstring(page.read_text(encoding="utf-8"))
        for link in root.xpath("//article//ul[contains(concat(' ', @class, ' '), ' mpc-index ')]//a[@href]"):
            href = link.get("href", "")
            label = " ".join(link.text_content().split())
            if label and href and "://" not in href and not href.startswith(("/", "#", "..")):
                out.append({"label": label, "url": f"{prefix}{section}/{href}", "kind": section})
    return out


def write(
    site_dir: Path,
    languages: tuple[Language, ...],
    kinds: tuple[str, ...],
    synonyms: Synonyms | None = None,
    hashed: bool = False,
) -> list[Path]:
    """Write the generated assets into ``site_dir``; returns the files written."""
    written = []
    turkish = tuple(language.code for language in languages if language.turkish)
    module = site_dir / text_module_path(synonyms, hashed, turkish)
    module.parent.mkdir(parents=True, exist_ok=True)
    module.write_text(text_module(synonyms, turkish), encoding="utf-8")
    written.append(module)
    for language in languages:
        target = site_dir / LABELS.format(lang=language.code)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(browse_labels(site_dir, language, kinds), ensure_ascii=False), encoding="utf-8")
        written.append(target)
    return written
