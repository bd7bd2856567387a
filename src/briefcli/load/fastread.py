"""The fast path for reading a dataset file: a compiled YAML parser, checked, or the strict one.

:func:`parse` gives exactly what :func:`briefcli.load.yamlread.parse` gives: the same value for
every text, and the same position for every path asked about; for a text the strict reader
refuses, its error, word for word. It asks the compiled parser yaml-rs (Rust) first, several
times faster than libyaml, and keeps to the strict reader's rules by refusing to trust an
answer that could differ from its own:

* a text that could hold an anchor, alias, tag, directive or document marker (a cheap scan
  that errs on the side of seeing one), or nesting deep enough to matter, goes to the strict
  reader, which refuses or reads it;
* yaml-rs types plain scalars (``2018`` an int, ``true`` a bool); where its answer holds any
  scalar other than text or None, or a key other than text, or nests deeper than
  :data:`~briefcli.load.yamlread.MAX_DEPTH`, the strict reader reads the text instead, so every
  scalar stays the text that was written;
* a key given twice, a list over the item limit, and anything yaml-rs cannot parse, goes to
  the strict reader too, which gives its own message (with both lines, or where the list is).

Positions come from the strict reader as well, built only when a problem asks for one (see
:mod:`briefcli.load.placing`). Without yaml-rs (a platform with no wheel) every text goes to
the strict reader.
"""

from __future__ import annotations

import re

from .yamlread import MAX_DEPTH, Positions, max_items, too_many

# Texts the strict reader reads itself. Each alternative errs on the side of matching (an '&'
# inside text that merely looks like an anchor only costs time), and covers what yaml-rs and
# libyaml could read differently, or what the strict reader refuses and yaml-rs does not. Each
# starts with a character that is rare in a dataset's structure, so the scan is quick.
_FLOW_TAIL = (  # a line break, comment or nested collection; a token that starts with an
    # indicator or a quote; an empty or trailing entry
    r"(?:[^\]}\n]*(?:[\n#\[{]|\Z)|[ ]*[-?:|>@`%,#'\"]|[^\]}\n]*,[ ]*[-?:|>@`%,#'\"\]}])"
)


def _starting(char: str, rest: str) -> tuple[str, re.Pattern]:
    """A pattern whose every match starts with ``char``, and that character."""
    return char, re.compile(re.escape(char) + rest)


_STRICT_ONLY = [
    # an anchor, alias or tag (node properties), or a reserved indicator, where a node can start
    *(_starting(char, r"(?<=[ \n\[{,:]%s)" % re.escape(char)) for char in "&*!@`%"),
    # a block scalar header other than >, >-, |+..., or one whose first line is blank
    *(_starting(char, r"(?<=[ \n]%s)(?![+-]?[ ]*(?:#[^\n]*)?\n[ ]*[^ \n])" % re.escape(char))
      for char in "|>"),
    # a flow collection other than one line of plain words
    _starting("[", _FLOW_TAIL),
    _starting("{", _FLOW_TAIL),
    # an explicit key (a value without one gives a None key, which the walk refuses)
    _starting("?", r"(?<=[\n -]\?)(?=[ \n]|\Z)"),
]
# Directives and document markers.
_LINE_STARTS = re.compile(r"\n(?:%|---|\.\.\.)")
_SOMETHING = re.compile(r"\S")
_LONG_KEY = 128  # characters; libyaml refuses a simple key over 1024, escapes included


def _suspect(text: str) -> bool:
    # a pattern is tried only where its first character occurs: looking for one character
    # takes a fifth of the time a pattern's search does, and most of them occur nowhere
    return bool(_LINE_STARTS.search(text)) or any(
        first in text and check.search(text) for first, check in _STRICT_ONLY
    )


# A simple block scalar (key: >-, - key: |...) whose first line holds text, and its content
# lines, which are more indented than its key: text, in which nothing above can start. They are
# left out of a second look when the first saw something.
_BLOCK = re.compile(
    r"\n( *)(- )?[^\s?:#'\"\[\]{},&*!|>%@`\-][^:#\n]*:[ ]+[|>][+-]?[ ]*(?:#[^\n]*)?"
    r"(?=\n\1(?(2)   | )[ ]*[^ \n])(?:\n\1(?(2)   | )[^\n]*|\n[ ]*(?=\n))*"
)
# Deep nesting takes many columns: a long run of spaces, or of "- " (yaml-rs itself fails on
# flow collections nested over 256 deep, and crashes on block ones nested many thousands deep).
_DEEP = re.compile(r"\n[ \-?:\[{,]{200}")
# What yaml-rs and libyaml could read differently: tabs, CR, the byte-order mark, the Unicode
# line and paragraph separators, and two non-characters (the text has passed
# yamlread.decode, so it holds no other control character).
_UNUSUAL = ("\t", "\r", "\ufeff", "\u2028", "\u2029", "\ufffe", "\uffff")


def parse(text: str, name: str) -> tuple[object, Positions]:
    """One YAML document as plain values (all scalars text) and its positions.

    ``text`` is a file's text as :func:`~briefcli.load.yamlread.read_text` gives it, with no
    control characters other than tab, line feed and carriage return.
    """
    from . import yamlread

    value = compiled(text)
    if value is None:
        return yamlread.parse(text, name)
    from .placing import PlacedOnDemand

    positions = PlacedOnDemand(text, name, value)
    if isinstance(value, dict):  # a section over the item limit, said as the strict reader does
        limit = max_items()
        for key, section in value.items():
            if isinstance(section, list) and len(section) > limit:
                from .problems import DataError, Problem

                where = positions.of((key,)) or (None, None)
                raise DataError([Problem(name, too_many(len(section), limit), *where)])
    return value, positions


def compiled(text: str) -> dict | list | None:
    """yaml-rs's reading of ``text`` where it is certainly the strict reader's, else None."""
    return read_scanned(text) if scanned(text) else None


def scanned(text: str) -> bool:
    """Whether nothing in ``text`` keeps it from yaml-rs (see :func:`read_scanned`)."""
    if not _SOMETHING.search(text) or any(char in text for char in _UNUSUAL):
        return False
    if not text.endswith("\n") and ("|" in text or ">" in text):
        return False  # a block scalar may end the file: the readers differ on its last line
    scan = "\n" + text
    if _DEEP.search(scan):
        return False
    # (the second look leaves out the text of block scalars)
    return not (_suspect(scan) and _suspect(_BLOCK.sub("\n", scan)))


def read_scanned(text: str) -> dict | list | None:
    """yaml-rs's reading of ``text`` (a text :func:`scanned` passed, or a piece of one) if
    every scalar in it is text, else None."""
    try:
        import yaml_rs
    except ImportError:  # no wheel for this platform: the strict reader does it all
        return None
    try:
        value = yaml_rs.loads(text, parse_datetime=False,
                              duplicate_key_policy=yaml_rs.DuplicateKeyPolicy.Error)
    except Exception:  # noqa: BLE001 - any refusal is the strict reader's to explain
        return None
    if not isinstance(value, (dict, list)) or not _all_text(value, max_items()):
        return None
    return value


_TEXT = {str, type(None)}
_NODES = {str, type(None), dict, list}


def _all_text(root: dict | list, limit: int) -> bool:
    """Every key short text, every scalar text or None, nesting within MAX_DEPTH, every list
    below the sections within ``limit`` items (else the strict reader says where it is over)."""
    stack = [(root, 1)]
    pop, push = stack.pop, stack.append
    # the sections' own lengths are parse()'s to check: it places them without the strict reader
    sections = {id(v) for v in root.values() if type(v) is list} if type(root) is dict else set()
    good: set[frozenset] = set()  # key sets seen to be short text: records repeat theirs
    while stack:
        node, depth = pop()
        if depth > MAX_DEPTH:
            return False
        if type(node) is dict:
            if node:
                keys = frozenset(node)  # (only text equals text: a good set holds only text)
                if keys not in good:
                    if set(map(type, node)) != {str} or max(map(len, node)) > _LONG_KEY:
                        return False
                    good.add(keys)
            items = node.values()
        else:
            if len(node) > limit and id(node) not in sections:
                return False
            items = node
        kinds = set(map(type, items))
        if kinds <= _TEXT:
            continue
        if not kinds <= _NODES:
            return False
        for item in items:
            if type(item) is dict or type(item) is list:
                push((item, depth + 1))
    return True
