"""The iCalendar export, read back by icalendar and, independently, by vobject."""

from __future__ import annotations

import shutil
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
import vobject

SHIPPED = Path(__file__).resolve().parents[2] / "data" / "compact.yaml"
TITLE_HASH = "72ffa90ce0175976"  # sha256 of the shipped dataset's title, first 16 hex digits

# (uid, first day, exclusive end, summary, the wording that opens the description)
EVENTS = [
    (f"event-stocktaking-meeting.{TITLE_HASH}@briefcli", date(2017, 12, 4), date(2017, 12, 7),
     "Stocktaking meeting on the Global Compact on international migration",
     "When: three-day meeting, ended Wednesday"),
    (f"step-sg-report.{TITLE_HASH}@briefcli", date(2018, 1, 15), date(2018, 1, 16),
     "The Secretary-General's report on migration", "When: before mid-January 2018"),
    (f"step-intergovernmental-negotiations.{TITLE_HASH}@briefcli", date(2018, 2, 1),
     date(2018, 8, 1), "Intergovernmental negotiations on the Global Compact",
     "When: expected to begin in February and conclude in July"),
    (f"step-adoption-conference.{TITLE_HASH}@briefcli", date(2018, 12, 1), date(2019, 1, 1),
     "Presentation of the Global Compact for adoption at an intergovernmental conference on "
     "international migration", "When: at the end of 2018"),
]


def by_icalendar(text: str) -> list[tuple]:
    import icalendar  # (imported by the test worker that reads it back only: 0.1 s)

    calendar = icalendar.Calendar.from_ical(text)
    rows = []
    for event in calendar.walk("VEVENT"):
        start, end = event.decoded("dtstart"), event.decoded("dtend")
        # All-day: plain dates, never date-times.
        assert type(start) is date and type(end) is date
        assert event.decoded("dtstamp") == datetime(2017, 12, 7, tzinfo=timezone.utc)
        rows.append((str(event["uid"]), start, end, str(event["summary"]),
                     str(event["description"]).split("\n")[0]))
    return rows


def by_vobject(text: str) -> list[tuple]:
    calendar = vobject.readOne(text)
    rows = []
    for event in calendar.vevent_list:
        start, end = event.dtstart.value, event.dtend.value
        assert type(start) is date and type(end) is date
        rows.append((event.uid.value, start, end, event.summary.value,
                     event.description.value.split("\n")[0]))
    return rows


def test_ics_whole_output(export, expected):
    text = export("ics")
    assert text == expected("briefing.ics", text)


def test_ics_read_back_by_two_parsers(export):
    text = export("ics")
    assert by_icalendar(text) == EVENTS
    assert by_vobject(text) == EVENTS


def test_ics_lines_follow_rfc5545(export):
    text = export("ics")
    assert text.endswith("\r\n")
    lines = text.split("\r\n")[:-1]
    assert all("\n" not in line and "\r" not in line for line in lines)
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"


def test_ics_details(export):
    calendar = vobject.readOne(export("ics"))
    assert calendar.version.value == "2.0"
    assert calendar.x_wr_calname.value == "Global Compact for Safe, Orderly and Regular Migration"
    meeting, report, talks, adoption = calendar.vevent_list
    assert meeting.location.value == "Puerto Vallarta, Mexico"
    assert meeting.status.value == "CONFIRMED"
    assert "With: Juan José Gómez Camacho (co-chair); Jürg Lauber (co-chair)" in (
        meeting.description.value
    )
    assert report.status.value == "TENTATIVE"
    assert report.description.value.split("\n")[:4] == [
        "When: before mid-January 2018",
        "The source gives no earliest day; shown on the one day it does give, 2018-01-15.",
        "Status: expected",
        "On 2017-12-07: ahead, within about 6 weeks.",
    ]
    assert adoption.location.value == "Morocco"
    assert all(e.transp.value == "TRANSPARENT" for e in calendar.vevent_list)


def test_ics_is_reproducible_and_uids_are_stable(export, tmp_path):
    first = export("ics")
    assert export("ics") == first
    later = export("ics", "--as-of", "2018-03-01")
    assert [r[0] for r in by_vobject(later)] == [r[0] for r in by_vobject(first)]
    stamps = {e.dtstamp.value for e in vobject.readOne(later).vevent_list}
    assert stamps == {datetime(2018, 3, 1, tzinfo=timezone.utc)}

    # A newer edition of the dataset: same title, a later date, one more step. Re-importing
    # it updates the four events it shares with the first and adds one.
    newer = tmp_path / "compact.yaml"
    text = SHIPPED.read_text(encoding="utf-8").replace("as_of: 2017-12-07", "as_of: 2018-01-20")
    text += (
        "  - id: follow-up\n    what: A follow-up meeting\n    when: March 2018\n"
        "    source: un-news-2017-12-07\n"
    )
    newer.write_text(text, encoding="utf-8")
    shutil.copytree(SHIPPED.parent / "sources", tmp_path / "sources")
    uids = [r[0] for r in by_vobject(export("ics", data=newer))]
    assert uids == [r[0] for r in EVENTS] + [f"step-follow-up.{TITLE_HASH}@briefcli"]

    # Another dataset (another title) never collides with this one.
    other = tmp_path / "other.yaml"
    other_text = text.replace("title: Global Compact", "title: Another Compact", 1)
    other.write_text(other_text, encoding="utf-8")
    assert not set(r[0] for r in by_vobject(export("ics", data=other))) & set(uids)


@pytest.mark.parametrize("as_of, standing", [
    ("2017-12-07", ["ahead, within about 6 weeks", "ahead, in about 8 weeks",
                    "ahead, in about 12 months"]),
    ("2018-03-01", ["overdue, overdue by about 6 weeks",
                    "due, due now, until 2018-07-31 (about 5 months left)",
                    "ahead, in about 9 months"]),
])
def test_ics_step_standing_follows_as_of(export, as_of, standing):
    calendar = vobject.readOne(export("ics", "--as-of", as_of))
    lines = [
        next(line for line in e.description.value.split("\n") if line.startswith("On "))
        for e in calendar.vevent_list[1:]
    ]
    assert lines == [f"On {as_of}: {s}." for s in standing]
