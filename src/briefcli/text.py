"""Text helpers with no dependencies: the output sanitiser and accent-blind matching.

What the sanitiser shows as an escape (``\\x1b``, ``\\u200b``, ``\\U000e0041``) rather than raw:

* control characters (Unicode category Cc) but tab and newline, so nothing from data can move
  the cursor, ring the bell, clear the screen or start an escape sequence;
* every format character (category Cf): bidirectional marks, embeddings, overrides and
  isolates, which reorder text; zero-width spaces, joiners and non-joiners, the word joiner, the
  byte-order mark, the soft hyphen and the invisible operators, which hide inside a word; tag
  characters (U+E0000-U+E007F), which can carry a whole hidden message; interlinear annotation
  marks, and the rest of the category;
* the other characters that Unicode itself says are drawn as nothing (Default_Ignorable_Code_Point):
  variation selectors (U+FE00-U+FE0F, U+E0100-U+E01EF), the combining grapheme joiner, Hangul
  fillers (U+115F, U+1160, U+3164, U+FFA0), Khmer's invisible vowels and Mongolian's variation
  selectors; and the blank Braille pattern U+2800, a visible character drawn as blank that is
  used to fake an empty name;
* the line and paragraph separators U+2028 and U+2029, which some terminals treat as a newline.

These can hide or reorder text, so that what a reader sees is not what the data says, or make
two names that look the same different. The zero-width joiner and non-joiner are shown as they
are only where spelling needs them, as internationalised domain names allow them (RFC 5892,
CONTEXTJ): right after a virama (Indic scripts: क्, a joiner, ष for a half form) with a letter
after it, and the non-joiner between two letters of the Arabic script (Persian: می, a
non-joiner, خواهم). Anywhere else, in
a Latin name for instance, they are escapes; so are emoji sequences' joiners and the emoji
variation selector. JSON carries all of them exactly, as ``\\u`` escapes that a JSON reader turns
back into the same characters.
"""

from __future__ import annotations

import re
import unicodedata

# Ranges of code points shown as escapes (see above); each line is one family.
_INVISIBLE = (
    "\x00-\x08\x0b-\x1f\x7f-\x9f"  # C0 controls but tab and newline, DEL, C1 controls
    "\xad\u034f\u061c"  # soft hyphen, combining grapheme joiner, Arabic letter mark
    "\u0600-\u0605\u06dd\u070f\u0890\u0891\u08e2"  # Arabic and Syriac format characters
    "\u115f\u1160\u3164\uffa0"  # Hangul fillers
    "\u17b4\u17b5\u180b-\u180f"  # Khmer invisible vowels, Mongolian selectors and separator
    "\u200b-\u200f\u2028-\u202e\u2060-\u206f"  # zero-width, bidi, separators, joiners, isolates
    "\u2800"  # Braille blank
    "\ufe00-\ufe0f\ufeff\ufff0-\ufffb"  # variation selectors, BOM, interlinear annotation
    "\U000110bd\U000110cd\U00013430-\U0001343f"  # Kaithi and Egyptian format characters
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"  # shorthand and musical format characters
    "\U000e0000-\U000e0fff"  # tags, variation selectors supplement, reserved ignorables
)
UNSAFE = re.compile(f"[{_INVISIBLE}]")
UNSAFE_ONE_LINE = re.compile(f"[{_INVISIBLE}\n\t]")


def escape_char(char: str) -> str:
    """One character as a Python-style escape: '\\x1b', '\\u200b' or '\\U000e0041'."""
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def _escape(match: re.Match) -> str:
    char = match.group()
    if char in "\u200c\u200d" and _spelling(match.string, match.start()):
        return char
    return escape_char(char)


_VIRAMA = 9  # the canonical combining class of a virama
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u0870-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")


def _spelling(text: str, at: int) -> bool:
    """Whether the joiner or non-joiner at ``at`` is part of a word's spelling (see above)."""
    if at == 0 or at + 1 >= len(text) or not text[at + 1].isalpha():
        return False
    before = at - 1
    if unicodedata.combining(text[before]) == _VIRAMA:
        return True
    if text[at] != "\u200c":
        return False
    while before > 0 and unicodedata.category(text[before]) == "Mn":  # vowel marks between
        before -= 1
    return (text[before].isalpha() and bool(_ARABIC.match(text[before]))
            and bool(_ARABIC.match(text[at + 1])))


def clean(text: object, one_line: bool = False) -> str:
    """Text from data made safe for a terminal: unsafe characters become visible escapes."""
    text = text if isinstance(text, str) else str(text)
    return (UNSAFE_ONE_LINE if one_line else UNSAFE).sub(_escape, text)


def fold(text: str) -> str:
    """Lower-case text without accents, for matching: 'Lajčák' -> 'lajcak'."""
    if text.isascii():  # nothing to decompose: most text, at C speed
        return text.lower()
    return strip_accents(text).casefold()


def strip_accents(text: str) -> str:
    """Text without combining accents: 'Jürg Lajčák' -> 'Jurg Lajcak'. Only the runs of
    non-ASCII characters are looked at one by one (an ASCII character is never a mark), so an
    English article with a few curly quotes goes at C speed."""
    return _NON_ASCII.sub(_unmarked, unicodedata.normalize("NFKD", text))


_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_RUNS = re.compile(r"[\x00-\x7f]+|[^\x00-\x7f]+")  # runs of ASCII, and of the rest


def _unmarked(run: re.Match) -> str:
    return "".join(c for c in run.group() if not unicodedata.combining(c))


def find_folded(text: str, needle: str) -> tuple[int, int] | None:
    """Where folded ``needle`` first occurs in ``text``, matched as :func:`fold` matches,
    as (start, end) character offsets into ``text`` itself; None if it does not."""
    # Folding is character by character, so the whole text folds to the characters' folds
    # joined: most texts are ruled out at C speed before the offsets are worked out one by one.
    if not needle or needle not in fold(text):
        return None
    if text.isascii():  # one character folds to one: offsets are the folded text's
        at = text.lower().find(needle)
        return at, at + len(needle)
    folded: list[str] = []
    origin: list[int] = []  # for each folded character, the index of the one it came from
    for run in _RUNS.finditer(text):  # ASCII folds to itself lower-cased, one for one
        if run.group().isascii():
            folded.append(run.group().lower())
            origin.extend(range(run.start(), run.end()))
            continue
        for index, char in enumerate(run.group(), run.start()):
            piece = fold(char)
            folded.append(piece)
            origin.extend([index] * len(piece))
    at = "".join(folded).find(needle)
    if at < 0 or not needle:
        return None
    return origin[at], origin[at + len(needle) - 1] + 1
