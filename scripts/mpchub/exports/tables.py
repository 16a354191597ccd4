"""CSV: one row per record, one column per field of the schema, lists joined with `` | ``.

Columns follow the schema's fields in order, descending into objects and lists of objects
(``implementers.name``, ``implementers.kind``); the values of a list of objects line up by position, so
the second name belongs with the second kind. Every field bound to a vocabulary gets a second column,
``<field>_label``, with the labels in the file's language. The JSON downloads are the lossless form; the
CSV is for spreadsheets, so it is written with a byte order mark (see ``docs/open-data.md`` for why).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import Any

from mpchub.content.corpus import Corpus
from mpchub.content.limits import without_forbidden
from mpchub.content.project import Collection
from mpchub.content.schemas import Schema

from .model import export_record, properties

SEPARATOR = " | "
ENCODING = "utf-8-sig"  # UTF-8 with a byte order mark: see the module docstring


@dataclass(frozen=True)
class Column:
    """One CSV column and the schema field it comes from."""

    name: str  # header: "implementers.name", "province_label", "language"
    path: tuple[str, ...]  # the field's path in the record
    spec: Schema  # the field's schema (for a list of keys, the list's schema)
    label: bool = False  # the labels of a vocabulary field instead of its keys
    meta: str = ""  # "language", "translated", "body" or "url": about the row or its text, not a schema field
    multiple: bool = False  # the field is, or sits inside, a list: its cell joins several values

    @property
    def vocabulary(self) -> str | None:
        return self.spec.get("x-vocabulary") or (self.spec.get("items") or {}).get("x-vocabulary")


def _leaves(
    props: dict[str, Schema], prefix: tuple[str, ...] = (), multiple: bool = False
) -> Iterator[tuple[tuple[str, ...], Schema, bool]]:
    for name, spec in props.items():
        path = (*prefix, name)
        is_list = multiple or spec.get("type") == "array"
        inner = spec.get("items", {}) if spec.get("type") == "array" else spec
        if isinstance(inner, dict) and inner.get("type") == "object" and "properties" in inner:
            yield from _leaves(inner["properties"], path, is_list)
        else:
            yield path, spec, is_list


def columns(corpus: Corpus, collection: Collection) -> list[Column]:
    """The CSV columns of a collection, from its schema."""
    found = [Column("language", (), {}, meta="language"), Column("translated", (), {}, meta="translated")]
    for path, spec, multiple in _leaves(properties(corpus.schemas, collection)):
        column = Column(".".join(path), path, spec, multiple=multiple)
        found.append(column)
        if column.vocabulary:
            found.append(Column(f"{column.name}_label", path, spec, label=True, multiple=multiple))
    found.append(Column("body", (), {}, meta="body"))
    found.append(Column("url", (), {}, meta="url"))
    return found


def _values(data: Any, path: tuple[str, ...]) -> list[Any]:
    """Every value at ``path``, in order, looking inside lists on the way ('' for an item that lacks it)."""
    if not path:
        return data if isinstance(data, list) else [data]
    if isinstance(data, list):
        out: list[Any] = []
        for item in data:
            found = _values(item, path)
            out.extend(found if found else [""])
        return out
    if isinstance(data, dict) and path[0] in data:
        return _values(data[path[0]], path[1:])
    return []


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _text(value: Any) -> str:
    """A cell's text. A contributor's text that a spreadsheet would run as a formula (``=HYPERLINK(…)``)
    gets a leading apostrophe, as OWASP advises against CSV injection; the JSON keeps the text as written."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    if isinstance(value, str):
        value = without_forbidden(value)  # the check refuses them; a NUL or lone surrogate breaks the file
        return "'" + value if value.startswith(FORMULA_START) else value
    return str(value)


def cell(column: Column, entry: dict[str, Any], lang: str, names: dict[Any, str] | None = None) -> str:
    """One CSV cell from a record's export entry (``model.export_record``).

    A label column is read from the keys, item by item, so that it lines up with them even where some items
    have no key (a source without a kind)."""
    if column.meta == "language":
        return str(entry["language"])
    if column.meta == "translated":
        return _text(entry["translated"])
    if column.meta == "url":
        return str(entry["url"])
    if column.meta == "body":
        return _text(entry.get("body", ""))
    data = entry["fields"]
    if column.label and names is not None:  # names: key → label in ``lang``
        return SEPARATOR.join([names.get(k) or _text(k) for k in _values(data, column.path)])
    if len(column.path) == 1:  # the common case: a top-level field
        value = data.get(column.path[0])
        if not isinstance(value, list):
            return _text(value)
        if not any(isinstance(v, dict | list) or v is None for v in value):
            return SEPARATOR.join(map(_text, value))
    return SEPARATOR.join(map(_text, _values(data, column.path)))


def _top_level(name: str) -> Callable[[dict[str, Any]], str]:
    """``cell`` for a top-level field (most columns), decided once per column instead of once per cell."""

    def read(entry: dict[str, Any]) -> str:
        value = entry["fields"].get(name)
        if not isinstance(value, list):
            return _text(value)
        if not any(isinstance(v, dict | list) or v is None for v in value):
            return SEPARATOR.join(map(_text, value))
        return SEPARATOR.join(map(_text, _values(entry["fields"], (name,))))

    return read


def rows(
    corpus: Corpus, collection: Collection, lang: str, entries: list[dict[str, Any]] | None = None
) -> tuple[list[Column], list[list[str]]]:
    """The columns and one row per record; ``entries`` are the records' export entries in ``lang``."""
    cols = columns(corpus, collection)
    if entries is None:
        entries = [export_record(corpus, r, lang, None) for r in corpus.of(collection.name)]
    vocabularies = corpus.schemas.vocabularies
    names = [
        {term.key: term.label(lang) for term in vocabularies[c.vocabulary]} if c.label and c.vocabulary else None
        for c in cols
    ]
    readers = [
        _top_level(c.path[0])
        if not c.meta and len(c.path) == 1 and not (c.label and n is not None)
        else partial(cell, c, lang=lang, names=n)
        for c, n in zip(cols, names, strict=True)
    ]
    return cols, [[read(entry) for read in readers] for entry in entries]


def write_csv(corpus: Corpus, collection: Collection, lang: str, entries: list[dict[str, Any]] | None = None) -> bytes:
    cols, body = rows(corpus, collection, lang, entries)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")  # RFC 4180 line ends
    writer.writerow([c.name for c in cols])
    writer.writerows(body)
    return buffer.getvalue().encode(ENCODING)
