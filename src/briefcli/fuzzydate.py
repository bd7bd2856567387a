"""Fuzzy dates as news reports them.

A news report rarely gives a day. It says "on Wednesday", "in February", "before mid-January
2018" or "at the end of 2018". A :class:`FuzzyDate` keeps the wording the source used and adds two
machine bounds, ``earliest`` and ``latest`` (either may be open), so that dates can be sorted and
compared with an as-of date without pretending to know more than the source said.

The notation accepted here is deliberately small and readable:

* ISO days, months and years: ``2017-12-06``, ``2018-02``, ``2018``;
* intervals in EDTF style (ISO 8601-2): ``2017-12-04/2017-12-06``, ``2018-02/2018-07``, and open
  ends ``../2018-01-10`` or ``2019-01/..``;
* English phrases: a part of a month or year (table below), ``before|by|after|from`` + any of
  the above, ``February to July 2018``, ``4 to 6 December 2017``, ``December 2017``; a range
  (``X to Y``, ``from X to Y``, ``between X and Y``) whose start leaves out the year takes the
  end's: ``mid-January to March 2018`` runs from 11 January to 31 March 2018.

Parts of a month or a year, alone (when a thing happens) and as the moment that ``before``,
``by``, ``until``, ``after`` and ``from`` refer to::

    phrase                      a month          a year           the moment it names
    early X                     1st to 10th      January-April    -
    mid X, the middle of X      11th to 20th     May-August       the 15th; 30 June
    late X                      21st to last     September-Dec.   -
    the beginning/start of X    1st to 10th      January          its first day
    the end of X                21st to last     December         its last day
    the first half of X         1st to 15th      January-June     -
    the second half of X        16th to last     July-December    -

Relative to a span (a day, month, year or a part without a moment): ``before X`` ends the day
before X starts, ``by X`` and ``until X`` on its last day, ``after X`` starts the day after it
ends, ``from X`` on its first day. Relative to a moment, ``before`` and ``by`` both end on that
day (the widest reading of "before mid-January 2018" is "by 15 January"), ``after`` starts the
next day and ``from`` on it. A verdict (``track``) calls an outcome late only after the latest
day and early only before the earliest, so the bounds are the widest fair reading.

This module has no dependencies so that it costs nothing at start-up.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property, lru_cache

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9


class FuzzyDateError(ValueError):
    """The text is not a date this module understands."""


def _show(text: str, limit: int = 40) -> str:
    """A short quoted form of input text for messages (never the whole of a huge value)."""
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


@dataclass(frozen=True)
class FuzzyDate:
    """A date with the source's wording and machine bounds (inclusive, either may be open)."""

    text: str
    earliest: date | None
    latest: date | None

    @property
    def edtf(self) -> str:
        """The bounds in EDTF interval notation, as precise as the bounds allow."""
        return bounds_to_edtf(self.earliest, self.latest)

    def as_dict(self) -> dict:
        return dict(self._plain)

    @cached_property
    def _plain(self) -> dict:  # a dataset repeats its dates, and parse() returns the same one
        return {
            "text": self.text,
            "earliest": self.earliest.isoformat() if self.earliest else None,
            "latest": self.latest.isoformat() if self.latest else None,
        }


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def bounds_to_edtf(earliest: date | None, latest: date | None) -> str:
    def one(d: date | None) -> str:
        return ".." if d is None else d.isoformat()

    if earliest and latest:
        if earliest == latest:
            return earliest.isoformat()
        if earliest.day == 1 and latest == month_end(latest.year, latest.month):
            if (earliest.month, earliest.day) == (1, 1) and (latest.month, latest.day) == (12, 31):
                if earliest.year == latest.year:
                    return str(earliest.year)
                return f"{earliest.year}/{latest.year}"
            if (earliest.year, earliest.month) == (latest.year, latest.month):
                return f"{earliest.year:04d}-{earliest.month:02d}"
            return (
                f"{earliest.year:04d}-{earliest.month:02d}/{latest.year:04d}-{latest.month:02d}"
            )
    return f"{one(earliest)}/{one(latest)}"


# --- parsing ---------------------------------------------------------------------------------

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_YEAR = re.compile(r"^\d{4}$")


def _iso_span(text: str) -> tuple[date, date] | None:
    m = _ISO.match(text)
    if not m:
        return None
    year = int(m.group(1))
    try:
        if m.group(3):
            d = date(year, int(m.group(2)), int(m.group(3)))
            return d, d
        if m.group(2):
            month = int(m.group(2))
            return date(year, month, 1), month_end(year, month)
        return date(year, 1, 1), date(year, 12, 31)
    except ValueError as exc:
        raise FuzzyDateError(f"not a real date: {_show(text)}") from exc


def _month_name(word: str) -> int | None:
    return MONTHS.get(word.lower().rstrip("."))


def _plain_span(text: str) -> tuple[date, date] | None:
    """A day, month or year in ISO or in words: '6 December 2017', 'December 2017', '2018'."""
    span = _iso_span(text)
    if span:
        return span
    words = text.replace(",", " ").split()
    try:
        if len(words) == 3 and words[0].isdigit() and _month_name(words[1]) and _YEAR.match(words[2]):
            d = date(int(words[2]), _month_name(words[1]), int(words[0]))
            return d, d
        if len(words) == 3 and _month_name(words[0]) and words[1].isdigit() and _YEAR.match(words[2]):
            d = date(int(words[2]), _month_name(words[0]), int(words[1]))
            return d, d
    except ValueError as exc:
        raise FuzzyDateError(f"not a real date: {_show(text)}") from exc
    if len(words) == 2 and _month_name(words[0]) and _YEAR.match(words[1]):
        year, month = int(words[1]), _month_name(words[0])
        return date(year, month, 1), month_end(year, month)
    return None


# qualifier: (days of a month, months of a year, the moment it names); day 31 is a month's last
_PARTS = {
    "early": ((1, 10), (1, 4), None),
    "mid": ((11, 20), (5, 8), "middle"),
    "middle of": ((11, 20), (5, 8), "middle"),
    "late": ((21, 31), (9, 12), None),
    "beginning of": ((1, 10), (1, 1), "first"),
    "start of": ((1, 10), (1, 1), "first"),
    "end of": ((21, 31), (12, 12), "last"),
    "first half of": ((1, 15), (1, 6), None),
    "second half of": ((16, 31), (7, 12), None),
}


def _part(text: str) -> tuple[date, date, date | None] | None:
    """A part of a month or a year ('mid-January 2018', 'the end of 2018'), as its first day,
    its last day and the moment it names (None for a part that names none); see the table above.
    """
    if text[:4].lower() == "the ":
        text = text[4:]
    m = _QUALIFIED.match(text)
    span = _plain_span(m.group(2)) if m else None
    if not span or span[0] == span[1]:
        return None
    start, end = span
    days, months, moment = _PARTS[" ".join(m.group(1).lower().split())]
    if start.month == end.month:  # a month
        low, high = (date(start.year, start.month, min(d, end.day)) for d in days)
        middle = date(start.year, start.month, 15)
    else:  # a year
        low, high = date(start.year, months[0], 1), month_end(start.year, months[1])
        middle = date(start.year, 6, 30)
    return low, high, {"first": start, "middle": middle, "last": end, None: None}[moment]


_QUALIFIED = re.compile(
    r"^(early|mid|late|middle\s+of|(?:beginning|start|end)\s+of|(?:first|second)\s+half\s+of)"
    r"[\s-]+(.+)$",
    re.IGNORECASE,
)
_RELATION = re.compile(r"^(before|by|after|from|until|not before|no later than)\s+(.+)$", re.IGNORECASE)
_RANGE = re.compile(r"^(.+?)\s*(?:\bto\b|\buntil\b|–|—)\s*(.+)$", re.IGNORECASE)
_BETWEEN = re.compile(  # 'from X to Y', 'between X and Y': a range, not 'from X' on
    r"^(?:from\s+(.+?)\s*(?:\bto\b|\buntil\b|–|—)|between\s+(.+?)\s+and\b)\s*(.+)$",
    re.IGNORECASE,
)


def _relation(relation: str, text: str, whole: str) -> tuple[date | None, date | None]:
    """'before X', 'by X', 'after X', 'from X' (and 'until', 'not before', 'no later than').

    Relative to a span X (a day, month, year, or a part such as 'early March'): 'before' ends the
    day before X starts, 'by' and 'until' end on its last day, 'after' starts the day after it
    ends, 'from' on its first day. Relative to a part that names a moment (mid-X, the beginning
    or the end of X), every relation pivots on that day, and 'before' keeps the day itself: the
    widest reading of "before mid-January" is "by the 15th".
    """
    part = _part(text)
    moment = part[2] if part else None
    if moment is not None:
        if relation == "after":
            return moment + timedelta(days=1), None
        if relation in ("from", "not before"):
            return moment, None
        return None, moment
    start, end = _span(text)
    if relation == "before":
        if start is None:
            raise FuzzyDateError(f"'before' needs a start: {_show(whole)}")
        return None, start - timedelta(days=1)
    if relation in ("by", "until", "no later than"):
        return None, end
    if relation == "after":
        if end is None:
            raise FuzzyDateError(f"'after' needs an end: {_show(whole)}")
        return end + timedelta(days=1), None
    return start, None  # from, not before


def _span(text: str) -> tuple[date | None, date | None]:
    """Bounds of a phrase, or FuzzyDateError."""
    text = " ".join(text.split())
    lowered = text.lower()
    for prefix in ("in ", "on ", "at ", "the "):
        if lowered.startswith(prefix):
            return _span(text[len(prefix):])
    span = _plain_span(text)
    if span:
        return span
    part = _part(text)
    if part:
        return part[0], part[1]
    m = _BETWEEN.match(text)
    if m:
        return _range(m.group(1) or m.group(2), m.group(3), text)
    m = _RELATION.match(text)
    if m:
        return _relation(m.group(1).lower(), m.group(2), text)
    if "/" in text:
        return _interval(text)
    m = _RANGE.match(text)
    if m:
        return _range(m.group(1), m.group(2), text)
    raise FuzzyDateError(f"not a date briefcli understands: {_show(text)}")


def _interval(text: str) -> tuple[date | None, date | None]:
    left, _, right = text.partition("/")
    left, right = left.strip(), right.strip()
    start = None if left in ("..", "") else _iso_or_fail(left)[0]
    end = None if right in ("..", "") else _iso_or_fail(right)[1]
    if start is None and end is None:
        raise FuzzyDateError(f"an interval needs at least one end: {_show(text)}")
    return start, end


def _iso_or_fail(text: str) -> tuple[date, date]:
    span = _iso_span(text)
    if span is None:
        raise FuzzyDateError(f"not an ISO date: {_show(text)}")
    return span


def _range(left: str, right: str, whole: str) -> tuple[date | None, date | None]:
    """'February to July 2018', '4 to 6 December 2017', 'December 2017 to March 2018',
    'mid-January to March 2018': a left side without a year takes the right side's."""
    end = _span(right)[1]
    if end is None:
        raise FuzzyDateError(f"a range needs an end: {_show(whole)}")
    words = left.split()
    try:
        start = _span(left)[0]
    except FuzzyDateError:
        start = None
        # borrow what the left side leaves out from the right side's end
        if len(words) == 1 and words[0].isdigit():
            start = date(end.year, end.month, int(words[0]))
        elif len(words) == 1 and _month_name(words[0]):
            start = date(end.year, _month_name(words[0]), 1)
        elif len(words) == 2 and words[0].isdigit() and _month_name(words[1]):
            start = date(end.year, _month_name(words[1]), int(words[0]))
        elif not any(_YEAR.match(word) for word in words):  # 'mid-January', 'early February'
            try:
                start = _span(f"{left} {end.year}")[0]
            except FuzzyDateError:
                start = None
        if start is None:
            raise  # what the left side, as written, failed with
    return start, end


@lru_cache(maxsize=32768)  # a dataset repeats its dates (10,000 distinct in 100,000 quotes); immutable
def parse(text: str, wording: str | None = None) -> FuzzyDate:
    """Parse ``text`` into a FuzzyDate whose display wording is ``wording`` (default: text)."""
    if not isinstance(text, str) or not text.strip():
        raise FuzzyDateError("a date cannot be empty")
    try:
        earliest, latest = _span(text.strip())
    except ValueError as exc:
        if isinstance(exc, FuzzyDateError):
            raise
        raise FuzzyDateError(f"not a real date: {_show(text)}") from exc
    if earliest and latest and latest < earliest:
        raise FuzzyDateError(
            f"the span ends ({latest.isoformat()}) before it starts ({earliest.isoformat()})"
        )
    return FuzzyDate(wording if wording is not None else text.strip(), earliest, latest)


def from_dict(data: dict) -> FuzzyDate:
    """Rebuild a FuzzyDate from :meth:`FuzzyDate.as_dict`."""
    return FuzzyDate(
        data["text"],
        date.fromisoformat(data["earliest"]) if data.get("earliest") else None,
        date.fromisoformat(data["latest"]) if data.get("latest") else None,
    )
