"""The numbers behind the statistics page: practices by theme, target group, province, start year and
status, and publications by year, each as labelled rows in the page's language.

Counted once per build from the corpus; the charts (``charts.py``) and their tables show the same rows.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from mpchub.corpus import Corpus, Record
from mpchub.site.formatting import year_of
from mpchub.text import fold, turkish_sort_key

from .strings import t


@dataclass(frozen=True)
class Row:
    key: Any
    label: str
    count: int
    browse: str | None = None  # site path of the key's browse page, e.g. "themes/education"


@dataclass
class Table:
    """One chart's data: what is counted, its rows, and notes a reader needs to read it right."""

    id: str
    title: str
    rows: list[Row]
    notes: list[str] = field(default_factory=list)

    @property
    def maximum(self) -> int:
        return max((r.count for r in self.rows), default=0)


@dataclass(frozen=True)
class Measure:
    id: str  # "practices-themes"
    collection: str
    field: str
    vocabulary: str | None  # None: years, ordered by time
    browse: str | None  # URL folder of the browse pages for this field
    many: bool  # a record can hold several values


MEASURES = (
    Measure("practices-themes", "practice", "themes", "themes", "themes", True),
    Measure("practices-target-groups", "practice", "target_groups", "target-groups", "target-groups", True),
    Measure("practices-provinces", "practice", "province", "provinces", "provinces", False),
    Measure("practices-start-year", "practice", "start_year", None, None, False),
    Measure("practices-status", "practice", "status", "practice-statuses", None, False),
    Measure("publications-year", "publication", "year", None, None, False),
)


def _keys(record: Record, name: str) -> list[Any]:
    if name == "start_year":
        year = year_of(record.data.get("start_date"))
        return [year] if year else []
    if name == "year" and record.collection.name == "publication":
        year = record.data.get("year") or year_of(record.data.get("date"))
        return [year] if year else []
    value = record.data.get(name)
    if value is None:
        return []
    return list(dict.fromkeys(value)) if isinstance(value, list) else [value]


def _sort_label(label: str, lang: str) -> Any:
    return turkish_sort_key(label) if lang == "tr" else fold(label)


def table(corpus: Corpus, measure: Measure, lang: str, browse_keys: set[Any] | None = None) -> Table:
    records = corpus.of(measure.collection)
    counts: Counter = Counter()
    missing = 0
    for record in records:
        keys = _keys(record, measure.field)
        counts.update(keys)
        missing += not keys
    rows = []
    vocabulary = corpus.schemas.vocabularies[measure.vocabulary] if measure.vocabulary else None
    for key, count in counts.items():
        label = vocabulary.label(key, lang) if vocabulary is not None and key in vocabulary else str(key)
        browse = None
        if measure.browse and (browse_keys is None or key in browse_keys):
            browse = f"{measure.browse}/{key}"
        rows.append(Row(key, label, count, browse))
    if vocabulary is None:
        rows.sort(key=lambda r: r.key)  # years in time order
    else:
        rows.sort(key=lambda r: (-r.count, _sort_label(r.label, lang)))
    notes = []
    if measure.many and rows:
        notes.append(t(lang, "chart_many_note"))
    if missing and rows:
        notes.append(t(lang, "chart_missing_note", n=missing))
    title = t(lang, "chart_" + measure.id.replace("-", "_"))
    return Table(measure.id, title, rows, notes)


def tables(corpus: Corpus, lang: str, browse_keys: dict[str, set[Any]] | None = None) -> list[Table]:
    """Every chart's data in ``lang``; ``browse_keys`` (folder → keys with a page) limits the links."""
    return [
        table(corpus, m, lang, None if browse_keys is None or not m.browse else browse_keys.get(m.browse, set()))
        for m in MEASURES
    ]
