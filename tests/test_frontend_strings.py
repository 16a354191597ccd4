"""Interface words live in one catalogue (mpchub.render.strings): the theme overrides write none of their own.

overrides/ reads them from ``mpchub_strings`` (the page's language) and, on the 404 page, from
``mpchub_catalogue`` (every language), which the adapter passes."""

from __future__ import annotations

import json
import re
from pathlib import Path

from mpchub.render.strings import STRINGS
from sites import BuiltSite

REPO = Path(__file__).resolve().parents[1]
OVERRIDES = REPO / "overrides"
# What is not a visitor's word in a template: Jinja comments, statements, expressions, scripts and tags.
NOT_COMMENTS = re.compile(r"\{#.*?#\}", re.S)
NOT_WORDS = re.compile(r"\{#.*?#\}|\{%.*?%\}|\{\{.*?\}\}|<script\b.*?</script>|<[^>]*>", re.S)
WORD = re.compile(r"[^\W\d_]{2,}")
JINJA = re.compile(r"\{%.*?%\}|\{\{.*?\}\}", re.S)
# A string literal inside Jinja with two words in it is a phrase for visitors ('{% set report = "Report a …" %}').
# Markup ('<script src=') is not a phrase.
PHRASE = re.compile(r"""["']([^"'\n<>=/{}]*[^\W\d_]{2,}\s+[^\W\d_]{2,}[^"'\n<>=/{}]*)["']""")


def test_overrides_write_no_words_of_their_own() -> None:
    found = {}
    for template in sorted(OVERRIDES.rglob("*.html")):
        text = template.read_text(encoding="utf-8")
        words = WORD.findall(NOT_WORDS.sub(" ", text))
        words += [phrase for tag in JINJA.findall(NOT_COMMENTS.sub(" ", text)) for phrase in PHRASE.findall(tag)]
        if words:
            found[template.relative_to(REPO).as_posix()] = words
    assert not found, f"words written in templates instead of mpchub.render.strings: {found}"


def test_the_catalogue_has_every_word_in_every_language() -> None:
    keys = {lang: set(words) for lang, words in STRINGS.items()}
    assert keys["tr"] == keys["en"], keys["tr"] ^ keys["en"]


def test_the_overrides_show_the_catalogues_words(fixture_site: BuiltSite) -> None:
    page = fixture_site.page("en/about/")
    feedback = [a.get_text() for a in page.select(".mpc-feedback a")]
    assert feedback == [STRINGS["en"]["feedback_report"]]
    missing = fixture_site.page("404.html")
    for lang in ("tr", "en"):
        part = missing.select_one(f".mpc-404 section[lang={lang}]")
        assert part.h1.get_text() == STRINGS[lang]["not_found_title"]
        links = [a.get_text() for a in part.select("a")]
        assert links == [STRINGS[lang]["not_found_home"], STRINGS[lang]["not_found_practices"]]


def test_the_scripts_take_their_words_from_the_catalogue(fixture_site: BuiltSite) -> None:
    """search.js reads the search_* words from the page (overrides/main.html writes them as JSON): it keeps
    no copy of its own (as a string literal), in either language."""
    scripts = {
        name: (REPO / "docs" / "assets" / "javascripts" / name).read_text(encoding="utf-8")
        for name in ("search.js", "facets.js")
    }
    copies = [
        (name, value)
        for name, source in scripts.items()
        for words in STRINGS.values()
        for key, value in words.items()
        if key.startswith("search_") and (f'"{value}"' in source or f"'{value}'" in source)
    ]
    assert not copies, copies
    for url, lang in (("about/", "tr"), ("en/about/", "en"), ("404.html", None)):
        block = fixture_site.page(url).select_one("script#mpc-search-words")
        words = json.loads(block.string)
        lang = lang or fixture_site.page(url).html["lang"]
        assert words == {k: v for k, v in STRINGS[lang].items() if k.startswith("search_")}, url
