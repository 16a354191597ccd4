"""The data templates (``scripts/mpchub/templates/data/``), rendered by the core's Jinja environment.

``mpchub.render.templates.environment`` has autoescaping on, so contributor text in charts, the map, feeds
and citation blocks is escaped by the template engine, never by hand; autoescaped output is valid XML too
(Atom and SVG).
"""

from __future__ import annotations

from functools import cache

from jinja2 import Template

from mpchub.render.templates import environment


@cache
def template(name: str) -> Template:
    """A template under ``templates/data/``, e.g. ``template("atom.xml.j2")``. Kept once loaded: the citation and
    JSON-LD blocks ask for theirs on every record page, and Jinja's lookup checks the file's time each time."""
    return environment().get_template(f"data/{name}")
