"""The whole body of content: every record file read, checked, and paired into records."""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mpchub.checker import check_corpus, check_file
from mpchub.problems import WARNING, Problem
from mpchub.project import COLLECTIONS, Collection, Project
from mpchub.records import RecordFile, case_collisions, discover, linked_paths, read_record
from mpchub.reuse import Memo
from mpchub.schemas import SchemaSet


@dataclass(eq=False)  # identity: each record is one object, usable in sets and as a key
class Record:
    """A record as the site sees it: the Turkish master and, when there is one, its English twin."""

    collection: Collection
    slug: str
    master: RecordFile
    twin: RecordFile | None = None

    @property
    def key(self) -> str:
        """Unique across collections: 'practice:sisli-acik-ev'."""
        return f"{self.collection.name}:{self.slug}"

    @property
    def data(self) -> dict[str, Any]:
        return self.master.data or {}

    @property
    def fingerprint(self) -> tuple[str, ...]:
        """Everything the record is made of (both files' text): equal fingerprints, equal pages."""
        twin = (self.twin.front_matter, self.twin.body) if self.twin is not None and self.twin.data else ()
        return (self.key, self.master.front_matter, self.master.body, *twin)

    @property
    def fields_fingerprint(self) -> tuple[str, ...]:
        """The record's fields without its bodies: all that other pages show of it (cards, related records)."""
        twin = (self.twin.front_matter,) if self.twin is not None and self.twin.data else ()
        return (self.key, self.master.front_matter, *twin)

    def has_language(self, lang: str) -> bool:
        return lang == "tr" or (self.twin is not None and self.twin.data is not None)

    def fields(self, lang: str) -> dict[str, Any]:
        """Every field in ``lang``: the master's neutral fields with the twin's translations over them."""
        if lang == "tr" or not self.has_language(lang):
            return dict(self.data)
        assert self.twin is not None and self.twin.data is not None
        return {**self.data, **self.twin.data}

    def body(self, lang: str) -> str:
        if lang != "tr" and self.has_language(lang):
            assert self.twin is not None
            return self.twin.body
        return self.master.body


@dataclass
class Corpus:
    project: Project
    schemas: SchemaSet
    files: list[RecordFile]
    records: dict[str, dict[str, Record]] = field(default_factory=dict)
    other_problems: list[Problem] = field(default_factory=list)  # files that are not records (docs/)

    @property
    def problems(self) -> list[Problem]:
        return sorted([*(p for f in self.files for p in f.problems), *self.other_problems])

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    def of(self, collection: str) -> list[Record]:
        return list(self.records.get(collection, {}).values())

    def untranslated(self) -> list[Record]:
        return [r for c in self.records.values() for r in c.values() if not r.has_language("en")]


_LINK_IN_DOCS = (
    "symbolic links are not allowed in docs/: the build would copy whatever the link points at into the "
    "site; commit the file itself"
)


def _compare_twin(twin: RecordFile, master: RecordFile, schemas: SchemaSet) -> None:
    """Warnings (never errors) where the twin lags behind its master."""
    if twin.data is None or master.data is None:
        return
    for name, spec in schemas.schema(master.collection.name, twin=False)["properties"].items():
        if not spec.get("x-translatable") or name not in master.data:
            continue
        if name not in twin.data:
            twin.problem(
                f"'{name}' is filled in the Turkish master but not translated in this twin",
                "untranslated-field",
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
                    f"has {b} items but the Turkish master has {a}: translate item by item, in the same order",
                    "twin-items",
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
    corpus = Corpus(project, schemas, files, {c.name: {} for c in COLLECTIONS})
    corpus.other_problems = [
        Problem(project.relative(path), 1, 1, "", _LINK_IN_DOCS, rule="symlink")
        for path in linked_paths(project.docs_dir)
    ]
    for record in files:
        if not record.is_twin and record.data is not None:
            corpus.records[record.collection.name][record.slug] = Record(record.collection, record.slug, record)
    for record in files:
        if record.is_twin:
            pair = corpus.records[record.collection.name].get(record.slug)
            if pair is not None:
                pair.twin = record
                _compare_twin(record, pair.master, schemas)
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
                "internal-error",
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
