"""Cheap Turkish style checks: warnings with a stable rule id, never errors.

Why warnings: a contributor must never be blocked for style. A maintainer sees the warning in the pull
request and fixes it, or leaves it when the flagged text is a quotation or a proper name written the way
its owner writes it (the allow-lists below name the known cases).

Each rule is a plain regular expression over one line of text, so a check costs one pass per rule over the
record's Turkish text. The rules follow the project's style guide (CONTRIBUTING.md, "Türkçe yazım kuralları"):

* ``tdk-is-birligi`` — TDK writes "iş birliği" as two words.
* ``institution-after-2021`` — Göç İdaresi Genel Müdürlüğü became Göç İdaresi Başkanlığı on 29 October 2021
  (Presidential Decree No. 85); a record whose own date is later should use the new name.
* ``apostrophe-place-name`` — a suffix after a province or district name is separated by an apostrophe
  ("İstanbul'da", not "İstanbulda").
* ``apostrophe-institution`` — TDK: no apostrophe after the name of an institution ("Nilüfer Belediyesinin",
  "Marmara Belediyeler Birliğinin", not "Belediyesi'nin").
* ``tdk-circumflex`` — "hâlinde", "hâline", "hâle gel-", "merkezî yönetim".

Only Turkish masters are checked; the English twins follow English usage.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from mpchub.content import limits, rules
from mpchub.content.problems import WARNING, Problem
from mpchub.content.records import RecordFile
from mpchub.content.yamlfront import FieldPath, format_path


def _words(text: str) -> list[str]:
    """Whitespace-separated words: long lists of names read better as text."""
    return text.split()


# Fields that hold someone else's words (source titles, organisation names as their owners write them,
# identifiers): they are never checked.
SKIPPED_FIELDS = frozenset(
    {"id", "url", "isbn", "sources", "editions", "name", "name_en", "unit", "unit_en", "publisher", "publisher_en"}
)

# The 81 provinces (vocabularies/provinces.yml; a test keeps the two in step) and the districts the
# records name. Provinces whose name is also a common word ("ordu" army, "van", "muş", "batman",
# "mersin" myrtle, "kilise" church) are left out: "orduya" is ordinary Turkish.
PLACE_NAMES = frozenset(
    _words(
        """Adana Adıyaman Afyonkarahisar Ağrı Amasya Ankara Antalya Artvin Aydın Balıkesir Bilecik Bingöl
        Bitlis Bolu Burdur Bursa Çanakkale Çankırı Çorum Denizli Diyarbakır Edirne Elazığ Erzincan Erzurum
        Eskişehir Gaziantep Giresun Gümüşhane Hakkari Hatay Isparta İstanbul İzmir Kars Kastamonu Kayseri
        Kırklareli Kırşehir Kocaeli Konya Kütahya Malatya Manisa Kahramanmaraş Mardin Muğla Nevşehir Niğde
        Rize Sakarya Samsun Siirt Sinop Sivas Tekirdağ Tokat Trabzon Tunceli Şanlıurfa Uşak Yozgat Zonguldak
        Aksaray Bayburt Karaman Kırıkkale Şırnak Bartın Ardahan Iğdır Yalova Karabük Kilis Osmaniye Düzce
        Avcılar Bağcılar Esenyurt Eyyübiye Fatih Kadıköy Küçükçekmece Nilüfer Orhangazi Osmangazi Pendik
        Sancaktepe Sultanbeyli Sultangazi Şahinbey Şişli Zeytinburnu Görükle Reyhanlı"""
    )
)
COMMON_WORD_PROVINCES = frozenset({"Ordu", "Van", "Muş", "Batman", "Mersin", "Kilis"})

# Case and copula suffixes (inflection): these take an apostrophe after a proper name. Derivational
# suffixes (-lı, -ca, -lık) do not, so "İstanbullu" is never flagged.
_CASE_SUFFIXES = _words(
    "daki deki taki teki dan den tan ten da de ta te nın nin nun nün ın in un ün "
    "ya ye yı yi yu yü a e ı i u ü yla yle dır dir"
)
_SUFFIX = "(?:" + "|".join(sorted(_CASE_SUFFIXES, key=len, reverse=True)) + ")"

# Institution heads: "<Name> Belediyesi", "<Name> Müdürlüğü" ... are institution names.
_INSTITUTION_HEADS = _words(
    """Belediyesi İdaresi Müdürlüğü Başkanlığı Birliği Bakanlığı Derneği Vakfı Merkezi Kurumu Üniversitesi
    Konseyi Komiserliği Platformu Kurulu Meclisi Ajansı Akademisi Örgütü Komisyonu Hükümeti Forumu Teşkilatı"""
)

# Proper names that contain a flagged spelling and are written that way by their owners.
ALLOWED_PROPER_NAMES = (
    "Türk İşbirliği ve Koordinasyon Ajansı",  # TİKA's official name
    "İslam İşbirliği Teşkilatı",
    "Ekonomik İşbirliği ve Kalkınma Örgütü",
    "Alman İşbirliği",
)

ARTICLE_85_DATE = (2021, 10, 29)  # Göç İdaresi Başkanlığı from this day
# Warnings per text (a field or the body): enough for the reviewer to see the pattern; a field repeating one
# name 40,000 times gave as many warnings.
MAX_FINDINGS = 20


@dataclass(frozen=True)
class StyleRule:
    """A rule: its stable id, the pattern that finds the wrong form, and what to write instead."""

    rule: rules.Rule
    pattern: re.Pattern[str]
    advice: str


RULES = (
    StyleRule(
        rules.TDK_IS_BIRLIGI,
        re.compile(r"\b[iİ]şbirli[ğg]\w*", re.IGNORECASE),
        "TDK writes 'iş birliği' as two words (iş birliği, iş birliğiyle, iş birlikleri)",
    ),
    StyleRule(
        rules.APOSTROPHE_INSTITUTION,
        re.compile(r"\b(?:" + "|".join(_INSTITUTION_HEADS) + r")['’]\w+"),
        "TDK: suffixes after the name of an institution are written without an apostrophe "
        "('Nilüfer Belediyesinin', 'Göç İdaresi Başkanlığına')",
    ),
    StyleRule(
        rules.TDK_CIRCUMFLEX,
        re.compile(r"\bhal(?:inde|ine|iyle|e gel\w*|e getir\w*)\b|\bmerkezi (?:yönetim|idare)\w*", re.IGNORECASE),
        "TDK writes 'hâl' and the suffix -î with a circumflex: 'hâlinde', 'hâline', 'hâle gelmek', 'merkezî yönetim'",
    ),
)

_PLACE_PATTERN = re.compile(
    r"(?<![\w'’])("
    + "|".join(sorted(PLACE_NAMES - COMMON_WORD_PROVINCES, key=len, reverse=True))
    + r")("
    + _SUFFIX
    + r")\b"
)
_DGMM = re.compile(r"Göç İdaresi Genel Müdürlüğ\w*")


@dataclass(frozen=True)
class Finding:
    """One style problem in one line of text: where it starts, what was found, the rule and the advice."""

    line: int  # 0-based line within the checked text
    column: int  # 0-based
    found: str
    rule: rules.Rule
    advice: str


class _AllowedSpans:
    """Where the allowed proper names stand in one line, found once per line.

    Each match used to search the whole line for every allowed name again: a 999 KB field repeating
    "Türk İşbirliği ve Koordinasyon Ajansı" took 204 s. Now the names are found once (linear in the line)
    and each match is judged by a binary search over their starts."""

    def __init__(self, line: str) -> None:
        spans = []
        for name in ALLOWED_PROPER_NAMES:
            at = line.find(name)
            while at >= 0:
                spans.append((at, at + len(name) + 8))  # the name plus a suffix
                at = line.find(name, at + len(name))
        spans.sort()
        self.starts = [start for start, _ in spans]
        self.reach: list[int] = []  # the furthest end of the spans starting at or before each start
        for _, end in spans:
            self.reach.append(max(end, self.reach[-1]) if self.reach else end)

    def covers(self, start: int, end: int) -> bool:
        index = bisect_right(self.starts, start) - 1
        return index >= 0 and end <= self.reach[index]


def text_findings(text: str, after_2021: bool = False) -> list[Finding]:
    """Every style finding in a piece of Turkish text.

    ``after_2021`` says that the fact the text describes is dated after Göç İdaresi Genel Müdürlüğü became
    a Presidency; only then is the old name reported.
    """
    found: list[Finding] = []
    for number, line in enumerate(text.splitlines()):
        if len(found) >= MAX_FINDINGS:
            break
        if "`" in line:  # code spans are quotations of file content, not prose
            line = re.sub(r"`[^`]*`", lambda m: " " * len(m.group(0)), line)
        allowed = _AllowedSpans(line) if "birli" in line.lower() else None  # every allowed name holds "İşbirliği"
        for rule in RULES:
            for match in rule.pattern.finditer(line):
                if allowed is None or not allowed.covers(match.start(), match.end()):
                    found.append(Finding(number, match.start(), match.group(0), rule.rule, rule.advice))
        for match in _PLACE_PATTERN.finditer(line):
            name, suffix = match.groups()
            found.append(
                Finding(
                    number,
                    match.start(),
                    match.group(0),
                    rules.APOSTROPHE_PLACE_NAME,
                    f"a suffix after a place name takes an apostrophe: write '{name}'{suffix}'",
                )
            )
        if after_2021:
            for match in _DGMM.finditer(line):
                found.append(
                    Finding(
                        number,
                        match.start(),
                        match.group(0),
                        rules.INSTITUTION_AFTER_2021,
                        "Göç İdaresi Genel Müdürlüğü has been Göç İdaresi Başkanlığı since 29 October 2021 "
                        "(Presidential Decree No. 85); this record's date is later: use the name in force then",
                    )
                )
    found.sort(key=lambda f: (f.line, f.column, f.rule.id))
    return found[:MAX_FINDINGS]


def _date_parts(value: Any) -> tuple[int, ...] | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return (value,)
    if isinstance(value, str):
        parts = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value.strip())
        if parts:
            return tuple(int(p) for p in parts.groups() if p)
    return None


def dated_after_2021(data: dict[str, Any]) -> bool:
    """True when the record's own date (start, publication date or year) is after the renaming.

    A bare year counts only from 2022: "2021" may fall before 29 October.
    """
    for key in ("start_date", "date", "year"):
        parts = _date_parts(data.get(key))
        if parts is None:
            continue
        if len(parts) == 1:
            return parts[0] >= ARTICLE_85_DATE[0] + 1
        padded = (*parts, 1) if len(parts) == 2 else parts
        return padded >= ARTICLE_85_DATE
    return False


def text_fields(data: Any, path: FieldPath = ()) -> Iterator[tuple[FieldPath, str]]:
    """The record's prose: every string value outside the skipped fields, with its path."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key not in SKIPPED_FIELDS:
                yield from text_fields(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from text_fields(value, (*path, index))
    elif isinstance(data, str):
        yield path, data


def _message(finding: Finding) -> str:
    return f"style ({finding.rule.name}): '{finding.found}': {finding.advice}"


def style_problems(record: RecordFile) -> list[Problem]:
    """Warnings for one record, located at the field (front matter) or the line (body).

    Returns the problems instead of adding them to the record, so the caller decides whether style
    warnings are wanted in a run.
    """
    if not record.language.turkish or not isinstance(record.data, dict):
        return []
    after = dated_after_2021(record.data)
    problems: list[Problem] = []
    for path, text in text_fields(record.data):
        findings = text_findings(text, after)
        if not findings:
            continue
        line, column = record.positions.of_value(path)
        for finding in findings:
            problems.append(
                Problem(record.relpath, line, column, format_path(path), _message(finding), WARNING, finding.rule.name)
            )
    body = record.body if len(record.body) <= limits.MAX_BODY_CHARACTERS else ""  # refused as too long anyway
    for finding in text_findings(body, after):
        problems.append(
            Problem(
                record.relpath,
                record.body_line + finding.line,
                finding.column + 1,
                "",
                _message(finding),
                WARNING,
                finding.rule.name,
            )
        )
    return problems


def style_problems_of(records: Iterable[RecordFile]) -> list[Problem]:
    """Warnings for many records (the entry point for ``mpchub check``)."""
    return [problem for record in records for problem in style_problems(record)]
