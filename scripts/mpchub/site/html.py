"""Small HTML builders. Every piece of contributor text passes through ``esc`` exactly once, here."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from mpchub.site.formatting import esc


def _attributes(attributes: dict[str, str]) -> str:
    """``class_="x", data_kind="y"`` → ``class="x" data-kind="y"``, values escaped."""
    return "".join(f' {name.rstrip("_").replace("_", "-")}="{esc(value)}"' for name, value in attributes.items())


def a(href: str, text: str, **attributes: str) -> str:
    return f'<a href="{esc(href)}"{_attributes(attributes)}>{esc(text)}</a>'


def raw_a(href: str, inner_html: str, **attributes: str) -> str:
    """A link whose inner HTML is already safe (built from escaped parts)."""
    return f'<a href="{esc(href)}"{_attributes(attributes)}>{inner_html}</a>'


def ul(items: Iterable[str], cls: str = "") -> str:
    """A list of already-safe HTML items."""
    items = list(items)
    if not items:
        return ""
    attr = f' class="{cls}"' if cls else ""
    return f"<ul{attr}>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def text_list(values: Iterable[Any]) -> str:
    return ul(esc(v) for v in values)


def front_matter(meta: dict[str, Any]) -> str:
    """YAML front matter for a generated page; JSON values are valid YAML and escape everything."""
    lines = ["---"]
    for key, value in meta.items():
        lines.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
    lines.append("---")
    return "\n".join(lines) + "\n\n"


def data_attrs(values: dict[str, Any]) -> str:
    """``data-*`` attributes for client-side filtering: space-separated keys, escaped."""
    out = []
    for name, value in values.items():
        if isinstance(value, (list, tuple, set)):
            value = " ".join(str(v) for v in value)
        out.append(f' data-{name}="{esc(value)}"')
    return "".join(out)
