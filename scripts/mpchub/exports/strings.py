"""Interface words of the exports, statistics, map and citation blocks: the site's one catalogue."""

from __future__ import annotations

from mpchub.site.strings import STRINGS, t

__all__ = ["STRINGS", "t"]
