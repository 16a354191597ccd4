"""What a template needs to write one page in one language: words, labels, links relative to the page.

A ``View`` is made per page (its address decides every relative link), so templates never build URLs
or look up labels themselves.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from mpchub.corpus import Record
from mpchub.languages import MASTER
from mpchub.site import formatting
from mpchub.site.index import SiteIndex, title
from mpchub.site.strings import t
from mpchub.site.templates import sentence_with_link
from mpchub.site.urls import record_path, relative, url


class View:
    def __init__(self, index: SiteIndex, lang: str, here: str) -> None:
        self.index = index
        self.lang = lang
        self.here = here  # the page's path, e.g. "practices/x" or "themes/index"
        self.master = MASTER

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
        return spec.get("x-label", {}).get(self.lang, name)

    def date(self, value: Any) -> str:
        return formatting.date(value, self.lang)

    def number(self, value: int | float) -> str:
        return formatting.number(value, self.lang)

    # --- links -------------------------------------------------------------------------------------

    def href(self, path: str, lang: str | None = None) -> str:
        """A relative link from this page to the page at ``path`` (works under any sub-path)."""
        return relative(url(self.here, self.lang), url(path, lang or self.lang))

    def record_href(self, record: Record) -> str:
        return self.href(record_path(record.collection.folder, record.slug))

    # --- records -----------------------------------------------------------------------------------

    def title(self, record: Record) -> str:
        return title(record, self.lang)

    def translated(self, record: Record) -> bool:
        return record.has_language(self.lang)

    def org_name(self, org: dict[str, Any]) -> str:
        return str(org.get("name_en") if self.lang == "en" and org.get("name_en") else org["name"])
