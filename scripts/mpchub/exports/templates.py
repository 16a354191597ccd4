"""The Jinja environment for the data templates (``scripts/mpchub/templates/data/``).

Until the site generator's own core environment exists, the exports use this local one with the same
loader and autoescaping on, so contributor text in charts, the map, feeds and citation blocks is escaped
by the template engine, never by hand. Autoescaped output is valid in XML too (Atom and SVG).
"""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined, Template


@cache
def environment() -> Environment:
    return Environment(
        loader=PackageLoader("mpchub", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def template(name: str) -> Template:
    """A template under ``templates/data/``, e.g. ``template("atom.xml.j2")``."""
    return environment().get_template(f"data/{name}")
