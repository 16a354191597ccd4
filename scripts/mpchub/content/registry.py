"""The hub's languages and collections, read from ``hub.yml``: the one place they are declared.

Everything else looks them up here, so adding a language or a collection is an entry in ``hub.yml`` (plus
its schema, labels, templates and interface words), not an edit of the code. A language knows its file
suffix, URL prefix and locales; a collection knows its folder, schema, date field, catalog filters, card,
citation and statistics. Defaults make a new collection work with the generic templates.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import jsonschema_rs
from babel import Locale

from mpchub.content import yamlfront
from mpchub.content.problems import DefinitionError

FILE = "hub.yml"
SCHEMA = "schemas/hub.schema.json"


class RegistryError(DefinitionError):
    """``hub.yml`` is missing or broken: nothing can be checked or built without it."""


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    locale: str  # Babel and Open Graph: tr_TR
    citation_locale: str  # CSL: tr-TR
    master: bool = False
    direction: str = "ltr"
    text: str = "default"  # "turkish": Turkish casing, alphabet, folding, search keys and style checks

    @property
    def turkish(self) -> bool:
        return self.text == "turkish"

    @property
    def url_prefix(self) -> str:
        """Where the language's pages live: the master at the site's root, the others under ``<code>/``."""
        return "" if self.master else f"{self.code}/"

    @property
    def file_suffix(self) -> str:
        """``.md`` for a master file, ``.<code>.md`` for a translation (static-i18n's suffix layout)."""
        return ".md" if self.master else f".{self.code}.md"

    def name_in(self, code: str) -> str:
        """The language's name in the language ``code`` ('Turkish', 'İngilizce'), from Babel's CLDR data."""
        return _language_name(self.locale, code)

    @property
    def english_name(self) -> str:
        """'Turkish': how mpchub's English messages name the language (the master is 'the Turkish master')."""
        return _english_name(self.code)

    def url(self, path: str) -> str:
        """Site-relative URL of the page at ``path``: ``practices/x`` → ``practices/x/`` or ``en/practices/x/``."""
        if path.endswith("/index"):
            path = path[: -len("/index")]
        elif path == "index":
            path = ""
        return self.url_prefix + (path + "/" if path else "")

    def source(self, path: str) -> str:
        """``practices/x`` → ``practices/x.md`` (master) or ``practices/x.en.md``."""
        return path + self.file_suffix


@dataclass(frozen=True)
class Facet:
    """A catalog filter: its URL parameter and the field it reads (by year for a date field)."""

    param: str
    field: str
    year: bool = False
    hide: tuple[str, ...] = ()
    label: str | None = None  # catalogue key of its heading; default: the field's label


@dataclass(frozen=True)
class Card:
    """What a record's card says besides its title: who (owner), where (place), when (period)."""

    owner: str | None = None
    place: str | None = None
    period: tuple[str, ...] = ()


@dataclass(frozen=True)
class Collection:
    name: str  # singular: the schema's name, x-reference targets, catalogue keys (type_<name>)
    folder: str  # plural: the folder of its files and the URL segment of its pages
    date_field: str
    template: str = ""
    facets: tuple[Facet, ...] = ()
    card: Card = field(default_factory=Card)
    citation_type: str = "page"  # "page": the hub's page about the record; "work": the work itself (a publication)
    citation_authors: str = "publisher"  # for a page citation: "implementers" or the hub's publisher
    similar: tuple[tuple[str, int], ...] = ()  # related records: fields and weights of shared keys
    statistics: tuple[str, ...] = ()
    form: str | None = None

    @property
    def schema_file(self) -> str:
        return f"schemas/{self.name}.schema.json"

    @property
    def catalog(self) -> str:
        """The path of the collection's catalog page: ``practices/index``."""
        return f"{self.folder}/index"

    def path(self, slug: str) -> str:
        """The path of a record's page: ``practices/sisli-acik-ev``."""
        return f"{self.folder}/{slug}"

    def template_for(self, exists: Any) -> str:
        """The record page's template: the declared one, ``record/<name>.html`` when it exists, or the generic one."""
        if self.template:
            return self.template
        own = f"record/{self.name}.html"
        return own if exists(own) else "record/record.html"


@dataclass(frozen=True)
class Browse:
    """One kind of browse page: the fields that group records and the vocabulary of their keys."""

    kind: str  # URL folder, e.g. "themes"
    fields: tuple[str, ...]  # e.g. ("province", "geographic_scope")
    vocabulary: str | None  # None for implementing municipalities (free names)


@dataclass(frozen=True)
class Registry:
    languages: tuple[Language, ...]
    collections: tuple[Collection, ...]
    browses: tuple[Browse, ...] = ()

    def browse(self, kind: str) -> Browse:
        return next(b for b in self.browses if b.kind == kind)

    def browse_of(self, field_name: str) -> Browse | None:
        """The browse pages that group records by ``field_name``, if any."""
        return next((b for b in self.browses if field_name in b.fields), None)

    @cached_property
    def master(self) -> Language:
        return next(language for language in self.languages if language.master)

    @cached_property
    def codes(self) -> tuple[str, ...]:
        """Language codes, the master first."""
        return tuple(language.code for language in self.languages)

    @cached_property
    def translations(self) -> tuple[Language, ...]:
        """The languages other than the master."""
        return tuple(language for language in self.languages if not language.master)

    def language(self, code: str) -> Language:
        return self._languages[code]

    def collection(self, name: str) -> Collection:
        return self._by_name[name]

    def by_name(self, name: str) -> Collection | None:
        return self._by_name.get(name)

    def by_folder(self, folder: str) -> Collection | None:
        return self._by_folder.get(folder)

    def with_form(self, form: str) -> Collection:
        """The collection proposed through the issue form ``form``."""
        return next(c for c in self.collections if c.form == form)

    def file_language(self, name: str) -> tuple[str, Language] | None:
        """``x.en.md`` → ``("x", English)``, ``x.md`` → ``("x", the master)``; None for a name of no language."""
        if not name.endswith(".md"):
            return None
        stem = name[: -len(".md")]
        for language in self.translations:
            if stem.endswith(f".{language.code}"):
                return stem[: -len(language.code) - 1], language
        return stem, self.master

    @cached_property
    def _languages(self) -> dict[str, Language]:
        return {language.code: language for language in self.languages}

    @cached_property
    def _by_name(self) -> dict[str, Collection]:
        return {collection.name: collection for collection in self.collections}

    @cached_property
    def _by_folder(self) -> dict[str, Collection]:
        return {collection.folder: collection for collection in self.collections}


@lru_cache(maxsize=64)
def _language_name(locale: str, code: str) -> str:
    return Locale.parse(locale).get_language_name(code) or locale


@lru_cache(maxsize=64)
def _english_name(code: str) -> str:
    return Locale.parse(code).english_name or code


def _language(entry: dict[str, Any]) -> Language:
    return Language(
        code=entry["code"],
        name=entry["name"],
        locale=entry["locale"],
        citation_locale=entry["citation_locale"],
        master=bool(entry.get("master", False)),
        direction=entry.get("direction", "ltr"),
        text=entry.get("text", "default"),
    )


def _collection(entry: dict[str, Any]) -> Collection:
    card = entry.get("card", {})
    citation = entry.get("citation", {})
    return Collection(
        name=entry["name"],
        folder=entry["folder"],
        date_field=entry["date_field"],
        template=entry.get("template", ""),
        facets=tuple(
            Facet(f["param"], f["field"], bool(f.get("year", False)), tuple(f.get("hide", ())), f.get("label"))
            for f in entry.get("facets", [])
        ),
        card=Card(card.get("owner"), card.get("place"), tuple(card.get("period", ()))),
        citation_type=citation.get("type", "page"),
        citation_authors=citation.get("authors", "publisher"),
        similar=tuple(entry.get("similar", {}).items()),
        statistics=tuple(entry.get("statistics", ())),
        form=entry.get("form"),
    )


def load(root: Path) -> Registry:
    """The registry of the hub at ``root``. Raises ``RegistryError`` naming the file and what is wrong."""
    path, schema_path = root / FILE, root / SCHEMA
    try:
        validator = jsonschema_rs.validator_for(json.loads(schema_path.read_text(encoding="utf-8")))
    except (OSError, ValueError) as exc:
        raise RegistryError(f"{schema_path}: cannot read: {exc}") from None
    data = yamlfront.load_file(path, validator, RegistryError)
    browses = tuple(Browse(b["kind"], tuple(b["fields"]), b.get("vocabulary")) for b in data["browse"])
    registry = Registry(tuple(map(_language, data["languages"])), tuple(map(_collection, data["collections"])), browses)
    masters = [language.code for language in registry.languages if language.master]
    if len(masters) != 1:
        raise RegistryError(f"{path}: exactly one language must say 'master: true' (found {len(masters)})")
    for kind, names in (
        ("language code", registry.codes),
        ("collection name", [c.name for c in registry.collections]),
        ("collection folder", [c.folder for c in registry.collections]),
    ):
        repeated = sorted({n for n in names if list(names).count(n) > 1})
        if repeated:
            raise RegistryError(f"{path}: each {kind} is declared once: {', '.join(repeated)} appears twice")
    return registry
