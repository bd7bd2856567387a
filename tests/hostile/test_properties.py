"""Property tests: no input crashes briefcli, no text from data reaches the output raw."""

from __future__ import annotations

import io
import re

import pytest
from fuzzing import fuzz
from hypothesis import example, given
from hypothesis import strategies as st

from briefcli.console import Terminal
from briefcli.render import FORMATS, FormatError, render
from briefcli.render.view import Column, Document, Fields, Listing, Paragraph, Section
from briefcli.text import UNSAFE

# Any character, with the invisible and reordering ones drawn far more often than chance would.
INVISIBLE = (
    "\u200b\u200c\u200d\u200e\u200f\u061c\ufeff\xad\U000e0001\U000e0041\u3164\ufe0f\u2066"
    "\u202e"
)
# UTF-8 text, as a dataset is: any character but a lone surrogate. (Not codec="utf-8", the
# same characters, which Hypothesis finds by encoding every code point, 2.5 s of CPU in each
# worker of a first run; text()'s own default alphabet is that one.)
UTF8 = st.characters(exclude_categories=["Cs"])
texts = st.text(alphabet=st.one_of(UTF8, st.sampled_from(INVISIBLE)),
                max_size=200)

FRAGMENTS = [
    "dataset:", "sources:", "people:", "quotes:", "steps:", "- ", "  ", "\n", ": ", "id: a",
    "[", "]", "{", "}", ",", "&a ", "*a", "!!str ", "? ", "|", ">", "#", "'", '"', "~",
    "title: T", "as_of: 2018-01-01", "when: before mid-January 2018", "---", "...", "\t",
    "%YAML 1.1", "NO", "1:30", "\\x1b", "é", "\u202e", "\x00", "\x1b", "\x85",
]

yamlish = st.lists(st.sampled_from(FRAGMENTS), max_size=40).map(lambda parts: "".join(parts))
datasets = st.one_of(
    st.binary(max_size=600),
    st.text(UTF8, max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass")),
    yamlish.map(lambda t: t.encode("utf-8")),
)
PROBLEM_LINE = re.compile(r"^(.+?)(:\d+(:\d+)?)?: \S")


@pytest.mark.slow
@fuzz(150)
@given(raw=datasets)
@example(raw=b"{}")  # an empty mapping: no section to place a problem in
# Refusals that random bytes reach only now and then, tried every run:
@example(raw=b"title: !x T\n")  # a tag
@example(raw=b"people: []\n---\nquotes: []\n")  # two documents
@example(raw=b"people: x\n")  # a section that is not a list
@example(raw=b"peple: []\n")  # an unknown section
@example(raw=b"people:\n  - [a]\n  - {b: c}\n")  # containers inside a list
@example(raw=b"- a\n- b\n")  # a list at the top
@example(raw=b"~: a\n")  # an empty key
@example(raw=b"# nothing else\n")  # no document
def test_any_bytes_load_or_fail_with_a_message(cli, tmp_path, raw):
    path = tmp_path / "data.yaml"
    path.write_bytes(raw)
    result = cli("--data", str(path), "people", "--json")
    assert result.exit_code in (0, 1), result.output
    if result.exception is not None:
        assert isinstance(result.exception, SystemExit), repr(result.exception)
    if result.exit_code == 1:
        lines = result.stderr.splitlines()
        assert lines, "an error needs a message"
        assert all(PROBLEM_LINE.match(line) or line.startswith("and ") for line in lines)
        assert str(path) in lines[0]
        assert result.stdout == ""


def _views(text: str):
    record = {"id": "x", "name": text, "text": text}
    columns = [Column("Name", lambda r: r["name"]), Column("Text", lambda r: r["text"], wide=True)]
    yield Listing("things", [record], columns, title=text, caption=text)
    yield Listing("things", [record], columns, title=text, layout="cards")
    yield Document("doc", text, {"t": text}, [
        Section(text, [Paragraph(text), Paragraph(text, "quote"), Fields([(text, text)]),
                       Listing("inner", [record], columns)]),
    ], subtitle=text)


@fuzz(100, share=1 / 4)
@given(text=texts)
@example(text="\U000e0041\u202e")  # beyond U+FFFF: a JSON escape as a surrogate pair
def test_rendering_lets_no_control_character_through(text):
    for view in _views(text):
        for fmt in FORMATS:
            buffer = io.StringIO()
            try:
                render(view, fmt, Terminal(file=buffer, width=60))
            except FormatError:
                continue
            out = buffer.getvalue()
            leaked = UNSAFE.search(out)
            assert leaked is None, f"{fmt}: {leaked.group()!r} in {out!r}"


def _dataset_with(text: str):
    """The minimal test dataset, loaded, with ``text`` put into every kind of field an export shows."""
    from pathlib import Path

    from briefcli.load import load
    from briefcli.store import Data

    folder = Path(__file__).resolve().parents[1] / "data" / "valid"
    plain, warnings, files = load([str(folder / "minimal.yaml")])
    plain["dataset"] = {**plain["dataset"], "title": text, "summary": text}
    plain["people"] = [{**plain["people"][0], "name": text, "spellings": [text]}]
    plain["places"] = [{**plain["places"][0], "name": text}]
    plain["events"] = [{**plain["events"][0], "name": text, "about": text}]
    plain["quotes"] = [{**plain["quotes"][0], "context": text}]
    when = {**plain["steps"][0]["when"], "text": text}
    plain["steps"] = [{**plain["steps"][0], "what": text, "when": when}]
    plain["sources"] = [{**plain["sources"][0], "title": text, "url": text}]
    return Data(plain, files, warnings)


@fuzz(25, share=1 / 10)
@given(text=texts.filter(bool).map(lambda t: t[:80]))
def test_exports_let_no_control_character_through(text):
    from datetime import date

    from briefcli.export import EXPORTS, build

    data = _dataset_with(text)
    for name in EXPORTS:
        out = build(name, data, date(2018, 3, 12), "As of 2018-03-12")
        if name == "ics":
            out = out.replace("\r\n", "\n")  # iCalendar's own line ends
        leaked = UNSAFE.search(out)
        assert leaked is None, f"{name}: {leaked.group()!r} in {out!r}"


# C0 controls but tab, line feed and carriage return; DEL; C1 controls: refused in any file read.
CONTROLS = "".join(map(chr, [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20),
                             *range(0x7F, 0xA0)]))
# Their neighbours in UTF-8: characters that also start with C2, or share a byte with a control
NEIGHBOURS = "\t\n\r \x7e\xa0\xa9\xbf\xc2\xc3\u0100\u0142\u20ac\U0001f600"


@fuzz(300)
@given(text=st.text(alphabet=st.one_of(UTF8, st.sampled_from(CONTROLS),
                                       st.sampled_from(NEIGHBOURS)), max_size=60))
@example(text="ok\xa0\xc2\u0100")  # C2 A0, C3 82, C4 80: no control
@example(text="\ufeff\x85")  # after a byte-order mark, NEL (C2 85)
def test_a_control_character_is_refused_wherever_it_is_and_only_then(text):
    """Decoding a file refuses the first control character at its line and column, and
    nothing else, whatever surrounds it."""
    from briefcli.load.problems import DataError
    from briefcli.load.yamlread import decode

    body = text.removeprefix("\ufeff")
    first = next((i for i, char in enumerate(body) if char in CONTROLS), None)
    try:
        assert decode(text.encode("utf-8"), "x.yaml") == body
        assert first is None
    except DataError as exc:
        assert first is not None, exc
        before = body[:first].split("\n")
        [problem] = exc.problems
        assert (problem.line, problem.message) == (
            len(before), f"control character U+{ord(body[first]):04X} is not allowed")
