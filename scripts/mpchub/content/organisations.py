"""Organisations named in records (implementers, partners): which are municipalities, and their page keys.

A municipality that implements a practice gets a page of its own, named after the slug of its official
name; the checker refuses names that would give no page or share one, and the site builds the pages.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from mpchub.content.text import slugify

MUNICIPALITY_KINDS = frozenset(
    {
        "metropolitan-municipality",
        "provincial-municipality",
        "district-municipality",
        "town-municipality",
    }
)
RESERVED_MUNICIPALITY_KEYS = frozenset({"index"})  # municipalities/index is the list of all municipalities


def is_municipality(org: Any) -> bool:
    return isinstance(org, dict) and org.get("kind") in MUNICIPALITY_KINDS


def municipality_key(name: str) -> str:
    """The page key of a municipality: 'Şişli Belediyesi' → 'sisli-belediyesi'. Normalised (NFKC) first, so that
    a full-width or ligature spelling gives the same page (``mpchub.content.names`` refuses such names too)."""
    return slugify(unicodedata.normalize("NFKC", name), max_length=80)


def in_language(data: dict[str, Any], name: str, lang: str, master: str) -> Any:
    """A proper name as a page in ``lang`` shows it: ``<name>_<lang>`` when the record gives that form.

    Names of organisations, units and publishers are facts, not translations: the master file holds the
    official name (``name``, ``unit``, ``publisher``) and optionally its form in another language
    (``name_en``), so that a list of implementers is never split across files."""
    if lang != master and data.get(f"{name}_{lang}"):
        return data[f"{name}_{lang}"]
    return data.get(name)


def org_name(org: dict[str, Any], lang: str, master: str) -> str:
    """An organisation's name in ``lang``: 'İstanbul Büyükşehir Belediyesi' or 'Istanbul Metropolitan Municipality'."""
    return str(in_language(org, "name", lang, master))
