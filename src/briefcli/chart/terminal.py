"""The chart in characters: one line per promised window, a shared axis, a legend.

The shape of every mark carries its meaning, so the picture reads the same without colour (piped,
``NO_COLOR``): the band's shade says how finely its dates are known, a late outcome is a cross,
an overdue step ends in ``!``, and each row says its state in words. Colour only repeats this.
Labels are wrapped, never cut, and every line fits the width it is drawn for. Text from data is
cleaned and reaches Rich as :class:`rich.text.Text`, never as markup.
"""

from __future__ import annotations

from datetime import date

from rich.cells import cell_len
from rich.text import Text

from ..text import clean
from .layout import Axis, axis_for
from .rows import Chart, Row, Window

GLYPHS = {
    "unicode": {
        "day": "█", "days": "█", "month": "▓", "year": "▒", "open": "░",
        "on time": "●", "early": "●", "done": "●", "late": "✗",
        "slip": "┄", "overdue": "!", "as_of": "│", "rule": "─", "tick": "┬", "pointer": "▼",
    },
    "ascii": {
        "day": "#", "days": "#", "month": "=", "year": ":", "open": ".",
        "on time": "o", "early": "o", "done": "o", "late": "X",
        "slip": "~", "overdue": "!", "as_of": "|", "rule": "-", "tick": "+", "pointer": "v",
    },
}

STYLES = {"step": "cyan", "event": "magenta", "alert": "bold red", "as_of": "yellow",
          "axis": "dim", "label": "", "state": "", "note": "dim"}

SIDE_BY_SIDE = 120  # the narrowest width at which labels sit left of the bands

LEGEND = (
    ("day", "known to the day"), ("month", "to the month"), ("year", "to the year or season"),
    ("open", "open end"), ("on time", "outcome"), ("late", "late outcome"),
    ("slip", "slip"), ("overdue", "overdue"), ("as_of", "as-of day"),
)


class Cells:
    """A line of the plot: one (character, style) per column."""

    def __init__(self, width: int) -> None:
        self.chars = [" "] * width
        self.styles = [""] * width

    def put(self, column: int, char: str, style: str) -> None:
        if 0 <= column < len(self.chars):
            self.chars[column] = char
            self.styles[column] = style

    def fill(self, first: int, last: int, char: str, style: str) -> None:
        for column in range(first, last + 1):
            self.put(column, char, style)

    def text(self) -> Text:
        """The line as Text, one span per run of a style."""
        from itertools import groupby

        line = Text()
        for style, run in groupby(zip(self.chars, self.styles), key=lambda cell: cell[1]):
            line.append("".join(char for char, _ in run), style=style or None)
        return line


class Picture:
    """Everything the drawing needs to know: the axis, the columns and the glyphs.

    From 120 columns on, each row's label sits left of its bands; narrower, the label has a
    line of its own above them, so that the axis keeps most of the width.
    """

    def __init__(self, chart: Chart, width: int, ascii_only: bool = False) -> None:
        self.chart = chart
        self.axis: Axis = axis_for(chart)
        self.glyph = GLYPHS["ascii" if ascii_only else "unicode"]
        self.width = max(width, 40)
        self.stacked = self.width < SIDE_BY_SIDE
        self.state_width = max(cell_len(r.state) for r in chart.rows)
        revisions = [cell_len(s) for r in chart.rows for s in _states(r)[1:]]
        if self.stacked:
            self.label_width = 1
            right = max(revisions, default=0)
        else:
            longest = max(cell_len(_label(r)) for r in chart.rows)
            self.label_width = max(10, min(longest, self.width // 4))
            right = max([self.state_width, *revisions])
        self.plot = self.width - self.label_width - 1 - (right + 1 if right else 0)

    def shows(self, day: date) -> bool:
        return self.axis.start <= day <= self.axis.end

    def column(self, day: date) -> int:
        """The column a day falls in: its share of the axis times the plot's width."""
        return min(int(self.axis.fraction(day) * self.plot), self.plot - 1)

    def draw(self) -> Text:
        lines = [*self._header(), *(line for row in self.chart.rows for line in self._row(row))]
        lines += self._legend()
        if self.chart.undated:
            names = "; ".join(clean(n, one_line=True) for n in self.chart.undated)
            lines += _wrap(f"Not drawn, as they have no date: {names}", self.width, STYLES["note"])
        for line in lines:
            line.rstrip()
        return Text("\n").join(lines)

    # --- parts --------------------------------------------------------------------------------

    def _indent(self) -> Text:
        return Text(" " * (self.label_width + 1))

    def _header(self) -> list[Text]:
        marker = Cells(self.plot)
        if self.shows(self.chart.as_of):
            pointer, words = self.column(self.chart.as_of), f"as of {self.chart.as_of.isoformat()}"
            if pointer >= len(words) + 1:  # the words left of the pointer, else right of it
                text, first = f"{words} {self.glyph['pointer']}", pointer - len(words) - 1
            else:
                text, first = f"{self.glyph['pointer']} {words}", pointer
            for offset, char in enumerate(text):
                marker.put(first + offset, char, STYLES["as_of"])
        labels, rule = Cells(self.plot), Cells(self.plot)
        rule.fill(0, self.plot - 1, self.glyph["rule"], STYLES["axis"])
        step = self.axis.tick_step(self.plot, self.axis.widest_label() + 1)
        free = 0  # the first column a label may start in
        for tick in self.axis.ticks(step):
            column = self.column(tick.day)
            rule.put(column, self.glyph["tick"], STYLES["axis"])
            if column >= free and column + len(tick.label) <= self.plot:
                for offset, char in enumerate(tick.label):
                    labels.put(column + offset, char, "")
                free = column + len(tick.label) + 1
        return [self._indent() + cells.text() for cells in (marker, labels, rule)]

    def _row(self, row: Row) -> list[Text]:
        states = _states(row)
        lines = []
        if self.stacked:  # the label on a line of its own, the state at its right
            room = self.width - self.state_width - 1
            for index, label in enumerate(_wrap_cells(_label(row), room)):
                line = Text(label)
                if index == 0:
                    line.append(" " * (self.width - cell_len(label) - cell_len(row.state)))
                    line.append(row.state, style=STYLES["alert"] if row.alert else None)
                lines.append(line)
            label_lines, states = [], ["", *states[1:]]
        else:
            label_lines = _wrap_cells(_label(row), self.label_width)
        for index in range(max(len(label_lines), len(row.windows))):
            cells = Cells(self.plot)
            if self.shows(self.chart.as_of):
                cells.put(self.column(self.chart.as_of), self.glyph["as_of"], STYLES["as_of"])
            if index < len(row.windows):
                self._band(cells, row, row.windows[index], first=index == 0)
            label = label_lines[index] if index < len(label_lines) else ""
            line = Text(label + " " * (self.label_width - cell_len(label) + 1))
            line.append_text(cells.text())
            state = states[index] if index < len(states) else ""
            if state:
                line.append(" " + state, style=STYLES["alert"] if row.alert and index == 0 else None)
            lines.append(line)
        return lines

    def _band(self, cells: Cells, row: Row, window: Window, first: bool) -> None:
        style = STYLES[row.kind]
        start, end = self.axis.span(window)
        left, right = self.column(start), self.column(end)
        solid = self.glyph[window.precision]
        cells.fill(left, right, solid, style)
        if window.start is None:  # open start: only the end is known
            cells.fill(left, right - 1, self.glyph["open"], style)
        if window.end is None:
            cells.fill(left + 1, right, self.glyph["open"], style)
        if not first:
            return
        alert = STYLES["alert"]
        if row.outcome is not None and self.shows(row.outcome.day):
            mark = self.column(row.outcome.day)
            if mark > right + 1:
                cells.fill(right + 1, mark - 1, self.glyph["slip"], alert)
            elif mark < left - 1:
                cells.fill(mark + 1, left - 1, self.glyph["slip"], style)
            cells.put(mark, self.glyph[row.outcome.verdict],
                      alert if row.outcome.verdict == "late" else "bold")
        elif row.state == "overdue" and self.shows(self.chart.as_of):
            now = self.column(self.chart.as_of)
            cells.fill(right + 1, now - 1, self.glyph["slip"], alert)
            cells.put(max(now, right + 1), self.glyph["overdue"], alert)

    def _legend(self) -> list[Text]:
        items = [f"{self.glyph[key]} {words}" for key, words in LEGEND]
        return [Text("")] + _wrap("   ".join(items), self.width, STYLES["note"], sep="   ")


def render(chart: Chart, width: int, ascii_only: bool = False) -> Text:
    """The chart as Rich Text lines of at most ``width`` cells (40 at the least)."""
    if not chart.rows:
        return Text("Nothing dated to draw.", style="italic")
    return Picture(chart, width, ascii_only).draw()


# --- text helpers -----------------------------------------------------------------------------


def _label(row: Row) -> str:
    return clean(row.label, one_line=True)


def _states(row: Row) -> list[str]:
    """The words at a row's right: its state, then the day of each revision."""
    words = [row.state]
    for window in row.windows[1:]:
        words.append(clean(window.label, one_line=True))
    return words


def _wrap(text: str, width: int, style: str, sep: str = " ") -> list[Text]:
    lines, line = [], ""
    for word in text.split(sep):
        candidate = f"{line}{sep}{word}" if line else word
        if line and cell_len(candidate) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    lines.append(line)
    return [Text(piece, style=style) for chunk in lines for piece in _wrap_cells(chunk, width)]


def _wrap_cells(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` cells: at spaces where it can, anywhere if not."""
    lines, line = [], ""
    for word in text.split(" "):
        candidate = f"{line} {word}" if line else word
        if cell_len(candidate) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        line = ""
        for char in word:  # a word longer than the line is split where it must be
            if cell_len(line + char) > width:
                lines.append(line)
                line = ""
            line += char
    lines.append(line)
    return [line for line in lines if line] or [""]
