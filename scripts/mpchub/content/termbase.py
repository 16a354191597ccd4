"""The termbase (``termbase.yml``): the hub's preferred and rejected forms of terms, per language.

Editors agreed one form for terms the records wrote several ways (BMMYK/UNHCR, koordinasyon/eşgüdüm, the two
Global Compacts, the legal statuses of Law No. 6458 …). ``mpchub check`` warns (rule MPC110 termbase) where a
record's prose in a language uses a rejected form of that language, and names the preferred one; the tests run
the same search over the hand-written pages and the interface words. Warnings, never errors, like the style
rules: a rejected form can be right in a quotation.

What is not checked: organisation names, source titles and publishers (the style checks' skipped fields: they
are quotations), text in double quotes (a quotation in running text), code spans, addresses, and the proper
names a term lists under ``except`` (an association whose name holds a rejected word).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import jsonschema_rs

from mpchub.content import yamlfront
from mpchub.content.problems import DefinitionError
from mpchub.content.text import turkish_lower

FILE = "termbase.yml"
SCHEMA = "schemas/termbase.schema.json"
# Quotations and code: "…", “…”, «…», `…`, and web addresses. Each is masked before the search.
_QUOTED = re.compile(
    r'"(?:[^"\n]|\n(?!\n)){0,400}"|“(?:[^”\n]|\n(?!\n)){0,400}”|«[^»\n]{0,400}»|`[^`\n]{0,400}`|https?://\S+'
)  # a quotation may run over a line break, never over a paragraph
_WORD = r"[\w'’]"


class TermbaseError(DefinitionError):
    """``termbase.yml`` is broken: a maintainer's mistake, named with the file and what is wrong."""


@dataclass(frozen=True)
class Term:
    id: str
    lang: str
    preferred: str
    rejected: tuple[str, ...]
    note: str = ""
    exceptions: tuple[str, ...] = ()


@dataclass(frozen=True)
class Finding:
    offset: int  # in the text searched
    found: str
    term: Term

    @property
    def message(self) -> str:
        return f"'{self.found}' is not the hub's term: write '{self.term.preferred}' ({FILE}: {self.term.id})"


def _pattern(form: str) -> re.Pattern[str]:
    """A rejected form at a word start, any spacing between its words, a suffix after it ('UNHCR'nin')."""
    words = [re.escape(turkish_lower(w)) for w in form.split()]
    return re.compile(rf"(?<!{_WORD})" + r"\s+".join(words) + rf"{_WORD}*")


@dataclass(frozen=True)
class Termbase:
    terms: tuple[Term, ...]

    @cached_property
    def _by_language(self) -> dict[str, list[tuple[re.Pattern[str], Term]]]:
        found: dict[str, list[tuple[re.Pattern[str], Term]]] = {}
        for term in self.terms:
            for form in term.rejected:
                found.setdefault(term.lang, []).append((_pattern(form), term))
        return found

    @cached_property
    def _first_words(self) -> dict[str, re.Pattern[str]]:
        """Per language, the first word of every rejected form. A finding starts with its form's first word,
        written in the text as it is (masking quotations and exceptions only writes spaces), so a text without
        any of them has no finding: most texts, and one search says so (a search per form, field and record
        was most of checking 1,000 records)."""
        found: dict[str, set[str]] = {}
        for term in self.terms:
            for form in term.rejected:
                found.setdefault(term.lang, set()).add(re.escape(turkish_lower(form.split()[0])))
        return {lang: re.compile("|".join(sorted(words))) for lang, words in found.items()}

    def findings(self, text: str, lang: str) -> Iterator[Finding]:
        """Every rejected form of ``lang`` in ``text`` outside quotations, code and the terms' exceptions."""
        searched = self._by_language.get(lang)
        if not searched or not text:
            return
        lowered = turkish_lower(text)
        if len(lowered) != len(text):  # a letter whose lower case is longer: search the original's length
            lowered = "".join(turkish_lower(ch)[:1] for ch in text)
        if self._first_words[lang].search(lowered) is None:
            return
        masked = _QUOTED.sub(lambda m: " " * len(m.group(0)), lowered)
        for pattern, term in searched:
            allowed = masked
            for name in term.exceptions:
                allowed = _exception(name).sub(lambda m: " " * len(m.group(0)), allowed)
            for match in pattern.finditer(allowed):
                yield Finding(match.start(), text[match.start() : match.end()], term)


@lru_cache(maxsize=256)
def _exception(name: str) -> re.Pattern[str]:
    """A proper name a term lists under ``except``, any spacing between its words."""
    return re.compile(r"\s+".join(re.escape(turkish_lower(word)) for word in name.split()))


def load(root: Path) -> Termbase:
    """The termbase of the hub at ``root`` (empty when the hub has none)."""
    path = root / FILE
    if not path.is_file():
        return Termbase(())
    try:
        validator = jsonschema_rs.validator_for(json.loads((root / SCHEMA).read_text(encoding="utf-8")))
    except (OSError, ValueError) as exc:
        raise TermbaseError(f"{root / SCHEMA}: cannot read: {exc}") from None
    data = yamlfront.load_file(path, validator, TermbaseError)
    terms = []
    for entry in data["terms"]:
        for lang, form in entry.items():
            if lang == "id":
                continue
            terms.append(
                Term(
                    entry["id"],
                    lang,
                    form["preferred"],
                    tuple(form.get("rejected") or ()),
                    " ".join(str(form.get("note", "")).split()),
                    tuple(form.get("except") or ()),
                )
            )
    return Termbase(tuple(terms))
