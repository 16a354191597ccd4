"""The whole body of content: every record file read, checked, and paired into records."""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mpchub.content import rules, synonyms
from mpchub.content.checker import check_corpus, check_file
from mpchub.content.problems import WARNING, Problem
from mpchub.content.project import Project
from mpchub.content.records import RecordFile, case_collisions, discover, linked_paths, read_record
from mpchub.content.registry import Collection, Registry
from mpchub.content.reuse import Memo
from mpchub.content.schemas import SchemaSet


@dataclass(eq=False)  # identity: each record is one object, usable in sets and as a key
class Record:
    """A record as the site sees it: the master file and its translations, by language code."""

    collection: Collection
    slug: str
    master: RecordFile
    translations: dict[str, RecordFile] = field(default_factory=dict)

    @property
    def key(self) -> str:
        """Unique across collections: 'practice:sisli-acik-ev'."""
        return f"{self.collection.name}:{self.slug}"

    @property
    def path(self) -> str:
        """The path of the record's page: 'practices/sisli-acik-ev'."""
        return self.collection.path(self.slug)

    @property
    def data(self) -> dict[str, Any]:
        return self.master.data or {}

    @property
    def fingerprint(self) -> tuple[str, ...]:
        """Everything the record is made of (every file's text): equal fingerprints, equal pages."""
        texts = [(f.front_matter, f.body) for f in self._translated()]
        return (self.key, self.master.front_matter, self.master.body, *(t for pair in texts for t in pair))

    @property
    def fields_fingerprint(self) -> tuple[str, ...]:
        """The record's fields without its bodies: all that other pages show of it (cards, related records)."""
        return (self.key, self.master.front_matter, *(f.front_matter for f in self._translated()))

    def _translated(self) -> list[RecordFile]:
        return [f for _, f in sorted(self.translations.items()) if f.data is not None]

    def translation(self, lang: str) -> RecordFile | None:
        """The file of the record in ``lang`` other than the master, when it exists and was read."""
        found = self.translations.get(lang)
        return found if found is not None and found.data is not None else None

    def has_language(self, lang: str) -> bool:
        return lang == self.master.lang or self.translation(lang) is not None

    def content_language(self, lang: str) -> str:
        """The language the record's texts are in on a page in ``lang``: the master's when not translated."""
        return lang if self.has_language(lang) else self.master.lang

    def file(self, lang: str) -> RecordFile:
        """The file whose texts a page in ``lang`` shows."""
        return self.translation(lang) or self.master

    def fields(self, lang: str) -> dict[str, Any]:
        """Every field in ``lang``: the master's neutral fields with the translation's over them."""
        translation = self.translation(lang)
        if translation is None:
            return dict(self.data)
        assert translation.data is not None
        return {**self.data, **translation.data}

    def body(self, lang: str) -> str:
        return self.file(lang).body


@dataclass
class Corpus:
    project: Project
    schemas: SchemaSet
    files: list[RecordFile]
    records: dict[str, dict[str, Record]] = field(default_factory=dict)
    other_problems: list[Problem] = field(default_factory=list)  # files that are not records (docs/, synonyms.yml)

    @property
    def problems(self) -> list[Problem]:
        return sorted([*(p for f in self.files for p in f.problems), *self.other_problems])

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    def of(self, collection: str) -> list[Record]:
        return list(self.records.get(collection, {}).values())

    @property
    def registry(self) -> Registry:
        return self.project.registry

    def all(self) -> list[Record]:
        """Every record, collection by collection in the registry's order."""
        return [r for c in self.registry.collections for r in self.records.get(c.name, {}).values()]

    def untranslated(self, lang: str) -> list[Record]:
        return [r for r in self.all() if not r.has_language(lang)]


_LINK_IN_DOCS = (
    "symbolic links are not allowed in docs/: the build would copy whatever the link points at into the "
    "site; commit the file itself"
)


def _compare_translation(twin: RecordFile, master: RecordFile, schemas: SchemaSet) -> None:
    """Warnings (never errors) where a translation lags behind its master."""
    if twin.data is None or master.data is None:
        return
    for name, spec in schemas.schema(master.collection.name, twin=False)["properties"].items():
        if not spec.get("x-translatable") or name not in master.data:
            continue
        if name not in twin.data:
            twin.problem(
                f"'{name}' is filled in the {master.language.english_name} master but not translated in this file",
                rules.UNTRANSLATED_FIELD,
                twin.front_matter_line - 1,
                1,
                name,
                WARNING,
            )
        elif isinstance(master.data[name], list) and isinstance(twin.data[name], list):
            a, b = len(master.data[name]), len(twin.data[name])
            if a != b:
                twin.problem_at(
                    (name,),
                    f"has {b} items but the {master.language.english_name} master has {a}: translate item by item, "
                    "in the same order",
                    rules.TWIN_ITEMS,
                    severity=WARNING,
                )


def load_corpus(project: Project, schemas: SchemaSet | None = None, checked: Memo | None = None) -> Corpus:
    """Read and check every record. Never raises for bad content; see ``Corpus.problems``.

    ``checked`` (``Reuse.files``, under ``mkdocs serve``) hands back a file checked by an earlier build
    when the file is unchanged; the checks across records always run on the whole corpus."""
    schemas = schemas or SchemaSet(project)
    files = [_checked_file(project, collection, path, schemas, checked) for collection, path in discover(project)]
    case_collisions(files)
    check_corpus(files, schemas)
    corpus = Corpus(project, schemas, files, {c.name: {} for c in project.registry.collections})
    corpus.other_problems = [
        Problem(project.relative(path), 1, 1, "", _LINK_IN_DOCS, rule=rules.SYMLINK.name)
        for path in linked_paths(project.docs_dir)
    ]
    corpus.other_problems += synonyms.problems(project.root, project.registry.codes)  # the search's data file
    for record in files:
        if not record.is_translation and record.data is not None:
            corpus.records[record.collection.name][record.slug] = Record(record.collection, record.slug, record)
    for record in files:
        if record.is_translation:
            found = corpus.records[record.collection.name].get(record.slug)
            if found is not None:
                found.translations[record.lang] = record
                _compare_translation(record, found.master, schemas)
    return corpus


def _checked_file(
    project: Project, collection: Collection, path: Path, schemas: SchemaSet, checked: Memo | None
) -> RecordFile:
    """One file read and checked on its own; from ``checked`` when its identity and times are unchanged.

    The key is the file's ``lstat``: replacing the file, even by a link to the same bytes, changes its
    inode or mode, and any write changes its modification and change times. A hit is a copy with its own
    list of problems, because the checks across records add theirs to it."""

    def check() -> tuple[RecordFile, tuple[Problem, ...]]:
        record = read_record(project, collection, path)
        try:
            check_file(record, schemas)
        except Exception as exc:  # a bug of ours must not hide the other files' problems
            record.data = None  # half-checked data must not reach the build
            record.problem(
                f"mpchub could not finish checking this file ({type(exc).__name__}: {exc}); this is a bug in "
                "mpchub, not in your record: please report it with the file",
                rules.INTERNAL_ERROR,
            )
        return record, tuple(record.problems)

    if checked is None:
        return check()[0]
    try:
        st = os.lstat(path)
        identity = (st.st_dev, st.st_ino, st.st_mode, st.st_size, st.st_mtime_ns, st.st_ctime_ns)
    except OSError:
        return check()[0]  # read_record reports why
    record, problems = checked.get((collection.name, str(path), identity), check)
    return dataclasses.replace(record, problems=list(problems))
