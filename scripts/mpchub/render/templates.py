"""The core's Jinja environment: every generated page is rendered here, with autoescaping on.

Contributor text is escaped by the environment, never by hand. Only two kinds of text are trusted as
markup, and both are marked in this module: interface sentences from the string catalogue that contain
a link (written by maintainers; their placeholders are still escaped by ``Markup.format``), and record
bodies that ``mpchub.content.body`` has already rendered and sanitised with an allow-list.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from mpchub.render.strings import STRINGS


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("mpchub", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.do"],
    )
    return env


def exists(template: str) -> bool:
    """Whether the core has a template of that name (a collection without its own uses the generic one)."""
    return template in _names()


@cache
def _names() -> frozenset[str]:
    return frozenset(environment().list_templates())


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)


def sentence_with_link(lang: str, key: str, **values: Any) -> Markup:
    """A catalogue sentence that contains markup (a link); ``values`` are escaped into it."""
    return Markup(STRINGS[lang][key]).format(**values)


def sanitised(html: str) -> Markup:
    """HTML that ``mpchub.body.render`` produced: already reduced to the allow-list, so trusted here."""
    return Markup(html)
