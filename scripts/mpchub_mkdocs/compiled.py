"""Material's templates compiled once per process, not once per build.

MkDocs makes a new Jinja environment for every build: static-i18n's second language is a second build, and
under ``mkdocs serve`` every save is another one. Each compiled Material's 67 templates again (about a
third of a rebuild's time on today's content). Jinja's bytecode cache hands each new environment the code
compiled before; an entry is used only while the template's source is unchanged (Jinja compares its
checksum), so an edit in ``overrides/`` is compiled afresh.
"""

from __future__ import annotations

from types import CodeType

from jinja2.bccache import Bucket, BytecodeCache


class CompiledTemplates(BytecodeCache):
    """Compiled templates kept in memory for the life of the process (one MkDocs plugin instance)."""

    def __init__(self) -> None:
        self._code: dict[str, tuple[str, CodeType]] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        found = self._code.get(bucket.key)
        if found is not None and found[0] == bucket.checksum:
            bucket.code = found[1]

    def dump_bytecode(self, bucket: Bucket) -> None:
        if bucket.code is not None:
            self._code[bucket.key] = (bucket.checksum, bucket.code)

    def clear(self) -> None:
        self._code.clear()
