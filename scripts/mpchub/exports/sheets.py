"""The records as an officer reads them in a spreadsheet: one column per field, headed by the field's name in the
file's language, values as labels (never keys), one line per item of a list, the record's text and its page.

One table per collection and language (``table``), written three ways from the same rows: an Excel workbook per
collection (``data/practices.tr.xlsx``), one workbook with a sheet per collection (``data/hub.tr.xlsx``), and a
JSON file (``data/practices.tr.table.json``) from which the catalog's "download these N" builds, in the browser,
a file of exactly the records on the screen (``docs/assets/javascripts/downloads.js``). The CSV files stay the
developer's form (keys and labels, English headers: see ``tables.py``).

Excel files are written with openpyxl (maintained, pure Python; pinned in requirements.txt), in write-only mode
(a few MB of memory at 1,000 records). Every text cell is typed as text, so a contributor's ``=HYPERLINK(…)`` is
shown, never run as a formula.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font

from mpchub.content.corpus import Corpus
from mpchub.content.limits import without_forbidden
from mpchub.content.registry import Collection
from mpchub.render.strings import t

from .model import export_record, properties

LINE = "\n"  # items of a list: one per line of the cell


@dataclass
class Table:
    """A collection's records in one language, as a spreadsheet shows them."""

    name: str  # the collection's name in the language (a sheet's name)
    headers: list[str]
    rows: list[list[Any]]  # str, int or float cells
    urls: list[str]  # each row's page, site-relative (the catalog's cards link to the same pages)


def _language_forms(data: dict[str, Any], codes: tuple[str, ...], lang: str, master: str) -> dict[str, Any]:
    """An object without its ``<name>_<lang>`` forms, each name in the file's language (``name_en`` in English)."""
    forms = {f"{key}_{code}" for key in data for code in codes}
    out = {}
    for key, value in data.items():
        if key in forms:
            continue
        other = data.get(f"{key}_{lang}")
        out[key] = other if lang != master and other else value
    return out


def _text(value: Any, label: Any, codes: tuple[str, ...], lang: str, master: str) -> Any:
    """A field's value as a cell shows it: labels for keys, one line per item, an object's values joined."""
    if isinstance(label, str):
        return label
    if isinstance(value, list):
        items = [
            _text(v, label[i] if isinstance(label, list) and i < len(label) else None, codes, lang, master)
            for i, v in enumerate(value)
        ]
        return LINE.join(str(i) for i in items if i not in (None, ""))
    if isinstance(value, dict):
        shown = _language_forms(value, codes, lang, master)
        labels = label if isinstance(label, dict) else {}
        parts = [_text(v, labels.get(k), codes, lang, master) for k, v in shown.items()]
        return ", ".join(str(p) for p in parts if p not in (None, ""))
    if isinstance(value, bool):
        return t(lang, "reference_yes") if value else t(lang, "reference_no")
    return value


def table(corpus: Corpus, collection: Collection, lang: str, entries: list[dict[str, Any]] | None = None) -> Table:
    """The collection's table in ``lang``; ``entries`` are the records' export entries (``model.export_record``)."""
    props = properties(corpus.schemas, collection)
    registry = corpus.registry
    codes, master = registry.codes, registry.master.code
    if entries is None:
        entries = [export_record(corpus, r, lang, None) for r in corpus.of(collection.name)]
    names = list(props)
    headers = [props[n].get("x-label", {}).get(lang, n) for n in names]
    headers += [t(lang, "column_body"), t(lang, "column_url")]
    rows, urls = [], []
    records = corpus.of(collection.name)
    for record, entry in zip(records, entries, strict=True):
        fields, labels = entry["fields"], entry["labels"]
        row = [_text(fields.get(n), labels.get(n), codes, lang, master) for n in names]
        rows.append([("" if v is None else v) for v in row] + [entry.get("body", ""), entry["url"]])
        urls.append(registry.language(lang).url(record.path))
    return Table(t(lang, collection.folder), headers, rows, urls)


def table_json(found: Table) -> bytes:
    data = {"name": found.name, "headers": found.headers, "urls": found.urls, "rows": found.rows}
    return (json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def _sheet_title(name: str) -> str:
    """A sheet's name: Excel allows 31 characters and none of ``[]:*?/\\``."""
    return "".join(" " if c in "[]:*?/\\" else c for c in name)[:31]


def workbook(tables: list[Table]) -> bytes:
    """An .xlsx with one sheet per table: a bold, frozen header row, text cells typed as text."""
    book = Workbook(write_only=True)
    bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="top")
    for found in tables:
        sheet = book.create_sheet(_sheet_title(found.name))
        sheet.freeze_panes = "A2"
        for index in range(len(found.headers)):
            sheet.column_dimensions[_column_letter(index)].width = 28
        header = []
        for name in found.headers:
            cell = WriteOnlyCell(sheet, value=name)
            cell.font = bold
            header.append(cell)
        sheet.append(header)
        for row in found.rows:
            cells = []
            for value in row:
                if isinstance(value, str):
                    value = without_forbidden(value)  # as the CSV: the check refuses them; one would break the file
                cell = WriteOnlyCell(sheet, value=value)
                if isinstance(value, str):
                    cell.data_type = "s"  # never a formula, whatever the text starts with
                    if LINE in value:
                        cell.alignment = wrap
                cells.append(cell)
            sheet.append(cells)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _column_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)
