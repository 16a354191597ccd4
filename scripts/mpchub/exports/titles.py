"""Titles in APA 7's sentence case, for the citations of publications.

APA writes the title of a work that stands alone (a book, a report, a brochure) in sentence case: a capital for
the first word, the first word after a colon, and proper nouns only. Our records keep titles as the publisher
prints them, mostly in title case ("Marmara'nın Kent Mültecileri: Belediyelerin Süreç Yönetimi"), so the citation
lowers the other words' capitals ("Marmara'nın kent mültecileri: Belediyelerin süreç yönetimi"). A practice or
recommendation is cited by its own name on the hub (a programme's or centre's name is a proper noun; the
recommendations are written as sentences), so only publications go through here (registry ``citation.type``).

Which words are proper nouns is not written in a title, so only words in title case (a capital, then lower case)
change, and these keep theirs: acronyms and words with inner capitals (GPM, UCLG-MEWA, WithRefugees), the
provinces, the countries of the world in Turkish and English (Babel's CLDR names), and the words of
``data/proper-nouns.yml``, each with a suffix after an apostrophe (Türkiye'de) or, from five letters, as the start
of a longer word (Suriyeli, Syrian). No maintained Python library sentence-cases Turkish titles; this is small.
"""

from __future__ import annotations

import re
from functools import cache

import yaml
from babel import Locale

from mpchub.content.text import fold, turkish_lower

from . import hub

WORD = re.compile(r"[^\W\d_][^\s\"“”«»()\[\]]*")
BREAK = re.compile(r"[:?!.]\s*[\"“«(]?$")  # after these, a word starts a new sentence and keeps its capital
APOSTROPHES = "'’"
STEM = 5  # a protected word of this length or more also protects the words it begins (Suriye → Suriyeli)


@cache
def proper_nouns(extra: frozenset[str] = frozenset(), locales: tuple[str, ...] = ()) -> frozenset[str]:
    """Folded proper nouns: the data file's, Babel's country names in the hub's languages (``locales``), and
    ``extra``."""
    words = set(yaml.safe_load((hub.DATA_FILES / "proper-nouns.yml").read_text(encoding="utf-8")) or [])
    for locale in locales:
        words |= set(Locale.parse(locale).territories.values())
    words |= extra
    found = set()
    for name in words:
        found |= {fold(w) for w in str(name).split() if w[:1].isupper()}
    return frozenset(found)


def _protected(word: str, nouns: frozenset[str]) -> bool:
    if any(c.isupper() for c in word[1:]) or any(c.isdigit() for c in word):
        return True  # an acronym, a name with inner capitals, a code
    folded = fold(word)
    stem = re.split(f"[{APOSTROPHES}]", folded, maxsplit=1)[0].rstrip("-")
    if stem in nouns:
        return True
    return any(len(noun) >= STEM and folded.startswith(noun) for noun in nouns)


def sentence_case(title: str, turkish: bool, extra: frozenset[str] = frozenset(), locales: tuple[str, ...] = ()) -> str:
    """``title`` in sentence case; ``turkish`` lowers I to ı and İ to i; ``locales``: the hub's languages."""
    nouns = proper_nouns(extra, locales)
    lower = turkish_lower if turkish else str.lower
    out, position, first = [], 0, True
    for match in WORD.finditer(title):
        word = match.group(0)
        before = title[position : match.start()]
        out.append(before)
        starts = first or bool(BREAK.search(title[: match.start()].rstrip() + (" " if before else "")))
        if not starts and word[:1].isupper() and not _protected(word, nouns):
            word = lower(word[0]) + word[1:]
        out.append(word)
        position, first = match.end(), False
    out.append(title[position:])
    return "".join(out)
