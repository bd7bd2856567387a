"""The draft's YAML writer: whatever the text, the loader reads back exactly the same text."""

import pytest

from briefcli.extract.yamlout import Mapping, Section, dump
from briefcli.load.yamlread import parse

TEXTS = [
    "plain words",
    "a colon: inside",
    "a hash # inside",
    "ends with a colon:",
    "- starts like a list item",
    "“curly quotes” and ‘single’ ones",
    '"straight quotes"',
    "'single straight'",
    "null",
    "~",
    "2017-12-06",
    "yes",
    "1.10",
    "[bold]markup[/bold] and {braces}",
    "  leading and trailing spaces  ",
    "two  spaces inside a long sentence that is long enough to need more than one line of YAML " * 2,
    "a long sentence that folds across several lines without changing a single character of it " * 3,
    "bidi \u202e override and \u2066 isolate and line\u2028separator",
    "tab\there",
    "new\nline",
    "ends with a backslash \\",
    "émigré, Lajčák, Jürg, 日本語",
]


@pytest.mark.parametrize("text", TEXTS, ids=range(len(TEXTS)))
def test_text_comes_back_exactly(text):
    record = Mapping().add("id", "x").add("text", text, "guessed: a note # with a hash")
    out = dump(["header"], [Section("quotes", [record])])
    value, _ = parse(out, "draft.yaml")
    assert value == {"quotes": [{"id": "x", "text": text}]}
    for ch in "\u202e\u2066\u2028\t":
        assert ch not in out


def test_layout_of_records_lists_and_comments():
    role = Mapping().add("title", "Chair of the talks").add("organization", "un", "guessed: 'UN'")
    person = (
        Mapping()
        .add("id", "ortiz")
        .add("name", "Ana Ortiz")
        .add("spellings", ["Ana Ortiz"])
        .add("roles", [role])
        .add(None, note="a comment line")
    )
    info = Mapping().add("title", "T").add("as_of", "2018-03-12")
    out = dump(["first", "second"], [Section("dataset", info), Section("people", [person], ["above"], ["below"])])
    assert out == (
        "# first\n# second\n\n"
        "dataset:\n  title: T\n  as_of: 2018-03-12\n\n"
        "# above\n"
        "people:\n"
        "  - id: ortiz\n"
        "    name: Ana Ortiz\n"
        "    spellings: [Ana Ortiz]\n"
        "    roles:\n"
        "      - title: Chair of the talks\n"
        "        organization: un  # guessed: 'UN'\n"
        "    # a comment line\n"
        "  # below\n"
    )
    assert parse(out, "d.yaml")[0]["people"][0]["roles"] == [{"title": "Chair of the talks", "organization": "un"}]
