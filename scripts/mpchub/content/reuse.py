"""What a long-lived process keeps from one build to the next: checked record files, rendered pages.

Under ``mkdocs serve`` every save rebuilds the whole generated site. At 1,000 records most of that rebuild
was spent reading and checking files that had not changed and rendering pages whose inputs had not
changed (``mpchub bench --serve 1000``). A :class:`Reuse` lets the next build take those results back.

Every entry is keyed by everything its result is made from, so a hit gives exactly what computing it
afresh would give; a one-off build (``mkdocs build``, ``mpchub check``) uses no ``Reuse`` at all. Entries
that the last build did not ask for are dropped, so memory stays at about one build's worth.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any, Generic, TypeVar

from mpchub.content.project import Project
from mpchub.content.schemas import SchemaSet

T = TypeVar("T")


class Memo(Generic[T]):
    """A dictionary that forgets what the previous build did not use (two generations)."""

    def __init__(self) -> None:
        self._current: dict[Hashable, T] = {}
        self._previous: dict[Hashable, T] = {}
        self.made = 0  # values made afresh in this build (the rest were reused)

    def get(self, key: Hashable, make: Callable[..., T], *args: Any) -> T:
        """The value for ``key``: kept from this build or the previous one, or ``make(*args)``."""
        if key in self._current:
            return self._current[key]
        if key in self._previous:
            value = self._previous.pop(key)
        else:
            value = make(*args)
            self.made += 1
        self._current[key] = value
        return value

    def next_build(self) -> None:
        self._previous, self._current = self._current, {}
        self.made = 0

    def clear(self) -> None:
        self._current.clear()
        self._previous.clear()

    def __len__(self) -> int:
        return len(self._current)


class Reuse:
    """The memos of one process. ``start_build`` is called once per build, before anything is looked up.

    A result may depend on the schemas and vocabularies (labels, checks) and on the core's templates: when
    any of their files changes, everything is forgotten. Python code is not watched: a process that runs
    changed code is a new process.

    Only what pays is kept (issue "A house that stays easy to change", measured with the rebuild after a title
    edit at 500 synthetic records, CPU seconds: 2.2-2.4 reusing nothing, 0.8-0.9 with every memo, 1.1-1.2 with these
    two alone): checked files and record pages. Cards, browse pages of one group, the generated pages' link lists
    and the compiled schemas were kept too, and earned 0.3 s between them; they were dropped with their keys.
    """

    def __init__(self) -> None:
        self.files: Memo = Memo()  # a checked record file, by its file's identity and times
        self.pages: Memo = Memo()  # a record page, by its record, the records it shows, language and address
        self._stamp: tuple[tuple[str, int, int], ...] = ()

    def start_build(self, project: Project) -> SchemaSet:
        """Begin a build; returns the compiled schemas and vocabularies (compiling them is a few hundredths of a
        second), and forgets every memo when one of the files results depend on has changed."""
        root = project.root
        stamp = _stamp(
            root / "hub.yml",
            project.schemas_dir,
            project.vocabularies_dir,
            root / "strings",
            TEMPLATES,
            root / "termbase.yml",
        )
        memos = (self.files, self.pages)
        if stamp != self._stamp:
            self._stamp = stamp
            for memo in memos:
                memo.clear()
        for memo in memos:
            memo.next_build()
        return SchemaSet(project)


TEMPLATES = Path(__file__).parents[1] / "templates"  # the core's templates: Jinja reloads an edited one


def _stamp(*places: Path) -> tuple[tuple[str, int, int], ...]:
    """Every file at or under ``places`` with its modification time and size."""
    files = [p for place in places for p in ([place] if place.is_file() else sorted(place.rglob("*")))]
    return tuple((str(path), path.stat().st_mtime_ns, path.stat().st_size) for path in files if path.is_file())
