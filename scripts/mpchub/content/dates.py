"""Partial dates (YYYY, YYYY-MM, YYYY-MM-DD) as records write them: parsing, checking and sorting.

The checker, the site and the exports read dates the same way, so they live here, below all three.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_partial_date(value: Any) -> tuple[int, ...] | None:
    """(year,), (year, month) or (year, month, day) for a valid date; None when the form is wrong."""
    match = DATE.match(str(value)) if isinstance(value, (str, int)) and not isinstance(value, bool) else None
    if not match:
        return None
    return tuple(int(part) for part in match.groups() if part is not None)


def date_problem(value: Any) -> str | None:
    """Why a date of the right form is not a real one ('month 13 does not exist'), or None."""
    parts = parse_partial_date(value)
    if parts is None:
        return None  # the schema reports the form
    if len(parts) >= 2 and not 1 <= parts[1] <= 12:
        return f"{value!r} is not a real date: month {parts[1]:02d} does not exist"
    if len(parts) == 3:
        try:
            dt.date(*parts)
        except ValueError:
            return f"{value!r} is not a real date: that month has no day {parts[2]}"
    return None


def year_of(value: Any) -> int | None:
    parts = parse_partial_date(value)
    return parts[0] if parts else None


def sortable_date(value: Any) -> str:
    """'2022-03' → '2022-03-00' so that partial dates sort among full ones."""
    parts = parse_partial_date(value)
    if not parts:
        return "0000-00-00"
    return "-".join(f"{p:02d}" if i else f"{p:04d}" for i, p in enumerate((*parts, 0, 0)[:3]))
