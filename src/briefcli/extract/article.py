"""An article as read: its text, the same text without Markdown markup, paragraphs, headline
and dateline.

Everything later works on ``plain`` (the text a reader sees: link text without the link,
emphasis without its asterisks, headings without their hashes), while offsets reported to the
user are positions in ``raw``, the file's text as read (UTF-8 decoded, byte-order mark
dropped), counted in characters. ``to_raw`` maps one to the other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from . import markup
from .vocabulary import MONTH_NAMES

# Markdown a news article uses: links and images, emphasis, headings, block quotes, bullets
# (all but the line marks found by the linear scans of .markup).
_LINE_MARK = re.compile(r"^[ \t]{0,3}(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+)", re.MULTILINE)

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_DAY = r"(\d{1,2})\s+(" + MONTH_NAMES + r")\s+(\d{4})"
_MONTH_DAY = r"(" + MONTH_NAMES + r")\s+(\d{1,2}),?\s+(\d{4})"
# 'GENEVA, 5 June 2018 (Wire Agency) – ': the place, the day and the agency are optional.
_DATELINE = re.compile(
    r"(?:[A-Z][\w .'’-]{0,40}?,\s+)?(?:" + _DAY + "|" + _MONTH_DAY + r")"
    r"(?:\s*\((?P<agency>[A-Z][\w .&'’-]{0,40})\))?\s*[–—-]+\s*"
)


@dataclass
class Dateline:
    day: date
    start: int  # plain offsets of the whole dateline, dash included
    end: int
    agency: str | None = None  # '(Reuters)', '(AP)': who filed it


@dataclass
class Article:
    raw: str
    plain: str
    to_raw: list[int]  # plain index -> raw index; one extra entry for the end
    paragraphs: list[tuple[int, int]] = field(default_factory=list)  # plain spans
    headline: tuple[int, int] | None = None
    dateline: Dateline | None = None
    body_start: int = 0  # plain offset where the reported text begins
    link_markup: set[int] | None = None  # raw offsets of Markdown link syntax

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The raw offsets of the plain span [start, end)."""
        if end <= start:
            at = self.to_raw[start]
            return at, at
        return self.to_raw[start], self.to_raw[end - 1] + 1

    def quoted_text(self, start: int, end: int) -> str:
        """The article's own words for a plain span, as the quote verifier will look for them:
        the file's text, with Markdown links read as their text."""
        raw_start, raw_end = self.raw_span(start, end)
        if self.link_markup is None:
            self.link_markup = set()
            for link_start, text_start, text_end, link_end in markup.links(self.raw):
                self.link_markup.update(range(link_start, text_start))
                self.link_markup.update(range(text_end, link_end))
        return "".join(
            self.raw[i] for i in range(raw_start, raw_end) if i not in self.link_markup
        )

    @property
    def title(self) -> str | None:
        if self.headline is None:
            return None
        return " ".join(self.plain[self.headline[0] : self.headline[1]].split())


def _markup_spans(raw: str) -> list[tuple[int, int]]:
    """Spans of raw text that are Markdown markup, not words."""
    drop: list[tuple[int, int]] = []
    for start, text_start, text_end, end in markup.links(raw, extended=True):
        drop.append((start, text_start))  # '[' or '!['
        drop.append((text_end, end))  # '](url)'
    for start, end in markup.strong(raw):
        drop.append((start, start + 2))
        drop.append((end - 2, end))
    for start, end in markup.emphasis(raw):
        drop.append((start, start + 1))
        drop.append((end - 1, end))
    for m in _LINE_MARK.finditer(raw):
        drop.append((m.start(), m.end()))
    return drop


def _strip_markup(raw: str) -> tuple[str, list[int]]:
    keep = [True] * len(raw)
    for start, end in _markup_spans(raw):
        for i in range(start, end):
            keep[i] = False
    to_raw = [i for i, k in enumerate(keep) if k]
    plain = "".join(raw[i] for i in to_raw)
    to_raw.append(len(raw))
    return plain, to_raw


def _paragraphs(plain: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for m in _PARAGRAPH_BREAK.finditer(plain):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(plain)))
    out = []
    for s, e in spans:
        while s < e and plain[s].isspace():
            s += 1
        while e > s and plain[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _day_of(match: re.Match) -> date | None:
    from .vocabulary import month_number

    try:
        if match.group(1):
            return date(int(match.group(3)), month_number(match.group(2)), int(match.group(1)))
        return date(int(match.group(6)), month_number(match.group(4)), int(match.group(5)))
    except ValueError:
        return None


def read(raw: str) -> Article:
    """Read an article's text (plain text or Markdown)."""
    plain, to_raw = _strip_markup(raw)
    article = Article(raw=raw, plain=plain, to_raw=to_raw, paragraphs=_paragraphs(plain))
    paragraphs = article.paragraphs
    for index, (start, end) in enumerate(paragraphs[:3]):
        # the dateline opens a paragraph, or a line of it ('Headline\n7 December 2017 – ...')
        for line_start in _line_starts(plain, start, end):
            m = _DATELINE.match(plain, line_start, end)
            day = _day_of(m) if m else None
            if day is None:
                continue
            agency = " ".join(m.group("agency").split()) if m.group("agency") else None
            article.dateline = Dateline(day, line_start, m.end(), agency)
            article.body_start = m.end()
            if line_start > start and _is_headline(plain, start, line_start):
                article.headline = (start, line_start - 1)
            elif index > 0 and _is_headline(plain, *paragraphs[0]):
                article.headline = paragraphs[0]
            return article
    if len(paragraphs) > 1 and _is_headline(plain, *paragraphs[0]):
        article.headline = paragraphs[0]
        article.body_start = paragraphs[1][0]
    elif paragraphs:
        article.body_start = paragraphs[0][0]
    return article


def _line_starts(plain: str, start: int, end: int) -> list[int]:
    starts = [start]
    at = plain.find("\n", start, end)
    while at >= 0:
        nxt = at + 1
        while nxt < end and plain[nxt] in " \t":
            nxt += 1
        starts.append(nxt)
        at = plain.find("\n", nxt, end)
    return starts[:4]


def _is_headline(plain: str, start: int, end: int) -> bool:
    text = plain[start:end]
    return "\n" not in text.strip() and len(text.split()) <= 25 and not text.rstrip().endswith(".")
