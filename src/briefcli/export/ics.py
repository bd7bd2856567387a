"""An iCalendar file: one all-day event per dated event and step.

* Days are DATE values and DTEND is exclusive (RFC 5545 3.6.1): an event on 6 December has
  DTSTART 20171206 and DTEND 20171207; a span (4 to 6 December) is one multi-day event.
* A fuzzy date is shown over its bounds ('at the end of 2018' covers 1-31 December 2018) and
  its wording opens the DESCRIPTION. Events are TRANSPARENT: they do not mark anyone busy.
* An open bound is not guessed: 'before mid-January 2018' (no earliest day) becomes a one-day
  event on its latest day, 10 January, and 'after March 2018' one on its earliest day; the
  description says so.
* UIDs come from the dataset's title and the record's kind and id, so importing a newer export
  of the same dataset updates the events instead of adding copies. DTSTAMP is the as-of day at
  midnight UTC, so the same data and day always give the same bytes.
* A step's STATUS follows its status (expected and postponed: TENTATIVE; cancelled: CANCELLED;
  otherwise CONFIRMED) and its description says how it stands on the as-of day, as ``next``
  does.
"""

from __future__ import annotations

import functools
import hashlib
from datetime import date, datetime, time, timedelta, timezone

from .. import __version__
from ..text import clean
from . import dates, sentences

STATUS = {
    "expected": "TENTATIVE",
    "scheduled": "CONFIRMED",
    "under way": "CONFIRMED",
    "done": "CONFIRMED",
    "postponed": "TENTATIVE",
    "cancelled": "CANCELLED",
}


@functools.cache
def _text_type():
    from icalendar import vText

    class Text(vText):
        """TEXT escaped as RFC 5545 (3.3.11) says and no more. icalendar's own escaping also
        reads a literal backslash-N in the value as a line break, which would change the data."""

        def to_ical(self) -> bytes:
            text = str(self).replace("\r\n", "\n").replace("\r", "\n")
            for raw, escaped in (("\\", "\\\\"), (";", "\\;"), (",", "\\,"), ("\n", "\\n")):
                text = text.replace(raw, escaped)
            return text.encode("utf-8")

    return Text


def text(value: str):
    """Data as an iCalendar TEXT value: cleaned of control and bidi characters, then escaped."""
    return _text_type()(clean(value))


def uid(title: str, kind: str, rid: str) -> str:
    """Stable across exports of the same dataset; ids are [a-z0-9._-], the title is hashed."""
    digest = hashlib.sha256(title.encode("utf-8")).hexdigest()[:16]
    return f"{kind}-{rid}.{digest}@briefcli"


def when_lines(when: dict) -> list[str]:
    first, last, open_bound = dates.calendar_days(when)
    lines = [f"When: {when['text']}"]
    if open_bound:
        side = "earliest" if when["earliest"] is None else "latest"
        lines.append(
            f"The source gives no {side} day; shown on the one day it does give, "
            f"{first.isoformat()}."
        )
    elif first != last:
        lines.append(f"From {first.isoformat()} to {last.isoformat()} (inclusive).")
    elif when["text"] != first.isoformat():
        lines.append(f"On {first.isoformat()}.")
    return lines


def source_lines(data, source_id: str) -> list[str]:
    line = sentences.source_line(data, source_id)
    if line is None:
        return []
    url = data.get(source_id).get("url")
    return [line] + ([url] if url else [])


def _event(data, title: str, kind: str, record: dict, summary: str, stamp: datetime, lines):
    from icalendar import Event

    when = record["when"]
    first, last, _ = dates.calendar_days(when)
    event = Event()
    event.add("uid", uid(title, kind, record["id"]))
    event.add("dtstamp", stamp)
    event.add("dtstart", first)
    event.add("dtend", last + timedelta(days=1))
    event.add("summary", text(summary))
    where = data.name(record.get("where"))
    if where:
        event.add("location", text(where))
    lines = [*when_lines(when), *lines, *source_lines(data, record["source"])]
    event.add("description", text("\n".join(lines)))
    event.add("transp", "TRANSPARENT")
    return event


def build(data, as_of: date, note: str) -> str:
    from icalendar import Calendar

    info = data.info
    title = info["title"]
    stamp = datetime.combine(as_of, time(0, 0), tzinfo=timezone.utc)
    calendar = Calendar()
    calendar.add("prodid", f"-//briefcli//briefcli {__version__}//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", text(title))
    calendar.add("x-wr-caldesc", text(f"{info['process']}. As of {as_of.isoformat()}."))
    for record in data.records("events"):
        if not record.get("when"):
            continue
        with_line = sentences.participants(data, record)
        lines = [line for line in (record.get("about"), with_line) if line]
        event = _event(data, title, "event", record, record["name"], stamp, lines)
        event.add("status", "CONFIRMED")
        event.add("categories", [clean(record["kind"])])
        calendar.add_component(event)
    for record in data.records("steps"):
        lines = [f"Status: {record['status']}", sentences.standing(record, as_of)]
        if record.get("by"):
            lines.append(f"By: {data.name(record['by'])}")
        outcome = record.get("outcome")
        if outcome:
            lines.append(f"Outcome: {outcome['what']}")
        event = _event(data, title, "step", record, record["what"], stamp, lines)
        event.add("status", STATUS[record["status"]])
        event.add("categories", ["step"])
        calendar.add_component(event)
    return calendar.to_ical().decode("utf-8")
