"""Records written as lists of search words: a warning for the reviewer, and no place in the site's search.

A record is found by the words it holds, and a contributor who wants one record found for everything can
write it as a list of what people search for. One such practice (a title naming seven districts, four
implementers named after districts and institutions, a district list, the relevance set's queries as its
body) was in the first five results of 52 of the 55 relevance queries. The search engine cannot tell it
from a record that really is about all of that: a page holding every word of a query is among its first
results whenever few pages hold them. So the check recognises the shapes of such a list, which real records
do not have (measured on the repository's 136 files, where each signal below is at most half its threshold):

* a title naming more than ``TITLE_PLACES`` places (real titles name at most one);
* a district naming more than one place ("Küçükçekmece Sultanbeyli Şişli");
* a body made of short phrases: at least ``PHRASES`` sentences or lines of prose of at most ``PHRASE_WORDS``
  words, making up most of the body's sentences (headings, tables, code, admonition lines and link addresses
  are not prose; real bodies: at most 4);
* a run of more than ``RUN_WORDS`` words without a full stop, colon or semicolon (a comma-separated list of
  phrases; the longest real sentence has 70 words).

Such a record gets a warning (``MPC067 repeated-terms``), never an error: the reviewer decides. Until the
fields read as prose, the site leaves the record's pages out of its search index (``left_out_of_search``);
they stay in the catalog and on the browse pages. The signals are shapes, not a list of words, so they do
not depend on what the relevance set asks; a stuffer who writes fluent sentences is left to the reviewer.
"""

from __future__ import annotations

import re
from typing import Any

from mpchub.content import limits, rules
from mpchub.content.problems import WARNING
from mpchub.content.records import RecordFile
from mpchub.content.style import COMMON_WORD_PROVINCES, PLACE_NAMES
from mpchub.content.text import fold

TITLE_PLACES = 2
PHRASES = 12
PHRASE_WORDS = 4
PHRASE_SHARE = 0.6
RUN_WORDS = 120

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_PLACES = re.compile(
    r"(?<![\w])("
    + "|".join(sorted((fold(p).lower() for p in PLACE_NAMES - COMMON_WORD_PROVINCES), key=len, reverse=True))
    + r")"
)
# Sentences end at a full stop, a paragraph's end or a list item's start: a line break inside a paragraph is
# only where the writer wrapped the text
_SENTENCE_END = re.compile(r"[.!?;]+|\n\s*\n|\n(?=[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t])")
# What is not prose: code fences and their lines, headings, table rows, admonition and attribute lines, indented
# lines; inside lines, a link's address (its dots and slashes would cut sentences), HTML, URLs and code spans
_FENCED = re.compile(r"(?ms)^[ \t]*(```|~~~).*?^[ \t]*\1[^\n]*$")
_NOT_PROSE_LINE = re.compile(r"(?m)^(?:[ \t]*(?:#|\||!!!|\?\?\?|\{:)| {4}|\t).*$")
_NOT_PROSE = re.compile(r"\]\([^)]*\)|<[^>]*>|https?://\S+|`[^`]*`|\{\{.*?\}\}|\{%.*?%\}")


def places_in(text: str) -> list[str]:
    """The distinct province and district names in ``text`` (folded, in order), suffixes allowed."""
    return list(dict.fromkeys(_PLACES.findall(fold(text).lower())))


def _signals(data: dict[str, Any], body: str) -> list[str]:
    found = []
    title = data.get("title")
    if isinstance(title, str) and len(places := places_in(title)) > TITLE_PLACES:
        found.append(f"its title names {len(places)} places ({', '.join(places)})")
    district = data.get("district")
    if isinstance(district, str) and len(places := places_in(district)) > 1:
        found.append(f"its district names {len(places)} places ({', '.join(places)})")
    prose = _NOT_PROSE.sub(" ", _NOT_PROSE_LINE.sub("", _FENCED.sub("", body)))
    sentences = [s for s in _SENTENCE_END.split(prose) if _WORD.search(s)]
    phrases = [s for s in sentences if len(_WORD.findall(s)) <= PHRASE_WORDS]
    if len(phrases) >= PHRASES and len(phrases) >= PHRASE_SHARE * len(sentences):
        found.append(
            f"its body is mostly short phrases ({len(phrases)} of {len(sentences)} sentences or lines have at most "
            f"{PHRASE_WORDS} words)"
        )
    longest = max((len(_WORD.findall(s)) for s in re.split(r"[.!?:;]+|\n\s*\n", prose)), default=0)
    if longest > RUN_WORDS:
        found.append(f"its body has {longest} words without a full stop")
    return found


def repeated_terms_problems(record: RecordFile) -> None:
    """Add a warning when ``record`` reads as a list of search words rather than a description."""
    if not isinstance(record.data, dict):
        return
    body = record.body if len(record.body) <= limits.MAX_BODY_CHARACTERS else ""  # refused as too long anyway
    signals = _signals(record.data, body)
    if signals:
        record.stuffed = True
        record.problem(
            "this record reads as a list of search words, not a description: "
            + "; ".join(signals)
            + ". Write the title, the district and the body as a reader needs them (one district; sentences). "
            "Until then the site leaves this record out of its search (it stays in the catalog)",
            rules.REPEATED_TERMS,
            record.front_matter_line - 1,
            1,
            severity=WARNING,
        )


def left_out_of_search(*files: RecordFile | None) -> bool:
    """Whether a page showing these files stays out of the search index: one of them reads as a list of
    search words (the warning above)."""
    return any(f.stuffed for f in files if f is not None)  # a flag: the warning may be past the listed ones
