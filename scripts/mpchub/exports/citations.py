"""Citations of every record: one CSL-JSON item per record and language, and everything made from it.

The CSL-JSON item is the single source: the ready citation on the page is APA 7 as ``citeproc-py`` renders
it with the Citation Style Language project's style (``data/csl/apa.csl``, CC BY-SA 3.0) in the page's
locale, and BibTeX and RIS are written from the same item. citeproc-py takes about 20 ms per citation, 40 s
for the 2,000 pages of 1,000 bilingual records, so the shapes our records have are rendered by a few rules
here (``apa``) that the tests hold to citeproc-py's output for every record; any other shape is rendered by
citeproc-py itself. No maintained Python library
on this machine writes BibTeX or RIS (``citeproc-py`` only reads BibTeX), and both formats are a few tagged
lines, so they are written here; the tests read the BibTeX back with ``citeproc-py``'s own BibTeX reader.

What is cited is the hub's page about the record: a practice is cited with its implementing organisations
as authors, a recommendation with the MPC as author, a publication as the publication itself (its authors,
publisher, year, ISBN of the edition in the page's language).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import cache
from html import escape
from typing import Any

from babel import Locale
from babel.dates import get_month_names
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON

from mpchub.content.corpus import Corpus, Record
from mpchub.content.dates import parse_partial_date
from mpchub.content.limits import without_forbidden
from mpchub.content.organisations import in_language, org_name
from mpchub.content.registry import Language
from mpchub.render.strings import t

from . import hub, titles

STYLE = hub.DATA_FILES / "csl" / "apa.csl"
CSL_TYPES = {  # publication-types vocabulary → CSL item type
    "research-report": "report",
    "book": "book",
    "book-chapter": "chapter",
    "policy-brief": "report",
    "workshop-report": "report",
    "strategy-plan": "report",
    "brochure": "pamphlet",
    "handbook": "book",
    "dataset": "dataset",
    "presentation": "speech",
}
AUTHOR_ROLES = {"author": "author", "editor": "editor", "compiler": "editor"}


def _date_parts(value: Any) -> dict[str, Any] | None:
    parts = parse_partial_date(value)
    return {"date-parts": [list(parts)]} if parts else None


def _person(name: str) -> dict[str, str]:
    """'M. Murat Erdoğan' → family 'Erdoğan', given 'M. Murat'; a one-word name stays whole."""
    words = name.split()
    if len(words) < 2:
        return {"literal": name}
    return {"family": words[-1], "given": " ".join(words[:-1])}


def csl_item(corpus: Corpus, record: Record, lang: str, site_url: str | None) -> dict[str, Any]:
    """The record in CSL-JSON, as read in ``lang`` (an untranslated record keeps its master's title).

    How a record is cited is its collection's (registry: ``citation``): the hub's page about it, authored by
    its implementers or by the hub's publisher, or the publication itself."""
    fields = record.fields(lang)
    master = record.master.lang
    page = hub.record_page(record, corpus.registry.language(lang))
    item: dict[str, Any] = {
        "id": f"{record.collection.name}-{record.slug}",
        "title": str(fields.get("title", record.slug)),
        "language": record.content_language(lang),
    }
    address = hub.absolute(site_url, page)
    if address:  # a citation needs the full address; without the site's URL (a local preview) there is none
        item["URL"] = address
    reviewed = _date_parts(fields.get("last_reviewed"))
    collection = record.collection
    if collection.citation_type == "work":
        _publication(item, fields, lang, master)
        # APA 7: a standalone work's title in sentence case (titles.py says why publications only)
        provinces = corpus.schemas.vocabularies.get("provinces")
        names = (
            frozenset(term.label(code) for term in provinces for code in corpus.registry.codes)
            if provinces
            else frozenset()
        )
        turkish = corpus.registry.language(item["language"]).turkish
        locales = tuple(language.locale for language in corpus.registry.languages)
        item["title"] = titles.sentence_case(item["title"], turkish, names, locales)
        return item
    item["type"] = "webpage"
    item["container-title"] = hub.hub_name(lang)
    if reviewed:
        item["issued"] = reviewed
    if collection.citation_authors == "implementers" and fields.get("implementers"):
        item["author"] = [{"literal": org_name(org, lang, master)} for org in fields["implementers"]]
    else:
        item["author"] = [{"literal": hub.publisher(lang)}]
    if fields.get("summary"):
        item["abstract"] = " ".join(str(fields["summary"]).split())
    return item


def _publication(item: dict[str, Any], fields: dict[str, Any], lang: str, master: str) -> dict[str, Any]:
    editions = [e for e in fields.get("editions", []) if isinstance(e, dict)]
    edition = next((e for e in editions if e.get("lang") == lang), editions[0] if editions else {})
    isbn = edition.get("isbn")
    item["type"] = "book" if isbn else CSL_TYPES.get(str(fields.get("publication_type")), "report")
    if fields.get("subtitle"):
        item["title"] = f"{item['title']}: {fields['subtitle']}"
    publisher = in_language(fields, "publisher", lang, master)
    item["publisher"] = str(publisher)
    for author in fields.get("authors", []):
        role = AUTHOR_ROLES.get(author.get("role"))
        if role:
            item.setdefault(role, []).append(_person(str(author["name"])))
    if "author" not in item:
        item["author"] = [{"literal": str(publisher)}]  # an institutional publication
    issued = _date_parts(fields.get("date")) or _date_parts(fields.get("year"))
    if issued:
        item["issued"] = issued
    if isbn:
        item["ISBN"] = str(isbn)
    if edition.get("url"):
        item["URL"] = edition["url"]
    if fields.get("series"):
        item["collection-title"] = str(fields["series"])
    if fields.get("series_number"):
        item["collection-number"] = str(fields["series_number"])
    if fields.get("pages"):
        item["number-of-pages"] = str(fields["pages"])
    if fields.get("abstract"):
        item["abstract"] = " ".join(str(fields["abstract"]).split())
    return item


@cache
def _style(locale: str) -> CitationStylesStyle:
    return CitationStylesStyle(str(STYLE), locale=locale, validate=False)


# CSL-JSON strings may carry rich-text markup (<i>, <b>, …), which citeproc-py passes through unescaped. A
# contributor's "<" must stay text, so markup characters travel as private-use characters through citeproc
# and come back as entities (HTML) or as themselves (plain text).
_HIDE = str.maketrans({"<": "\ue000", ">": "\ue001", "&": "\ue002"})
_SHOW_HTML = str.maketrans({"\ue000": "&lt;", "\ue001": "&gt;", "\ue002": "&amp;"})
_SHOW_TEXT = str.maketrans({"\ue000": "<", "\ue001": ">", "\ue002": "&"})


def _hidden(value: Any) -> Any:
    if isinstance(value, str):
        return value.translate(_HIDE)
    if isinstance(value, list):
        return [_hidden(v) for v in value]
    if isinstance(value, dict):
        return {k: _hidden(v) for k, v in value.items()}
    return value


def render(item: dict[str, Any], language: Language, html: bool = False) -> str:
    """The ready citation (APA 7) of one CSL-JSON item in the language's locale; with ``html``, safe HTML.

    The common shapes (a web page, report, book or brochure with up to 20 authors) take the fast path
    below; everything else goes through citeproc-py. The tests check that both give the same text for every
    record of the fixtures, the repository and a synthetic sample. Then, in Turkish, the date takes Turkish
    order (``local_dates``), whichever path made it."""
    fast = apa(item, language, html)
    return local_dates(fast if fast is not None else render_with_citeproc(item, language, html), language)


_APA_DATE = re.compile(r"\((\d{4}), (\w+) (\d{1,2})\)")


def local_dates(text: str, language: Language) -> str:
    """Turkish day-month order in an APA date: '(2026, Aralık 7)' → '(2026, 7 Aralık)'.

    APA puts the year first for sorting; the CSL style then writes the month before the day, as English does
    ("2026, December 7"), in every locale. Turkish writes the day first ("7 Aralık 2026"), as the Turkish APA
    guides do ("(2026, 7 Aralık)"), so Turkish citations keep APA's year and comma and swap the other two. The
    fast path and citeproc-py give the same text before this step (the tests compare them there)."""
    if not language.turkish:
        return text
    months = set(_months(language.citation_locale))
    return _APA_DATE.sub(lambda m: f"({m[1]}, {m[3]} {m[2]})" if m[2] in months else m[0], text)


def render_with_citeproc(item: dict[str, Any], language: Language, html: bool = False) -> str:
    """The reference rendering: citeproc-py with the CSL project's APA 7 style (about 20 ms per item)."""
    source = CiteProcJSON([_hidden(item)])
    style = _style(language.citation_locale)
    bibliography = CitationStylesBibliography(style, source, formatter.html if html else formatter.plain)
    bibliography.register(Citation([CitationItem(item["id"])]))
    text = " ".join(str(bibliography.bibliography()[0]).split())
    return text.translate(_SHOW_HTML if html else _SHOW_TEXT)


# --- the fast path: APA 7 as the CSL style writes it, for the shapes the hub's records have -------------------
# citeproc-py spends about 20 ms on one APA citation (the style is 85 KB of conditions), which at 1,000
# bilingual records would add 40 s to a 22 s build. These few rules reproduce its output for the shapes our
# records produce; anything else (and any text whose punctuation the style would merge) falls back to it.

FAST_TYPES = {"webpage", "report", "book", "pamphlet"}
_ENDS_WITH_PUNCTUATION = re.compile(r"[.?!:;,]$")


def _initials(given: str) -> str:
    parts = []
    for word in given.split():
        pieces = [p for p in word.split("-") if p]
        parts.append("-".join(f"{p[0]}." for p in pieces))
    return " ".join(parts)


def _fast_name(name: dict[str, str]) -> str | None:
    if "literal" in name:
        return name["literal"]
    given = name.get("given", "")
    if not given or not all(w[:1].isalpha() for w in given.replace("-", " ").split()):
        return None
    return f"{name['family']}, {_initials(given)}"


@cache
def _months(locale: str) -> tuple[str, ...]:
    """The month names of a locale (Babel's CLDR data), January first."""
    names = get_month_names("wide", locale=Locale.parse(locale.replace("-", "_")))
    return tuple(names[i] for i in range(1, 13))


def apa(item: dict[str, Any], language: Language, html: bool) -> str | None:
    """APA 7 without citeproc, or None when the item is not one of the shapes handled here (or the language has
    no words for a missing date and a retrieval in the catalogue: citeproc has its own)."""
    lang = language.code
    if item.get("type") not in FAST_TYPES or not t(lang, "cite_no_date"):
        return None
    authors = item.get("author") or []
    editors = item.get("editor") or []
    if not authors or len(authors) > 20 or len(editors) > 1:
        return None
    texts = [str(item.get(k, "")) for k in ("title", "container-title", "publisher", "URL")]
    names = [_fast_name(n) for n in authors]
    if any(n is None for n in names) or any(_ENDS_WITH_PUNCTUATION.search(t) for t in texts if t):
        return None
    if any(_ENDS_WITH_PUNCTUATION.search(n or "") for n, a in zip(names, authors, strict=True) if "literal" in a):
        return None
    esc = (lambda t: escape(t, quote=False)) if html else (lambda t: t)
    amp = "&amp;" if html else "&"
    shown = [esc(n or "") for n in names]
    author = shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + f", {amp} " + shown[-1]
    if not author.endswith("."):
        author += "."
    parts = (item.get("issued") or {}).get("date-parts", [[]])[0]
    if item["type"] != "webpage":
        parts = parts[:1]  # APA dates reports and books by year alone
    months = _months(language.citation_locale)
    if not parts:
        when = t(lang, "cite_no_date")
    elif len(parts) == 1:
        when = str(parts[0])
    elif len(parts) == 2:
        when = f"{parts[0]}, {months[parts[1] - 1]}"
    else:
        when = f"{parts[0]}, {months[parts[1] - 1]} {parts[2]}"
    title = esc(str(item["title"]))
    text = f"{author} ({when}). " + (f"<i>{title}</i>" if html else title)
    if editors:
        editor = _fast_name(editors[0])
        if editor is None or "literal" in editors[0]:
            return None
        family, initials = editor.split(", ", 1)
        text += f" ({esc(initials)} {esc(family)}, ed.)"
    text += "."
    if item["type"] == "webpage":
        if item.get("container-title"):
            text += f" {esc(str(item['container-title']))}."
        if item.get("publisher"):
            return None
    elif item.get("publisher"):
        text += f" {esc(str(item['publisher']))}."
    url = esc(str(item.get("URL", "")))
    if url:
        text += f" {t(lang, 'cite_retrieved')} {url}" if not parts else f" {url}"
    return " ".join(text.split())


# --- BibTeX and RIS, written from the CSL-JSON item ------------------------------------------------------------

BIBTEX_TYPES = {"book": "book", "report": "techreport", "chapter": "incollection", "webpage": "misc"}
RIS_TYPES = {"book": "BOOK", "report": "RPRT", "chapter": "CHAP", "webpage": "ELEC", "pamphlet": "PAMP"}
LATEX_SPECIAL = re.compile(r"([\\{}&%$#_^~])")
LATEX_REPLACEMENT = {"\\": r"\textbackslash{}", "^": r"\^{}", "~": r"\~{}"}


def _latex(text: str) -> str:
    text = " ".join(without_forbidden(text).split())
    return LATEX_SPECIAL.sub(lambda m: LATEX_REPLACEMENT.get(m.group(1), "\\" + m.group(1)), text)


# Characters a BibTeX field in braces cannot hold as they are: a brace ends the field (an edition's URL
# "https://a.example/}}@misc{evil,…" added an entry to the .bib file), a backslash starts a command, and
# whitespace ends a URL. Each is written percent-encoded, which is the same address (% and # stay: \url
# takes them as they are). The schema refuses these characters in URLs; this is the second line.
_BIBTEX_URL = re.compile(r"[{}\\\s\x00-\x1f\x7f]")


def _bib_url(url: str) -> str:
    return _BIBTEX_URL.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode("utf-8")), url)


def _bib_name(name: dict[str, str]) -> str:
    if "literal" in name:
        return "{" + _latex(name["literal"]) + "}"  # braces keep an organisation's name whole
    return f"{_latex(name['family'])}, {_latex(name['given'])}"


def _year(item: dict[str, Any]) -> str | None:
    parts = item.get("issued", {}).get("date-parts", [[]])[0]
    return str(parts[0]) if parts else None


def bibtex(item: dict[str, Any]) -> str:
    kind = BIBTEX_TYPES.get(item["type"], "misc")
    fields: list[tuple[str, str]] = [("title", "{" + _latex(item["title"]) + "}")]
    for role in ("author", "editor"):
        if item.get(role):
            fields.append((role, " and ".join(_bib_name(n) for n in item[role])))
    if _year(item):
        fields.append(("year", _year(item) or ""))
    publisher_field = "institution" if kind == "techreport" else "publisher"
    if item.get("publisher"):
        fields.append((publisher_field, _latex(item["publisher"])))
    if item.get("container-title"):
        fields.append(("howpublished", _latex(item["container-title"])))
    for key, name in (("collection-title", "series"), ("collection-number", "number"), ("ISBN", "isbn")):
        if item.get(key):
            fields.append((name, _latex(str(item[key]))))
    if item.get("URL"):
        fields.append(("url", _bib_url(str(item["URL"]))))
    fields.append(("langid", _langid(str(item.get("language", "")))))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@{kind}{{{item['id']},\n{body}\n}}\n"


@cache
def _langid(code: str) -> str:
    """BibLaTeX's language name ('turkish', 'english'): the language's English name, lower-case."""
    try:
        return (Locale.parse(code).english_name or code).lower()
    except (ValueError, TypeError):
        return code


def ris(item: dict[str, Any]) -> str:
    lines = [("TY", RIS_TYPES.get(item["type"], "GEN")), ("TI", item["title"])]
    for role, tag in (("author", "AU"), ("editor", "ED")):
        for name in item.get(role, []):
            lines.append((tag, name.get("literal") or f"{name['family']}, {name['given']}"))
    if _year(item):
        lines.append(("PY", _year(item) or ""))
    parts = item.get("issued", {}).get("date-parts", [[]])[0]
    if len(parts) == 3:
        lines.append(("DA", f"{parts[0]:04d}/{parts[1]:02d}/{parts[2]:02d}"))
    for key, tag in (("publisher", "PB"), ("container-title", "T2"), ("collection-title", "T3"), ("ISBN", "SN")):
        if item.get(key):
            lines.append((tag, str(item[key])))
    if item.get("URL"):
        lines.append(("UR", item["URL"]))
    lines.append(("LA", item.get("language", "")))
    if item.get("abstract"):
        lines.append(("AB", item["abstract"]))
    lines.append(("ER", ""))
    # One line per tag: line breaks (and every other separator) become spaces, so a value cannot start a tag
    # of its own; control characters, which RIS readers choke on, are dropped.
    return "".join(f"{tag}  - {' '.join(without_forbidden(str(value)).split())}\r\n" for tag, value in lines)


def without_abstract(item: dict[str, Any]) -> dict[str, Any]:
    """The item a record page offers for download: the abstract is on the page already, and leaving it out
    halves the page's citation links (the collection files keep it)."""
    return {k: v for k, v in item.items() if k != "abstract"}


def csl_json(items: list[dict[str, Any]]) -> str:
    """A CSL-JSON array, one item per line (Python's fast JSON encoder runs only without ``indent``)."""
    lines = ",\n".join(json.dumps(item, ensure_ascii=False, separators=(",", ":")) for item in items)
    return f"[\n{lines}\n]\n"


# The three download formats: (extension, display name, media type, writer of one or more items).
FORMATS: tuple[tuple[str, str, str, Callable[[list[dict[str, Any]]], str]], ...] = (
    ("bib", "BibTeX", "application/x-bibtex", lambda items: "\n".join(bibtex(i) for i in items)),
    ("ris", "RIS", "application/x-research-info-systems", lambda items: "".join(ris(i) for i in items)),
    ("csl.json", "CSL-JSON", "application/vnd.citationstyles.csl+json", csl_json),
)
