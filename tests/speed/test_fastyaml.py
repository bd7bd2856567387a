"""The fast reader gives exactly what the strict reader gives, or lets it speak."""

from __future__ import annotations

import random

import pytest

from briefcli.load import fastyaml, yamlread
from briefcli.load.problems import DataError

from .conftest import SHIPPED


def outcome(parse, text: str):
    """What a reader makes of ``text``: (value, positions, key positions), or its error."""
    try:
        value, positions = parse(text, "t.yaml")
    except DataError as exc:
        return "error", str(exc)
    return value, positions.values, positions.keys


def strict(text: str):
    return outcome(yamlread.parse, text)


def fast(text: str):
    return outcome(fastyaml.parse, text)


def fast_only(text: str, lazy: bool = False):
    value, positions = fastyaml.read(text, lazy=lazy)
    return value, positions.values, positions.keys


@pytest.mark.parametrize("lazy", [False, True])
def test_shipped_dataset(lazy):
    text = SHIPPED.read_text(encoding="utf-8")
    assert fast_only(text, lazy) == strict(text)


@pytest.mark.parametrize("lazy", [False, True])
def test_generated_dataset(generated, lazy):
    text = generated.read_text(encoding="utf-8")
    assert fast_only(text, lazy) == strict(text)


def test_lazy_positions_answer_without_reading_everything(generated):
    text = generated.read_text(encoding="utf-8")
    _, expected = yamlread.parse(text, "t")
    _, lazy = fastyaml.read(text, lazy=True)
    for path in [("quotes", 7, "text"), ("quotes", 7, "when", "date"), ("people", 3, "roles", 0),
                 ("steps", 2), ("dataset", "as_of"), ("quotes", 999_999, "text"), ("nope",)]:
        assert lazy.of(path) == expected.of(path)
        assert lazy.of(path, key=True) == expected.of(path, key=True)
    assert len(lazy._done) <= 7  # only the records asked about were read again


# Inputs the fast reader handles itself: same values and positions as the strict reader.
HANDLED = {
    "plain": "a: b\nc: d e f\n",
    "nested": "a:\n  b: 1\n  c:\n    - x\n    - y: 2\n      z: 3\n",
    "root sequence": "- a\n- b: c\n  d: e\n",
    "comments": "# top\na: b # after\n  # deeper comment\nc:   # empty then block\n  - d\n",
    "double quoted": 'a: "x: y # z"\nb: "tab\\tnew\\nline \\u00e9 \\x41 \\" \\\\ \\/"\n',
    "single quoted": "a: 'it''s: #1'\n",
    "folded": "a: >-\n  one\n  two\n\n  three\nb: x\n",
    "folded clip": "a: >\n  one\n  two\nb: x\n",
    "folded keep": "a: >+\n  one\n\n\nb: x\n",
    "literal": "a: |\n  one\n  two\n\n  three\nb: |-\n  x\n",
    "flow": "a: [x, y z, 1.10]\nb: {text: Wednesday, date: 2017-12-06}\nc: []\nd: {}\n",
    "unicode": "name: Miroslav Lajčák\nquote: “tough negotiations” — 😀\n",
    "yaml 1.1 words": "a: NO\nb: on\nc: 1:30\nd: 1.10\ne: 2017-12-07\nf: ~\ng: null\n",
    "colons and hashes inside": "url: https://example.org/a#b\nt: a:b\n",
    "indent 4": "a:\n    b:\n        - c\n",
    "no final newline": "a: b\nc: d",
    "deep but allowed": "".join("  " * i + f"k{i}:\n" for i in range(63)) + "  " * 63 + "v: x\n",
}

# Inputs outside the subset, or wrong: the strict reader's answer, or its error, word for word.
FALLBACK = {
    "duplicate key": "a: 1\nb: 2\na: 3\n",
    "duplicate key in record": "x:\n  - id: a\n    id: b\n",
    "duplicate flow key": "a: {b: 1, b: 2}\n",
    "anchor": "a: &x 1\nb: *x\n",
    "alias only": "a: *x\n",
    "tag": "a: !!str 1\n",
    "local tag": "a: !foo bar\n",
    "tab indent": "a:\n\tb: 1\n",
    "tab in value": "a: b\tc\n",
    "multi-line plain": "a: one\n  two\n",
    "multi-line quoted": 'a: "one\n  two"\n',
    "empty value": "a:\nb: 1\n",
    "indentless sequence": "a:\n- x\n- y\n",
    "null key": "~: 1\n",
    "null key word": "null: 1\n",
    "bad escape": 'a: "\\q"\n',
    "too deep": "".join("  " * i + f"k{i}:\n" for i in range(65)) + "  " * 65 + "v: x\n",
    "flow too deep": "a: " + "[" * 70 + "]" * 70 + "\n",
    "two documents": "a: 1\n---\nb: 2\n",
    "document marker": "---\na: 1\n",
    "scalar document": "just text\n",
    "empty": "   \n",
    "bad indentation": "a:\n  b: 1\n c: 2\n",
    "mapping in value": "a: b: c\n",
    "trailing colon": "a: b:\n",
    "more indented folded": "a: >\n  one\n    two\n  three\n",
    "block at end without newline": "a: >-\n  one",
    "explicit key": "? a\n: b\n",
    "CRLF": "a: b\r\nc: d\r\n",
    "BOM": "\ufeffa: b\n",
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
}


@pytest.mark.parametrize("name", HANDLED)
def test_handled_inputs(name):
    text = HANDLED[name]
    assert fast_only(text) == strict(text)
    assert fast(text) == strict(text)


@pytest.mark.parametrize("name", FALLBACK)
def test_fallback_inputs(name):
    text = FALLBACK[name]
    with pytest.raises(fastyaml.Unsupported):
        fastyaml.read(text)
    assert fast(text) == strict(text)


def test_errors_are_the_strict_readers():
    assert fast("a: 1\na: 2\n") == ("error", "t.yaml:2:1: key 'a' is given twice (first on line 1)")
    assert fast("a: &x 1\n") == ("error", "t.yaml:1:4: anchors and aliases (& and *) are not allowed")
    assert fast("a: !!str 1\n")[1] == "t.yaml:1:4: tags ('tag:yaml.org,2002:str' here) are not allowed"


def test_random_mutations_of_the_shipped_file():
    """Damaged copies of the shipped file: the fast path agrees with the strict reader on every
    one (same values and positions, or the same error)."""
    lines = SHIPPED.read_text(encoding="utf-8").splitlines(keepends=True)
    pieces = [":", " ", "#", "-", "'", '"', "[", "]", "{", "}", ",", ">", "|", "&", "*", "!",
              "\t", "  ", "\n", "x", "é", "\\", "~", "?"]
    rng = random.Random(2017)
    for _ in range(400):
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
        text = "".join(copy)
        assert fast(text) == strict(text), text
