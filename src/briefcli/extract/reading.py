"""One pass over an article: its date, people, quotes, dates and steps, as an :class:`Extraction`."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from . import article as article_mod
from . import dates as dates_mod
from . import marks, people, rolelinks, quotes as quotes_mod, sentences as sentences_mod, steps as steps_mod
from .article import Article
from .dates import FoundDate
from .people import Cast, Known
from .quotes import LeftOut, Quote
from .spans import Spans
from .steps import Step


class ExtractError(Exception):
    """The article cannot be read as asked; ``usage`` when an option would fix it."""

    def __init__(self, message: str, usage: bool = False) -> None:
        super().__init__(message)
        self.usage = usage


@dataclass
class QuoteDate:
    found: FoundDate
    carried: bool  # taken from an earlier sentence, not the quote's own


@dataclass
class Extraction:
    article: Article
    day: date
    day_from: str  # 'option' or 'dateline'
    cast: Cast
    quotes: list[Quote]
    left_out: list[LeftOut]
    steps: list[Step]
    sentences: list[sentences_mod.Sentence]
    quote_dates: dict[int, QuoteDate] = field(default_factory=dict)
    unclosed: list[marks.Unclosed] = field(default_factory=list)

    def speaker(self, quote: Quote) -> people.Person | None:
        return self.cast.people.get(quote.speaker) if quote.speaker else None


def read(raw: str, day: date | None = None, known: Known | None = None, day_from: str = "option") -> Extraction:
    """Extract from an article's text; ``day`` overrides its dateline (``day_from`` says where
    it comes from)."""
    article = article_mod.read(raw)
    if not article.plain.strip():
        raise ExtractError("the article is empty")
    if day is None:
        if article.dateline is None:
            raise ExtractError(
                "the article has no dateline such as '7 December 2017 – '; give its date with "
                "--date YYYY-MM-DD",
                usage=True,
            )
        day, day_from = article.dateline.day, "dateline"
    text = article.plain
    passages, unclosed = marks.find(text, article.paragraphs, article.body_start)
    sentences = sentences_mod.split(text, article.paragraphs, article.body_start, passages)
    spans = [(s.start, s.end) for s in sentences]
    quoted = Spans((p.start, p.end) for p in passages)
    cast = people.find(text, spans, quoted, known)
    rolelinks.link(text, spans, quoted, cast)
    quotes, left_out = quotes_mod.find(text, passages, sentences, cast)
    found_dates = {
        index: dates_mod.find(text, start, end, day, quoted) for index, (start, end) in enumerate(spans)
    }
    steps = steps_mod.find(text, spans, found_dates, day)
    extraction = Extraction(article, day, day_from, cast, quotes, left_out, steps, sentences,
                            unclosed=unclosed)
    extraction.quote_dates = _quote_dates(quotes, found_dates, day)
    return extraction


def _quote_dates(quotes: list[Quote], found_dates: dict[int, list[FoundDate]], day: date) -> dict[int, QuoteDate]:
    """The day each quote was said: a day named in its own sentence, else the last day named
    before it (a guess, marked as one)."""
    out: dict[int, QuoteDate] = {}

    def days(index: int) -> list[FoundDate]:
        return [
            d for d in found_dates.get(index, [])
            if d.earliest is not None and d.earliest == d.latest and d.latest <= day
        ]

    last_day: list[FoundDate | None] = []  # per sentence: the last day named before it
    previous = None
    for q_index, quote in enumerate(quotes):
        while len(last_day) <= quote.sentence:
            last_day.append(previous)
            own = days(len(last_day) - 1)
            previous = own[-1] if own else previous
        own = days(quote.sentence)
        if own:
            anchor = quote.attribution[0] if quote.attribution else quote.parts[0].start
            best = min(own, key=lambda d: abs(d.start - anchor))
            out[q_index] = QuoteDate(best, carried=False)
        elif last_day[quote.sentence] is not None:
            out[q_index] = QuoteDate(last_day[quote.sentence], carried=True)
    return out
