"""Accessible SVG bar charts and the province map, made at build time from Jinja templates.

Python computes only the geometry (numbers); all markup is in ``templates/data/`` with autoescaping, so a
label can never inject markup. Each chart comes with a table of the same numbers (the text alternative
and the way to read exact values), and the map with a table of provinces linked to their browse pages.
No chart library and nothing from another host.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from typing import Any

from markupsafe import Markup

from mpchub.content.corpus import Corpus
from mpchub.content.registry import Language
from mpchub.render.data_templates import template
from mpchub.render.formatting import number
from mpchub.render.strings import t
from mpchub.render.urls import relative

from . import hub
from .statistics import Measure, Row, Table, measures, table, tables

WIDTH = 640
LABEL_WIDTH = 230
VALUE_WIDTH = 48
ROW_HEIGHT = 26
BAR_HEIGHT = 18
LABEL_CHARS = 34  # longer labels are shortened in the drawing; the table holds them whole
MAP_FILE = hub.DATA_FILES / "provinces-map.json"
MAP_CLASSES = 5  # colour classes of the map legend, 0 included


@dataclass(frozen=True)
class Bar:
    y: int
    width: float
    label: str
    short_label: str
    count: int
    count_text: str
    href: str | None


def _short(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1].rstrip() + "…"


def _href(row: Row, language: Language, here: str | None) -> str | None:
    if row.browse is None or here is None:
        return None
    return relative(language.url(here), language.url(row.browse))


def chart(data: Table, language: Language, here: str | None) -> str:
    """One figure: heading, SVG bars, the table of numbers and the notes."""
    lang, locale = language.code, language.locale
    span = WIDTH - LABEL_WIDTH - VALUE_WIDTH - 8
    scale = span / data.maximum if data.maximum else 0
    bars = [
        Bar(
            y=i * ROW_HEIGHT,
            width=round(max(row.count * scale, 1), 1),
            label=row.label,
            short_label=_short(row.label),
            count=row.count,
            count_text=number(row.count, locale),
            href=_href(row, language, here),
        )
        for i, row in enumerate(data.rows)
    ]
    top = max(data.rows, key=lambda r: r.count, default=None)
    summary = (
        t(lang, "chart_summary", title=data.title, n=len(data.rows), top=top.label, count=number(top.count, locale))
        if top
        else t(lang, "chart_empty")
    )
    return template("bar_chart.html.j2").render(
        id=data.id,
        title=data.title,
        summary=summary,
        bars=bars,
        notes=data.notes,
        width=WIDTH,
        height=max(len(bars), 1) * ROW_HEIGHT,
        label_width=LABEL_WIDTH,
        bar_x=LABEL_WIDTH + 8,
        bar_height=BAR_HEIGHT,
        value_label=t(lang, "value"),
        count_label=t(lang, "count"),
        empty=t(lang, "chart_empty"),
    )


def statistics_title(lang: str) -> str:
    return t(lang, "statistics_title")


def statistics_page_html(corpus: Corpus, lang: str, here: str = "statistics") -> str:
    """The whole generated statistics page ``here``: heading, introduction, map and charts."""
    language = corpus.registry.language(lang)
    return template("statistics_page.html.j2").render(
        title=statistics_title(lang),
        intro=t(lang, "statistics_intro"),
        data_link={
            "href": relative(language.url(here), language.url("open-data")),
            "text": t(lang, "statistics_data_link"),
        },
        map=Markup(province_map_html(corpus, lang, here)),  # rendered by our own autoescaping template
        charts=Markup(statistics_html(corpus, lang, here)),  # rendered by our own autoescaping template
    )


def statistics_html(corpus: Corpus, lang: str, here: str = "statistics") -> str:
    """The generated part of the statistics page ``here`` (a page path such as ``statistics``) in ``lang``."""
    language = corpus.registry.language(lang)
    counts = [
        t(lang, f"total_{c.folder}", n=number(len(corpus.of(c.name)), language.locale))
        for c in corpus.registry.collections
    ]
    total = t(lang, "statistics_total", counts=", ".join(counts))
    return template("statistics.html.j2").render(
        total=total, charts=[Markup(chart(data, language, here)) for data in tables(corpus, lang)]
    )


# --- the province map -------------------------------------------------------------------------------------


@cache
def map_shapes() -> dict[str, Any]:
    """The committed, simplified province shapes (``scripts/make_province_map.py`` writes them)."""
    return json.loads(MAP_FILE.read_text(encoding="utf-8"))


def _classes(maximum: int) -> list[tuple[int, int]]:
    """Count ranges of the colour classes after 0: equal steps up to the maximum, at least one each."""
    if maximum <= 0:
        return []
    steps = min(MAP_CLASSES - 1, maximum)
    bounds = [math.ceil(maximum * (i + 1) / steps) for i in range(steps)]
    ranges, low = [], 1
    for high in bounds:
        if high >= low:
            ranges.append((low, high))
            low = high + 1
    return ranges


def province_pages(corpus: Corpus) -> set[str]:
    """Provinces that have a browse page: those named in any record's fields of the provinces browse (hub.yml)."""
    fields = corpus.registry.browse("provinces").fields
    keys: set[str] = set()
    for record in corpus.all():
        for name in fields:
            value = record.data.get(name)
            keys.update(k for k in (value if isinstance(value, list) else [value]) if isinstance(k, str))
    return keys


def _province_measure(corpus: Corpus) -> Measure:
    """The count the map shows: the hub's first collection by province."""
    primary = corpus.registry.collections[0].name
    return next(m for m in measures(corpus) if m.collection == primary and m.field == "province")


def province_map_html(corpus: Corpus, lang: str, here: str = "statistics") -> str:
    """The choropleth of the first collection's records per province, with its legend and table, for ``here``."""
    shapes = map_shapes()
    language = corpus.registry.language(lang)
    vocabulary = corpus.schemas.vocabularies["provinces"]
    counts = {row.key: row.count for row in table(corpus, _province_measure(corpus), lang).rows}
    ranges = _classes(max(counts.values(), default=0))
    pages = province_pages(corpus)

    def level(count: int) -> int:
        return next((i + 1 for i, (low, high) in enumerate(ranges) if low <= count <= high), 0)

    provinces = []
    for term in vocabulary:
        count = counts.get(term.key, 0)
        provinces.append(
            {
                "key": term.key,
                "name": term.label(lang),
                "count": count,
                "title": t(lang, "map_province_count", province=term.label(lang), n=number(count, language.locale)),
                "level": level(count),
                "path": shapes["provinces"].get(term.key, ""),
                "href": relative(language.url(here), language.url(f"provinces/{term.key}"))
                if term.key in pages
                else None,
            }
        )
    legend = [{"level": 0, "text": "0"}] + [
        {"level": i + 1, "text": str(low) if low == high else f"{low}–{high}"} for i, (low, high) in enumerate(ranges)
    ]
    listed = sorted((p for p in provinces if p["count"]), key=lambda p: -p["count"])
    return template("province_map.html.j2").render(
        title=t(lang, "map_title"),
        summary=t(lang, "map_summary", n=len(listed)),
        view_box=shapes["viewBox"],
        provinces=provinces,
        legend=legend,
        legend_title=t(lang, "map_legend"),
        listed=listed,
        table_title=t(lang, "map_table"),
        province_label=t(lang, "province"),
        count_label=t(lang, "count"),
        source=t(lang, "map_source"),
        number=lambda n: number(n, language.locale),
    )
