"""Which records lack a translation, and which translations are out of date, in each language of the hub.

A translation records the commit of the master it was translated from in ``source_commit`` (mdn's
``sourceCommit`` idea); it is outdated when the master changed in a later commit. Without a
``source_commit`` it is outdated when the master's last commit is newer than its own (FastAPI's
``list-outdated``, by position in the log rather than by time). History is read with one
``git log`` for all records, not one call per file.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from mpchub.content import rules
from mpchub.content.corpus import Corpus, Record
from mpchub.content.history import History, read_history
from mpchub.content.problems import WARNING, Problem
from mpchub.content.records import FENCE_LINE
from mpchub.content.registry import Language

MISSING, OUTDATED, CURRENT, UNKNOWN = "missing", "outdated", "current", "unknown"


def _is_ancestor(root: Path, older: str, newer: str) -> bool:
    process = subprocess.run(
        ["git", "-C", str(root), "merge-base", "--is-ancestor", older, newer], capture_output=True, timeout=60
    )
    return process.returncode == 0


@dataclass
class Status:
    record: Record
    language: Language  # a language other than the master's
    state: str
    detail: str = ""


def status_of(record: Record, language: Language, history: History, root: Path) -> Status:
    translation = record.translation(language.code)
    master_name = record.master.language.english_name
    if translation is None:
        return Status(record, language, MISSING, f"no {language.english_name} translation")
    assert translation.data is not None
    master, translated = record.master.relpath, translation.relpath
    master_commits = history.commits.get(master, [])
    if not history.available or not master_commits:
        return Status(record, language, UNKNOWN, "no git history for the master")
    source = translation.data.get("source_commit")
    if isinstance(source, str):
        newer = next((i for i, c in enumerate(master_commits) if c.startswith(source)), None)
        if newer == 0:
            return Status(record, language, CURRENT)
        if newer is not None:
            return Status(
                record,
                language,
                OUTDATED,
                f"the {master_name} master changed in {newer} commit(s) since {source[:10]}, "
                "the source_commit of this translation",
            )
        if _is_ancestor(root, master_commits[0], source):
            return Status(record, language, CURRENT)
        return Status(
            record,
            language,
            OUTDATED,
            f"the {master_name} master changed after {source[:10]}, the source_commit of this translation",
        )
    translated_commits = history.commits.get(translated, [])
    if not translated_commits:
        return Status(record, language, UNKNOWN, f"the {language.english_name} translation is not committed yet")
    if history.order[master_commits[0]] < history.order[translated_commits[0]]:
        return Status(
            record,
            language,
            OUTDATED,
            f"the {master_name} master was committed after this translation (no source_commit)",
        )
    return Status(record, language, CURRENT)


def statuses(corpus: Corpus) -> list[Status]:
    """Every record's state in every language other than the master's."""
    folders = sorted({r.collection.folder for r in corpus.all()})
    history = read_history(corpus.project.root, folders) if folders else History(available=False)
    return [
        status_of(record, language, history, corpus.project.root)
        for record in corpus.all()
        for language in corpus.registry.translations
    ]


SOURCE_COMMIT = re.compile(r"^source_commit:.*$", re.MULTILINE)


def stamp(record: Record, history: History) -> bool:
    """Write the master's last commit into each translation's ``source_commit``. False when there is nothing to do."""
    commit = history.last(record.master.relpath)
    if commit is None:
        return False
    changed = False
    line = f'source_commit: "{commit}"'  # quoted and last, as the web editor writes it (mpchub.content.writer)
    for translation in record.translations.values():
        text = translation.path.read_text(encoding="utf-8")
        if SOURCE_COMMIT.search(text):
            new = SOURCE_COMMIT.sub(line, text, count=1)
        else:
            new = text.replace(f"\n{FENCE_LINE}\n", f"\n{line}\n{FENCE_LINE}\n", 1)
        if new != text:
            translation.path.write_text(new, encoding="utf-8")
            changed = True
    return changed


def translation_problems(corpus: Corpus) -> list[Problem]:
    """Warnings for ``mpchub translations``: masters without a translation, translations older than their master."""
    problems = []
    for status in statuses(corpus):
        record = status.record
        if status.state == MISSING:
            expected = record.collection.folder + "/" + status.language.source(record.slug)
            message = f"untranslated: {status.detail} ({expected})"
            problems.append(Problem(record.master.relpath, 1, 1, "", message, WARNING, rules.UNTRANSLATED.name))
        elif status.state == OUTDATED:
            translation = record.translation(status.language.code)
            assert translation is not None
            message = f"outdated: {status.detail}"
            problems.append(
                Problem(translation.relpath, 1, 1, "source_commit", message, WARNING, rules.OUTDATED_TRANSLATION.name)
            )
    return problems
