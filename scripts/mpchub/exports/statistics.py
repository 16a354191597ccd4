"""The numbers behind the statistics page: the records of each collection counted by the fields its registry
entry lists (``statistics``: practices by theme, target group, province, start year and status; publications
by year), each as labelled rows in the page's language.

Counted once per build from the corpus; the charts (``charts.py``) and their tables show the same rows.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from mpchub.content.corpus import Corpus, Record
from mpchub.content.dates import year_of
from mpchub.content.registry import Registry
from mpchub.content.text import fold, turkish_sort_key
from mpchub.render.strings import t


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
    year: bool  # count the years of a date field


def measures(corpus: Corpus) -> list[Measure]:
    """What the statistics page counts: each collection's ``statistics`` fields (hub.yml), described by its schema."""
    found = []
    registry = corpus.registry
    for collection in registry.collections:
        properties = corpus.schemas.schema(collection.name, twin=False)["properties"]
        for name in collection.statistics:
            spec = properties.get(name, {})
            items = spec.get("items", {}) if spec.get("type") == "array" else {}
            browse = registry.browse_of(name)
            found.append(
                Measure(
                    id=f"{collection.folder}-{name.replace('_', '-')}",
                    collection=collection.name,
                    field=name,
                    vocabulary=spec.get("x-vocabulary") or items.get("x-vocabulary"),
                    browse=browse.kind if browse is not None and browse.vocabulary else None,
                    many=spec.get("type") == "array",
                    year=bool(spec.get("x-date")) or name == "year",
                )
            )
    return found


def _keys(record: Record, measure: Measure) -> list[Any]:
    if measure.year:  # a year, or a date's year; a record without the field counts its collection's date
        value = record.data.get(measure.field) or record.data.get(record.collection.date_field)
        year = value if isinstance(value, int) else year_of(value)
        return [year] if year else []
    value = record.data.get(measure.field)
    if value is None:
        return []
    return list(dict.fromkeys(value)) if isinstance(value, list) else [value]


def _sort_label(label: str, lang: str, registry: Registry) -> Any:
    return turkish_sort_key(label) if registry.language(lang).turkish else fold(label)


def table(corpus: Corpus, measure: Measure, lang: str, browse_keys: set[Any] | None = None) -> Table:
    records = corpus.of(measure.collection)
    counts: Counter = Counter()
    missing = 0
    for record in records:
        keys = _keys(record, measure)
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
        rows.sort(key=lambda r: (-r.count, _sort_label(r.label, lang, corpus.registry)))
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
        for m in measures(corpus)
    ]
