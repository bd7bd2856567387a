"""The shared time axis: which days the chart spans, where a day falls, where the ticks go.

Pure arithmetic on dates. A position is a fraction of the axis (0 at the first day's start, 1
after the last day's end); the terminal renderer multiplies it by a number of columns, the SVG
renderer by a number of pixels, so both place a day at the same point.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from .rows import Chart, Window

# Months between ticks, finest first; the renderer takes the first that leaves room for labels.
TICK_STEPS = (1, 2, 3, 4, 6, 12, 24, 60, 120, 240, 600, 1200, 2400, 6000, 12000)
# The months' short names, looked up once: each lookup in calendar.month_abbr formats a date.
MONTHS = tuple(calendar.month_abbr[month] for month in range(1, 13))


@dataclass(frozen=True)
class Tick:
    day: date
    label: str  # "Jan 2018" on a year's first tick and the axis' first, else "Feb"


@dataclass(frozen=True)
class Axis:
    start: date  # the first day shown (a month's first day)
    end: date  # the last day shown (a month's last day)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def fraction(self, day: date) -> float:
        """Where ``day`` begins, as a fraction of the axis (days outside it are clamped)."""
        offset = min(max((day - self.start).days, 0), self.days)
        return offset / self.days

    def fraction_after(self, day: date) -> float:
        """Where ``day`` ends: the start of the next day."""
        if day >= self.end:
            return 1.0
        return self.fraction(day + timedelta(days=1))

    def span(self, window: Window) -> tuple[date, date]:
        """The days a window is drawn over: an open start begins at the day the promise was
        reported (or the axis' start), an open end runs to the axis' end."""
        start = window.start or window.floor or self.start
        end = window.end or self.end
        return max(start, self.start), max(min(end, self.end), max(start, self.start))

    def ticks(self, step: int = 1) -> list[Tick]:
        """A tick at the axis' first day and at the first of every ``step``-th month (counted
        from January of year 0); a renderer leaves out a label that would run into the one
        before."""
        first = self.start.year * 12 + self.start.month - 1
        last = self.end.year * 12 + self.end.month - 1
        months = [first, *range(first + (-first) % step, last + 1, step)]
        ticks = []
        for index in dict.fromkeys(months):
            year, month = divmod(index, 12)
            name = MONTHS[month]
            label = f"{name} {year}" if not ticks or month == 0 else name
            ticks.append(Tick(date(year, month + 1, 1), label))
        return ticks

    def widest_label(self) -> int:
        """The length of the longest label :meth:`ticks` gives at a step of one month, without
        listing them (an axis over the whole calendar has 120,000 months). A label is a month's
        short name, with its year on the first tick and on each January; the names are all as
        long (C's locale, which briefcli never changes), so it is the first tick's label or the
        last January's, whose year has the most digits."""
        first = self.start.year * 12 + self.start.month - 1
        last = self.end.year * 12 + self.end.month - 1
        widest = len(f"{MONTHS[self.start.month - 1]} {self.start.year}")
        january = last - last % 12
        if january > first:
            widest = max(widest, len(f"{MONTHS[0]} {january // 12}"))
        return widest

    def tick_step(self, length: float, gap: float) -> int:
        """The finest step whose ticks stand ``gap`` apart or more on an axis ``length`` long."""
        per_month = length * 30.44 / self.days
        for step in TICK_STEPS:
            if per_month * step >= gap:
                return step
        return TICK_STEPS[-1]


def axis_for(chart: Chart) -> Axis:
    """Whole months from the earliest day the chart knows to the latest, the as-of day included;
    a month more on a side where a window is open, so that its fading end shows."""
    known = [chart.as_of]
    open_start = open_end = False
    for row in chart.rows:
        for w in row.windows:
            known += [d for d in (w.start, w.end, w.floor) if d is not None]
            open_start |= w.start is None and w.floor is None
            open_end |= w.end is None
        if row.outcome is not None:
            known += [row.outcome.start, row.outcome.end]
    first, last = chart.low or min(known), chart.high or max(known)
    open_start &= chart.low is None
    open_end &= chart.high is None
    if open_start:
        first = _add_months(first, -1)
    if open_end:
        last = _add_months(last, 1)
    start = first.replace(day=1)
    end = date(last.year, last.month, calendar.monthrange(last.year, last.month)[1])
    return Axis(start, end)


def _add_months(day: date, months: int) -> date:
    """The first of the month ``months`` away, within the years a date can have."""
    index = day.year * 12 + day.month - 1 + months
    index = min(max(index, 12), 9999 * 12 + 11)
    return date(index // 12, index % 12 + 1, 1)
