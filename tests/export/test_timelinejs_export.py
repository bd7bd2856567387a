"""The TimelineJS export, checked against the rules of TimelineJS3's "JSON data format" page.

The rules, from that documentation: the top level is an object with ``events`` (required, a list
of slides), and optionally ``title`` (a slide), ``eras`` and ``scale`` ('human' or
'cosmological'). A slide has ``start_date`` (required except on the title slide), and optionally
``end_date``, ``text`` (``headline`` and ``text``, both HTML), ``media``, ``group`` (any text),
``display_date`` (a string), ``background``, ``autolink`` (true or false) and ``unique_id``.
A date object has ``year`` (required, a number), and optionally ``month`` (1-12), ``day``,
``hour`` (0-23), ``minute`` and ``second`` (0-59), ``millisecond``, ``display_date``.
"""

from __future__ import annotations

import calendar
import json
from datetime import date
from pathlib import Path

import html5lib
import pytest

from briefcli.text import clean

TOP = {"events", "title", "eras", "scale"}
SLIDE = {"start_date", "end_date", "text", "media", "group", "display_date", "background",
         "autolink", "unique_id"}
DATE = {"year", "month", "day", "hour", "minute", "second", "millisecond", "display_date"}
ALLOWED_TAGS = {"p", "blockquote", "a"}


def check_date(value) -> tuple:
    assert isinstance(value, dict) and set(value) <= DATE, value
    assert isinstance(value["year"], int) and not isinstance(value["year"], bool)
    for name in ("month", "day", "hour", "minute", "second", "millisecond"):
        assert name not in value or isinstance(value[name], int), value
    # Precise as far as it goes: a day needs a month, a month needs a year.
    assert "day" not in value or "month" in value, value
    if "month" in value:
        assert 1 <= value["month"] <= 12, value
    if "day" in value:
        assert 1 <= value["day"] <= calendar.monthrange(value["year"], value["month"])[1], value
    return (value["year"], value.get("month", 1), value.get("day", 1))


def check_html(fragment: str) -> str:
    """An HTML field: only our own few tags, links only to http(s); returns its text."""
    tree = html5lib.parseFragment(fragment, namespaceHTMLElements=False)
    for element in tree.iter():
        if element.tag == "DOCUMENT_FRAGMENT":
            continue
        assert element.tag in ALLOWED_TAGS, element.tag
        assert set(element.attrib) <= {"href", "rel"}, element.attrib
        if element.tag == "a":
            assert element.get("href").startswith(("http://", "https://"))
    return "".join(tree.itertext())


def check_slide(slide: dict, title: bool = False) -> None:
    assert set(slide) <= SLIDE, set(slide) - SLIDE
    if title:
        assert "start_date" not in slide
    else:
        assert "start_date" in slide, "start_date is required except on the title slide"
        start = check_date(slide["start_date"])
        if "end_date" in slide:
            assert check_date(slide["end_date"]) >= start
    if "text" in slide:
        assert set(slide["text"]) <= {"headline", "text"}
        for value in slide["text"].values():
            assert isinstance(value, str)
            check_html(value)
    for name in ("group", "display_date", "unique_id"):
        assert name not in slide or isinstance(slide[name], str)
    if "display_date" in slide:
        check_html(slide["display_date"])
    assert slide.get("autolink") is False  # our choice: data never becomes a link by itself


def check_timeline(doc: dict) -> None:
    assert isinstance(doc, dict) and set(doc) <= TOP
    assert isinstance(doc["events"], list) and doc["events"]
    assert doc.get("scale", "human") in ("human", "cosmological")
    if "title" in doc:
        check_slide(doc["title"], title=True)
    for slide in doc["events"]:
        check_slide(slide)
    ids = [s["unique_id"] for s in doc["events"]] + [doc.get("title", {}).get("unique_id")]
    assert len(ids) == len(set(ids))


@pytest.fixture
def timeline(export):
    doc = json.loads(export("timelinejs"))
    check_timeline(doc)
    return doc


def test_timelinejs_follows_the_documented_rules(timeline):
    assert timeline["scale"] == "human"


def test_timelinejs_dates_as_precise_as_known(timeline):
    got = [
        (s["unique_id"], s["group"], s["start_date"], s.get("end_date"), s["display_date"])
        for s in timeline["events"]
    ]
    assert got == [
        ("event-stocktaking-meeting", "Events", {"year": 2017, "month": 12, "day": 4},
         {"year": 2017, "month": 12, "day": 6}, "three-day meeting, ended Wednesday"),
        ("source-un-news-2017-12-07", "Sources", {"year": 2017, "month": 12, "day": 7}, None,
         "2017-12-07"),
        ("step-sg-report", "Steps", {"year": 2018, "month": 1, "day": 15}, None,
         "before mid-January 2018"),
        ("step-intergovernmental-negotiations", "Steps", {"year": 2018, "month": 2},
         {"year": 2018, "month": 7}, "expected to begin in February and conclude in July"),
        ("step-adoption-conference", "Steps", {"year": 2018, "month": 12}, None,
         "at the end of 2018"),
        ("quote-arbour-weave", "Quotes", {"year": 2017, "month": 12, "day": 6}, None,
         "Wednesday"),
        ("quote-lajcak-only-forum", "Quotes", {"year": 2017, "month": 12, "day": 6}, None,
         "Wednesday"),
        ("quote-lajcak-sovereignty", "Quotes", {"year": 2017, "month": 12, "day": 6}, None,
         "Wednesday"),
    ]


def test_timelinejs_title_and_texts(timeline):
    title = timeline["title"]["text"]
    assert title["headline"] == "Global Compact for Safe, Orderly and Regular Migration"
    assert "As of 2017-12-07 (the dataset's date)." in check_html(title["text"])
    quote = timeline["events"][-1]["text"]
    assert quote["headline"] == "Miroslav Lajčák"
    assert check_html(quote["text"]).startswith("“Member States will determine their own "
                                                "migration policies.”")


def test_timelinejs_steps_stand_as_of(export):
    doc = json.loads(export("timelinejs", "--as-of", "2018-03-01"))
    check_timeline(doc)
    texts = {s["unique_id"]: check_html(s["text"]["text"]) for s in doc["events"]}
    assert "On 2018-03-01: overdue, overdue by about 6 weeks." in texts["step-sg-report"]


def test_timelinejs_rules_reject_what_timelinejs_would(timeline):
    """The checker itself catches broken slides (so a pass above means something)."""
    bad = [
        {"start_date": {"year": "2018"}},
        {"start_date": {"year": 2018, "month": 13}},
        {"start_date": {"year": 2018, "day": 3}},
        {"start_date": {"year": 2018, "month": 2, "day": 30}},
        {"start_date": {"year": 2018, "month": 5}, "end_date": {"year": 2018, "month": 4}},
        {"text": {"headline": "no start"}},
        {"start_date": {"year": 2018}, "text": {"text": "<script>x</script>"}, "autolink": False},
        {"start_date": {"year": 2018}, "colour": "red"},
    ]
    for slide in bad:
        with pytest.raises(AssertionError):
            check_slide(slide)


def test_timelinejs_escapes_data_as_html(export):
    hostile = Path(__file__).parent / "data" / "hostile.yaml"
    doc = json.loads(export("timelinejs", data=hostile))
    check_timeline(doc)
    quote = next(s for s in doc["events"] if s["unique_id"] == "quote-q-direct")
    said = ("We <script>alert('quote')</script> say [link=file:///etc/passwd]this[/link] "
            "\x1b[31mloudly\x1b[0m \u202edesrever\u202c, in\u200bvis")
    assert check_html(quote["text"]["text"]).startswith(f"“{clean(said)}")
    assert date(2017, 12, 6) == date(*check_date(quote["start_date"]))
