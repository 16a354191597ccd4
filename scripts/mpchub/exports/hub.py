"""Who publishes the data, under which licence, and where every export file lives in the built site.

The hub's and the publisher's names are the string catalogue's (``hub_name``, ``publisher_name``). The licence
is read from ``scripts/mpchub/data/licence.yml``: choosing it is the MPC's decision, so until they fill it in,
every export carries the site's statement instead of a licence.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from mpchub.content.corpus import Record
from mpchub.content.registry import Collection, Language
from mpchub.render.strings import t

DATA_FILES = Path(__file__).resolve().parent.parent / "data"
LICENCE_FILE = DATA_FILES / "licence.yml"

DATA_DIR = "data"  # site-relative folder of the downloads


class LicenceFileError(Exception):
    """``licence.yml`` is broken: a maintainer's mistake, reported with the file and what is wrong."""


@dataclass(frozen=True)
class Licence:
    id: str | None
    title: str | None
    url: str | None
    statement: dict[str, str]

    @property
    def chosen(self) -> bool:
        return bool(self.id)

    def statement_in(self, lang: str) -> str:
        """The statement in ``lang``, or the first one the file gives (the master language's, by convention)."""
        return self.statement.get(lang) or next(iter(self.statement.values()))


def hub_name(lang: str) -> str:
    return t(lang, "hub_name")


def publisher(lang: str) -> str:
    return t(lang, "publisher_name")


@cache
def licence(path: Path = LICENCE_FILE) -> Licence:
    """The data licence the MPC chose, or none with the site's statement (in every language it gives)."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise LicenceFileError(f"{path}: cannot read: {exc}") from None
    statement = data.get("statement")
    if not isinstance(statement, dict) or not statement or not all(isinstance(v, str) for v in statement.values()):
        raise LicenceFileError(f"{path}: 'statement' must give a text for each language code, e.g. 'tr: …'")
    fields = {name: data.get(name) for name in ("id", "title", "url")}
    for name, value in fields.items():
        if value is not None and not isinstance(value, str):
            raise LicenceFileError(f"{path}: '{name}' must be text or empty, not {type(value).__name__}")
    if fields["id"] and not (fields["title"] and fields["url"]):
        raise LicenceFileError(f"{path}: a chosen licence needs 'id', 'title' and 'url' together")
    return Licence(
        fields["id"], fields["title"], fields["url"], {lang: text.strip() for lang, text in statement.items()}
    )


# --- where the files go (site-relative paths, forward slashes) ----------------------------------------------


def collection_file(collection: Collection, lang: str | None, extension: str) -> str:
    """``data/practices.tr.json``; ``lang=None`` is the language-neutral file ``data/practices.json``."""
    middle = f".{lang}" if lang else ""
    return f"{DATA_DIR}/{collection.folder}{middle}.{extension}"


def workbook_file(lang: str) -> str:
    """Every collection in one Excel workbook, a sheet each: ``data/hub.tr.xlsx``."""
    return f"{DATA_DIR}/hub.{lang}.xlsx"


def schema_file(collection: Collection, neutral: bool) -> str:
    return f"{DATA_DIR}/schemas/{collection.folder}{'.neutral' if neutral else ''}.schema.json"


def citations_file(collection: Collection, lang: str, extension: str) -> str:
    """Every record's citation in one file: ``data/practices.tr.bib`` (also ``.ris`` and ``.csl.json``).

    A record page offers its own citation as a download made in the page (a ``data:`` link), so the site
    does not carry three small files per record and language (6,000 files at 1,000 records)."""
    return f"{DATA_DIR}/{collection.folder}.{lang}.{extension}"


PACKAGE_FILE = f"{DATA_DIR}/datapackage.json"


def feed_file(language: Language) -> str:
    """The Atom feed of a language, at its home: ``feed.xml`` (the master) and ``en/feed.xml``."""
    return f"{language.url_prefix}feed.xml"


def record_page(record: Record, language: Language) -> str:
    """Site-relative URL of a record page, as the site generator builds it."""
    return language.url(record.path)


def absolute(site_url: str | None, site_path: str) -> str | None:
    """An absolute address under the site's base URL, or None when the base is not known."""
    if not site_url:
        return None
    return site_url.rstrip("/") + "/" + site_path


__all__ = ["Licence", "hub_name", "licence", "publisher"]
