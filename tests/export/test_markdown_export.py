"""The Markdown briefing, read back by markdown-it-py (CommonMark with GFM tables)."""

from __future__ import annotations

from pathlib import Path

import plainyaml
from markdown_it import MarkdownIt

SHIPPED = Path(__file__).resolve().parents[2] / "data" / "compact.yaml"

SECTIONS = ["Summary", "Who's who", "Quotes (11)", "Timeline", "What comes next", "Sources"]


def inline_text(token) -> str:
    parts = []
    for child in token.children or []:
        if child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type in ("text", "text_special", "code_inline", "html_inline"):
            parts.append(child.content)
    return "".join(parts)


def read(text: str) -> dict:
    """Headings, tables (rows of cell texts, header first) and every token type used."""
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    headings, tables, types = [], [], set()
    row = None
    for index, token in enumerate(tokens):
        types.add(token.type)
        for child in token.children or []:
            types.add(child.type)
        if token.type == "heading_open":
            headings.append((token.tag, inline_text(tokens[index + 1])))
        elif token.type == "table_open":
            tables.append([])
        elif token.type == "tr_open":
            row = []
            tables[-1].append(row)
        elif token.type in ("th_open", "td_open"):
            row.append(inline_text(tokens[index + 1]))
    return {"headings": headings, "tables": tables, "types": types}


def test_markdown_whole_output(export, expected):
    text = export("markdown")
    assert text == expected("briefing.md", text)


def test_markdown_headings_and_tables(export):
    doc = read(export("markdown"))
    assert doc["headings"] == [("h1", "Global Compact for Safe, Orderly and Regular Migration")] + [
        ("h2", s) for s in SECTIONS
    ]
    headers = [table[0] for table in doc["tables"]]
    assert headers == [
        ["Name", "Role", "Country", "Quotes"],
        ["Speaker", "When", "Kind", "Source", "Quote", "Context"],
        ["When", "Type", "Where", "What"],
        ["When", "How far off", "Status", "Where", "By", "Next step"],
        ["Publisher", "Published", "Text", "Quotes", "Verified", "Title", "URL"],
    ]
    assert [len(table) - 1 for table in doc["tables"]] == [4, 11, 5, 3, 1]
    assert not doc["types"] & {"html_block", "html_inline", "link_open", "image"}


def test_markdown_every_quote_word_for_word_with_speaker_date_source(export):
    dataset = plainyaml.load(SHIPPED.read_text(encoding="utf-8"))
    names = {p["id"]: p["name"] for p in dataset["people"]}
    quotes_table = read(export("markdown"))["tables"][1]
    rows = {row[4]: row for row in quotes_table[1:]}
    for quote in dataset["quotes"]:
        words = " ".join(quote["text"].split())
        # quoted words in quotation marks; a paraphrase said to be one
        row = rows[f"(paraphrase) {words}" if quote["kind"] == "paraphrase" else f"“{words}”"]
        assert row[0] == names[quote["speaker"]]
        assert row[1] == "Wednesday (2017-12-06)"
        assert row[2] == quote["kind"]
        assert row[3] == "UN News, 2017-12-07"


def test_markdown_as_of_before_the_quotes(export):
    doc = read(export("markdown", "--as-of", "2017-12-05"))
    assert ("h2", "Quotes (0)") in doc["headings"]
    assert "No quotes said by 2017-12-05." in export("markdown", "--as-of", "2017-12-05")
