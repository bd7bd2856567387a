"""Sorted, non-overlapping spans of text (quoted passages), asked 'is this offset inside?'
in logarithmic time, so that long articles stay fast."""

from __future__ import annotations

from bisect import bisect_right


class Spans:
    def __init__(self, spans=()) -> None:
        self.spans = sorted(spans)
        self.starts = [start for start, _ in self.spans]

    def __iter__(self):
        return iter(self.spans)

    def __len__(self) -> int:
        return len(self.spans)

    def covers(self, at: int) -> bool:
        """Whether ``at`` lies inside a span (start included, end excluded)."""
        index = bisect_right(self.starts, at) - 1
        return index >= 0 and at < self.spans[index][1]

    def first_after(self, at: int) -> int:
        """The index of the first span that ends after ``at`` (``len(self)`` if none does)."""
        index = bisect_right(self.starts, at) - 1  # the last span that starts at or before it
        return index if index >= 0 and self.spans[index][1] > at else index + 1

    def any_within(self, start: int, end: int) -> bool:
        """Whether a span starts in [start, end)."""
        index = bisect_right(self.starts, start - 1)
        return index < len(self.starts) and self.starts[index] < end
