"""The chart as inline SVG for the HTML briefing: no script, no font, nothing loaded.

The drawing follows the terminal's: a label line per row (a link to the record's card in the
page) with its state at the right, one band per promised window under it, the outcome as a mark,
the as-of day as a dashed line, month ticks on a shared axis and a legend. Shapes carry the
meaning without colour: the band's opacity and outline say how finely its dates are known, an
open end fades, a late outcome is a cross after a dotted slip, an overdue step ends in ``!``.

Only presentation attributes are used (no ``style`` attribute, no CSS ``url()``), every string
from data is cleaned and escaped for XML, and numbers are written with one decimal, so the same
rows give the same bytes.
"""

from __future__ import annotations

import html
import re
import textwrap
from datetime import date

from ..text import clean
from .layout import Axis, axis_for
from .rows import Chart, Row, Window

WIDE, NARROW = 640, 360  # viewBox widths: a desktop or printed page, and a phone
PAD = 8
FONT = 13
CHAR = 7.6  # a generous average width of a character of the bold label font, for wrapping
LINE = 17  # the label lines' spacing
BAND, BAND_GAP = 10, 5
ROW_GAP = 12
TOP = 48  # where the first row starts, below the as-of label, month labels and rule

COLOURS = {"step": "#1f5fa8", "event": "#7b3fa0", "alert": "#b3261e", "as_of": "#b86e00",
           "axis": "#6b6b76", "grid": "#e4e4ea", "ink": "#1d1d1f"}
OPACITY = {"day": "0.9", "days": "0.9", "month": "0.55", "year": "0.3"}
DASH = {"day": None, "days": None, "month": "4 2", "year": "2 2"}  # a fuzzy date's fuzzy edge
HALO = 'stroke="#fff" stroke-width="3" paint-order="stroke"'  # keeps text clear of grid lines
STATE_SIGN = {"late": "✗ ", "overdue": "! "}

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def esc(text: object) -> str:
    """Data as XML text: cleaned, one line, escaped (and nothing XML 1.0 cannot hold)."""
    value = " ".join(clean(str(text), one_line=True).split())
    return html.escape(_NOT_XML.sub(lambda m: f"\\u{ord(m.group()):04x}", value), quote=True)


def num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


class Drawing:
    """One drawing of a chart ``width`` units wide; ``prefix`` keeps its ids apart from those of
    another drawing of the same chart in the page."""

    def __init__(self, chart: Chart, width: int = WIDE, prefix: str = "chart") -> None:
        self.chart = chart
        self.axis: Axis = axis_for(chart)
        self.width = width
        self.prefix = prefix
        self.plot = width - 2 * PAD

    def x(self, day: date) -> float:
        return PAD + self.axis.fraction(day) * self.plot

    def x_after(self, day: date) -> float:
        return PAD + self.axis.fraction_after(day) * self.plot

    def shows(self, day: date) -> bool:
        return self.axis.start <= day <= self.axis.end

    # --- the whole --------------------------------------------------------------------------

    def svg(self, title: str, css_class: str = "") -> str:
        body, y = [], TOP
        for row in self.chart.rows:
            part, y = self._row(row, y)
            body += part
        legend, height = self._legend(y + 6)
        out = [
            f'<svg xmlns="http://www.w3.org/2000/svg" class="{css_class}" viewBox="0 0 {self.width} {num(height)}" '
            f'width="{self.width}" height="{num(height)}" role="img" aria-labelledby="{self.prefix}-title" '
            f'font-family="system-ui, -apple-system, \'Segoe UI\', Roboto, sans-serif" '
            f'font-size="{FONT}" fill="{COLOURS["ink"]}">',
            f'<title id="{self.prefix}-title">{esc(title)}</title>',
            self._defs(),
            *self._axis(y),
            *body,
            *legend,
            "</svg>",
        ]
        return "\n".join(out)

    def _defs(self) -> str:
        """Fading fills for open ends, one per colour and side."""
        out = ["<defs>"]
        for kind in ("step", "event"):
            for side, (low, high) in (("start", ("0.05", "0.5")), ("end", ("0.5", "0.05"))):
                out.append(
                    f'<linearGradient id="{self.prefix}-open-{side}-{kind}" x1="0" x2="1" y1="0" y2="0">'
                    f'<stop offset="0" stop-color="{COLOURS[kind]}" stop-opacity="{low}"/>'
                    f'<stop offset="1" stop-color="{COLOURS[kind]}" stop-opacity="{high}"/>'
                    "</linearGradient>"
                )
        out.append("</defs>")
        return "".join(out)

    def _axis(self, bottom: float) -> list[str]:
        out = [f'<g class="axis" font-size="11" fill="{COLOURS["axis"]}">']
        rule = TOP - 10
        out.append(f'<line x1="{PAD}" x2="{self.width - PAD}" y1="{rule}" y2="{rule}" '
                   f'stroke="{COLOURS["axis"]}" stroke-width="1"/>')
        step, free = self.axis.tick_step(self.plot, 58), 0.0
        for tick in self.axis.ticks(step):
            x = num(self.x(tick.day))
            labelled = self.x(tick.day) >= free
            free = self.x(tick.day) + 6.5 * len(tick.label) + 6 if labelled else free
            out.append(f'<line class="tick" data-day="{tick.day.isoformat()}" x1="{x}" x2="{x}" '
                       f'y1="{rule}" y2="{num(bottom)}" stroke="{COLOURS["grid"]}"/>')
            out.append(f'<line x1="{x}" x2="{x}" y1="{rule - 4}" y2="{rule}" '
                       f'stroke="{COLOURS["axis"]}"/>')
            if labelled:
                out.append(f'<text x="{num(self.x(tick.day) + 2)}" y="{rule - 6}" {HALO}>'
                           f"{esc(tick.label)}</text>")
        out.append("</g>")
        as_of = self.chart.as_of
        if self.shows(as_of):
            x = self.x(as_of)
            anchor, shift = ("end", -3) if x > self.width / 2 else ("start", 3)
            out += [
                f'<g class="as-of" data-day="{as_of.isoformat()}" fill="{COLOURS["as_of"]}">',
                f'<line x1="{num(x)}" x2="{num(x)}" y1="4" y2="{num(bottom)}" '
                f'stroke="{COLOURS["as_of"]}" stroke-width="1.5" stroke-dasharray="5 3"/>',
                f'<text x="{num(x + shift)}" y="12" font-size="11" text-anchor="{anchor}">'
                f"as of {as_of.isoformat()}</text>",
                "</g>",
            ]
        return out

    # --- a row ------------------------------------------------------------------------------

    def _row(self, row: Row, top: float) -> tuple[list[str], float]:
        state = STATE_SIGN.get(row.state, "") + row.state
        room = int((self.plot - CHAR * (len(state) + 2)) / CHAR)
        lines = textwrap.wrap(clean(row.label, one_line=True), max(room, 12),
                              break_long_words=True) or [""]
        colour = COLOURS["alert"] if row.alert else COLOURS["ink"]
        first = top + FONT
        tspans = "".join(
            f'<tspan x="{PAD}" dy="{0 if i == 0 else LINE}">{esc(line)}</tspan>'
            for i, line in enumerate(lines)
        )
        out = [
            f'<g class="row" id="{self.prefix}-{row.kind}-{esc(row.id)}" data-kind="{row.kind}" '
            f'data-state="{esc(row.state)}">',
            f"<title>{esc(_tooltip(row))}</title>",
            f'<a href="#{esc(row.anchor)}"><text class="label" x="{PAD}" y="{num(first)}" '
            f'font-weight="600" fill="{COLOURS["ink"]}" {HALO}>{tspans}</text></a>',
            f'<text class="state" x="{self.width - PAD}" y="{num(first)}" text-anchor="end" {HALO} '
            f'fill="{colour}"{" font-weight=" + chr(34) + "700" + chr(34) if row.alert else ""}>'
            f"{esc(state)}</text>",
        ]
        y = top + LINE * (len(lines) - 1) + FONT + 6
        for index, window in enumerate(row.windows):
            out += self._band(row, window, y, first=index == 0)
            if index:  # which revision: beside its band, right of it where there is room
                start, end = self.axis.span(window)
                x, anchor = self.x_after(end) + 4, "start"
                if x + 5.6 * len(window.label) > self.width - PAD:
                    x, anchor = self.x(start) - 4, "end"
                out.append(f'<text x="{num(x)}" y="{num(y + BAND - 1)}" font-size="10" '
                           f'text-anchor="{anchor}" fill="{COLOURS["axis"]}" {HALO}>'
                           f"{esc(window.label)}</text>")
            y += BAND + BAND_GAP
        out.append("</g>")
        return out, y - BAND_GAP + ROW_GAP

    def _band(self, row: Row, window: Window, y: float, first: bool) -> list[str]:
        start, end = self.axis.span(window)
        left, right = self.x(start), self.x_after(end)
        width = max(right - left, 3)
        fill, opacity = COLOURS[row.kind], OPACITY[window.precision]
        if window.start is None:
            fill, opacity = f"url(#{self.prefix}-open-start-{row.kind})", "1"
        elif window.end is None:
            fill, opacity = f"url(#{self.prefix}-open-end-{row.kind})", "1"
        dash = DASH[window.precision]
        outline = f' stroke-dasharray="{dash}"' if dash else ""
        out = [
            f'<rect class="band" data-start="{start.isoformat()}" data-end="{end.isoformat()}" '
            f'data-precision="{window.precision}" data-open="{_open(window)}" '
            f'x="{num(left)}" y="{num(y)}" width="{num(width)}" height="{BAND}" rx="2" '
            f'fill="{fill}" fill-opacity="{opacity}" stroke="{COLOURS[row.kind]}" '
            f'stroke-width="1"{outline}/>'
        ]
        if first:
            out += self._outcome(row, left, left + width, y + BAND / 2)
        return out

    def _outcome(self, row: Row, left: float, right: float, middle: float) -> list[str]:
        alert, out = COLOURS["alert"], []
        mark = row.outcome
        if mark is not None and self.shows(mark.day):
            x = self.x(mark.day) + (self.x_after(mark.day) - self.x(mark.day)) / 2
            if x > right + 2 or x < left - 2:
                edge = right if x > right else left
                colour = alert if mark.verdict == "late" else COLOURS[row.kind]
                out.append(_slip(edge, x, middle, colour))
            attrs = f'class="mark" data-day="{mark.day.isoformat()}" data-verdict="{mark.verdict}"'
            if mark.verdict == "late":
                d = f"M{num(x - 5)} {num(middle - 5)}l10 10m0 -10l-10 10"
                out.append(f'<path {attrs} d="{d}" stroke="{alert}" stroke-width="3" '
                           'fill="none"/>')
            else:
                out.append(f'<circle {attrs} cx="{num(x)}" cy="{num(middle)}" r="5" '
                           f'fill="{COLOURS["ink"]}" stroke="#fff" stroke-width="1.5"/>')
        elif row.state == "overdue" and self.shows(self.chart.as_of):
            now = self.x(self.chart.as_of)
            out.append(_slip(right, now, middle, alert))
            out.append(f'<text class="overdue" x="{num(now + 3)}" y="{num(middle + 5)}" '
                       f'font-weight="700" fill="{alert}">!</text>')
        return out

    # --- the legend -------------------------------------------------------------------------

    def _legend(self, top: float) -> tuple[list[str], float]:
        step, event = COLOURS["step"], COLOURS["event"]
        samples = [
            (f'<rect width="16" height="10" fill="{step}" fill-opacity="0.9"/>', "known to the day"),
            (f'<rect width="16" height="10" fill="{step}" fill-opacity="0.55" stroke="{step}" '
             'stroke-dasharray="4 2"/>', "to the month"),
            (f'<rect width="16" height="10" fill="{step}" fill-opacity="0.3" stroke="{step}" '
             'stroke-dasharray="2 2"/>', "to the year or season"),
            (f'<rect width="16" height="10" fill="url(#{self.prefix}-open-start-step)"/>',
             "open end"),
            (f'<rect width="16" height="10" fill="{event}" fill-opacity="0.9"/>', "event"),
            (f'<circle cx="8" cy="5" r="5" fill="{COLOURS["ink"]}"/>', "outcome"),
            (f'<path d="M3 0l10 10m0 -10l-10 10" stroke="{COLOURS["alert"]}" stroke-width="3"/>',
             "late outcome"),
            (_slip(0, 16, 5, COLOURS["alert"]), "slip"),
            (f'<text x="5" y="10" font-weight="700" fill="{COLOURS["alert"]}">!</text>',
             "overdue"),
            (f'<line x1="8" x2="8" y1="-2" y2="12" stroke="{COLOURS["as_of"]}" stroke-width="1.5" '
             'stroke-dasharray="5 3"/>', "as-of day"),
        ]
        out, x, y = [f'<g class="legend" font-size="11" fill="{COLOURS["axis"]}">'], PAD, top
        for shape, words in samples:
            width = 22 + len(words) * 6 + 14
            if x + width > self.width - PAD:
                x, y = PAD, y + 18
            out.append(f'<g transform="translate({num(x)} {num(y)})">{shape}'
                       f'<text x="22" y="10">{esc(words)}</text></g>')
            x += width
        out.append("</g>")
        return out, y + 20


def _slip(x1: float, x2: float, y: float, colour: str) -> str:
    return (f'<line class="slip" x1="{num(x1)}" x2="{num(x2)}" y1="{num(y)}" y2="{num(y)}" '
            f'stroke="{colour}" stroke-width="2" stroke-dasharray="2 3"/>')


def _open(window: Window) -> str:
    return " ".join(side for side, bound in (("start", window.start), ("end", window.end))
                    if bound is None)


def _tooltip(row: Row) -> str:
    promised = "; ".join(f"{w.label}: {w.wording}" for w in row.windows)
    outcome = f"; outcome: {row.outcome.wording}" if row.outcome else ""
    return f"{row.label}. {promised}{outcome}; {row.detail}"


def render(chart: Chart, title: str, width: int = WIDE, prefix: str = "chart",
           css_class: str = "") -> str:
    """The chart as one ``<svg>`` element (empty text if there is nothing to draw)."""
    if not chart.rows:
        return ""
    return Drawing(chart, width, prefix).svg(title, css_class)
