"""What a template needs to write one page in one language: words, labels, links relative to the page.

A ``View`` is made per page (its address decides every relative link), so templates never build URLs
or look up labels themselves.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from mpchub.content.corpus import Record
from mpchub.content.organisations import in_language
from mpchub.render import formatting
from mpchub.render.strings import t
from mpchub.render.templates import sentence_with_link
from mpchub.render.urls import relative
from mpchub.site.index import SiteIndex, title


class View:
    def __init__(self, index: SiteIndex, lang: str, here: str) -> None:
        self.index = index
        self.registry = index.registry
        self.lang = lang
        self.language = index.registry.language(lang)
        self.here = here  # the page's path, e.g. "practices/x" or "themes/index"
        self.master = index.registry.master.code

    # --- words -------------------------------------------------------------------------------------

    def t(self, key: str, **values: Any) -> str:
        return t(self.lang, key, **values)

    def sentence(self, key: str, **values: Any) -> Markup:
        return sentence_with_link(self.lang, key, **values)

    def label(self, vocabulary: str, key: Any) -> str:
        return self.index.label(vocabulary, key, self.lang)

    def term(self, vocabulary: str, key: Any) -> str:
        """A vocabulary label as shown in lists: SDGs keep their number ('10. Eşitsizliklerin Azaltılması')."""
        label = self.label(vocabulary, key)
        return f"{key}. {label}" if isinstance(key, int) else label

    def field(self, collection: str, name: str) -> str:
        spec = self.index.corpus.schemas.schema(collection, twin=False)["properties"].get(name, {})
        labels = spec.get("x-label", {})
        return labels.get(self.lang) or labels.get(self.master) or name

    def date(self, value: Any) -> str:
        return formatting.date(value, self.language.locale)

    def number(self, value: int | float) -> str:
        return formatting.number(value, self.language.locale)

    # --- links -------------------------------------------------------------------------------------

    @property
    def url(self) -> str:
        """This page's site-relative address."""
        return self.language.url(self.here)

    def href(self, path: str, lang: str | None = None) -> str:
        """A relative link from this page to the page at ``path`` (works under any sub-path)."""
        target = self.registry.language(lang) if lang else self.language
        return relative(self.url, target.url(path))

    def link(self, site_path: str) -> str:
        """A relative link from this page to a file of the site (``data/practices.tr.csv``)."""
        return relative(self.url, site_path)

    def record_href(self, record: Record) -> str:
        return self.href(record.path)

    # --- records -----------------------------------------------------------------------------------

    def record(self, collection: str, slug: str) -> Record | None:
        return self.index.record(collection, slug)

    def by_title(self, records: list[Record]) -> list[Record]:
        return self.index.sort_by_title(records, self.lang)

    def title(self, record: Record) -> str:
        return title(record, self.lang)

    def translated(self, record: Record) -> bool:
        return record.has_language(self.lang)

    def content_lang(self, record: Record) -> str:
        """The language of the record's texts on this page: the master's when it is not translated."""
        return record.content_language(self.lang)

    def named(self, data: dict[str, Any], name: str) -> Any:
        """A proper name in this page's language: ``name_<lang>`` when the record gives it (units, publishers)."""
        return in_language(data, name, self.lang, self.master)

    def org_name(self, org: dict[str, Any]) -> str:
        return str(self.named(org, "name"))
