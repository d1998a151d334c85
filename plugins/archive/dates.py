"""Dates (and file sizes) as each language writes them (Babel's CLDR data: a Lao page shows ``18 ພຶດສະພາ 2023``)."""

import datetime
from functools import cache

from babel.dates import format_date
from babel.numbers import format_decimal

FORMATS = {"day": "d MMMM y", "month": "LLLL y"}


def format_day(value: datetime.date, lang: str) -> str:
    return _formatted(_day(value), FORMATS["day"], lang)


def format_month(value: datetime.date, lang: str) -> str:
    return _formatted(_day(value), FORMATS["month"], lang)


def iso_day(value: datetime.date) -> str:
    """The calendar day of ``value`` as ISO 8601 writes it (``2023-05-18``), for <time datetime> and sitemaps:
    not Pelican's strftime, which reads its format anew at each call."""
    return _day(value).isoformat()


def _day(value: datetime.date) -> datetime.date:
    """The calendar day of ``value`` as it is written (a date, or a datetime in its own zone)."""
    return datetime.date(value.year, value.month, value.day)


@cache  # Babel takes ~0.1 ms a date; pages and the search ask for the same ones
def _formatted(day: datetime.date, pattern: str, lang: str) -> str:
    return format_date(day, pattern, locale=lang)


def format_range(start: datetime.datetime, end: datetime.datetime | None, lang: str) -> str:
    """An event's dates: ``17–18 ພຶດສະພາ 2023``, ``30 May – 2 June 2023``, or one day."""
    if end is None or end.date() == start.date():
        return format_day(start, lang)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{format_day(end, lang)}"
    if start.year == end.year:
        return f"{format_date(start, 'd MMMM', locale=lang)} – {format_day(end, lang)}"
    return f"{format_day(start, lang)} – {format_day(end, lang)}"


def format_size(size: int, lang: str) -> str:
    """A file's size for a download button: ``2.4 MB``, ``380 KB``, with the language's decimal sign."""
    if size >= 1_000_000:
        return f"{format_decimal(round(size / 1_000_000, 1), locale=lang)} MB"
    return f"{format_decimal(max(1, round(size / 1000)), locale=lang)} KB"
