"""Rules on the values YAML produced, not on the text the contributor typed.

The front matter's text is scanned for forbidden characters before YAML reads it (``records.py``), but a
double-quoted YAML string makes characters out of escapes: ``"\\0"``, ``"\\e"``, ``"\\u202E"``, ``"\\u2028"``
and ``"\\uFFFE"`` are invisible in the file and real in the value, and such a value broke both Atom feeds
and put a bidi override into the page title. So every rule about characters and line breaks is applied
again here, to every key and every text of the parsed record, and names the field.

Numbers: JSON Schema calls ``1.0`` an integer, so ``sdgs: [1.0]`` passed the schema and the build linked to
``sdgs/1.0/``. Where the schema wants an integer (``type: integer``, or an enum of integers), a float is
refused here.
"""

from __future__ import annotations

from typing import Any

from mpchub.content import limits, rules
from mpchub.content.names import name_problems
from mpchub.content.records import RecordFile
from mpchub.content.schemas import Schema
from mpchub.content.yamlfront import FieldPath

AFTER_ESCAPES = " (in the value YAML reads: an escape such as \\0, \\e or \\u202E counts as the character)"


def _wants_integer(schema: Schema) -> bool:
    """The schema accepts integers and no other number: ``type: integer`` or an enum of integers."""
    types = schema.get("type")
    kinds = set(types) if isinstance(types, list) else {types}
    if "number" in kinds:
        return False
    enum = schema.get("enum")
    if enum and all(isinstance(v, int) and not isinstance(v, bool) for v in enum):
        return True
    return "integer" in kinds


def _text_problem(text: str, one_line: bool) -> str | None:
    """The first reason ``text`` cannot be published, or None."""
    for _offset, reason in limits.forbidden_characters(text, allow_newlines=not one_line):
        return reason
    return None


def value_problems(record: RecordFile, schema: Schema) -> None:
    """Add the problems of every parsed value of ``record`` (characters, line breaks, integers)."""
    if record.data is None:
        return
    stack: list[tuple[Any, Schema, FieldPath]] = [(record.data, schema, ())]
    while stack and not record.full:
        value, node, path = stack.pop()
        if isinstance(value, dict):
            properties = node.get("properties", {})
            # A field name with such a character is not a field of any schema: reported as an unknown field.
            stack.extend((item, properties.get(key, {}), (*path, key)) for key, item in value.items())
        elif isinstance(value, list):
            items = node.get("items", {})
            stack.extend((item, items, (*path, index)) for index, item in reversed(list(enumerate(value))))
        elif isinstance(value, str):
            if not path:
                continue
            reason = _text_problem(value, bool(node.get("x-one-line")))
            if reason:
                record.problem_at(path, reason + AFTER_ESCAPES, rules.CONTROL_CHARACTER)
        elif isinstance(value, float) and _wants_integer(node):
            whole = int(value) if value.is_integer() else None
            hint = f": write {whole}" if whole is not None else ""
            record.problem_at(path, f"must be a whole number, not {value!r}{hint}", rules.TYPE)
    name_problems(record)  # organisation names: NFKC, and no look-alike letters from other scripts
