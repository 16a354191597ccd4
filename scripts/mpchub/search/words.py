"""What the search index needs beyond the page text: Turkish folding, suffix keys and weighted metadata.

Pagefind indexes each page's own words and stems them with the Snowball stemmer of the page's language,
on the page and on the query alike. Measured on our records, that is not enough for Turkish as people type
it (see ARCHITECTURE.md, Site design in brief): it does not fold the dotless ı ("ışık" finds nothing, nor does
"isik"); Snowball cannot stem a word typed without Turkish letters ("kurslari" stays whole because vowel
harmony needs the ı); it leaves "kursu" whole while "kursları" becomes "kurs"; and it is not
prefix-consistent ("küçükçekmece" → "küçükçekmeç", "küçükçekmecedeki" → "küçükçekmece"), so
"küçükçekmecedeki" did not find Küçükçekmece.

Each indexed page therefore carries, hidden, for every word of its own text:

* its folded form when folding changes it ("Işık" → "isik"), and the apostrophe-free form of a suffixed
  name ("İstanbul'daki" → "istanbuldaki");
* on Turkish pages, its *search key* (``search_key``): the folded word without its common inflectional
  suffixes, ("kursları", "kursu", "kurslar" → "kurs"; "Küçükçekmece'deki" → "kucukcekmec").

The search box computes the same key for each word typed, with the same rules (its code is generated from
``SUFFIXES`` and ``STOP_WORDS`` by ``mpchub.search.assets``), so a query and a page always meet on the same
string, whatever Pagefind's own stemmer then does with it.

Metadata labels (implementers, district, province, themes, target groups) are repeated in a block that
Pagefind weighs above body text, so a record tagged "Türkçe ve Dil Öğrenimi" ranks high for "dil".
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import yaml
from lxml import etree
from lxml import html as lxml_html

from mpchub.content.text import fold, turkish_lower

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
APOSTROPHES = "'’"
_NO_APOSTROPHES = {ord(a): None for a in APOSTROPHES}

# Never indexed: heading anchors, the "edit" links, related-record lists, notices about the page (not its
# content). Pagefind gets the same list (mpchub.search.pagefind); data-pagefind-ignore is honoured as well.
IGNORED_CLASSES = ("headerlink", "md-source-file", "mpc-actions", "mpc-related", "mpc-linked", "mpc-notice")
# Code blocks too: the Contribute page's example command ("Kadıköy Dil Kursu … istanbul") made it the
# first answer to "istanbul dil kursu". Nobody searches the hub for a command line.
# Scripts and styles are not text: a record's JSON-LD (type application/ld+json) would otherwise put the
# site's name and schema.org words into every record's hidden copy.
IGNORED_ELEMENTS = ("pre", "script", "style")

# Starts the hidden copy. Not a word, so Pagefind does not index it, but it stays in a result's text: the
# search box uses it to tell the page's own words from the copy when it shows an excerpt.
FOLDED_MARK = "\u2042"

# Weight of the metadata block (Pagefind: body text 1, <h1> 7, <h2> 6).
METADATA_WEIGHT = 5

# Inflectional suffixes, folded (ı→i, ü→u, ö→o, ş→s, ç→c, ğ→g): case endings with their buffer letters,
# plural, possessives, and the relative -ki after a locative. Derivational suffixes (-ci, -lik, -ce) are
# left alone: "Türkçe" must not become "Türk". Stripped longest first, repeatedly, from the end.
SUFFIXES = (
    "ndaki", "ndeki", "daki", "deki", "taki", "teki",
    "larinin", "lerinin", "larin", "lerin", "lari", "leri", "lar", "ler",
    "imiz", "umuz", "iniz", "unuz",
    "ndan", "nden", "dan", "den", "tan", "ten", "nda", "nde", "da", "de", "ta", "te",
    "nin", "nun", "in", "un", "yla", "yle", "yi", "yu", "ya", "ye", "si", "su", "na", "ne", "ni", "nu",
    "i", "u", "a", "e",
)  # fmt: skip
_LENGTHS = sorted({len(x) for x in SUFFIXES}, reverse=True)
_BY_LENGTH = {n: frozenset(x for x in SUFFIXES if len(x) == n) for n in _LENGTHS}
# A stem keeps at least this many letters: 3 after a one-letter suffix ("dili" → "dil"), 4 after a two-letter
# one ("kadın" stays whole), 3 after a longer one ("dilleri" → "dil").
MIN_STEM = {1: 3, 2: 4}
MIN_STEM_LONG = 3
MAX_ROUNDS = 4
VOWELS = set("aeiou")

# Words that carry no meaning in a query ("dil kursu ve meslek" counts two words, not three), per language
# code: data (data/stop-words.yml), so a new language adds its own. Only the query side drops them; pages
# keep every word.
STOP_WORDS: dict[str, tuple[str, ...]] = {
    code: tuple(words)
    for code, words in yaml.safe_load(
        (Path(__file__).parents[1] / "data" / "stop-words.yml").read_text("utf-8")
    ).items()
}


@lru_cache(maxsize=200_000)
def search_key(word: str) -> str:
    """The key a Turkish word is indexed and searched under: folded, without apostrophe or inflections.

    'Kursları', 'kursu', 'kurslar' → 'kurs'; "İstanbul'daki", 'istanbuldaki' → 'istanbul'; 'desteği' →
    'destek' (a stem left ending in g after a vowel suffix had a k softened to ğ). Cached: a site repeats
    the same words on thousands of pages.
    """
    key = fold(word).translate(_NO_APOSTROPHES)
    for _ in range(MAX_ROUNDS):
        for length, suffixes in _BY_LENGTH.items():  # longest first, as the browser's copy does
            stem = key[:-length]
            if (
                len(key) > length
                and key[-length:] in suffixes
                and len(stem) >= MIN_STEM.get(length, MIN_STEM_LONG)
                and VOWELS.intersection(stem)
            ):
                if key[-length] in VOWELS and stem.endswith("g"):
                    stem = stem[:-1] + "k"
                key = stem
                break
        else:
            break
    return key


# Candidates for removal, compiled once; their classes are compared in Python (an XPath test of every class
# name on every element took most of the time of this module in a 1,000-record build).
_MAYBE_NOT_OWN = etree.XPath(
    ".//*[@data-pagefind-ignore or @data-mpc-folded or @class or "
    + " or ".join(f"self::{name}" for name in IGNORED_ELEMENTS)
    + "]"
)
_IGNORED_CLASS_SET = frozenset(IGNORED_CLASSES)


def _own_text(root: lxml_html.HtmlElement) -> None:
    """Remove, in place, what does not belong to the page: ignored elements and hidden blocks."""
    for node in _MAYBE_NOT_OWN(root):
        classes = node.get("class")
        if (
            classes is None
            or not _IGNORED_CLASS_SET.isdisjoint(classes.split())
            or node.tag in IGNORED_ELEMENTS
            or node.get("data-pagefind-ignore") is not None
            or node.get("data-mpc-folded") is not None
        ):
            node.drop_tree()


# Compiled once: each was compiled again for every page (a fifth of this module's time at 1,000 records).
_SEARCH_META = etree.XPath(".//*[@data-mpc-search-meta]")
_TITLE = etree.XPath(".//h1")
_FILTERS = etree.XPath(".//*[@data-pagefind-filter]")
_MUNICIPALITY_LINKS = etree.XPath(".//a[contains(@href, 'municipalities/')]")
_PROVINCE_LINKS = etree.XPath(".//dd/a[contains(@href, 'provinces/')]")
_DEFINITIONS = etree.XPath(".//dd")


# What the weighted metadata holds: what identifies a record (its title, its implementing municipality, its
# province), never what a contributor can list without bound. Every implementer, the district and every
# theme and target group were weighted too, and one keyword-stuffed practice (implementers and a district
# named after other places, every theme) reached the first five results of 52 of the 55 relevance queries.
WEIGHTED_FILTERS = ("province",)


def _metadata(root: lxml_html.HtmlElement) -> list[str]:
    """The record's metadata labels, from the page's markup.

    Read from, in order: the page's title (``<h1>``: the heading itself weighs 7, but its folded forms
    and keys, which an ASCII query such as ``kucukcekmece`` meets, live in the hidden copy); elements marked
    ``data-mpc-search-meta`` (their ``data-value`` or text: a practice's first implementer); Pagefind's own
    filter span for the province; and, for pages generated before the meta markup existed, links to
    municipality browse pages and the district before the province link.
    """
    labels: list[str] = [h1.text_content() for h1 in _TITLE(root)][:1]
    marked = _SEARCH_META(root)
    for node in marked:
        labels.append(node.get("data-value") or node.text_content())
    for node in _FILTERS(root):
        name = node.get("data-pagefind-filter", "").split("[", 1)[0]
        if name in WEIGHTED_FILTERS and node.get("data-value"):
            labels.append(node.get("data-value", ""))
    if not marked:
        labels += [a.text_content() for a in _MUNICIPALITY_LINKS(root)]
        for link in _PROVINCE_LINKS(root):
            before = (link.getparent().text or "").strip().rstrip(",").strip()
            if before:
                labels.append(before)
    return [" ".join(label.split()) for label in labels if label.strip()]


def _words(text: str) -> list[str]:
    return WORD.findall(text)


@lru_cache(maxsize=200_000)
def _forms(word: str, turkish: bool) -> tuple[str, ...]:
    """The forms of one word that Pagefind would not find by itself: folded, joined, and its key."""
    folded = fold(word)
    joined = folded.translate(_NO_APOSTROPHES)
    forms = []
    if folded != word.lower() or joined != folded:
        forms.append(joined)
    if turkish:
        key = search_key(word)
        if key != joined:
            forms.append(key)
    return tuple(form for form in forms if form.isascii())


def _variants(words: Iterable[str], turkish: bool) -> dict[str, None]:
    """The forms of ``words`` that Pagefind would not find by itself, each once, in order."""
    out: dict[str, None] = {}
    for word in dict.fromkeys(words):
        for form in _forms(word, turkish):
            out.setdefault(form, None)
    return out


def _glued_words(root: lxml_html.HtmlElement) -> dict[str, None]:
    """The first word of each ``<dd>``: Pagefind joins ``<dt>Yer</dt><dd>Şişli`` into one word, "yerşişli",
    so without this copy the first word of every metadata value could not be found."""
    out: dict[str, None] = {}
    for dd in _DEFINITIONS(root):
        words = _words(" ".join(dd.itertext()))
        if words:
            out.setdefault(turkish_lower(words[0]), None)
    return out


def looks_turkish(text: str) -> bool:
    """Whether a page is in Turkish, for callers that do not say: letters only Turkish uses are frequent."""
    letters = sum(map(len, WORD.findall(text)))
    marked = sum(text.count(ch) for ch in "ıİşŞğĞ")
    return letters > 0 and marked / letters > 0.005


def index_block(article_html: str, turkish: bool | None = None) -> str:
    """Hidden markup to place at the end of the indexed region of a page.

    ``article_html`` is the page's indexed region (the article); ``turkish`` whether its language follows
    Turkish text rules (registry ``text: turkish``: adds the suffix keys; None guesses from the text).
    Returns '' when there is nothing to add.
    """
    try:
        root = lxml_html.fragment_fromstring(article_html or "<div></div>", create_parent="div")
    except (ValueError, lxml_html.etree.ParserError):
        return ""
    _own_text(root)
    return assemble(" ".join(root.itertext()), _metadata(root), _glued_words(root), turkish)


def assemble(text: str, metadata: list[str], glued: dict[str, None], turkish: bool | None) -> str:
    """The hidden block from a page's own text, its metadata labels and the first words of its ``<dd>``."""
    turkish = looks_turkish(text) if turkish is None else turkish
    body_forms = glued | _variants(_words(text), turkish)
    meta_words = [w for label in metadata for w in _words(label)]
    meta_forms = {w: None for w in meta_words} | _variants(meta_words, turkish)
    if not body_forms and not meta_forms:
        return ""
    meta = ""
    if meta_forms:
        meta = f'<span data-pagefind-weight="{METADATA_WEIGHT}">{html.escape(" ".join(meta_forms))}</span>'
    body = html.escape(" ".join(body_forms))
    return f'<div hidden aria-hidden="true" data-mpc-folded>{FOLDED_MARK} {body} {meta}</div>'
