"""The fast reader gives exactly what the strict reader gives: the same value, the same
position for every path, or the same error, for every input (issue 14, item 14)."""

from __future__ import annotations

import random

import pytest
from fuzzing import seeds

from briefcli.load import fastread, yamlread
from briefcli.load.problems import DataError

from .conftest import SHIPPED
from .test_pieces import agree

ABSENT = [("nope",), ("quotes", 10**6, "text"), ("dataset", "nope"), ("people", -1), ()]


def strict(text: str):
    """What the strict reader makes of ``text``: (value, positions, key positions), or its error."""
    return _strict(text)[0]


def _strict(text: str):
    """:func:`strict`'s answer, and the strict reader's positions (None after an error)."""
    try:
        value, positions = yamlread.parse(text, "t.yaml")
    except DataError as exc:
        return ("error", str(exc)), None
    return (value, positions.values, positions.keys), positions


def fast(text: str, paths=None, expected=None):
    """What the fast reader makes of ``text``, with the positions of ``paths`` (default: every
    path the strict reader placed) asked for one by one, as problems ask for them.
    ``expected``: :func:`strict`'s answer, if it was worked out already."""
    try:
        value, positions = fastread.parse(text, "t.yaml")
    except DataError as exc:
        return "error", str(exc)
    expected = strict(text) if expected is None else expected
    if expected[0] == "error":
        return value, {}, {}
    paths = list(expected[1]) if paths is None else paths
    values = {p: positions.of(p) for p in paths if p in expected[1]}
    keys = {p: positions.of(p, key=True) for p in paths if p in expected[2]}
    return value, values, keys


def same(text: str) -> None:
    if yamlread._CONTROL.search(text):  # refused as it is read: no reader ever sees it
        with pytest.raises(DataError):
            yamlread.decode(text.encode("utf-8"), "t.yaml")
        return
    expected, theirs = _strict(text)  # the strict reader is the slow one: it reads once
    assert fast(text, expected=expected) == expected, text
    # cut into pieces (of a record; of eight in a whole dataset), it reads the same, or a piece
    # is not read
    agree(text, 1 if len(text) < 2000 else 8)
    if expected[0] != "error":  # paths that are not there get their nearest placed ancestor,
        _, ours = fastread.parse(text, "t.yaml")  # asked of positions nothing was asked of yet
        for path in ABSENT:
            assert ours.of(path) == theirs.of(path), (text, path)


def test_shipped_dataset_goes_the_fast_way():
    text = SHIPPED.read_text(encoding="utf-8")
    assert fastread.compiled(text) is not None or not _has_compiled()
    same(text)


def test_generated_dataset(generated):
    text = generated.read_text(encoding="utf-8")
    assert fastread.compiled(text) is not None or not _has_compiled()
    same(text)


def test_positions_are_worked_out_one_record_at_a_time(generated):
    if not _has_compiled():
        pytest.skip("yaml-rs is not installed here")
    text = generated.read_text(encoding="utf-8")
    _, expected = yamlread.parse(text, "t")
    _, lazy = fastread.parse(text, "t")
    asked = [("quotes", 7, "text"), ("quotes", 7, "when", "date"), ("people", 3, "roles", 0),
             ("steps", 2), ("dataset", "as_of"), ("quotes", 999_999, "text"), ("nope",)]
    for path in asked:
        assert lazy.of(path) == expected.of(path)
        assert lazy.of(path, key=True) == expected.of(path, key=True)
    assert not lazy._whole  # the whole file was never read again
    assert {p for p in lazy._done if len(p) == 2} == {("quotes", 7), ("people", 3), ("steps", 2),
                                                      ("quotes", 999_999)}


def _has_compiled() -> bool:
    try:
        import yaml_rs  # noqa: F401
    except ImportError:
        return False
    return True


CASES = {
    "plain": "a: b\nc: d e f\n",
    "nested": "a:\n  b: 1\n  c:\n    - x\n    - y: 2\n      z: 3\n",
    "root sequence": "- a\n- b: c\n  d: e\n",
    "comments": "# top\na: b # after\n  # deeper comment\nc:   # empty then block\n  - d\n",
    "double quoted": 'a: "x: y # z"\nb: "tab\\tnew\\nline \\u00e9 \\x41 \\" \\\\ \\/"\n',
    "single quoted": "a: 'it''s: #1'\n",
    "folded": "a: >-\n  one\n  two\n\n  three\nb: x\n",
    "folded clip": "a: >\n  one\n  two\nb: x\n",
    "folded keep": "a: >+\n  one\n\n\nb: x\n",
    "folded then a blank line": "a: >\n  one\n  two\n\nb: x\n",
    "folded strip then blank lines": "summary: >-\n  one\n  two\n\n\nsteps: []\n",
    "folded with a blank first line": "a: >\n\n  one\nb: x\n",
    "folded more indented": "a: >\n  one\n    two\n  three\n",
    "literal": "a: |\n  one\n  two\n\n  three\nb: |-\n  x\n",
    "comment holding a tab": "a: b # one\ttwo\nc: d\n",
    "comment line holding a tab": "# one\ttwo\na: b\n",
    "tab after a value": "a: b\t\nc: d\n",
    "tab indent": "a:\n\tb: 1\n",
    "tab in value": "a: b\tc\n",
    "flow": "a: [x, y z, 1.10]\nb: {text: Wednesday, date: 2017-12-06}\nc: []\nd: {}\n",
    "unicode": "name: Miroslav Lajčák\nquote: “tough negotiations” — 😀\n",
    "yaml 1.1 words": "a: NO\nb: on\nc: 1:30\nd: 1.10\ne: 2017-12-07\nf: ~\ng: null\nh: y\n",
    "yaml 1.2 types": "a: 2018\nb: true\nc: 0x1F\nd: .inf\ne: -.5\nf: 0o14\ng: 1e3\nh: False\n",
    "octal and sexagesimal": "a: 012\nb: 190:20:30\nc: 0b101\n",
    "nulls": "a: ~\nb: null\nc: Null\nd: NULL\ne:\nf: ''\ng: 'null'\nh: nULL\n",
    "colons and hashes inside": "url: https://example.org/a#b\nt: a:b\n",
    "indent 4": "a:\n    b:\n        - c\n",
    "no final newline": "a: b\nc: d",
    "deep but allowed": "".join("  " * i + f"k{i}:\n" for i in range(63)) + "  " * 63 + "v: x\n",
    "duplicate key": "a: 1\nb: 2\na: 3\n",
    "duplicate key in record": "x:\n  - id: a\n    id: b\n",
    "duplicate flow key": "a: {b: 1, b: 2}\n",
    "duplicate key quoted": "a: 1\n'a': 2\n",
    "anchor": "a: &x 1\nb: *x\n",
    "alias only": "a: *x\n",
    "tag": "a: !!str 1\n",
    "local tag": "a: !foo bar\n",
    "non-specific tag": "a: ! 12\n",
    "tag on a mapping": "a: !!map\n  b: c\n",
    "anchor in flow": "a: [&x b, *x]\n",
    "ampersand in text": "a: Smith & Jones\nb: 'a *b* c'\nc: wow!\n",
    "multi-line plain": "a: one\n  two\n",
    "multi-line quoted": 'a: "one\n  two"\n',
    "multi-line single quoted": "a: 'one\n\n  two'\n",
    "empty value": "a:\nb: 1\n",
    "indentless sequence": "a:\n- x\n- y\n",
    "null key": "~: 1\n",
    "null key word": "null: 1\n",
    "number key": "1: a\n",
    "bool key": "true: a\n",
    "bad escape": 'a: "\\q"\n',
    "too deep": "".join("  " * i + f"k{i}:\n" for i in range(65)) + "  " * 65 + "v: x\n",
    "flow too deep": "a: " + "[" * 70 + "]" * 70 + "\n",
    "dashes too deep": "- " * 100_000 + "x\n",
    "flow very deep": "[" * 100_000,
    "two documents": "a: 1\n---\nb: 2\n",
    "document marker": "---\na: 1\n",
    "document end": "a: 1\n...\n",
    "scalar document": "just text\n",
    "empty": "   \n",
    "only a comment": "# nothing\n",
    "bad indentation": "a:\n  b: 1\n c: 2\n",
    "mapping in value": "a: b: c\n",
    "trailing colon": "a: b:\n",
    "block at end without newline": "a: >-\n  one",
    "explicit key": "? a\n: b\n",
    "complex key": "? [a, b]\n: c\n",
    "CRLF": "a: b\r\nc: d\r\n",
    "line separator": "a: b\u2028c\n",
    "NEL": "a: b\x85c\n",
    "nested flow": "a: [b, [c]]\n",
    "quoted in flow": "a: [\"b\", c]\n",
    "unclosed flow": "a: [b, c\n",
    "key with space": "a b: 1\n",
    "quoted key": '"a": 1\n',
    "dash value": "a: -1\n",
    "sequence in sequence": "- - a\n",
    "directive": "%YAML 1.2\n---\na: 1\n",
    "flow mapping multi-line": "a: {b: c,\n  d: e}\n",
    "plain with hash": "a: b#c\nd: e #f\n",
    "escaped line break": 'a: "one\\\n  two"\n',
    "spaces before colon": "a  : b\n",
    "json style": '{"a": "b", "c": ["d"]}\n',
}


@pytest.mark.parametrize("name", CASES)
def test_same_as_the_strict_reader(name):
    same(CASES[name])


def test_errors_are_the_strict_readers():
    assert fast("a: 1\na: 2\n") == ("error", "t.yaml:2:1: key 'a' is given twice (first on line 1)")
    assert fast("a: &x 1\n") == ("error", "t.yaml:1:4: anchors and aliases (& and *) are not allowed")
    assert fast("a: !!str 1\n")[1] == "t.yaml:1:4: tags ('tag:yaml.org,2002:str' here) are not allowed"


def test_typed_scalars_stay_text():
    value, _ = fastread.parse(CASES["yaml 1.2 types"], "t.yaml")
    assert value == {"a": "2018", "b": "true", "c": "0x1F", "d": ".inf", "e": "-.5", "f": "0o14",
                     "g": "1e3", "h": "False"}


def test_random_mutations_of_the_shipped_file():
    """Damaged copies of the shipped file: the fast path agrees with the strict reader on every
    one (same values and positions, or the same error)."""
    lines = SHIPPED.read_text(encoding="utf-8").splitlines(keepends=True)
    pieces = [":", " ", "#", "-", "'", '"', "[", "]", "{", "}", ",", ">", "|", "&", "*", "!",
              "\t", "  ", "\n", "x", "é", "\\", "~", "?", "12", "true", ">-\n", "|+\n"]
    rng = random.Random(2017)
    for _ in range(150):
        copy = list(lines)
        for _ in range(rng.randint(1, 3)):
            index = rng.randrange(len(copy))
            line = copy[index]
            action = rng.random()
            if action < 0.5:
                at = rng.randrange(len(line) + 1)
                copy[index] = line[:at] + rng.choice(pieces) + line[at:]
            elif action < 0.7 and len(line) > 1:
                at = rng.randrange(len(line) - 1)
                copy[index] = line[:at] + line[at + 1:]
            elif action < 0.85:
                copy.insert(index, line)
            else:
                copy[index] = "  " + line if rng.random() < 0.5 else line.lstrip(" ")
        same("".join(copy))


# Differential fuzz tests. The first writes datasets-like documents in every style the format
# uses (plain, quoted, folded and literal blocks with blank lines, flow lists and mappings,
# comments holding tabs), with text where readers tend to differ; the second builds texts
# line by line from pieces, most of them wrong. Both draw from a seeded random.Random, not from
# Hypothesis: its engine took about nine tenths of their time, and both readers a tenth.
PIECES = list("ab xy:#-'\"\\\t[]{},&*!|>?%@`~é“”") + [
    "  ", "\n", "\n\n", "12", "no", "null", "true", "word", "two words", "a: b", " #c"]
KEYS = ["id", "text", "when", "summary", "topics", "a-b", "x_1", "date"]
STYLES = ["plain", "single", "double", ">", ">-", "|", "|-", ">+"]
FLOW_WORDS = ["a", "b c", "12", "no", "x-y", "é"]


def _text(rng: random.Random) -> str:
    return "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 12)))


def _scalar(value: str, indent: int, style: str) -> str:
    pad = " " * (indent + 2)
    if style == "plain":
        return value
    if style == "single":
        return "'" + value.replace("'", "''") + "'"
    if style == "double":
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
    header = style
    lines = value.split("\n")
    return header + "".join("\n" + (pad + line if line.strip(" ") else line) for line in lines)


def document(rng: random.Random, indent: int = 0, depth: int = 0) -> str:
    """A block mapping at ``indent``, as text lines."""
    out = []
    pad = " " * indent
    for key in (rng.choice(KEYS) for _ in range(rng.randint(1, 4))):
        kind = rng.choice(["scalar", "scalar", "flow", "map", "seq", "comment"])
        if kind == "scalar" or depth >= 2 and kind in ("map", "seq"):
            out.append(f"{pad}{key}: {_scalar(_text(rng), indent, rng.choice(STYLES))}")
        elif kind == "flow":
            words = [rng.choice(FLOW_WORDS) for _ in range(rng.randint(0, 3))]
            if rng.random() < 0.5:
                out.append(f"{pad}{key}: [{', '.join(words)}]")
            else:
                out.append(f"{pad}{key}: {{{', '.join(f'k{i}: {w}' for i, w in enumerate(words))}}}")
        elif kind == "map":
            out.append(f"{pad}{key}:")
            out.append(document(rng, indent + 2, depth + 1))
        elif kind == "seq":
            out.append(f"{pad}{key}:")
            for _ in range(rng.randint(1, 2)):
                inner = document(rng, indent + 4, depth + 1)
                out.append(f"{pad}  - " + inner[indent + 4:])
        else:
            out.append(f"{pad}# " + _text(rng).replace("\n", " "))
            out.append(f"{pad}{key}: " + rng.choice(["x", "y #\tz", "~", ""]))
        if rng.randrange(5) == 0:
            out.append("")
    return "\n".join(out)


DOCUMENTS, LINES = 400, 400  # inputs of each test by default (chosen in tests/fuzzing.py)


def test_differential_fuzz_documents():
    for seed in seeds(DOCUMENTS):
        rng = random.Random(seed)
        same_or_say(seed, document(rng) + rng.choice(["\n", "", "\n\n"]))


WORDS = ("id", "text", "a", "b", "when", "summary", "x y", "12", "1.10", "NO", "on", "~", "null",
         "true", "2017-12-06", "é", "“q”", "a:b", "a #b", "", "'s'", '"d"', "-", "[a, b]",
         "{text: t, date: d}", "|", ">-", ">", "|+", "\t", "#\tc", "a\tb", "*", "&", "!", "?", ":")
# A line's parts: its indent, a dash or two, a key or none, a colon or none, a value or none, and
# what ends it.
OR_NONE = (None,) * len(WORDS) + WORDS  # no key (or value) half the time
PARTS = (range(7), ("", "- ", "- - "), OR_NONE, (False, True), OR_NONE, ("", " # c", " #\tc", "\t", "  "))


def _line(parts) -> str:
    indent, dash, key, colon, value, tail = parts
    out = " " * indent + dash
    if key is not None:
        out += key + (":" if colon else "")
    if value is not None:
        out += (" " if out and not out.endswith(" ") else "") + value
    return out + tail


def random_lines(rng: random.Random) -> list[tuple]:
    """One to twelve lines' parts. As Hypothesis does, a part is often the first choice (no
    indent, no dash, no key, ...), and a line often repeats an earlier one: random choices alone
    seldom make an empty file, a file of comments, or a key given twice."""
    out: list[tuple] = []
    for _ in range(rng.randint(1, 12)):
        if out and rng.random() < 0.2:
            out.append(rng.choice(out))
        else:
            out.append(tuple(choices[0] if rng.random() < 0.15 else rng.choice(choices)
                             for choices in PARTS))
    return out


# Cases random lines reach seldom: a block scalar at the end of a file with no line break,
# records with the same keys, a list of text and records, a number (yaml-rs reads it as one, so
# its reading is not used), a tag on a mapping, a flow list as a key.
LINE_CASES = [
    ([(0, "", "a", True, "|", "")], ""),
    ([(0, "- ", "a", True, "x", ""), (0, "- ", "a", True, "y", "")], "\n"),
    ([(0, "- ", None, False, "x", ""), (0, "- ", "a", True, "y", "")], "\n"),
    ([(0, "", "a", True, "12", "")], "\n"),
    ([(0, "", "a", True, "!", ""), (2, "", "b", True, "x", "")], "\n"),
    ([(0, "", "[a, b]", True, "x", "")], "\n"),
]


def test_differential_fuzz():
    for parts, end in LINE_CASES:
        same_or_say(None, "\n".join(map(_line, parts)) + end)
    for seed in seeds(LINES):
        rng = random.Random(seed)
        same_or_say(seed, "\n".join(map(_line, random_lines(rng))) + rng.choice(["\n", ""]))


def same_or_say(seed: int | None, text: str) -> None:
    """:func:`same`, with the seed that made ``text`` named when it fails."""
    try:
        same(text)
    except AssertionError as exc:
        raise AssertionError(f"seed {seed} (BRIEFCLI_PROPERTY_SEED={seed} runs it alone): "
                             f"{text!r}") from exc


def test_a_list_over_the_item_limit_is_the_strict_readers_error(monkeypatch):
    monkeypatch.setenv("BRIEFCLI_MAX_ITEMS", "3")
    for text in ("a:\n  - w\n  - x\n  - y\n  - z\n", "a: [w, x, y, z]\n", "- w\n- x\n- y\n- z\n"):
        assert fast(text)[0] == "error"
        same(text)
    assert fast("a: [x, y, z]\n")[0] == {"a": ["x", "y", "z"]}
