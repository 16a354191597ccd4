"""Organisation names that can stand for another: normal form and scripts.

An implementing municipality's name becomes a page of its own (``municipalities/<key>``) and every name is
shown and searched. A name with a Cyrillic "і" in place of the Latin "i" ("Şіşli Belediyesi") looks like
the real one and got a municipality page beside it; full-width and ligature forms ("Ｓişli", "ﬁ") do the same
less visibly. So a name must be in Unicode's NFKC form (what such forms normalise to), and a Turkish or
English name in Latin letters: an implementing municipality's name has Latin letters only, and no other
name mixes Latin with Cyrillic or Greek letters (the look-alike scripts).

Our own code, not a confusables library (e.g. confusable-homoglyphs): the rule needs only each letter's
script, which its Unicode name begins with, and no table of look-alike pairs.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from mpchub.content import rules
from mpchub.content.organisations import is_municipality
from mpchub.content.records import RecordFile

ORGANISATION_LISTS = ("implementers", "partners")
NAME_FIELDS = ("name", "name_en")
LOOK_ALIKE_SCRIPTS = frozenset({"CYRILLIC", "GREEK", "COPTIC", "ARMENIAN", "CHEROKEE"})


def _script(ch: str) -> str:
    """The script of a letter, as its Unicode name begins: 'LATIN', 'CYRILLIC', 'GREEK', 'ARABIC'…"""
    return unicodedata.name(ch, "UNKNOWN").split(" ", 1)[0]


def name_problem(name: str, latin_only: bool) -> str | None:
    """Why ``name`` may not stand as an organisation's name, or None. ``latin_only``: every letter must be Latin
    (an implementing municipality's name, which becomes a page)."""
    normal = unicodedata.normalize("NFKC", name)
    if normal != name:
        return (
            f"{name!r} has letters in a special form (full-width, ligature, a letter and a separate accent): "
            f"write it with ordinary letters, {normal!r}"
        )
    letters = [ch for ch in name if ch.isalpha()]
    foreign = [ch for ch in letters if _script(ch) != "LATIN"] if latin_only else []
    if not latin_only and any(_script(ch) == "LATIN" for ch in letters):
        foreign = [ch for ch in letters if _script(ch) in LOOK_ALIKE_SCRIPTS]
    if foreign:
        ch = foreign[0]
        what = f"the letter {ch!r} ({unicodedata.name(ch, f'U+{ord(ch):04X}')})"
        if latin_only:
            return (
                f"{name!r} has {what}, which is not a Latin letter: an implementing municipality's name gives its "
                "page and is written in Latin letters, as on the municipality's own site"
            )
        return (
            f"{name!r} mixes Latin letters with {what}, which looks like a Latin letter: write the name in one "
            "script, as on the organisation's own site"
        )
    return None


def name_problems(record: RecordFile) -> None:
    """Add a problem for each organisation name of ``record`` that ``name_problem`` refuses."""
    data = record.data or {}
    for list_name in ORGANISATION_LISTS:
        organisations = data.get(list_name)
        if not isinstance(organisations, list):
            continue
        for index, org in enumerate(organisations):
            if not isinstance(org, dict):
                continue
            latin_only = list_name == "implementers" and is_municipality(org)
            for field in NAME_FIELDS:
                value: Any = org.get(field)
                if isinstance(value, str):
                    problem = name_problem(value, latin_only)
                    if problem:
                        record.problem_at((list_name, index, field), problem, rules.NAME_LETTERS)
