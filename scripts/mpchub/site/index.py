"""Everything computed over all records, once per build and shared by every language.

Groupings for the browse pages, facet counts, alphabetical order, related records and backlinks are
computed here, never per page: at 1,000 records a per-page computation costs more than the whole build.
Nothing here names a collection: each collection's date field, related-record weights and references
come from the registry (``hub.yml``) and the schemas (``x-reference``).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from mpchub.content.corpus import Corpus, Record
from mpchub.content.dates import sortable_date, year_of
from mpchub.content.organisations import is_municipality, municipality_key
from mpchub.content.registry import Browse, Collection, Facet
from mpchub.content.schemas import values_at
from mpchub.content.text import fold, turkish_sort_key

RELATED_LIMIT = 5
# Related records look at most this many neighbours in each shared group, so the work per record is
# bounded however many records share a theme (4,000 practices sharing everything took 29 s unbounded).
RELATED_WINDOW = 24


@dataclass
class Municipality:
    key: str
    names: dict[str, str]  # language → name
    kind: str
    province: str | None
    records: list[Record] = field(default_factory=list)


def values(record: Record, name: str) -> list[Any]:
    """A field's values as a list, whether the field holds one value or many."""
    value = record.data.get(name)
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def facet_values(record: Record, facet: Facet) -> list[Any]:
    """The values a catalog filter reads from a record: the year of a date field, the field's keys, or for a
    field of a list of objects (``implementers.name``) that field of each object. Free text is read with its
    spaces collapsed, so that one value is one filter however it was typed; each value once."""
    if facet.year:
        year = year_of(record.data.get(facet.field))
        return [year] if year else []
    head, _, sub = facet.field.partition(".")
    found: list[Any] = []
    for value in values(record, head):
        if sub:
            value = value.get(sub) if isinstance(value, dict) else None
        if isinstance(value, str):
            value = " ".join(value.split())
        if value is not None and not isinstance(value, dict | list) and value not in found:
            found.append(value)
    return found


def title(record: Record, lang: str) -> str:
    return str(record.fields(lang).get("title", record.slug))


def date_of(record: Record) -> str:
    """The record's date, sortable: its collection's date field, else its year."""
    return sortable_date(record.data.get(record.collection.date_field) or record.data.get("year"))


class SiteIndex:
    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.registry = corpus.registry
        self.vocabularies = corpus.schemas.vocabularies

    def records(self, collection: str) -> list[Record]:
        return self.corpus.of(collection)

    @cached_property
    def everything(self) -> list[Record]:
        return self.corpus.all()

    @property
    def browses(self) -> tuple[Browse, ...]:
        return self.registry.browses

    @cached_property
    def primary(self) -> Collection:
        """The collection the hub is about (the registry's first): browse pages count and list its records first."""
        return self.registry.collections[0]

    # --- ordering -------------------------------------------------------------------------------

    def sort_by_title(self, records: Iterable[Record], lang: str) -> list[Record]:
        """Alphabetical order of the page's language: Turkish order (C < Ç < D) for Turkish, folded otherwise."""
        if self.registry.language(lang).turkish:
            return sorted(records, key=lambda r: (turkish_sort_key(title(r, lang)), r.slug))
        return sorted(records, key=lambda r: (fold(title(r, lang)), r.slug))

    def sort_labels(self, items: Iterable[tuple[Any, str]], lang: str) -> list[tuple[Any, str]]:
        """(key, label) pairs in the alphabetical order of ``lang``."""
        if self.registry.language(lang).turkish:
            return sorted(items, key=lambda item: turkish_sort_key(item[1]))
        return sorted(items, key=lambda item: fold(item[1]))

    @cached_property
    def title_rank(self) -> dict[str, dict[str, int]]:
        """Position of every record in alphabetical order, per language, for the client-side sort."""
        return {
            lang: {r.key: i for i, r in enumerate(self.sort_by_title(self.everything, lang))}
            for lang in self.registry.codes
        }

    def newest_first(self, records: Iterable[Record]) -> list[Record]:
        return sorted(records, key=lambda r: (date_of(r), r.slug), reverse=True)

    # --- groupings for browse pages ------------------------------------------------------------------

    @cached_property
    def groups(self) -> dict[str, dict[Any, dict[str, list[Record]]]]:
        """kind → key → collection name → records, for the browse pages of vocabularies."""
        grouped: dict[str, dict[Any, dict[str, list[Record]]]] = {}
        for browse in self.registry.browses:
            if browse.vocabulary is None:
                continue
            buckets: dict[Any, dict[str, list[Record]]] = defaultdict(lambda: defaultdict(list))
            for record in self.everything:
                for name in browse.fields:
                    for key in values(record, name):
                        bucket = buckets[key][record.collection.name]
                        if record not in bucket:
                            bucket.append(record)
            grouped[browse.kind] = {k: dict(v) for k, v in buckets.items()}
        return grouped

    def group(self, kind: str, key: Any, collection: str) -> list[Record]:
        return self.groups[kind].get(key, {}).get(collection, [])

    def browse_keys(self, kind: str) -> set[Any]:
        """Keys that have a browse page: those used by any record."""
        return set(self.groups[kind])

    @cached_property
    def municipalities(self) -> dict[str, Municipality]:
        found: dict[str, Municipality] = {}
        for record in self.everything:
            for org in values(record, "implementers"):
                if not is_municipality(org):
                    continue
                key = municipality_key(org["name"])
                entry = found.get(key)
                if entry is None:
                    names = {lang: self.org_name(org, lang) for lang in self.registry.codes}
                    entry = found[key] = Municipality(key, names, org["kind"], record.data.get("province"))
                if record not in entry.records:
                    entry.records.append(record)
        return found

    def org_name(self, org: dict[str, Any], lang: str) -> str:
        if lang != self.registry.master.code and org.get(f"name_{lang}"):
            return str(org[f"name_{lang}"])
        return str(org["name"])

    # --- facets --------------------------------------------------------------------------------------

    def facet_counts(self, records: Iterable[Record], facet: Facet) -> Counter:
        counts: Counter = Counter()
        for record in records:
            counts.update(set(facet_values(record, facet)))
        return counts

    # --- related records -----------------------------------------------------------------------------

    @cached_property
    def related(self) -> dict[str, list[Record]]:
        """Record key → up to five related records of its collection: those it names, then the highest scores.

        For collections with ``similar`` weights in the registry. Scored with an inverted index (records
        sharing a key of a weighted field). Each group is sorted once (newest first, so a neighbour is a
        recent record) and a record scores only the ``RELATED_WINDOW`` records around it in each of its
        groups: O(n log n) to sort, then bounded work per record, whatever the overlap.
        """
        related: dict[str, list[Record]] = {}
        for collection in self.registry.collections:
            if collection.similar:
                related.update(self._related(collection))
        return related

    def _related(self, collection: Collection) -> dict[str, list[Record]]:
        records = self.records(collection.name)
        weights = dict(collection.similar)
        buckets: dict[tuple[str, Any], list[str]] = defaultdict(list)
        for record in self.newest_first(records):
            for name in weights:
                for key in values(record, name):
                    buckets[(name, key)].append(record.slug)
        index_in = {group: {slug: i for i, slug in enumerate(slugs)} for group, slugs in buckets.items()}
        by_slug = {r.slug: r for r in records}
        half = RELATED_WINDOW // 2
        related: dict[str, list[Record]] = {}
        for record in records:
            scores: Counter = Counter()
            for name, weight in weights.items():
                for key in values(record, name):
                    slugs = buckets[(name, key)]
                    i = index_in[(name, key)][record.slug]
                    for neighbour in slugs[max(0, i - half) : i + half + 1]:
                        scores[neighbour] += weight
            del scores[record.slug]
            named = [s for s in self.named_slugs(record, collection.name) if s in by_slug and s != record.slug]
            ranked = sorted(
                (s for s, score in scores.items() if score >= 2 and s not in named),
                key=lambda s: (-scores[s], s),
            )
            related[record.key] = [by_slug[s] for s in (named + ranked)[:RELATED_LIMIT]]
        return related

    # --- references between records ------------------------------------------------------------------

    @cached_property
    def _references(self) -> dict[str, list[tuple[tuple[str, ...], str]]]:
        """Collection → its fields that name records (schema ``x-reference``): (pattern, target collection)."""
        schemas = self.corpus.schemas
        return {
            c.name: [
                (pattern, node["x-reference"])
                for pattern, node in schemas.markers[(c.name, False)]
                if node.get("x-reference")
            ]
            for c in self.registry.collections
        }

    def named_slugs(self, record: Record, target: str) -> list[str]:
        """The ids of ``target`` records that ``record`` names, in the order it names them."""
        found: list[str] = []
        for pattern, collection in self._references[record.collection.name]:
            if collection != target:
                continue
            for _path, value in values_at(record.data, pattern):
                for slug in value if isinstance(value, list) else [value]:
                    if isinstance(slug, str) and slug not in found:
                        found.append(slug)
        return found

    def named(self, record: Record, target: str) -> list[Record]:
        """The ``target`` records that ``record`` names (unknown ids never pass the check)."""
        return [r for slug in self.named_slugs(record, target) if (r := self.record(target, slug))]

    @cached_property
    def _backlinks(self) -> dict[tuple[str, str], list[Record]]:
        """(target collection, target slug) → records that name the target, in corpus order."""
        links: dict[tuple[str, str], list[Record]] = defaultdict(list)
        for source in self.everything:
            for pattern, target in self._references[source.collection.name]:
                for _path, value in values_at(source.data, pattern):
                    for slug in value if isinstance(value, list) else [value]:
                        if isinstance(slug, str) and source not in links[(target, slug)]:
                            links[(target, slug)].append(source)
        return links

    def backlinks(self, record: Record, source: str) -> list[Record]:
        """Records of collection ``source`` that name ``record``."""
        return [
            r for r in self._backlinks.get((record.collection.name, record.slug), []) if r.collection.name == source
        ]

    # --- lookups -------------------------------------------------------------------------------------

    def record(self, collection: str, slug: str) -> Record | None:
        return self.corpus.records.get(collection, {}).get(slug)

    def label(self, vocabulary: str, key: Any, lang: str) -> str:
        vocab = self.vocabularies[vocabulary]
        return vocab.label(key, lang) if key in vocab else str(key)
