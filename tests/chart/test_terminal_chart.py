"""timeline --chart: the picture in the terminal, read back column by column."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from locations import DATA as SHIPPED

HERE = Path(__file__).parent
PROCESS = HERE / "data" / "process.yaml"
HOSTILE = HERE.parent / "export" / "data" / "hostile.yaml"
# The test process' axis, worked out by hand: from January 2018 (the kick-off, the 10th) to
# April 2019 (the as-of day is 2019-03-01 and "from October 2018" is open, so a month more).
AXIS_START, AXIS_END = date(2018, 1, 1), date(2019, 4, 30)
RULE = re.compile(r"^( *)([─┬]+)$")


def chart(cli, *args, width=80, data=PROCESS, env=None):
    result = cli("--data", str(data), "timeline", "--chart", *args, width=width, env=env)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def axis(lines: list[str]) -> tuple[int, int]:
    """Where the plot starts and how wide it is, read from the axis rule."""
    found = [RULE.match(line) for line in lines]
    rule = next(m for m in found if m)
    return len(rule.group(1)), len(rule.group(2))


def expected_column(day: date, width: int) -> int:
    days = (AXIS_END - AXIS_START).days + 1
    return min(int((day - AXIS_START).days / days * width), width - 1)


def band(lines: list[str], label: str, stacked: bool) -> str:
    """The line that holds the first band of the row labelled ``label``."""
    index = next(i for i, line in enumerate(lines) if line.startswith(label))
    return lines[index + 1] if stacked else lines[index]


@pytest.mark.parametrize("width", [80, 200])
def test_columns_follow_the_dates(cli, width):
    lines = chart(cli, width=width).splitlines()
    origin, plot = axis(lines)
    stacked = width < 120

    def at(day: date) -> int:
        return origin + expected_column(day, plot)

    talks = band(lines, "The talks", stacked)
    assert talks.index("▓") == at(date(2018, 2, 1))
    assert talks.rindex("▓") == at(date(2018, 7, 31))
    assert talks.index("✗") == at(date(2018, 9, 20))  # the late outcome
    assert set(talks[at(date(2018, 7, 31)) + 1:at(date(2018, 9, 20))]) == {"┄"}
    summit = band(lines, "Summit", stacked)
    assert summit.index("█") == at(date(2018, 6, 4))
    assert summit.rindex("█") == at(date(2018, 6, 6))
    # The as-of day: the overdue step's '!' and the line through the other rows.
    assert band(lines, "The treaty", stacked).index("!") == at(date(2019, 3, 1))
    assert band(lines, "Summit", stacked).index("│") == at(date(2019, 3, 1))
    assert all(len(line) <= width for line in lines)


def test_each_row_says_its_state_in_words(cli):
    """Late and overdue are words and shapes, not colour alone."""
    lines = chart(cli, width=200).splitlines()
    states = {line.split()[1]: line.split()[-1] for line in lines if line.startswith("The ")}
    assert states == {"treaty": "overdue", "report": "time", "talks": "late", "review": "due",
                      "plan": "early"}


def test_shapes_tell_precision_and_open_ends(cli):
    lines = chart(cli, width=200).splitlines()
    assert set(band(lines, "The treaty", False).split()[2]) == {"▒", "┄", "!"}  # a year
    report = band(lines, "The report", False)  # open start, then known to the day
    assert re.search(r"░+●░+█", report)
    assert re.search(r"▓░+", band(lines, "The review", False))  # open end
    assert re.search(r"●┄+▓+", band(lines, "The plan", False))  # done before the window
    assert lines[-1] == "Not drawn, as they have no date: Informal consultations"


@pytest.mark.parametrize("width", [80, 200])
def test_shipped_chart_exact(cli, expected, width):
    out = chart(cli, "--as-of", "2018-03-01", width=width, data=SHIPPED)
    assert out == expected(f"timeline-chart-{width}", out)


def test_ascii_chart_is_ascii_and_exact(cli, expected):
    out = chart(cli, "--ascii", "--as-of", "2018-03-01", data=SHIPPED)
    assert out.isascii()
    assert out == expected("timeline-chart-ascii-80", out)


def test_labels_are_wrapped_never_cut(cli):
    for width in (40, 80, 120, 200):
        lines = chart(cli, width=width, data=SHIPPED).splitlines()
        assert all(len(line) <= width for line in lines)
        words = " ".join(lines).split()
        for label in ("Presentation of the Global Compact for adoption at an intergovernmental "
                      "conference on international migration").split():
            assert label in words


def test_range_narrows_the_axis(cli):
    lines = chart(cli, "--from", "2018-05-01", "--to", "2018-08-31", width=80).splitlines()
    labelled = [line for line in lines if line.startswith(("The ", "Summit", "Kick"))]
    assert [line.split()[1] for line in labelled if line.startswith("The ")] == ["treaty", "talks"]
    assert any(line.startswith("Summit") for line in labelled)
    assert "Jan 2018" not in "\n".join(lines)


def test_chart_refuses_a_format(cli):
    result = cli("timeline", "--chart", "--json")
    assert result.exit_code == 2
    assert "--chart draws a picture" in result.stderr


def test_hostile_names_stay_text(cli):
    out = chart(cli, width=80, data=HOSTILE)  # stacked: a label's lines follow each other
    assert "\x1b" not in out and "\x07" not in out
    flowed = " ".join(out.split())
    assert '<a href="javascript:alert(1)">click</a> \\x1b[1mdue\\x1b[0m' in flowed


def test_hostile_names_stay_text_in_colour(cli):
    """With colour on, the only escapes are the chart's own styles: no link, no title."""
    out = chart(cli, width=120, data=HOSTILE, env={"NO_COLOR": "", "FORCE_COLOR": "1",
                                                   "TERM": "xterm-256color"})
    sequences = set(re.findall(r"\x1b[^m]*m?", out))
    assert sequences and all(re.fullmatch(r"\x1b\[[0-9;]*m", s) for s in sequences)
    assert "\\x1b[1mdue" in out


TALKS = HERE.parent / "process" / "data" / "talks"


def test_each_revision_is_a_band_under_the_first(cli):
    """The second round, promised for early April, moved on 20 March to late April, held on
    23-25 April: two bands, the later one labelled with the day it moved, the cross on it."""
    lines = chart(cli, width=80, data=TALKS).splitlines()
    at = lines.index(next(line for line in lines if line.startswith("The second round")))
    assert lines[at].endswith(" late")
    first, moved = lines[at + 1], lines[at + 2]
    assert moved.endswith(" moved 2018-03-20")
    assert first.rindex("█") < moved.index("█") <= first.index("✗") <= moved.rindex("█")
    before = chart(cli, "--as-of", "2018-03-19", width=80, data=TALKS).splitlines()
    at = before.index(next(line for line in before if line.startswith("The second round")))
    assert before[at].endswith(" ahead") and "moved" not in "\n".join(before)
    assert "█" in before[at + 1] and not before[at + 2].startswith("  ")


def test_dates_at_the_ends_of_the_calendar(cli):
    """Years 1 and 9999, open outward: the axis stops at what a date can hold, ticks thin out
    to one every few thousand years, and nothing is cut."""
    lines = chart(cli, width=80, data=HERE / "data" / "extremes.yaml").splitlines()
    assert lines[3].split()[:2] == ["Jan", "1"]
    assert all(len(line) <= 80 for line in lines)
    assert [line.split()[0] for line in lines if line.endswith(("held", "ahead", "overdue"))] == [
        "Early", "Never", "Forever", "Late"]


def test_nothing_dated(cli, tmp_path):
    data = tmp_path / "empty.yaml"
    data.write_text(PROCESS.read_text(encoding="utf-8").split("\nevents:")[0] + "\n",
                    encoding="utf-8")
    assert chart(cli, data=data).splitlines()[-1] == "Nothing dated to draw."


def test_a_dropped_step_with_an_outcome(cli):
    """Called off after its window: the state says dropped, the outcome is a plain mark."""
    lines = chart(cli, width=80, data=HERE / "data" / "dropped.yaml").splitlines()
    at = lines.index(next(line for line in lines if line.startswith("Something")))
    assert lines[at].endswith(" dropped")
    assert re.search(r"▓+┄+●", lines[at + 1])
