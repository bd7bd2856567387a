"""Every listing command speaks every --format; one record type has one JSON shape everywhere."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from briefcli.cli.app import main
from briefcli.console import Terminal
from briefcli.render.csvout import render as render_csv
from briefcli.render.markdown import to_markdown
from briefcli.render.view import Column, Document, Listing, Paragraph, Section

SHIPPED = Path(__file__).resolve().parents[2] / "data" / "compact.yaml"
# Each listing's CSV header: stable snake_case names, a date as wording, earliest, latest.
WHEN = ["when", "when_earliest", "when_latest"]
LISTINGS = {
    "people": (["people"], ["name", "role", "quote_count", "direct_count", "partial_count",
                            "paraphrase_count"]),
    "quotes": (["quotes"], ["speaker_name", *WHEN, "kind", "source", "text", "context"]),
    "next": (["next"], [*WHEN, "distance", "status", "where_name", "by_name", "what"]),
    "timeline": (["timeline"], [*WHEN, "type", "where_name", "name"]),
    "search": (["search", "migration"], ["type", "field", "title", "passage"]),
    "topics": (["topics"], ["name", "quote_count"]),
    "sources": (["sources"], ["publisher", "published", "published_earliest",
                              "published_latest", "text_stored", "quote_count",
                              "quotes_verified", "title", "url"]),
}


@pytest.fixture
def run(capsys, monkeypatch):
    monkeypatch.delenv("BRIEFCLI_DATA", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")

    def invoke(*args: str) -> str:
        capsys.readouterr()
        code = main(["--data", str(SHIPPED), *args])
        out, err = capsys.readouterr()
        assert (code, err) == (0, ""), err
        return out

    return invoke


def records(run, args) -> list[dict]:
    value = json.loads(run(*args, "--json"))
    return value["steps"] if isinstance(value, dict) else value


@pytest.mark.parametrize("name", LISTINGS)
def test_csv_reads_back_one_record_per_row(run, name):
    args, headers = LISTINGS[name]
    rows = list(csv.reader(io.StringIO(run(*args, "--format", "csv"))))
    assert rows[0] == ["id", *headers]
    assert [row[0] for row in rows[1:]] == [r["id"] for r in records(run, args)]
    assert all(len(row) == len(rows[0]) for row in rows)
    # Where a column holds a field of the JSON record under the same name, the values agree;
    # a date's three columns are its wording and its two bounds.
    for row, record in zip(rows[1:], records(run, args), strict=True):
        for key, value in zip(rows[0], row, strict=True):
            field, _, bound = key.partition("_")
            if isinstance(record.get(field), dict) and bound in ("", "earliest", "latest"):
                assert value == (record[field][bound or "text"] or ""), key
            elif key in record and not isinstance(record[key], (list, dict)):
                expected = record[key]
                if isinstance(expected, bool):
                    expected = "yes" if expected else "no"
                assert value == ("" if expected is None else str(expected)), key


@pytest.mark.parametrize("name", LISTINGS)
def test_markdown_is_one_table_per_listing(run, name):
    args, headers = LISTINGS[name]
    tokens = MarkdownIt("commonmark").enable("table").parse(run(*args, "--format", "markdown"))
    types = [t.type for t in tokens]
    assert types.count("table_open") == 1
    assert types.count("tr_open") == 1 + len(records(run, args))


@pytest.mark.parametrize("name", LISTINGS)
def test_json_and_short_form_agree(run, name):
    args, _ = LISTINGS[name]
    assert run(*args, "--json") == run(*args, "--format", "json")
    assert run(*args, "--format", "table")


def test_one_json_shape_per_record_type(run):
    people = json.loads(run("people", "--json"))
    brief = json.loads(run("brief", "--json"))
    profile = json.loads(run("person", "lajcak", "--json"))
    quotes = json.loads(run("quotes", "--json"))
    steps = json.loads(run("next", "--json"))["steps"]
    timeline = json.loads(run("timeline", "--json"))

    def shape(items):
        shapes = {tuple(sorted(i)) for i in items}
        assert len(shapes) == 1, shapes
        return shapes.pop()

    person = shape(people)
    assert shape(brief["people"]) == person
    assert tuple(sorted(set(profile) - {"events", "quotes"})) == person
    assert shape(quotes) == shape(brief["key_quotes"]) == shape(profile["quotes"])
    assert shape(steps) == shape(brief["next_steps"])
    # A place is named the same way wherever it appears: its id in where, its name in where_name.
    assert shape(timeline) == ("id", "name", "status", "type", "when", "where", "where_name")
    adoption = [i for i in timeline if i["id"] == "adoption-conference"][0]
    assert (adoption["where"], adoption["where_name"]) == ("morocco", "Morocco")
    step = [s for s in steps if s["id"] == "adoption-conference"][0]
    assert (step["where"], step["where_name"]) == ("morocco", "Morocco")
    meeting = profile["events"][0]
    assert meeting["where"] == "puerto-vallarta"


def test_csv_joins_lists_with_semicolons():
    listing = Listing("things", [{"id": "a", "tags": ["x", "y; z"], "n": None}],
                      [Column("Tags", lambda r: r["tags"]), Column("N", lambda r: r["n"])])
    out = io.StringIO()
    render_csv(listing, Terminal(file=out))
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    # As documented: joined with '; ' (so an item holding '; ' cannot be told apart; the JSON
    # keeps the list), and a missing value is an empty cell.
    assert rows == [["id", "tags", "n"], ["a", "x; y; z", ""]]


@pytest.mark.parametrize("text, shown", [
    ("- not a list", "- not a list"),
    ("+ not a list", "+ not a list"),
    ("1. not a list", "1. not a list"),
    ("2017) not a list", "2017) not a list"),
    ("&lt;b&gt; stays as written", "&lt;b&gt; stays as written"),
])
def test_markdown_paragraph_starts_no_block(text, shown):
    doc = Document("d", "T", {}, [Section("S", [Paragraph(text), Paragraph(text, "quote")])])
    tokens = MarkdownIt("commonmark").parse(to_markdown(doc))
    assert not {t.type for t in tokens} & {"bullet_list_open", "ordered_list_open"}
    rendered = MarkdownIt("commonmark").render(to_markdown(doc))
    assert f"<p>{shown.replace('&', '&amp;')}</p>" in rendered


# Odd values for the writers: characters escaped in JSON, a number orjson refuses (so the
# standard library writes that batch), lists, nothing.
ODD = [{"id": "a\u202eb", "text": "\x1b[31m“red”\n", "n": 2 ** 70, "tags": []},
       {"id": "b", "text": "", "n": None, "tags": ["x", "y; z"], "nested": {"k": [1, {}]}}]


@pytest.mark.parametrize("batch", [1, 2, 3, 256])
def test_a_listing_written_a_batch_at_a_time_is_the_whole_json_and_csv(run, batch):
    """JSON and CSV of a listing are made and written a batch of records at a time: the same
    text as the whole listing written at once."""
    from briefcli.render import csvout, jsonout

    quotes = records(run, ["quotes"])
    for rows in (quotes, quotes[:1], ODD, quotes + ODD + quotes):
        assert "".join(jsonout._listed(rows, batch)) == jsonout.dumps(rows) + "\n"
        listing = Listing("things", rows, [Column("Text", lambda r: r["text"]),
                                           Column("Tags", lambda r: r.get("tags"))])
        whole = io.StringIO()
        writer = csv.writer(whole, lineterminator="\n")
        writer.writerows([csvout.header(listing), *(csvout.row(listing, r) for r in rows)])
        assert "".join(csvout._pieces(listing, batch)) == whole.getvalue()
    empty = Listing("things", [], [Column("Text", lambda r: r["text"])])
    assert "".join(csvout._pieces(empty, batch)) == "id,text\n"


@pytest.mark.parametrize("batch", [1, 2, 3, 1024])
def test_markdown_of_a_listing_written_a_batch_at_a_time_is_the_whole_text(run, batch):
    """A listing's Markdown is made and written a batch of lines at a time: the same text as
    to_markdown makes at once, blank lines at the end left out as it leaves them out."""
    import random

    from briefcli.render import markdown

    rng = random.Random(batch)
    for _ in range(300):
        lines = [rng.choice(["", "", "a", "| b |", "c\n", "\n", "_d_"])
                 for _ in range(rng.randint(0, 12))]
        assert "".join(markdown._joined(iter(lines), batch)) == \
            "\n".join(lines).rstrip("\n") + "\n", lines
    for args in (["quotes"], ["search", "migration"], ["search", "nothing at all"], ["people"]):
        out = run(*args, "--format", "markdown")
        assert out == markdown.to_markdown(markdown_view(args)), args


def markdown_view(args: list[str]):
    """The view a listing command renders, made as the command makes it."""
    from briefcli import dataset, query, views

    data = dataset.open([str(SHIPPED)])
    if args[0] == "quotes":
        return views.quotes(query.quotes(data))
    if args[0] == "people":
        return views.people(query.people(data))
    return views.search(query.search(data, args[1]), args[1])
