"""Fuzzy dates for formats that want something firmer.

A dataset date is the source's wording plus two bounds, either of which may be open (see
:mod:`briefcli.fuzzydate`). Each export needs it in another shape:

* a calendar wants whole days: :func:`calendar_days`;
* TimelineJS and schema.org take dates with only a year, or a year and a month: :func:`parts`
  gives the start and end as precise as the bounds allow (a whole month is a month, a whole year
  a year), using the same rule as the EDTF shown by ``timeline`` and ``next``.

An open bound (``before mid-January 2018`` has no earliest day, ``after March 2018`` no latest)
is never filled in with a guess. Where a format must have a start, the known bound stands alone:
the event is put on that one day and its wording says what is really known.
"""

from __future__ import annotations

from datetime import date

from ..fuzzydate import from_dict

Part = tuple[int, ...]  # (year,), (year, month) or (year, month, day)


def bounds(when: dict) -> tuple[date | None, date | None]:
    fuzzy = from_dict(when)
    return fuzzy.earliest, fuzzy.latest


def calendar_days(when: dict) -> tuple[date, date, bool]:
    """First and last day (inclusive) for a calendar, and whether a bound was open."""
    earliest, latest = bounds(when)
    if earliest and latest:
        return earliest, latest, False
    known = earliest or latest
    return known, known, True


def _part(text: str) -> Part | None:
    if text in ("", ".."):
        return None
    return tuple(int(p) for p in text.split("-"))


def parts(when: dict) -> tuple[Part | None, Part | None]:
    """(start, end) as precise as the bounds are; end is None when start's unit covers it all.

    '2017-12-06' -> ((2017, 12, 6), None); '2018-02/2018-07' -> ((2018, 2), (2018, 7));
    'at the end of 2018' (2018-12-01..2018-12-31) -> ((2018, 12), None);
    'before mid-January 2018' (../2018-01-15) -> (None, (2018, 1, 15)).
    """
    edtf = from_dict(when).edtf
    start, _, end = edtf.partition("/")
    return _part(start), _part(end)


def iso(part: Part | None) -> str | None:
    """(2018, 2) -> '2018-02': ISO 8601 with only the precision the part has."""
    if part is None:
        return None
    return "-".join([f"{part[0]:04d}", *(f"{p:02d}" for p in part[1:])])


def is_exact(when: dict | None) -> bool:
    """True when the date names one day, month or year exactly (no span, no open end)."""
    if not when:
        return False
    start, end = parts(when)
    return start is not None and end is None
