"""Who publishes the data, under which licence, and where every export file lives in the built site.

The names match ``mkdocs.yml`` (``site_name`` and ``copyright`` per language). The licence is read from
``scripts/mpchub/data/licence.yml``: choosing it is the MPC's decision, so until they fill it in, every export
carries the site's statement instead of a licence.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from mpchub.project import COLLECTIONS, Collection
from mpchub.site.urls import url as page_url

DATA_FILES = Path(__file__).resolve().parent.parent / "data"
LICENCE_FILE = DATA_FILES / "licence.yml"

HUB_NAME = {"tr": "Göç Politikaları Merkezi Bilgi Merkezi", "en": "Migration Policy Center Knowledge Hub"}
PUBLISHER = {
    "tr": "Marmara Belediyeler Birliği Göç Politikaları Merkezi",
    "en": "Marmara Municipalities Union Migration Policy Center",
}
LANGUAGES = ("tr", "en")
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


@cache
def licence(path: Path = LICENCE_FILE) -> Licence:
    """The data licence the MPC chose, or none with the site's statement."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise LicenceFileError(f"{path}: cannot read: {exc}") from None
    statement = data.get("statement")
    if not isinstance(statement, dict) or not all(isinstance(statement.get(lang), str) for lang in LANGUAGES):
        raise LicenceFileError(f"{path}: 'statement' must have a Turkish (tr) and an English (en) text")
    fields = {name: data.get(name) for name in ("id", "title", "url")}
    for name, value in fields.items():
        if value is not None and not isinstance(value, str):
            raise LicenceFileError(f"{path}: '{name}' must be text or empty, not {type(value).__name__}")
    if fields["id"] and not (fields["title"] and fields["url"]):
        raise LicenceFileError(f"{path}: a chosen licence needs 'id', 'title' and 'url' together")
    return Licence(fields["id"], fields["title"], fields["url"], {lang: statement[lang].strip() for lang in LANGUAGES})


# --- where the files go (site-relative paths, forward slashes) ----------------------------------------------


def collection_file(collection: Collection, lang: str | None, extension: str) -> str:
    """``data/practices.tr.json``; ``lang=None`` is the language-neutral file ``data/practices.json``."""
    middle = f".{lang}" if lang else ""
    return f"{DATA_DIR}/{collection.folder}{middle}.{extension}"


def schema_file(collection: Collection, neutral: bool) -> str:
    return f"{DATA_DIR}/schemas/{collection.folder}{'.neutral' if neutral else ''}.schema.json"


def citations_file(collection: Collection, lang: str, extension: str) -> str:
    """Every record's citation in one file: ``data/practices.tr.bib`` (also ``.ris`` and ``.csl.json``).

    A record page offers its own citation as a download made in the page (a ``data:`` link), so the site
    does not carry three small files per record and language (6,000 files at 1,000 records)."""
    return f"{DATA_DIR}/{collection.folder}.{lang}.{extension}"


PACKAGE_FILE = f"{DATA_DIR}/datapackage.json"


def feed_file(lang: str) -> str:
    """The Atom feed of a language: ``feed.xml`` (Turkish) and ``en/feed.xml``."""
    return "feed.xml" if lang == "tr" else f"{lang}/feed.xml"


def record_page(collection: Collection, slug: str, lang: str) -> str:
    """Site-relative URL of a record page, as the site generator builds it."""
    return page_url(f"{collection.folder}/{slug}", lang)


def absolute(site_url: str | None, site_path: str) -> str | None:
    """An absolute address under the site's base URL, or None when the base is not known."""
    if not site_url:
        return None
    return site_url.rstrip("/") + "/" + site_path


__all__ = ["COLLECTIONS", "HUB_NAME", "PUBLISHER", "Licence", "licence"]
