"""Writing the draft as YAML with comments.

PyYAML cannot write comments, and the draft needs them (what was guessed, where a quote stands
in the article), so records are written here by hand, a small and strict subset of YAML:
block mappings and lists, plain scalars only when they cannot be misread, folded scalars for
long text that folds back exactly, and double-quoted scalars (with escapes) for anything else.
Characters that could act on a terminal are escaped inside double quotes, where YAML reads
them back as the same characters, so the draft is safe to print and still word for word.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from ..text import UNSAFE, clean, escape_char

WIDTH = 96
_PLAIN = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`][^\n\t]*$")
_NULLS = frozenset({"~", "null", "Null", "NULL"})


@dataclass
class Field:
    """``key: value  # note``. A value is text, a list of text, a :class:`Mapping` or a list
    of mappings. A field with no key is a comment line."""

    key: str | None
    value: object = None
    note: str | None = None


@dataclass
class Mapping:
    fields: list[Field] = field(default_factory=list)

    def add(self, key: str | None, value: object = None, note: str | None = None) -> "Mapping":
        self.fields.append(Field(key, value, note))
        return self

    def plain(self) -> dict:
        return {f.key: _plain(f.value) for f in self.fields if f.key is not None}


@dataclass
class Section:
    name: str
    value: object  # a list of Mapping, or a Mapping (the 'dataset' section)
    comments: list[str] = field(default_factory=list)
    trailer: list[str] = field(default_factory=list)  # comment lines after the records


def _plain(value: object) -> object:
    if isinstance(value, Mapping):
        return value.plain()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _is_plain(text: str) -> bool:
    return (
        bool(_PLAIN.match(text))
        and text == text.strip()
        and ": " not in text
        and " #" not in text
        and not text.endswith(":")
        and text not in _NULLS
        and not UNSAFE.search(text)
    )


def _quoted(text: str) -> str:
    return UNSAFE.sub(lambda m: escape_char(m.group()), json.dumps(text, ensure_ascii=False))


def _foldable(text: str) -> bool:
    return (
        text == text.strip()
        and "  " not in text
        and not re.search(r"[\n\t\r]", text)
        and not UNSAFE.search(text)
        and bool(text)
    )


def _wrap(text: str, width: int) -> list[str]:
    lines, current = [], ""
    for word in text.split(" "):
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    lines.append(current)
    return lines


def scalar(text: str, indent: int, room: int) -> list[str]:
    """A text value: one line to follow 'key: ', or a folded block's header and lines."""
    if _is_plain(text) and len(text) <= room:
        return [text]
    if _foldable(text) and len(text) > room:
        pad = " " * indent
        return [">-"] + [pad + line for line in _wrap(text, max(40, WIDTH - indent))]
    return [_quoted(text)]


def _note(note: str | None) -> str:
    return f"  # {clean(note, one_line=True)}" if note else ""


def _list_is_flow(values: list) -> bool:
    return all(isinstance(v, str) and _is_plain(v) and not re.search(r"[,\[\]{}]", v) for v in values)


def mapping_lines(mapping: Mapping, indent: int, first_prefix: str | None = None) -> list[str]:
    """Lines of a block mapping at ``indent``; the first line may carry a '- ' prefix."""
    lines: list[str] = []
    pad = " " * indent
    for f in mapping.fields:
        lead = pad
        if first_prefix is not None and not lines:
            lead = first_prefix
        if f.key is None:
            lines.append(f"{lead}# {clean(f.note or '', one_line=True)}")
            continue
        value = f.value
        if isinstance(value, Mapping):
            lines.append(f"{lead}{f.key}:{_note(f.note)}")
            lines.extend(mapping_lines(value, indent + 2))
        elif isinstance(value, list) and value and isinstance(value[0], Mapping):
            lines.append(f"{lead}{f.key}:{_note(f.note)}")
            for item in value:
                lines.extend(mapping_lines(item, indent + 4, " " * (indent + 2) + "- "))
        elif isinstance(value, list):
            if _list_is_flow(value):
                lines.append(f"{lead}{f.key}: [{', '.join(value)}]{_note(f.note)}")
            else:
                lines.append(f"{lead}{f.key}:{_note(f.note)}")
                for item in value:
                    lines.append(f"{pad}  - {scalar(str(item), indent + 4, 10_000)[0]}")
        else:
            text = scalar(str(value), indent + 2, WIDTH - len(lead) - len(f.key) - 2)
            if len(text) == 1:
                lines.append(f"{lead}{f.key}: {text[0]}{_note(f.note)}")
            else:
                if f.note:
                    lines.append(f"{pad}# {clean(f.note, one_line=True)}")
                lines.append(f"{lead}{f.key}: {text[0]}")
                lines.extend(text[1:])
    return lines


def dump(header: list[str], sections: list[Section]) -> str:
    """The whole draft as YAML text."""
    out = [f"# {clean(line, one_line=True)}".rstrip() for line in header]
    for section in sections:
        out.append("")
        out.extend(f"# {clean(line, one_line=True)}" for line in section.comments)
        if isinstance(section.value, Mapping):
            out.append(f"{section.name}:")
            out.extend(mapping_lines(section.value, 2))
        elif section.value:
            out.append(f"{section.name}:")
            for record in section.value:
                out.extend(mapping_lines(record, 4, "  - "))
        out.extend(f"  # {clean(line, one_line=True)}" for line in section.trailer)
    return "\n".join(out) + "\n"
