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
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from mpchub.corpus import Corpus, Record
from mpchub.project import Collection
from mpchub.schemas import Schema

from . import hub
from .model import properties, view

SEPARATOR = " | "
ENCODING = "utf-8-sig"  # UTF-8 with a byte order mark: see the module docstring


@dataclass(frozen=True)
class Column:
    """One CSV column and the schema field it comes from."""

    name: str  # header: "implementers.name", "province_label", "language"
    path: tuple[str, ...]  # the field's path in the record
    spec: Schema  # the field's schema (for a list of keys, the list's schema)
    label: bool = False  # the labels of a vocabulary field instead of its keys
    meta: str = ""  # "language", "translated" or "url": about the row, not a record field
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


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


def cell(corpus: Corpus, column: Column, record: Record, lang: str, fields: dict[str, Any], language: str) -> str:
    if column.meta == "language":
        return language
    if column.meta == "translated":
        return _text(record.has_language(lang))
    if column.meta == "url":
        return ""  # filled by ``rows`` with the site URL
    found = _values(fields, column.path)
    if column.label and column.vocabulary:
        vocabulary = corpus.schemas.vocabularies[column.vocabulary]
        found = [vocabulary.label(v, lang) if v in vocabulary else _text(v) for v in found]
    return SEPARATOR.join(_text(v) for v in found)


def rows(
    corpus: Corpus, collection: Collection, lang: str, site_url: str | None
) -> tuple[list[Column], list[list[str]]]:
    cols = columns(corpus, collection)
    props = properties(corpus.schemas, collection)
    out = []
    for record in corpus.of(collection.name):
        seen = view(record, lang, props)
        row = [cell(corpus, c, record, lang, seen.fields, seen.content_language) for c in cols]
        page = hub.record_page(collection, record.slug, lang)
        row[-1] = hub.absolute(site_url, page) or page
        out.append(row)
    return cols, out


def write_csv(corpus: Corpus, collection: Collection, lang: str, site_url: str | None) -> bytes:
    cols, body = rows(corpus, collection, lang, site_url)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")  # RFC 4180 line ends
    writer.writerow([c.name for c in cols])
    writer.writerows(body)
    return buffer.getvalue().encode(ENCODING)
