"""A dataset whose strings try HTML, script, Rich markup, terminal escapes and bidi overrides:
every export carries them as inert, visible text, checked by each format's own reader."""

from __future__ import annotations

import json
import re
from pathlib import Path

import html5lib
import pytest
import vobject
from markdown_it import MarkdownIt

from briefcli.text import clean

HOSTILE = Path(__file__).parent / "data" / "hostile.yaml"
QUOTE = ("We <script>alert('quote')</script> say [link=file:///etc/passwd]this[/link] "
         "\x1b[31mloudly\x1b[0m \u202edesrever\u202c, in\u200bvis\u200e\u200f\u061c\ufeffi\u00adble "
         "\U000e0041\U000e0042 \u3164.")
NAME = "Mallory \x1b[31m<b>Red</b>\x1b[0m \u202eyrollaM\u200b\U000e0001"
STEP = "Report <a href=\"javascript:alert(1)\">click</a> \x1b[1mdue\x1b[0m"
PLACE = "Place\nBEGIN:VEVENT\nUID:injected"
# Raw control characters (but tab, newline and carriage return), DEL, C1, bidi controls, and
# the invisible characters of the hostile data: zero-width, marks, BOM, soft hyphen, tags, filler.
RAW_UNSAFE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029"
    "\u200b-\u200f\u061c\ufeff\xad\U000e0000-\U000e007f\u3164]"
)


@pytest.fixture
def exported(export):
    return lambda fmt: export(fmt, data=HOSTILE)


@pytest.mark.parametrize("fmt", ["markdown", "html", "ics", "jsonld", "timelinejs"])
def test_no_raw_control_or_bidi_character_in_any_export(exported, fmt):
    text = exported(fmt)
    assert RAW_UNSAFE.search(text) is None


def test_markdown_hostile_stays_text(exported):
    tokens = MarkdownIt("commonmark").enable("table").parse(exported("markdown"))
    kinds = {t.type for t in tokens} | {c.type for t in tokens for c in t.children or []}
    assert not kinds & {"html_block", "html_inline", "link_open", "image", "ordered_list_open",
                        "code_block", "fence", "hr"}
    # The one list is ours (the summary's facts); '- not a list' in the summary made none.
    assert [t.type for t in tokens].count("bullet_list_open") == 1
    html = MarkdownIt("commonmark").enable("table").render(exported("markdown"))
    tree = html5lib.parseFragment(html, namespaceHTMLElements=False)
    tags = {e.tag for e in tree.iter()} - {"DOCUMENT_FRAGMENT"}
    assert tags <= {"h1", "h2", "p", "em", "strong", "ul", "li", "table", "thead", "tbody",
                    "tr", "th", "td"}
    text = " ".join("".join(tree.itertext()).split())
    assert clean(QUOTE) in text and clean(NAME) in text
    assert "- Summary <img src=x onerror=alert(1)>" in text
    assert "# not a heading - not a list" in text


def test_html_hostile_stays_text(exported):
    tree = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(
        exported("html")
    )
    assert not {e.tag for e in tree.iter()} & {"script", "img", "iframe", "i", "object"}
    # The only links are ours, from one part of the page to another (a quote to its speaker,
    # a chart row to its card), made from ids, never from text.
    ids = {e.get("id") for e in tree.iter() if e.get("id")}
    links = [e for e in tree.iter() if e.tag.rpartition("}")[2] == "a"]
    assert links and all(a.get("href", "")[1:] in ids and a.get("href")[0] == "#" for a in links)
    assert list(tree.iter("style")) == [tree.find("head/style")]
    for bold in tree.iter("b"):  # our bold names hold only text, or one link of ours
        assert [child.tag for child in bold] in ([], ["a"])
        assert all(len(child) == 0 for child in bold)
    assert [q for q in tree.iter("blockquote")][0].text == f"\u201c{clean(QUOTE)}\u201d"
    assert tree.find("body//h1").text == clean(
        "<script>alert('title')</script> [link=file:///etc/passwd]Compact[/link] \x1b[2J"
    )
    assert "javascript:" not in "".join(str(e.attrib) for e in tree.iter())


def test_ics_hostile_stays_text(exported):
    text = exported("ics")
    calendar = vobject.readOne(text)
    assert len(calendar.vevent_list) == 3  # the place's "BEGIN:VEVENT" made no event
    assert text.split("\r\n").count("BEGIN:VEVENT") == 3
    meeting, report, talks = calendar.vevent_list
    assert meeting.location.value == PLACE
    assert report.summary.value == clean(STEP)
    assert talks.summary.value == "Talks; with, separators\\n and \\u2028line"
    assert calendar.x_wr_calname.value == clean(
        "<script>alert('title')</script> [link=file:///etc/passwd]Compact[/link] \x1b[2J"
    )
    assert "With: " + clean(NAME) + " (speaker)" in meeting.description.value


def test_jsonld_hostile_stays_text(exported):
    text = exported("jsonld")
    assert "<" not in text and ">" not in text
    graph = {n["@id"]: n for n in json.loads(text)["@graph"]}
    assert graph["_:quote.q-direct"]["text"] == clean(QUOTE)
    assert graph["_:person.mallory"]["name"] == clean(NAME)
    assert "url" not in graph["_:source.hostile-source"]  # a javascript: URL is no url


def test_timelinejs_hostile_stays_text(exported):
    doc = json.loads(exported("timelinejs"))
    for slide in [doc["title"], *doc["events"]]:
        for field in [*slide.get("text", {}).values(), slide.get("display_date", "")]:
            tree = html5lib.parseFragment(field, namespaceHTMLElements=False)
            tags = {e.tag for e in tree.iter()} - {"DOCUMENT_FRAGMENT"}
            assert tags <= {"p", "blockquote"}, tags
    step = next(s for s in doc["events"] if s["unique_id"] == "step-step-open")
    tree = html5lib.parseFragment(step["text"]["headline"], namespaceHTMLElements=False)
    assert "".join(tree.itertext()) == clean(STEP)
