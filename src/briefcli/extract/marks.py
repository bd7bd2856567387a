"""Quotation marks: which stretches of text stand between them.

Double quotation marks only, curly (“ ”), low (&bdquo;), guillemets or straight ("); single
marks are left alone because apostrophes look the same. A quotation that runs over a paragraph
break follows the news convention: the paragraph ends without a closing mark and the next one
opens with a new opening mark. Such a quotation is one :class:`Passage` of several parts.
"""

from __future__ import annotations

from dataclasses import dataclass, field

OPENING = "\u201c\u201e\u00ab"
CLOSING = "\u201d\u00bb"
STRAIGHT = '"'


@dataclass
class Part:
    """Text between two marks (plain offsets of the words, marks excluded)."""

    start: int
    end: int
    open: int  # offset of the opening mark
    close: int | None  # offset of the closing mark; None when the quote runs on


@dataclass
class Passage:
    parts: list[Part] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.parts[0].open

    @property
    def end(self) -> int:
        """Just after the closing mark (or after the last words if there is none)."""
        last = self.parts[-1]
        return last.close + 1 if last.close is not None else last.end


@dataclass
class Unclosed:
    """An opening mark with no closing one before the paragraph ends."""

    start: int
    end: int


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _opens(text: str, i: int) -> bool:
    """Whether a straight mark at ``i`` opens (rather than closes) a quotation."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-/:") and not after.isspace()


def find(text: str, paragraphs: list[tuple[int, int]], body_start: int) -> tuple[list[Passage], list[Unclosed]]:
    """Quoted passages in the paragraphs that start at or after ``body_start``."""
    passages: list[Passage] = []
    unclosed: list[Unclosed] = []
    running: Passage | None = None  # a quotation carried over a paragraph break
    for index, (p_start, p_end) in enumerate(paragraphs):
        if p_end <= body_start:
            continue
        p_start = max(p_start, body_start)
        open_at: int | None = None
        for i in range(p_start, p_end):
            ch = text[i]
            if ch in OPENING or (ch == STRAIGHT and open_at is None and _opens(text, i)):
                if open_at is not None or (running is not None and i != p_start):
                    # a second opening mark: the first one was never closed
                    unclosed.append(Unclosed(open_at if open_at is not None else i, i))
                    running = None
                open_at = i
            elif (ch in CLOSING or ch == STRAIGHT) and open_at is not None:
                start, end = _trim(text, open_at + 1, i)
                part = Part(start, end, open_at, i)
                if running is not None:
                    running.parts.append(part)
                    passages.append(running)
                    running = None
                else:
                    passages.append(Passage([part]))
                open_at = None
        if running is not None and open_at is None:
            # the carried quotation did not continue in this paragraph
            unclosed.append(Unclosed(running.start, running.parts[-1].end))
            running = None
        if open_at is not None:
            start, end = _trim(text, open_at + 1, p_end)
            part = Part(start, end, open_at, None)
            following = paragraphs[index + 1][0] if index + 1 < len(paragraphs) else None
            if following is not None and text[following] in OPENING + STRAIGHT:
                running = running or Passage()
                running.parts.append(part)
            else:
                unclosed.append(Unclosed(open_at, p_end))
                running = None
    if running is not None:
        unclosed.append(Unclosed(running.start, running.parts[-1].end))
    return passages, unclosed
