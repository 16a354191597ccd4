"""Everything computed over all records, once per build and shared by both languages.

Groupings for the browse pages, facet counts, alphabetical order and related practices are computed
here, never per page: at 1,000 records a per-page computation costs more than the whole build.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from mpchub.corpus import Corpus, Record
from mpchub.languages import LANGUAGES, MASTER
from mpchub.site.formatting import sortable_date, year_of
from mpchub.site.urls import municipality_key
from mpchub.text import fold, turkish_sort_key

MUNICIPALITY_KINDS = {
    "metropolitan-municipality",
    "provincial-municipality",
    "district-municipality",
    "town-municipality",
}
# The field that dates a record of each collection (for "newest first").
DATE_FIELD = {"practice": "start_date", "recommendation": "year", "publication": "date"}
RELATED_LIMIT = 5
RELATED_WEIGHTS = {"themes": 2, "target_groups": 1, "province": 1}
# Related practices look at most this many neighbours in each shared group, so the work per practice is
# bounded however many practices share a theme (4,000 practices sharing everything took 29 s unbounded).
RELATED_WINDOW = 24


@dataclass(frozen=True)
class Browse:
    """One kind of browse page: which field it groups by and where its pages live."""

    kind: str  # URL folder, e.g. "themes"
    field: str  # record field, e.g. "themes"
    vocabulary: str | None  # None for municipalities (free names)


BROWSES = (
    Browse("themes", "themes", "themes"),
    Browse("target-groups", "target_groups", "target-groups"),
    Browse("provinces", "province", "provinces"),
    Browse("sdgs", "sdgs", "sdgs"),
    Browse("municipalities", "implementers", None),
)


@dataclass
class Municipality:
    key: str
    names: dict[str, str]
    kind: str
    province: str | None
    practices: list[Record] = field(default_factory=list)


def values(record: Record, name: str) -> list[Any]:
    """A field's values as a list, whether the field holds one value or many."""
    value = record.data.get(name)
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def title(record: Record, lang: str) -> str:
    return str(record.fields(lang).get("title", record.slug))


class SiteIndex:
    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.vocabularies = corpus.schemas.vocabularies
        self.practices = corpus.of("practice")
        self.recommendations = corpus.of("recommendation")
        self.publications = corpus.of("publication")

    # --- ordering -------------------------------------------------------------------------------

    def sort_by_title(self, records: Iterable[Record], lang: str) -> list[Record]:
        """Turkish alphabetical order on the Turkish site; plain folded order on the English one."""
        if lang == MASTER:
            return sorted(records, key=lambda r: (turkish_sort_key(title(r, lang)), r.slug))
        return sorted(records, key=lambda r: (fold(title(r, "en")), r.slug))

    @cached_property
    def title_rank(self) -> dict[str, dict[str, int]]:
        """Position of every record in alphabetical order, per language, for the client-side sort."""
        everything = [*self.practices, *self.recommendations, *self.publications]
        return {lang: {r.key: i for i, r in enumerate(self.sort_by_title(everything, lang))} for lang in LANGUAGES}

    def newest_first(self, records: Iterable[Record], date_field: str = "start_date") -> list[Record]:
        return sorted(
            records, key=lambda r: (sortable_date(r.data.get(date_field) or r.data.get("year")), r.slug), reverse=True
        )

    # --- groupings for browse pages ------------------------------------------------------------------

    def _group(self, records: Iterable[Record], fields: tuple[str, ...]) -> dict[str, dict[Any, list[Record]]]:
        grouped: dict[str, dict[Any, list[Record]]] = {}
        for browse in BROWSES:
            if browse.vocabulary is None:
                continue
            buckets: dict[Any, list[Record]] = defaultdict(list)
            names = (browse.field, *fields) if browse.kind == "provinces" else (browse.field,)
            for record in records:
                for name in names:
                    for key in values(record, name):
                        if record not in buckets[key]:
                            buckets[key].append(record)
            grouped[browse.kind] = dict(buckets)
        return grouped

    @cached_property
    def groups(self) -> dict[str, dict[Any, list[Record]]]:
        """kind → key → practices, for themes, target groups, provinces and SDGs."""
        return self._group(self.practices, ())

    @cached_property
    def other_groups(self) -> dict[str, dict[Any, list[Record]]]:
        """kind → key → recommendations and publications (a publication's province is its scope)."""
        return self._group([*self.recommendations, *self.publications], ("geographic_scope",))

    def browse_keys(self, kind: str) -> set[Any]:
        """Keys that have a browse page: those used by any record."""
        return set(self.groups[kind]) | set(self.other_groups[kind])

    @cached_property
    def municipalities(self) -> dict[str, Municipality]:
        found: dict[str, Municipality] = {}
        for practice in self.practices:
            for implementer in values(practice, "implementers"):
                if implementer.get("kind") not in MUNICIPALITY_KINDS:
                    continue
                key = municipality_key(implementer["name"])
                entry = found.get(key)
                if entry is None:
                    names = {"tr": implementer["name"], "en": implementer.get("name_en", implementer["name"])}
                    entry = found[key] = Municipality(key, names, implementer["kind"], practice.data.get("province"))
                if practice not in entry.practices:
                    entry.practices.append(practice)
        return found

    def municipality_keys(self, practice: Record) -> list[str]:
        return [
            municipality_key(i["name"]) for i in values(practice, "implementers") if i.get("kind") in MUNICIPALITY_KINDS
        ]

    # --- facets --------------------------------------------------------------------------------------

    def facet_counts(self, records: Iterable[Record], field_name: str) -> Counter:
        counts: Counter = Counter()
        for record in records:
            if field_name == "start_year":
                year = year_of(record.data.get("start_date"))
                counts.update([year] if year else [])
            else:
                counts.update(set(values(record, field_name)))
        return counts

    # --- related practices ---------------------------------------------------------------------------

    @cached_property
    def related(self) -> dict[str, list[Record]]:
        """Up to five related practices each: first those the record names, then the highest scores.

        Scored with an inverted index (practices sharing a theme, target group or province). Each group is
        sorted once (newest first, so a neighbour is a recent practice) and a practice scores only the
        ``RELATED_WINDOW`` practices around it in each of its groups: O(n log n) to sort, then bounded work
        per practice, whatever the overlap.
        """
        ordered = self.newest_first(self.practices)
        buckets: dict[tuple[str, Any], list[str]] = defaultdict(list)
        for practice in ordered:
            for name in RELATED_WEIGHTS:
                for key in values(practice, name):
                    buckets[(name, key)].append(practice.slug)
        index_in = {group: {slug: i for i, slug in enumerate(slugs)} for group, slugs in buckets.items()}
        by_slug = {p.slug: p for p in self.practices}
        half = RELATED_WINDOW // 2
        related: dict[str, list[Record]] = {}
        for practice in self.practices:
            scores: Counter = Counter()
            for name, weight in RELATED_WEIGHTS.items():
                for key in values(practice, name):
                    slugs = buckets[(name, key)]
                    i = index_in[(name, key)][practice.slug]
                    for neighbour in slugs[max(0, i - half) : i + half + 1]:
                        scores[neighbour] += weight
            del scores[practice.slug]
            named = [s for s in values(practice, "related_practices") if s in by_slug and s != practice.slug]
            ranked = sorted(
                (s for s, score in scores.items() if score >= 2 and s not in named),
                key=lambda s: (-scores[s], s),
            )
            related[practice.slug] = [by_slug[s] for s in (named + ranked)[:RELATED_LIMIT]]
        return related

    # --- lookups -------------------------------------------------------------------------------------

    def record(self, collection: str, slug: str) -> Record | None:
        return self.corpus.records.get(collection, {}).get(slug)

    def label(self, vocabulary: str, key: Any, lang: str) -> str:
        vocab = self.vocabularies[vocabulary]
        return vocab.label(key, lang) if key in vocab else str(key)

    @cached_property
    def _backlinks(self) -> dict[tuple[str, str, str], list[Record]]:
        """(target collection, target slug, source collection) → records that name the target."""
        links: dict[tuple[str, str, str], list[Record]] = defaultdict(list)
        fields = {
            "practice": "related_practices",
            "publication": "related_publications",
            "recommendation": "related_recommendations",
        }
        for source in [*self.practices, *self.recommendations, *self.publications]:
            for target, name in fields.items():
                for slug in values(source, name):
                    links[(target, slug, source.collection.name)].append(source)
            origin = source.data.get("origin")
            if isinstance(origin, dict) and origin.get("publication"):
                links[("publication", origin["publication"], source.collection.name)].append(source)
        return links

    def backlinks(self, target: str, slug: str, source: str) -> list[Record]:
        """Records of collection ``source`` that link to the ``target`` record ``slug``."""
        return list(dict.fromkeys(self._backlinks.get((target, slug, source), [])))
