"""The chart as blocks of a briefing document: the drawing, then the same rows as a table.

The table is the drawing's text alternative (for screen readers, for copying, for print): one
line per row with what was promised, what happened and the state, each linking to the record's
card as the drawing's labels do.
"""

from __future__ import annotations

from datetime import date

from ..render.view import Column, Listing, Paragraph
from .rows import Chart, Row, chart_rows


class Figure:
    """A block that draws itself as HTML: an SVG chart inside a ``<figure>``."""

    __slots__ = ("chart", "title")

    def __init__(self, chart: Chart, title: str) -> None:
        self.chart = chart
        self.title = title

    def html(self) -> str:
        from . import svg

        # Two drawings of the same rows: a phone shows the narrow one (its text stays
        # readable without zooming), a wider screen and paper the wide one; CSS hides the other.
        wide = svg.render(self.chart, self.title, svg.WIDE, "chart", "wide")
        narrow = svg.render(self.chart, self.title, svg.NARROW, "chart-narrow", "narrow")
        return (
            '<figure class="chart" id="chart">'
            f'<div class="chart-drawing">{wide}\n{narrow}</div>'
            f"<figcaption>{svg.esc(self.title)}. The table below gives the same rows in words."
            "</figcaption></figure>"
        )


def _promised(row: Row) -> list[str]:
    """Each window in the source's words, with its machine bounds where they say more; the
    label ('revised ...') only where there is more than one."""
    out = []
    for w in row.windows:
        bounds = _bounds(w.start, w.end)
        text = w.wording if bounds == w.wording else f"{w.wording} ({bounds})"
        out.append(f"{w.label}: {text}" if len(row.windows) > 1 else text)
    return out


def _bounds(start: date | None, end: date | None) -> str:
    from ..fuzzydate import bounds_to_edtf

    return bounds_to_edtf(start, end)


def _outcome(row: Row) -> str:
    mark = row.outcome
    if mark is None:
        return ""
    return f"{mark.wording} ({_bounds(mark.start, mark.end)})"  # the wording has no date


def blocks(data, as_of: date) -> list:
    """The figure, a note and the table, for the top of the briefing's timeline section."""
    chart = chart_rows(data, as_of)
    if not chart.rows:
        return []
    title = f"Steps and events on a time axis, as of {as_of.isoformat()}"
    records = [{"row": row, "anchor": row.anchor} for row in chart.rows]
    table = Listing(
        "chart",
        records,
        [
            Column("Step or event", lambda r: r["row"].label, link=lambda r: r["anchor"]),
            Column("Kind", lambda r: r["row"].kind),
            Column("Promised", lambda r: _promised(r["row"])),
            Column("Outcome", lambda r: _outcome(r["row"])),
            Column("State", lambda r: r["row"].detail),
        ],
    )
    out = [Figure(chart, title), table]
    if chart.undated:
        out.append(Paragraph("Not drawn, as they have no date: " + "; ".join(chart.undated),
                             "note"))
    return out
