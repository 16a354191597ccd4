"""Is a record file written as the web editor writes it? (``mpchub format``.)

The web editor rewrites a whole file when it saves (``mpchub.content.writer``). A record already in that layout
changes only in the edited lines; any other record is rewritten entirely by its first edit. ``mpchub format``
rewrites files into the layout, keeping every value; ``mpchub format --check`` lists the others (in CI, as
warnings on the pull request's lines). It is not a rule of ``mpchub check``: a proposal written by hand or by
``mpchub new`` is valid as it is, and the repository's tests hold only what every valid pull request holds.
"""

from __future__ import annotations

import re
from pathlib import Path

from mpchub.content.records import RecordFile
from mpchub.content.schemas import SchemaSet
from mpchub.content.writer import record_text

# A YAML comment: '#' at the start of a line or after a space, outside quotes (the editor drops comments).
_QUOTED = re.compile(r"\"(?:[^\"\\]|\\.)*\"|'(?:[^']|'')*'")
_COMMENT = re.compile(r"(?:^|\s)#")


def canonical_text(record: RecordFile, schemas: SchemaSet) -> str | None:
    """The file as the editor would write it, or None when the record could not be read."""
    if record.data is None or not record.has_front_matter:
        return None
    schema = schemas.schema(record.collection.name, record.is_translation)
    return record_text(record.data, record.body, schema)


def first_difference(actual: str, wanted: str) -> int:
    """The 1-based line where two texts first differ."""
    for number, (a, b) in enumerate(zip(actual.splitlines(), wanted.splitlines(), strict=False), start=1):
        if a != b:
            return number
    return min(len(actual.splitlines()), len(wanted.splitlines())) + 1


def comment_lines(record: RecordFile) -> int:
    """How many front matter lines carry a YAML comment, which the editor (and ``mpchub format``) drops."""
    return sum(1 for line in record.front_matter.splitlines() if _COMMENT.search(_QUOTED.sub('""', line)))


def format_file(path: Path, record: RecordFile, schemas: SchemaSet) -> bool:
    """Rewrite ``path`` in the editor's layout; True when it changed. Never writes a record it could not read."""
    wanted = canonical_text(record, schemas)
    if wanted is None:
        return False
    if path.read_bytes() == wanted.encode("utf-8"):
        return False
    path.write_text(wanted, encoding="utf-8", newline="\n")
    return True
