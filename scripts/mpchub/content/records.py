"""Record files on disk: finding them, reading them safely, and pairing masters with twins."""

from __future__ import annotations

import errno
import os
import re
import stat
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from mpchub.content import limits, rules, yamlfront
from mpchub.content.problems import ERROR, Problem
from mpchub.content.project import Project
from mpchub.content.registry import Collection, Language, Registry
from mpchub.content.text import slugify

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FENCE_LINE = "---"  # opens and closes the front matter; writers (scaffold, from-issue) use this constant
FENCE = re.compile(rf"^{FENCE_LINE}[ \t]*$", re.MULTILINE)  # and readers this pattern
IGNORED_NAMES = {"README.md", ".gitkeep", ".DS_Store"}
# Names Windows cannot create or check out (a contributor on Windows could not clone the repository).
WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}
)


@dataclass
class RecordFile:
    """One file of a collection, read as far as it could be, with the problems met on the way."""

    path: Path
    relpath: str
    collection: Collection
    slug: str
    language: Language
    front_matter: str = ""
    front_matter_line: int = 2  # file line where the front matter text starts
    body: str = ""
    body_line: int = 1
    data: dict[str, Any] | None = None
    has_front_matter: bool = False  # the '---' fences were found, so the body is known
    problems: list[Problem] = field(default_factory=list)
    errors_listed: int = 0  # errors among ``problems`` (warnings make way for them past the limit)
    stuffed: bool = False  # reads as a list of search words (rule MPC067): the site leaves it out of its search

    @property
    def lang(self) -> str:
        return self.language.code

    @property
    def is_translation(self) -> bool:
        """A translation file (``<slug>.<code>.md``) holds only the translated fields; the master holds all."""
        return not self.language.master

    def problem(
        self,
        message: str,
        rule: rules.Rule,
        line: int = 1,
        column: int = 1,
        fieldpath: str = "",
        severity: str | None = None,
        facts: tuple[tuple[str, int | str], ...] = (),
    ) -> Problem:
        """Record a problem of ``rule`` (its severity unless ``severity`` says otherwise)."""
        found = Problem(self.relpath, line, column, fieldpath, message, severity or rule.severity, rule.name, facts)
        self.keep(found)
        return found

    def keep(self, found: Problem) -> None:
        """List ``found``: at most ``limits.MAX_PROBLEMS_PER_FILE`` problems, then one line saying that more are
        not listed. An error never makes way for a warning: past the limit it takes the last warning's place, so
        warnings met first (style) can never hide an error met later (a duplicate id, a broken link)."""
        listed = self.problems
        noted = bool(listed) and listed[-1].rule == rules.MORE_PROBLEMS.name
        count = len(listed) - noted
        dropped = count >= limits.MAX_PROBLEMS_PER_FILE
        if dropped and found.severity == ERROR:
            warning = next((i for i in reversed(range(count)) if listed[i].severity != ERROR), None)
            if warning is not None:
                del listed[warning]
                count -= 1
        if count < limits.MAX_PROBLEMS_PER_FILE:
            listed.insert(count, found)
            self.errors_listed += found.severity == ERROR
        if dropped and not noted:
            listed.append(
                Problem(
                    self.relpath,
                    found.line,
                    found.column,
                    "",
                    f"more than {limits.MAX_PROBLEMS_PER_FILE} problems: the others in this file are not listed; fix "
                    "these, then check again",
                    rules.MORE_PROBLEMS.severity,
                    rules.MORE_PROBLEMS.name,
                )
            )

    @property
    def full(self) -> bool:
        """No more errors will be listed for this file (checks that make many may stop early)."""
        return self.errors_listed >= limits.MAX_PROBLEMS_PER_FILE

    @cached_property
    def positions(self) -> yamlfront.Positions:
        return yamlfront.locate(self.front_matter, self.front_matter_line)

    def problem_at(
        self,
        path: yamlfront.FieldPath,
        message: str,
        rule: rules.Rule,
        key: bool = False,
        severity: str | None = None,
        field_path: yamlfront.FieldPath | None = None,
        facts: tuple[tuple[str, int | str], ...] = (),
    ) -> Problem:
        """A problem located at the value (or, with ``key``, the field name) at ``path``.

        ``field_path`` names the field when it differs from where the problem points (a missing field
        is reported at its parent).
        """
        line, column = (self.positions.of_key if key else self.positions.of_value)(path)
        if not path:
            line, column = self.front_matter_line - 1, 1  # the opening '---'
        shown = path if field_path is None else field_path
        return self.problem(message, rule, line, column, yamlfront.format_path(shown), severity, facts)


def _line_column(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _decode(raw: bytes, record: RecordFile) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        record.problem("the file starts with a byte order mark (BOM): save it as UTF-8 without BOM", rules.BOM, 1, 1)
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        good = raw[: exc.start].decode("utf-8", errors="replace")
        line, column = _line_column(good, len(good))
        record.problem(
            f"the file is not valid UTF-8 (byte 0x{raw[exc.start]:02x}): save it with UTF-8 encoding",
            rules.ENCODING,
            line,
            column,
        )
        return raw.decode("utf-8", errors="replace")


def _split(text: str, record: RecordFile) -> bool:
    """Separate front matter and body; False when there is no usable front matter."""
    first_line_end = text.find("\n")
    first = text if first_line_end < 0 else text[:first_line_end]
    if not FENCE.match(first):
        record.problem(
            "missing front matter: a record must start with a line '---', then its fields, then '---'",
            rules.FRONT_MATTER_MISSING,
        )
        return False
    closing = FENCE.search(text, first_line_end + 1) if first_line_end >= 0 else None
    if closing is None:
        record.problem(
            "unterminated front matter: the '---' on line 1 has no closing '---' line after the fields",
            rules.FRONT_MATTER_UNTERMINATED,
        )
        return False
    record.front_matter = text[first_line_end + 1 : closing.start()]
    record.front_matter_line = 2
    body_start = text.find("\n", closing.end())
    record.body = "" if body_start < 0 else text[body_start + 1 :]
    record.body_line = text.count("\n", 0, closing.start()) + 2
    record.has_front_matter = True
    return True


def _tabs(record: RecordFile) -> bool:
    if "\t" not in record.front_matter:
        return False
    found = False
    for number, line in enumerate(record.front_matter.splitlines(), start=record.front_matter_line):
        column = line.find("\t")
        if column >= 0:
            found = True
            record.problem(
                "tab character in the front matter: YAML needs spaces for indentation and between values",
                rules.TAB,
                number,
                column + 1,
            )
    return found


def _forbidden_characters(record: RecordFile) -> bool:
    """Control characters, bidi overrides and the like anywhere in the front matter: each one located."""
    found = False
    for offset, reason in limits.forbidden_characters(record.front_matter):
        line, column = limits.line_and_column(record.front_matter, offset)
        record.problem(reason, rules.CONTROL_CHARACTER, record.front_matter_line + line - 1, column)
        found = True
    return found


def read_record(project: Project, collection: Collection, path: Path) -> RecordFile:
    """Read one record file. Never raises for bad content: every problem is recorded on the result."""
    name = path.name
    registry = project.registry
    stem, language = registry.file_language(name) or (name, registry.master)
    slug = stem.split(".")[0]  # a wrong suffix ('x.tr.md', 'x.de.md') is reported below; the slug is still 'x'
    record = RecordFile(path, project.relative(path), collection, slug, language)
    if not SLUG.match(stem) or not name.endswith(".md"):
        _bad_file_name(record, registry)
    if record.slug.lower() in WINDOWS_RESERVED:
        record.problem(
            f"'{name}' is a name Windows reserves for a device ({record.slug.upper()}): the repository could "
            "not be checked out there; choose another file name (and id)",
            rules.FILE_NAME_RESERVED,
        )
    raw = _read_bounded(path, record)
    if raw is None:
        return record
    text = _decode(raw, record).replace("\r\n", "\n")
    if not _split(text, record):
        return record
    has_tabs = _tabs(record)
    if _forbidden_characters(record):
        return record  # YAML would refuse some of them with a vaguer message, and accept others silently
    try:
        data, duplicates = yamlfront.load(record.front_matter, record.front_matter_line)
        for duplicate in duplicates:
            if record.full:
                break
            field_path = ""
            if duplicate.rule in (rules.NUMBER_FORM, rules.YAML_TAG):  # name the field: the value starting there
                spot = (duplicate.line, duplicate.column)
                found = [p for p, at in record.positions.values.items() if at == spot]
                field_path = yamlfront.format_path(found[0]) if found else ""
            record.problem(duplicate.message, duplicate.rule, duplicate.line, duplicate.column, field_path)
    except yamlfront.FrontMatterError as exc:
        if not (has_tabs and exc.rule is rules.YAML_SYNTAX):  # the tab is the cause, already reported
            record.problem(exc.message, exc.rule, exc.line, exc.column)
        return record
    if data is None:
        record.problem("the front matter is empty: fill in the record's fields", rules.FRONT_MATTER_EMPTY, 1, 1)
    elif not isinstance(data, dict):
        record.problem(
            "the front matter must be a list of 'field: value' lines, not a single value",
            rules.FRONT_MATTER_SHAPE,
            record.front_matter_line,
            1,
        )
    else:
        record.data = data
    return record


def _read_bounded(path: Path, record: RecordFile) -> bytes | None:
    """The file's bytes, or None with a problem: only regular files, never through a link, at most MAX_FILE_BYTES.

    A symbolic link would publish whatever it points at (a file outside the repository, /dev/zero that
    never ends); the size is checked on the open file, so nothing larger than the bound is ever read.
    """
    try:
        with open(path, "rb", opener=_open_no_follow) as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                record.problem("not a regular file: a record is a Markdown text file", rules.NOT_A_FILE)
                return None
            size = os.fstat(handle.fileno()).st_size
            raw = handle.read(limits.MAX_FILE_BYTES + 1)
    except OSError as exc:
        if exc.errno == errno.ELOOP or path.is_symlink():  # O_NOFOLLOW refuses a link: nothing was read
            record.problem(
                "symbolic links are not allowed in content folders: commit the record file itself", rules.SYMLINK
            )
        else:
            record.problem(f"cannot read the file: {exc.strerror or exc}", rules.READ)
        return None
    if len(raw) > limits.MAX_FILE_BYTES:
        record.problem(
            f"the file is larger than {limits.MAX_FILE_BYTES:,} bytes (1 MB): a record summarises a practice "
            "in a few pages; link to long documents at their source",
            rules.FILE_TOO_LARGE,
            facts=(("max_bytes", limits.MAX_FILE_BYTES), ("bytes", max(size, len(raw)))),
        )
        return None
    return raw


def _open_no_follow(path: str, flags: int) -> int:
    return os.open(path, flags | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))


def _bad_file_name(record: RecordFile, registry: Registry) -> None:
    name = record.path.name
    master = registry.master
    suffixes = " or ".join(
        f"'<slug>{language.file_suffix}' ({language.english_name})" for language in registry.languages
    )
    if name.endswith(f".{master.code}.md"):
        message = (
            f"the {master.english_name} master is named '{name[: -len(master.code) - 4]}.md', without "
            f"'.{master.code}'; only translations have a language suffix: a record is " + suffixes
        )
    elif not name.endswith(".md"):
        message = f"'{name}' is not a record: files in {record.collection.folder}/ are Markdown records (.md)"
    else:
        stem = name[: -len(".md")]
        if re.fullmatch(r"[^.]+\.[a-z]{2}", stem):
            message = f"'{name}' has an unknown language suffix: a record is " + suffixes
        else:
            suggestion = slugify(stem) or "my-record"
            message = (
                f"file name '{name}' is not ASCII kebab-case: use lower-case a-z, 0-9 and single "
                f"hyphens, e.g. '{suggestion}{record.language.file_suffix}'"
            )
    record.problem(message, rules.FILE_NAME)


def discover(project: Project) -> list[tuple[Collection, Path]]:
    """Every file inside the collection folders, sorted, except READMEs and hidden files.

    Links are listed, not followed (``os.walk`` does not descend into a linked folder), so that
    ``read_record`` refuses them by name; a collection folder that is itself a link is listed the same way.
    """
    found = []
    for collection in project.registry.collections:
        folder = project.collection_dir(collection)
        if folder.is_symlink():
            found.append((collection, folder))
            continue
        if not folder.is_dir():
            continue
        for directory, subfolders, names in os.walk(folder):
            linked = [d for d in subfolders if Path(directory, d).is_symlink()]
            subfolders[:] = sorted(d for d in subfolders if not d.startswith(".") and d not in linked)
            for name in sorted([*names, *linked]):
                if name not in IGNORED_NAMES and not name.startswith("."):
                    found.append((collection, Path(directory, name)))
    return found


def linked_paths(folder: Path) -> list[Path]:
    """Every symbolic link at or under ``folder`` (not followed), sorted."""
    if folder.is_symlink():
        return [folder]
    found = []
    for directory, subfolders, names in os.walk(folder):
        for name in [*subfolders, *names]:
            if Path(directory, name).is_symlink():
                found.append(Path(directory, name))
    return sorted(found)


def case_collisions(files: list[RecordFile]) -> None:
    """Names that differ only in letter case are one file on Windows and macOS: refuse the second."""
    seen: dict[tuple[Path, str], RecordFile] = {}
    for record in files:
        key = (record.path.parent, record.path.name.casefold())
        first = seen.setdefault(key, record)
        if first is not record:
            record.problem(
                f"'{record.path.name}' differs from '{first.path.name}' only in letter case: on Windows and "
                "macOS they are the same file; rename one",
                rules.FILE_NAME_CASE,
            )
