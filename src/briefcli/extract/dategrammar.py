"""The grammar of date expressions, and the resolution of names without a year.

:class:`Parser` reads word tokens ("mid", "-", "January", "2018") into an expression in the
dataset's fuzzy-date notation ("mid January 2018"), whose bounds :mod:`briefcli.fuzzydate`
computes. Weekday and month names are resolved against the article's date with
``dateparser``, imported here and only when an article is read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from .. import fuzzydate
from .vocabulary import COMING, MONTHS, NOT_SOON, NUMBERS, SOON, WEEKDAYS, WITHIN, month_number

PARTS = {"early": "early", "mid": "mid", "late": "late", "end": "end of", "beginning": "early",
         "start": "early", "middle": "mid"}
RELATIONS = {"before": "before", "by": "by", "after": "after", "until": "until", "till": "until",
             "from": "from", "ahead": "before"}
BEGIN = {"begin", "begins", "start", "starts", "open", "opens", "run", "runs", "commence"}
END = {"conclude", "concludes", "end", "ends", "close", "closes", "finish", "finishes"}


_YEAR = re.compile(r"(19|20)\d\d")
_DAYNUM = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?")


@dataclass
class Tok:
    text: str
    start: int
    end: int
    low: str = ""  # the text in lower case

    def __post_init__(self) -> None:
        self.low = self.text.lower()


# --- resolution with dateparser ---------------------------------------------------------------


@lru_cache(maxsize=512)
def _dateparser(text: str, ref: date, future: bool) -> date | None:
    import dateparser  # heavy: imported only when an article is read

    found = dateparser.parse(
        text,
        languages=["en"],
        settings={
            "RELATIVE_BASE": datetime(ref.year, ref.month, ref.day),
            "PREFER_DATES_FROM": "future" if future else "past",
            "PREFER_DAY_OF_MONTH": "first",
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )
    return found.date() if found else None


def weekday(name: str, ref: date, future: bool) -> tuple[date, str]:
    if WEEKDAYS[ref.weekday()] == name:  # 'On Tuesday the conference will ...' in a Tuesday article
        return ref, f"{name}: the article's own day"
    day = _dateparser(name, ref, future) or ref
    return day, f"{name} taken as {day.isoformat()}, the {name} {'after' if future else 'before'} the article's date"


def month_year(name: str, ref: date, future: bool) -> tuple[int, str]:
    month = month_number(name)
    if month == ref.month:
        return ref.year, f"{name}: the article's own month"
    found = _dateparser(name, ref, future)
    year = found.year if found else ref.year
    return year, f"{name} taken as {name} {year}, the {'next' if future else 'last'} {name}"


def day_month_year(day: int, name: str, ref: date, future: bool) -> tuple[int, str]:
    month = month_number(name)
    if (month, day) == (ref.month, ref.day):
        return ref.year, f"{day} {name}: the article's own day"
    found = _dateparser(f"{day} {name}", ref, future)
    year = found.year if found else ref.year
    return year, f"{day} {name} taken as {day} {name} {year}, the {'next' if future else 'last'} one"


# --- the grammar ------------------------------------------------------------------------------


@dataclass
class Expr:
    machine: str
    guessed: list[str]
    is_weekday: bool = False


class Parser:
    def __init__(self, toks: list[Tok], ref: date, future: bool) -> None:
        self.toks, self.ref, self.future = toks, ref, future

    def word(self, i: int, *words: str) -> bool:
        return i < len(self.toks) and self.toks[i].low in words

    def month(self, i: int) -> str | None:
        if i < len(self.toks) and self.toks[i].text in MONTHS:
            return self.toks[i].text
        return None

    def year(self, i: int) -> int | None:
        if i < len(self.toks) and _YEAR.fullmatch(self.toks[i].text):
            return int(self.toks[i].text)
        return None

    def daynum(self, i: int) -> int | None:
        if i < len(self.toks):
            m = _DAYNUM.fullmatch(self.toks[i].text)
            if m and 1 <= int(m.group(1)) <= 31:
                return int(m.group(1))
        return None

    # each rule returns (next token index, expression) or None

    def base(self, i: int, ref: date | None = None, future: bool | None = None):
        ref = ref or self.ref
        future = self.future if future is None else future
        d = self.daynum(i)
        if d is not None and self.month(i + 1):
            name = self.month(i + 1)
            y = self.year(i + 2)
            if y:
                return i + 3, Expr(_iso(y, month_number(name), d), [])
            y, note = day_month_year(d, name, ref, future)
            return i + 2, Expr(_iso(y, month_number(name), d), [note])
        name = self.month(i)
        if name:
            d = self.daynum(i + 1)
            if d is not None:
                j = i + 2 + (1 if self.word(i + 2, ",") else 0)
                y = self.year(j)
                if y:
                    return j + 1, Expr(_iso(y, month_number(name), d), [])
                y, note = day_month_year(d, name, ref, future)
                return i + 2, Expr(_iso(y, month_number(name), d), [note])
            y = self.year(i + 1)
            if y:
                return i + 2, Expr(f"{name} {y}", [])
            y, note = month_year(name, ref, future)
            return i + 1, Expr(f"{name} {y}", [note])
        if i < len(self.toks) and self.toks[i].text in WEEKDAYS:
            day, note = weekday(self.toks[i].text, ref, future)
            return i + 1, Expr(day.isoformat(), [note], is_weekday=True)
        y = self.year(i)
        if y and not (i + 1 < len(self.toks) and self.toks[i + 1].text[:1].isupper()):
            return i + 1, Expr(str(y), [])
        return self.relative(i)

    def relative(self, i: int):
        ref = self.ref
        low = self.toks[i].low if i < len(self.toks) else ""
        if low == "today":
            return i + 1, Expr(ref.isoformat(), [])
        if low == "yesterday":
            return i + 1, Expr((ref - timedelta(days=1)).isoformat(), [])
        if low == "tomorrow":
            return i + 1, Expr((ref + timedelta(days=1)).isoformat(), [])
        if low in ("this", "next", "last") and self.word(i + 1, "year"):
            y = ref.year + {"this": 0, "next": 1, "last": -1}[low]
            return i + 2, Expr(str(y), [])
        if low in ("this", "next", "last") and self.word(i + 1, "month"):
            first = date(ref.year, ref.month, 1)
            if low == "next":
                first = (first + timedelta(days=32)).replace(day=1)
            elif low == "last":
                first = (first - timedelta(days=1)).replace(day=1)
            return i + 2, Expr(f"{first.year:04d}-{first.month:02d}", [])
        if low == "later" and self.word(i + 1, "this", "in") and self.word(i + 2, "year", "month", "the"):
            k = i + 3 if self.word(i + 2, "the") else i + 2
            if not self.word(k, "year", "month"):
                return None
            start = ref + timedelta(days=1)
            unit = self.toks[k].low
            end = date(ref.year, 12, 31) if unit == "year" else fuzzydate.month_end(ref.year, ref.month)
            return k + 1, Expr(f"{start.isoformat()}/{end.isoformat()}", [])
        if low in ("next", "last", "this") and self.word(i + 1, "week"):
            monday = ref - timedelta(days=ref.weekday()) + timedelta(weeks={"next": 1, "last": -1, "this": 0}[low])
            return i + 2, Expr(f"{monday.isoformat()}/{(monday + timedelta(days=6)).isoformat()}", [])
        if low in SOON and self.future and not self.word(i + 1, *NOT_SOON) and not (i and self.word(i - 1, "as")):
            # 'invitations would be sent shortly': ahead, with no end anyone can defend
            start = ref + timedelta(days=1)
            return i + 1, Expr(f"{start.isoformat()}/..", [f"'{self.toks[i].text}' read as from the day after the article, with no end"])
        if low == "within" and self.word(i + 2, *WITHIN) and (self.toks[i + 1].low in NUMBERS or self.daynum(i + 1)):
            # 'within two weeks': from the day after the article up to that many days on
            n = NUMBERS.get(self.toks[i + 1].low) or self.daynum(i + 1)
            days = n * WITHIN[self.toks[i + 2].low]
            start, end = ref + timedelta(days=1), ref + timedelta(days=days)
            note = f"'within {self.toks[i + 1].text} {self.toks[i + 2].text}' read as up to {days} days after the article"
            return i + 3, Expr(f"{start.isoformat()}/{end.isoformat()}", [note])
        k = i + 1 if low == "in" else i
        if self.word(k, "the") and self.word(k + 1, "coming", "next") and self.word(k + 2, "few"):
            k += 1  # 'in the next few weeks'
        if self.word(k, "the") and self.word(k + 1, "coming", "next", "few") and self.word(k + 2, *COMING):
            span = COMING[self.toks[k + 2].low]
            start, end = ref + timedelta(days=1), ref + timedelta(days=span)
            note = f"'{self.toks[k + 1].text} {self.toks[k + 2].text}' read as up to {span} days after the article"
            return k + 3, Expr(f"{start.isoformat()}/{end.isoformat()}", [note])
        return None

    def year_or_month_span(self, i: int):
        """What a part ('mid', 'end of') applies to: a month, a year, 'the year'."""
        name = self.month(i)
        if name:
            y = self.year(i + 1)
            if y:
                return i + 2, f"{name} {y}", []
            y, note = month_year(name, self.ref, self.future)
            return i + 1, f"{name} {y}", [note]
        y = self.year(i)
        if y:
            return i + 1, str(y), []
        if self.word(i, "the", "this") and self.word(i + 1, "year"):
            return i + 2, str(self.ref.year), [f"'the year' taken as {self.ref.year}, the article's year"]
        if self.word(i, "the", "this") and self.word(i + 1, "month"):
            name = MONTHS[self.ref.month - 1]
            return i + 2, f"{name} {self.ref.year}", [f"'the month' taken as {name} {self.ref.year}, the article's month"]
        if self.word(i, "next") and self.word(i + 1, "year"):
            return i + 2, str(self.ref.year + 1), []
        return None

    def portion(self, i: int):
        """'the first half of 2019', 'the third quarter of 2018'."""
        j = i + 1 if self.word(i, "the") else i
        if not (self.word(j, "first", "second", "third", "fourth") and self.word(j + 1, "half", "quarter")
                and self.word(j + 2, "of")):
            return None
        target = self.year_or_month_span(j + 3)
        if target is None or not re.fullmatch(r"\d{4}", target[1]):
            return None
        k, year, notes = target
        n = ["first", "second", "third", "fourth"].index(self.toks[j].low)
        size = 6 if self.toks[j + 1].low == "half" else 3
        if n * size >= 12:
            return None
        start, end = n * size + 1, n * size + size
        return k, Expr(f"{year}-{start:02d}/{year}-{end:02d}", notes)

    def qualified(self, i: int):
        found = self.portion(i + 1) if self.word(i, "in", "during") else None
        if found is None:
            found = self.portion(i)
        if found is not None:
            return found
        j = i
        if self.word(j, "at", "in", "towards", "toward") and self.word(j + 1, "the"):
            j += 1
        if self.word(j, "the"):
            j += 1
        if j >= len(self.toks) or self.toks[j].low not in PARTS:
            return None
        part = PARTS[self.toks[j].low]
        k = j + 1
        if part in ("end of",) or self.toks[j].low in ("beginning", "start", "middle"):
            if not self.word(k, "of"):
                return None
            k += 1
        elif self.word(k, "-"):
            k += 1
        target = self.year_or_month_span(k)
        if target is None:
            return None
        k, what, notes = target
        return k, Expr(f"{part} {what}", notes)

    def simple_range(self, i: int):
        """'12 to 16 March', '10 and 11 December', 'February to July 2018'."""
        d1 = self.daynum(i)
        if d1 is not None and self.word(i + 1, "to", "and", "-", "–", "—", "until", "through"):
            end = self.base(i + 2)
            if end and re.fullmatch(r"\d{4}-\d{2}-\d{2}", end[1].machine):
                last = date.fromisoformat(end[1].machine)
                if d1 < last.day:
                    return end[0], Expr(
                        f"{_iso(last.year, last.month, d1)}/{last.isoformat()}", end[1].guessed
                    )
        name = self.month(i)
        if name and not self.daynum(i + 1) and self.word(i + 1, "to", "-", "–", "—", "until", "through"):
            name2 = self.month(i + 2)
            if name2:
                y2 = self.year(i + 3)
                if y2:
                    m1, m2 = month_number(name), month_number(name2)
                    y1 = y2 if m1 <= m2 else y2 - 1
                    return i + 4, Expr(_month_range(y1, m1, y2, m2), [])
                y1, note = month_year(name, self.ref, self.future)
                m1, m2 = month_number(name), month_number(name2)
                y2 = y1 if m2 >= m1 else y1 + 1
                return i + 3, Expr(_month_range(y1, m1, y2, m2), [note])
        return None

    def start_end(self, i: int, opener: set[str], joiner: tuple[str, ...], closer: set[str] | None):
        """'from X to Y', 'between X and Y', 'begin in X and conclude in Y'."""
        if i >= len(self.toks) or self.toks[i].low not in opener:
            return None
        j = i + 1
        if closer is not None and self.word(j, "in", "on"):
            j += 1
        first = self.qualified(j) or self.base(j)
        if first is None:
            return None
        j = first[0]
        if not self.word(j, *joiner):
            return None
        j += 1
        if closer is not None:
            if j >= len(self.toks) or self.toks[j].low not in closer:
                return None
            j += 1
            if self.word(j, "in", "on", "by"):
                j += 1
        low, _ = bounds(first[1].machine)
        ref = low or self.ref
        second = self.qualified(j) or self.base(j, ref=ref, future=True)
        if second is None:
            return None
        start, _ = bounds(first[1].machine)
        _, end = bounds(second[1].machine)
        if start is None or end is None or end < start:
            return None
        return second[0], Expr(_span_machine(start, end), first[1].guessed + second[1].guessed)

    def relation(self, i: int):
        j, rel = i, None
        if self.word(i, "no", "not") and self.word(i + 1, "later") and self.word(i + 2, "than"):
            j, rel = i + 3, "no later than"
        elif self.word(i, "not") and self.word(i + 1, "before"):
            j, rel = i + 2, "not before"
        elif self.word(i, "ahead") and self.word(i + 1, "of"):
            j, rel = i + 2, "before"
        elif i < len(self.toks) and self.toks[i].low in RELATIONS:
            j, rel = i + 1, RELATIONS[self.toks[i].low]
        if rel is None:
            return None
        inner = self.qualified(j) or self.base(j)
        if inner is None:
            return None
        return inner[0], Expr(f"{rel} {inner[1].machine}", inner[1].guessed)

    def expression(self, i: int):
        rules = (
            lambda: self.start_end(i, BEGIN, ("and",), END),
            lambda: self.start_end(i, {"from"}, ("to", "until", "through", "-", "–"), None),
            lambda: self.start_end(i, {"between"}, ("and",), None),
            lambda: self._prefixed_range(i),
            lambda: self.relation(i),
            lambda: self.simple_range(i),
            lambda: self.qualified(i),
            lambda: self.base(i),
        )
        for rule in rules:
            try:
                found = rule()
            except ValueError:  # '31 February': not a date
                continue
            if found:
                return found
        return None

    def _prefixed_range(self, i: int):
        if self.word(i, "from", "between"):
            found = self.simple_range(i + 1)
            if found:
                return found
        return None


def _iso(y: int, m: int, d: int) -> str:
    return date(y, m, d).isoformat()


def _month_range(y1: int, m1: int, y2: int, m2: int) -> str:
    if y1 == y2:
        return f"{MONTHS[m1 - 1]} to {MONTHS[m2 - 1]} {y2}"
    return f"{MONTHS[m1 - 1]} {y1} to {MONTHS[m2 - 1]} {y2}"


def bounds(machine: str) -> tuple[date | None, date | None]:
    try:
        parsed = fuzzydate.parse(machine)
    except fuzzydate.FuzzyDateError:
        return None, None
    return parsed.earliest, parsed.latest


def _span_machine(start: date, end: date) -> str:
    return fuzzydate.bounds_to_edtf(start, end)


