"""Text helpers with no dependencies: the output sanitiser and accent-blind matching."""

from __future__ import annotations

import re
import unicodedata

# C0 controls but tab and newline, DEL, C1 controls, bidirectional embeddings, overrides and
# isolates, and the Unicode line and paragraph separators.
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
UNSAFE_ONE_LINE = re.compile(UNSAFE.pattern[:-1] + "\n\t]")


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def clean(text: object, one_line: bool = False) -> str:
    """Text from data made safe for a terminal: unsafe characters become visible escapes."""
    text = text if isinstance(text, str) else str(text)
    return (UNSAFE_ONE_LINE if one_line else UNSAFE).sub(_escape, text)


def fold(text: str) -> str:
    """Lower-case text without accents, for matching: 'Lajčák' -> 'lajcak'."""
    return strip_accents(text).casefold()


def strip_accents(text: str) -> str:
    """Text without combining accents: 'Jürg Lajčák' -> 'Jurg Lajcak'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))
