"""Dates as each language writes them (Babel's CLDR data: a Lao page shows ``18 ພຶດສະພາ 2023``)."""
from functools import lru_cache

from babel.dates import format_date

FORMATS = {"day": "d MMMM y", "month": "LLLL y"}


@lru_cache(maxsize=None)  # Babel takes ~0.1 ms a date; pages and the search ask for the same ones
def format_day(value, lang):
    return format_date(value, FORMATS["day"], locale=lang)


@lru_cache(maxsize=None)
def format_month(value, lang):
    return format_date(value, FORMATS["month"], locale=lang)


def format_range(start, end, lang):
    """An event's dates: ``17–18 ພຶດສະພາ 2023``, ``30 May – 2 June 2023``, or one day."""
    if end is None or end.date() == start.date():
        return format_day(start, lang)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{format_day(end, lang)}"
    if start.year == end.year:
        return f"{format_date(start, 'd MMMM', locale=lang)} – {format_day(end, lang)}"
    return f"{format_day(start, lang)} – {format_day(end, lang)}"
