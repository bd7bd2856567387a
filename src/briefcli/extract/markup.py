"""Markdown markup in an article, found in linear time.

An article is untrusted input, and the obvious regular expressions for links and emphasis
backtrack: on forty thousand '[' or '**a ' repeated they take minutes. Here each kind of
markup is found by a scan that looks at every character a bounded number of times:

* links ``[text](url)`` and ``![alt](url "title")``: every '[' before the same ']' shares that
  ']' and so succeeds or fails with it, and every search for the next stop character is
  asked for positions that only grow, so it is answered from the last search when it can be;
* strong emphasis ``**text**`` / ``__text__`` on one line, and emphasis ``*text*`` /
  ``_text_``: openers and closers are listed once, and each opener looks up its closer with a
  binary search.

The results are what the regular expressions the project used before gave on ordinary text
(tested), and what :func:`links` gives is what the quote verifier reads as a link.
"""

from __future__ import annotations

import re
from bisect import bisect_left


class _Next:
    """The first position >= ``at`` of a character matched by ``pattern``, for growing ``at``."""

    def __init__(self, text: str, pattern: str) -> None:
        self.text, self.pattern = text, re.compile(pattern)
        self.found = -1  # the answer to the last question, or len(text) if there is none
        self.asked = 0

    def __call__(self, at: int) -> int:
        if self.asked <= at <= self.found:
            return self.found
        m = self.pattern.search(self.text, at)
        self.asked, self.found = at, (m.start() if m else len(self.text))
        return self.found


def links(text: str, extended: bool = False):
    """Spans of Markdown links: (start, text start, text end, end).

    Plain form (the quote verifier's): ``[text](url)`` with no ']' or line break in the text
    and no ')' or white space in the url. ``extended`` also takes images ('![') and a title
    after the url (``(url "title")``)."""
    close_text = _Next(text, r"[\]\n]")
    close_url = _Next(text, r"[)\s]")
    close_title = _Next(text, r"[\"\n]")
    n = len(text)
    at = text.find("[")
    while 0 <= at:
        q = close_text(at + 1)
        if q + 1 < n and text[q] == "]" and text[q + 1] == "(":
            r = close_url(q + 2)
            end = None
            if r < n and text[r] == ")":
                end = r + 1
            elif extended and r < n:  # white space, then a title
                s = r
                while s < n and text[s].isspace():
                    s += 1
                if s < n and text[s] == '"':
                    t = close_title(s + 1)
                    if t + 1 < n and text[t] == '"' and text[t + 1] == ")":
                        end = t + 2
            if end is not None:
                start = at - 1 if extended and at > 0 and text[at - 1] == "!" else at
                yield start, at + 1, q, end
                at = text.find("[", end)
                continue
        # every '[' before q meets the same ']' (or line end) and fails the same way
        at = text.find("[", max(q, at + 1))


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _positions(text: str, mark: str) -> list[int]:
    out, at = [], text.find(mark)
    while at >= 0:
        out.append(at)
        at = text.find(mark, at + 1)
    return out


def strong(text: str) -> list[tuple[int, int]]:
    """Spans of ``**text**`` and ``__text__`` on one line, the words inside not starting or
    ending with white space."""
    line_end = _Next(text, "\n")
    openers, closers = [], {}
    for mark in ("**", "__"):
        found = _positions(text, mark)
        openers += [(at, mark) for at in found if at + 2 < len(text) and not text[at + 2].isspace()]
        closers[mark] = [at for at in found if at > 0 and not text[at - 1].isspace()]
    spans, after = [], 0
    for i, mark in sorted(openers):  # each with the first closer after some words, on its line
        if i < after:
            continue
        ends = closers[mark]
        k = bisect_left(ends, i + 3)
        if k < len(ends) and ends[k] < line_end(i):
            spans.append((i, ends[k] + 2))
            after = ends[k] + 2
    return spans


def emphasis(text: str) -> list[tuple[int, int]]:
    """Spans of ``*text*`` and ``_text_``: not inside a word, no mark or line break inside."""
    n = len(text)
    following = {}
    candidates = []
    for mark in "*_":
        found = _positions(text, mark)
        following.update(zip(found, found[1:]))
        candidates += [(at, mark) for at in found[:-1]]
    spans, after = [], 0
    for i, mark in sorted(candidates):
        if i < after:
            continue
        before = text[i - 1] if i > 0 else " "
        if _word_char(before) or before == mark or text[i + 1].isspace() or text[i + 1] == mark:
            continue
        j = following[i]  # nothing inside may be the mark itself
        after_j = text[j + 1] if j + 1 < n else " "
        if text[j - 1].isspace() or _word_char(after_j) or after_j == mark:
            continue
        if text.find("\n", i, j) < 0:
            spans.append((i, j + 1))
            after = j + 1
    return spans
