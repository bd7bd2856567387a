"""The rows of the chart: what was promised, what happened, and how the two compare.

A :class:`Row` is plain data: a step or an event, its promised windows (the first promise,
then each revision of it, in order), the outcome's mark and a state word. Rows are built from
the dataset's plain records by :func:`chart_rows`; the renderers draw any list of rows.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date

# States that are bad news: drawn in the alert colour and with their own shape.
ALERTS = ("late", "overdue")


@dataclass(frozen=True)
class Window:
    """A promised window: the days the thing may happen on, both bounds inclusive.

    ``start``/``end`` are None where the source gave no bound (``before mid-January`` has no
    start); ``floor`` is the day the promise was reported, before which a step cannot fall, and
    stands in for an open start when drawing. ``label`` says which promise it is ("promised" or
    "revised 2018-03-05").
    """

    start: date | None
    end: date | None
    precision: str
    wording: str
    label: str = "promised"
    floor: date | None = None


@dataclass(frozen=True)
class Mark:
    """An outcome on the axis: its span, the wording and whether it came late or early."""

    start: date
    end: date
    wording: str
    verdict: str  # "on time", "early", "late" or "done" (see briefcli.tracking.judge)

    @property
    def day(self) -> date:
        """The day the mark is drawn on: the middle of its span."""
        return self.start + (self.end - self.start) / 2


@dataclass(frozen=True)
class Row:
    kind: str  # "step" or "event"
    id: str
    label: str
    windows: tuple[Window, ...]
    outcome: Mark | None = None
    state: str = ""
    detail: str = ""  # a longer account of the state, for text and titles
    anchor: str = ""  # the id of the record's card in the HTML briefing

    @property
    def alert(self) -> bool:
        return self.state in ALERTS


@dataclass
class Chart:
    rows: list[Row]
    as_of: date
    undated: list[str] = field(default_factory=list)  # labels of records with no date
    low: date | None = None  # the axis' first and last days, where the reader chose them
    high: date | None = None


def precision(start: date | None, end: date | None) -> str:
    """How finely a span's bounds are known: a day, a run of days, whole months or years."""
    known = [d for d in (start, end) if d is not None]
    if not known:
        return "year"
    if start is not None and start == end:
        return "day"
    first = start is None or start.day == 1
    last = end is None or end.day == calendar.monthrange(end.year, end.month)[1]
    if first and last:
        whole_years = (start is None or start.month == 1) and (end is None or end.month == 12)
        return "year" if whole_years else "month"
    return "days"


def window(when: dict, label: str = "promised", floor: str | None = None) -> Window:
    """A window from a plain date record ``{text, earliest, latest}``."""
    start, end = _day(when.get("earliest")), _day(when.get("latest"))
    return Window(start, end, precision(start, end), when.get("text") or "", label, _day(floor))


def event_state(first: Window, as_of: date) -> tuple[str, str]:
    start, end = first.start or first.end, first.end or first.start
    if end is not None and end < as_of:
        return "held", "held"
    if start is not None and start <= as_of:
        return "now", "under way"
    return "ahead", "ahead"


# The verdicts of :func:`briefcli.tracking.judge`, in the chart's short words, and those an
# outcome's mark can show.
STATES = {"open": "ahead"}
MARKS = ("on time", "early", "late", "done")


def step_rows(data, as_of: date) -> list[Row]:
    """A row per step: the promise as first worded, then each date a revision moved it to, the
    outcome as it stands, and the verdict of ``track``."""
    from ..tracking import track

    rows = []
    for step in track(data, as_of)["steps"]:
        reported = ((data.get(step["source"]) or {}).get("published") or {}).get("earliest")
        windows = [window(step["promised"], floor=reported)]
        for revision in step["revisions"]:
            if revision.get("when"):
                windows.append(window(revision["when"], label=f"moved {revision['reported']}",
                                      floor=revision["reported"]))
        verdict = step["verdict"]
        when = (step.get("outcome") or {}).get("when") or {}
        start, end = _day(when.get("earliest")), _day(when.get("latest"))
        mark = None
        if start or end:
            judged = verdict if verdict in MARKS else "done"  # an outcome of a dropped step
            mark = Mark(start or end, end or start, step["outcome"]["what"], judged)
        rows.append(Row("step", step["id"], step["what"], tuple(windows), mark,
                        STATES.get(verdict, verdict), step["verdict_text"],
                        f"timeline-step-{step['id']}"))
    return rows


def chart_rows(data, as_of: date, low: date | None = None, high: date | None = None) -> Chart:
    """One row per dated event and step of ``data`` (a dataset, or its view on a day from
    :func:`briefcli.asof.known`), in order of their first promised day; with ``low``/``high``,
    only those whose dates can fall in that span."""
    rows, undated = [], []
    for event in data.records("events"):
        if not event.get("when"):
            undated.append(event["name"])
            continue
        first = window(event["when"], label="dated")
        state, detail = event_state(first, as_of)
        rows.append(Row("event", event["id"], event["name"], (first,), None, state, detail,
                        f"timeline-event-{event['id']}"))
    rows += step_rows(data, as_of)
    rows = [r for r in rows if any(_meets(w, low, high) for w in r.windows)]
    rows.sort(key=lambda r: _first_day(r.windows[0]))
    return Chart(rows, as_of, undated, low, high)


def _day(iso: str | None) -> date | None:
    return date.fromisoformat(iso) if iso else None


def _meets(w: Window, low: date | None, high: date | None) -> bool:
    """Whether a window can fall in [low, high] (an open bound meets everything on its side)."""
    start = w.start or w.floor
    return not (low and w.end and w.end < low) and not (high and start and start > high)


def _first_day(w: Window) -> date:
    return w.start or w.floor or w.end or date.max
