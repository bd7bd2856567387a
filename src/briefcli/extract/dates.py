"""Dates as an article words them, resolved against the article's date.

A small grammar over word tokens recognises the expressions news reports use: days ("20
February", "Wednesday"), months and years, parts of them ("mid-January 2018", "at the end of
2018", "early April"), relations ("before", "by", "until", "no later than"), ranges ("from 12 to
16 March", "10 and 11 December", "February to July", "begin in February and conclude in July")
and a few relative words ("today", "next year").

Names without a year are resolved by ``dateparser`` against the article's date, looking back
for a weekday ("on Wednesday" is the most recent Wednesday) and forward for a month ("in
February" is the next February), unless a nearby verb says otherwise ("began", "will meet").
Qualified phrases are our own rules and come out in the dataset's fuzzy-date notation, so the
bounds are always the ones :mod:`briefcli.fuzzydate` gives; the article's wording is kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from .. import fuzzydate
from .dategrammar import BEGIN, Parser, Tok, bounds
from .vocabulary import SOON

_TOKEN = re.compile(r"\d+(?:st|nd|rd|th)?|[^\W\d_]+|[–—-]|,")
_FUTURE = set("will shall would expected scheduled due set plans planned upcoming next "
              "forthcoming ahead opens closes begins starts resumes convenes resume reconvene "
              "reconvenes".split())
_TO_FUTURE = set("be host hold convene meet adopt sign launch present publish attend visit travel vote "
                 "open begin start endorse announce reconvene resume return report".split())  # 'ready to host ... in December'
_PAST = set("said says told began begun ended opened closed held met adopted agreed took was were "
            "had did concluded started launched released circulated announced endorsed presented "
            "elected approved signed voted drew".split())


@dataclass
class FoundDate:
    start: int  # plain offsets of the wording
    end: int
    wording: str
    machine: str  # the dataset's notation, with the year made explicit
    earliest: date | None
    latest: date | None
    guessed: list[str] = field(default_factory=list)
    is_weekday: bool = False
    future: bool = True  # what the words around it say: 'will meet this week', 'toured ... this week, said'

    def when(self) -> str | dict:
        """The dataset's form: the wording alone when it parses to the same bounds."""
        try:
            alone = fuzzydate.parse(self.wording)
            if (alone.earliest, alone.latest) == (self.earliest, self.latest):
                return self.wording
        except fuzzydate.FuzzyDateError:
            pass
        return {"text": self.wording, "date": self.machine}


def _cue(toks: list[Tok], k: int) -> bool | None:
    """True if token k points to the future, False to the past, None if it says nothing."""
    low = toks[k].low
    if low in _FUTURE or (low == "to" and k + 1 < len(toks) and toks[k + 1].low in _TO_FUTURE):
        return True
    if low in _PAST:
        before = {t.low for t in toks[max(0, k - 3) : k]}
        return bool(before & {"will", "would", "shall", "be", "been", "being", "to"})
    return None


def _tense(toks: list[Tok], i: int, j: int, default_future: bool) -> bool:
    """Future or past for the expression at tokens [i, j): the nearest telling word before it
    decides, else the nearest one just after it, else the default for its kind."""
    for k in range(i - 1, max(-1, i - 13), -1):
        cue = _cue(toks, k)
        if cue is not None:
            return cue
    for k in range(j, min(len(toks), j + 6)):
        cue = _cue(toks, k)
        if cue is not None:
            return cue
    return default_future


def find(text: str, start: int, end: int, ref: date, skip=None) -> list[FoundDate]:
    """Date expressions in text[start:end] (plain offsets), except inside ``skip``
    (:class:`~briefcli.extract.spans.Spans`)."""
    toks = [
        Tok(m.group(), m.start(), m.end())
        for m in _TOKEN.finditer(text, start, end)
        if not (skip and skip.covers(m.start()))
    ]
    found: list[FoundDate] = []
    i = 0
    while i < len(toks):
        first = toks[i].text
        if not (first[:1].isdigit() or first[:1].isupper() or toks[i].low in _STARTERS):
            i += 1
            continue
        probe = Parser(toks, ref, future=True).expression(i)
        if probe is None:
            i += 1
            continue
        j = probe[0]
        # a weekday looks back by default; 'soon' is ahead only when a word says so
        default_future = not probe[1].is_weekday and toks[i].low not in SOON
        future = _tense(toks, i, j, default_future)
        expr = Parser(toks, ref, future).expression(i)
        if expr is None:  # 'soon' read in the past: not a date
            i += 1
            continue
        j, result = expr
        low, high = bounds(result.machine)
        if low is None and high is None:
            i += 1
            continue
        w_start, w_end = toks[i].start, toks[j - 1].end
        wording = " ".join(text[w_start:w_end].split())
        if toks[i].low in ("in", "on", "towards", "toward"):
            wording = wording.split(" ", 1)[1]
            w_start = toks[i + 1].start
        found.append(
            FoundDate(w_start, w_end, wording, result.machine, low, high, result.guessed,
                      result.is_weekday, future)
        )
        i = j
    return found


_STARTERS = {"before", "by", "after", "until", "till", "from", "between", "no", "not", "ahead",
             "at", "in", "towards", "toward", "the", "early", "during", "first", "second", "third",
             "fourth", "mid", "late", "end", "beginning",
             "start", "middle", "today", "yesterday", "tomorrow", "this", "next", "last", "later",
             "shortly", "soon", "within"}
_STARTERS |= BEGIN
