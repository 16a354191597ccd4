"""Numbers and dates in words, in a page's locale (Babel), for the site and the exports alike."""

from __future__ import annotations

import datetime as dt
import html
from functools import lru_cache
from typing import Any

from babel.dates import format_date
from babel.numbers import format_decimal

from mpchub.content.dates import parse_partial_date


def esc(value: Any) -> str:
    """HTML-escape contributor text for element content and attribute values alike."""
    return html.escape(str(value), quote=True)


# Babel's formatters take about 0.1 ms a call; a 1,000-record build asks for the same few hundred numbers
# and dates tens of thousands of times, so both are cached (typed: 1 and 1.0 are different keys).
@lru_cache(maxsize=8192, typed=True)
def number(value: int | float, locale: str) -> str:
    """'1.500' in Turkish (tr_TR), '1,500' in English (en_GB).

    The check bounds every number a record gives (``mpchub.content.limits``); should one get through, Babel
    raises on 10^25 and more (the build crashed with a traceback), so the number is shown as it is."""
    try:
        return format_decimal(value, locale=locale)
    except (ArithmeticError, ValueError):  # decimal.InvalidOperation is an ArithmeticError
        return str(value)


@lru_cache(maxsize=8192, typed=True)
def date(value: Any, locale: str) -> str:
    """A partial date in words: '2022', 'Mart 2022' / 'March 2022', '16 Mart 2022' / '16 March 2022'."""
    parts = parse_partial_date(value)
    if parts is None:
        return str(value)
    if len(parts) == 1:
        return str(parts[0])
    if len(parts) == 2:
        return format_date(dt.date(parts[0], parts[1], 1), "LLLL y", locale=locale)
    return format_date(dt.date(*parts), "d MMMM y", locale=locale)
