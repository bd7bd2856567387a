"""Sentences, with quotations kept whole.

A sentence boundary is never looked for inside a quoted passage, so "“We must act. Now,” she
said." is one sentence and its attribution stays with its words. Paragraphs are sentence
boundaries too, except when a paragraph is broken in mid-sentence (it ends without a final
stop and the next begins in lower case), which happens when text is copied from the web.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .marks import OPENING, Passage

ABBREVIATIONS = frozenset(
    """
    mr ms mrs dr prof st no nos vs etc jr sr gen lt col capt sen rep gov hon rev fr amb approx
    e.g i.e u.n u.s u.k dept est inc ltd co corp jan feb mar apr aug sept oct nov dec
    """.split()
)
_FINAL = ".!?"
_WORD_BEFORE = re.compile(r"([\w.]+)$")


@dataclass
class Sentence:
    start: int
    end: int
    paragraph: int  # index of the paragraph it starts in
    passages: list[int] = field(default_factory=list)  # indexes of the quoted passages in it


def blocks(text: str, paragraphs: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """Paragraph spans, with paragraphs broken in mid-sentence joined: (start, end, first index)."""
    out: list[list[int]] = []
    for index, (start, end) in enumerate(paragraphs):
        if out:
            last = text[out[-1][1] - 1]
            first = text[start]
            if last not in _FINAL + ":;”\"’)" and first.islower():
                out[-1][1] = end
                continue
        out.append([start, end, index])
    return [tuple(b) for b in out]


def _is_abbreviation(text: str, dot: int) -> bool:
    m = _WORD_BEFORE.search(text, max(0, dot - 20), dot)
    if not m:
        return False
    word = m.group(1).lower().rstrip(".")
    return word in ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def _starts_sentence(text: str, i: int, end: int) -> bool:
    while i < end and text[i].isspace():
        i += 1
    if i >= end:
        return False
    ch = text[i]
    return ch.isupper() or ch.isdigit() or ch in OPENING or ch == '"'


def split(
    text: str, paragraphs: list[tuple[int, int]], body_start: int, passages: list[Passage]
) -> list[Sentence]:
    """The sentences of the body (from ``body_start``), each knowing its quoted passages."""
    inside: dict[int, int] = {}  # passage start -> passage index
    for index, passage in enumerate(passages):
        inside[passage.start] = index
    sentences: list[Sentence] = []
    for b_start, b_end, p_index in _with_running_quotes(blocks(text, paragraphs), passages):
        if b_end <= body_start:
            continue
        b_start = max(b_start, body_start)
        while b_start < b_end and text[b_start].isspace():
            b_start += 1
        current = Sentence(b_start, b_end, p_index)
        i = b_start
        while i < b_end:
            if i in inside:
                passage = passages[inside[i]]
                current.passages.append(inside[i])
                i = max(passage.end, i + 1)
                last = passage.parts[-1]
                if (
                    last.close is not None
                    and last.end > last.start
                    and text[last.end - 1] in _FINAL
                    and _starts_sentence(text, i, b_end)
                    and passage.end <= b_end
                ):
                    current = _cut(sentences, current, i, text, b_end, p_index)
                continue
            ch = text[i]
            if ch in _FINAL and not (ch == "." and _is_abbreviation(text, i)):
                j = i + 1
                while j < b_end and text[j] in ")]’'”\"":
                    if text[j] in "”\"" and j in inside:
                        break
                    j += 1
                if j >= b_end or (text[j].isspace() and _starts_sentence(text, j, b_end)):
                    current = _cut(sentences, current, j, text, b_end, p_index)
                    i = j
                    continue
            i += 1
        if current.start < b_end:
            current.end = b_end
            sentences.append(current)
    return sentences


def _with_running_quotes(spans, passages: list[Passage]):
    """Blocks joined where a quotation runs from one into the next."""
    out: list[list[int]] = []
    running = [p for p in passages if len(p.parts) > 1]  # only these cross paragraphs
    for start, end, index in spans:
        if out and any(out[-1][0] <= p.start < out[-1][1] < p.end for p in running):
            out[-1][1] = end
            continue
        out.append([start, end, index])
    return [tuple(b) for b in out]


def _cut(sentences, current: Sentence, at: int, text: str, b_end: int, p_index: int) -> Sentence:
    current.end = at
    sentences.append(current)
    nxt = at
    while nxt < b_end and text[nxt].isspace():
        nxt += 1
    return Sentence(nxt, b_end, p_index)
