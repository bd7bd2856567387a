"""The sanitiser: every invisible, reordering or control character becomes a visible escape,
every other character stays as it is, and the escape names the character exactly."""

from __future__ import annotations

import ast
import json
import sys
import unicodedata

import pytest

from briefcli.render.jsonout import dumps
from briefcli.text import clean

# Named in the issue, and the same kinds beside them: zero-width space, left-to-right and
# right-to-left marks, Arabic letter mark, byte-order mark, soft hyphen, tag characters, Hangul
# fillers, variation selectors, the combining grapheme joiner, zero-width (non-)joiners, word
# joiner, interlinear annotation, Mongolian vowel separator, Braille blank.
NAMED = (
    "\u200b\u200e\u200f\u061c\ufeff\u00ad\U000e0000\U000e0001\U000e0041\U000e007f"
    "\u3164\u115f\u1160\uffa0\ufe00\ufe0f\U000e0100\U000e01ef\u034f\u200c\u200d\u2060"
    "\ufff9\ufffa\ufffb\u180e\u2800"
)
CATEGORIES = {"Cc", "Cf", "Zl", "Zp"}


VARIATION_SELECTORS = {*range(0xFE00, 0xFE10), *range(0xE0100, 0xE01F0)}


def must_escape(char: str) -> bool:
    return (
        (unicodedata.category(char) in CATEGORIES and char not in "\t\n")
        or char in NAMED
        or ord(char) in VARIATION_SELECTORS
    )


def test_every_invisible_character_becomes_an_escape_that_names_it():
    chars = [chr(c) for c in range(sys.maxunicode + 1)]
    escaped = [c for c in chars if must_escape(c)]
    assert len(escaped) > 450
    for char in escaped:
        shown = clean(f"a{char}b")
        assert shown.isascii() and shown.isprintable(), repr(char)
        # The escape is Python's own notation for the character: read back, it is the same.
        assert ast.literal_eval(f'"{shown}"') == f"a{char}b"


def test_every_other_character_stays_as_it_is():
    # Letters, marks, digits, punctuation, symbols and spaces of every script pass untouched
    # (but the blank ones listed above), so quotes stay readable.
    kept = "".join(
        chr(c) for c in range(sys.maxunicode + 1)
        if unicodedata.category(chr(c))[0] in "LMNPSZ"
        and not must_escape(chr(c))
        and c not in (0x17B4, 0x17B5, 0x180B, 0x180C, 0x180D, 0x180F)  # invisible Mn
    )
    assert clean(kept) == kept
    assert clean("Jürg Lajčák — “quoted” 中文 عربي\tand\n") == "Jürg Lajčák — “quoted” 中文 عربي\tand\n"


@pytest.mark.parametrize(
    "raw, shown",
    [
        ("Arb\u200bour", "Arb\\u200bour"),
        ("\ufeffTitle", "\\ufeffTitle"),
        ("soft\u00adhyphen", "soft\\xadhyphen"),
        ("tag\U000e0041\U000e0042", "tag\\U000e0041\\U000e0042"),
        ("\u3164", "\\u3164"),
        ("\u202eevil\u202c", "\\u202eevil\\u202c"),
        ("line\nbreak\ttab", "line\nbreak\ttab"),
    ],
)
def test_examples(raw, shown):
    assert clean(raw) == shown


def test_one_line_escapes_newline_and_tab_too():
    assert clean("a\nb\tc\u200b", one_line=True) == "a\\x0ab\\x09c\\u200b"


def test_json_keeps_the_characters_exactly_as_escapes():
    value = {"text": "a\u200bb\U000e0041\u3164\x1b\u202e"}
    text = dumps(value)
    assert text.isascii()
    assert json.loads(text) == value
    assert "\\udb40\\udc41" in text  # beyond U+FFFF: a UTF-16 surrogate pair, as JSON wants


def test_json_is_the_standard_librarys_indented_text_with_invisibles_escaped():
    # orjson writes it; the standard library is the reference, for every kind of value we emit
    value = {"quotes": [{"id": "q1", "text": "“Yes,” said Ana Ortiz. É\x1b[31m\u202e😀\t\n",
                         "count": 3, "share": 0.25, "verified": True, "place": None,
                         "parts": [], "meta": {}}], "empty": [], "nested": [[1, [2, {}]]]}
    reference = json.dumps(value, ensure_ascii=False, indent=2)
    reference = reference.replace("\x1b", "\\u001b").replace("\u202e", "\\u202e")
    assert dumps(value) == reference
    assert json.loads(dumps(value)) == value
    # what orjson refuses, the standard library still writes
    big = {"n": 2**70, 1: "a key that is not a string"}
    assert dumps(big) == json.dumps(big, ensure_ascii=False, indent=2)


def test_a_text_folds_as_its_characters_fold_one_by_one():
    # find_folded rules a text out by folding it whole, then places a match character by
    # character: the two must agree, also for ligatures, dotted I, sharp s, Hangul and marks
    import random

    from briefcli.text import find_folded, fold, strip_accents

    rng = random.Random(20171207)
    alphabet = "aAeEéÉiıİßẞﬁ ̈́ǅ한글ÅÅÇçÑñ“”—" + "".join(chr(c) for c in range(0x300, 0x310))
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        assert fold(text) == "".join(fold(char) for char in text), repr(text)
        # marks go, wherever they are, and nothing else does
        decomposed = unicodedata.normalize("NFKD", "a" + text + "b")
        assert strip_accents("a" + text + "b") == "".join(
            c for c in decomposed if not unicodedata.combining(c)), repr(text)
    assert find_folded("Miroslav Lajčák said", "lajcak") == (9, 15)
    assert find_folded("STRASSE und Straße", "straße".casefold()) == (0, 7)
    assert find_folded("nothing here", "lajcak") is None


def test_a_match_is_placed_as_folding_character_by_character_places_it():
    """find_folded folds runs of ASCII at once; where it places a match is where folding each
    character on its own and mapping back places it, for needles found and not found."""
    import random

    from briefcli.text import find_folded, fold

    def placed(text: str, needle: str):
        folded, origin = "", []
        for index, char in enumerate(text):
            folded += fold(char)
            origin += [index] * len(fold(char))
        at = folded.find(needle)
        return None if at < 0 else (origin[at], origin[at + len(needle) - 1] + 1)

    rng = random.Random(2018)
    pieces = ["a", "b", "A", " ", "ss", "ß", "ﬁ", "fi", "é", "e\u0301", "“", "”", "—", "Lajčák",
              "lajcak", "İ", "i", "한", "x"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 10)))
        needle = fold("".join(rng.choice(pieces) for _ in range(rng.randint(1, 3))))
        if rng.random() < 0.5:  # a needle cut from the folded text itself is found
            whole = fold(text)
            start = rng.randrange(len(whole)) if whole else 0
            needle = whole[start : start + rng.randint(1, 4)] or needle
        assert find_folded(text, needle) == placed(text, needle), (text, needle)


@pytest.mark.parametrize(("text", "kept"), [
    ("\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645", True),  # Persian: between two letters
    ("\u0628\u064e\u200c\u0628", True),  # a vowel mark before the non-joiner
    ("\u0915\u094d\u200d\u0937", True),  # Devanagari: after a virama, a half form
    ("\u0915\u094d\u200c\u0937", True),
    ("Arb\u200dour", False),  # in a Latin name: hides inside the word
    ("Arb\u200cour", False),
    ("\u0627\u200cA", False),  # an Arabic letter, then a Latin one
    ("\u200c\u0627\u0628", False),  # at the start
    ("\u0627\u200c", False),  # at the end
    ("\u0627\u200d\u0628", False),  # a joiner between Arabic letters: not spelling
    ("\u0915\u094d\u200d", False),  # after a virama, but nothing after
    ("\U0001f469\u200d\U0001f4bb", False),  # an emoji sequence
])
def test_joiners_are_kept_only_where_spelling_needs_them(text, kept):
    shown = clean(text)
    assert (shown == text) is kept
    if not kept:  # escaped, and only the joiner: the rest as it is
        assert "\\u200" in shown and ast.literal_eval(f'"{shown}"') == text
