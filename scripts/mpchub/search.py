"""What the search index needs beyond the page text: Turkish folding and facets.

Pagefind folds İ/I and most diacritics itself, but not the dotless ı: "ışık" does not find "Işık", and
neither does "isik". Each indexed page therefore carries, hidden, the folded form of every word that
folding changes ("Işık" → "isik"), and the search box looks up both the query as typed and its folded
form. Both sides use ``mpchub.text.fold``, so they always agree.
"""

from __future__ import annotations

import html
import re

from mpchub.text import fold

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
TAG = re.compile(r"<[^>]+>")


def folded_terms(page_html: str) -> str:
    """The folded form of each word in ``page_html`` whose folding differs from its lower case.

    Apostrophes are kept with their word: Pagefind splits "İstanbul'da" itself.
    """
    text = html.unescape(TAG.sub(" ", page_html))
    seen: dict[str, None] = {}
    for word in WORD.findall(text):
        folded = fold(word)
        if folded != word.lower() and folded.isascii():
            seen.setdefault(folded, None)
    return " ".join(seen)


# Starts the folded copy. Not a word, so Pagefind does not index it, but it stays in a result's text: the
# search box uses it to tell the page's own words from the folded copy when it shows an excerpt.
FOLDED_MARK = "\u2042"


def folded_block(page_html: str) -> str:
    """A hidden element carrying the folded terms, to be placed at the end of the indexed region."""
    terms = folded_terms(page_html)
    if not terms:
        return ""
    return f'<div hidden aria-hidden="true" data-mpc-folded>{FOLDED_MARK} {html.escape(terms)}</div>'
