"""Where an article comes from: a text or Markdown file, a saved web page, or standard input.

An article is untrusted input, so it is size-checked before it is read: a text article may
hold :data:`ARTICLE_BYTES` (ten times a long news story), a saved page :data:`PAGE_BYTES` (its
scripts and styles are most of it). A web page's main text, title, date, URL and site name
are read with trafilatura (imported here, only for pages); navigation, comments and other
boilerplate are left out.
"""

from __future__ import annotations

import os
import re
import stat
import sys
from dataclasses import dataclass
from datetime import date

from ..load.problems import DataError, Problem
from ..load.yamlread import decode

ARTICLE_BYTES = 1_000_000
PAGE_BYTES = 20_000_000
STDIN = "-"
_PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
_LOOKS_HTML = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|meta|body)\b", re.I | re.S)
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


@dataclass
class Source:
    """An article as read, with what its page says about it."""

    label: str  # the path as given, or '<stdin>'
    text: str  # plain text or Markdown (a page's main text, paragraphs apart)
    in_file: bool  # the text is the file's own (quotes can be verified against the file)
    page: bool = False
    title: str | None = None
    day: date | None = None
    url: str | None = None
    publisher: str | None = None


def _fail(label: str, message: str) -> DataError:
    return DataError([Problem(label, message)])


def _too_big(label: str, size: int, limit: int, page: bool) -> DataError:
    what = "saved page" if page else "article"
    usual = "a saved news page is rarely over 3,000,000" if page else "a news article is rarely over 100,000"
    return _fail(label, f"the {what} is {size:,} bytes; extract reads {what}s of up to {limit:,} bytes ({usual})")


def _bytes(path: str) -> bytes:
    """The file's bytes, its size checked before it is opened; standard input read in a bounded way."""
    if path == STDIN:
        raw = sys.stdin.buffer.read(PAGE_BYTES + 1)
        if len(raw) > PAGE_BYTES:
            raise _too_big("<stdin>", len(raw), PAGE_BYTES, True)
        return raw
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise _fail(path, "no such file") from None
    except OSError as exc:
        raise _fail(path, f"cannot read: {exc.strerror or exc}") from None
    if stat.S_ISDIR(info.st_mode):
        raise _fail(path, "is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise _fail(path, "not a regular file")
    page = path.lower().endswith(_PAGE_SUFFIXES)
    limit = PAGE_BYTES if page else ARTICLE_BYTES
    if info.st_size > limit:
        raise _too_big(path, info.st_size, limit, page)
    try:
        with open(path, "rb") as handle:
            return handle.read(limit + 1)
    except OSError as exc:
        raise _fail(path, f"cannot read: {exc.strerror or exc}") from None


def read(path: str) -> Source:
    """Read the article at ``path`` ('-': standard input)."""
    label = "<stdin>" if path == STDIN else path
    raw = _bytes(path)
    if path.lower().endswith(_PAGE_SUFFIXES) or (path == STDIN and _LOOKS_HTML.match(raw[:4096])):
        return _page(label, raw)
    if len(raw) > ARTICLE_BYTES:
        raise _too_big(label, len(raw), ARTICLE_BYTES, False)
    return Source(label, decode(raw, label), in_file=path != STDIN)


def _page(label: str, raw: bytes) -> Source:
    import trafilatura  # heavy: only for saved pages

    found = trafilatura.bare_extraction(
        raw, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
    )
    body = getattr(found, "text", None) if found is not None else None
    if not body or not body.strip():
        raise _fail(label, "no article text found in this page")
    title = _one_line(getattr(found, "title", None))
    paragraphs = [" ".join(line.split()) for line in body.splitlines()]
    paragraphs = [p for p in paragraphs if p]
    if title and (not paragraphs or paragraphs[0] != title):
        paragraphs.insert(0, title)
    text = _CONTROL.sub("", "\n\n".join(paragraphs)) + "\n"
    if len(text.encode("utf-8")) > ARTICLE_BYTES:
        raise _too_big(label, len(text.encode("utf-8")), ARTICLE_BYTES, False)
    return Source(
        label, text, in_file=False, page=True, title=title, day=_day(getattr(found, "date", None)),
        url=_one_line(getattr(found, "url", None)), publisher=_one_line(getattr(found, "sitename", None)),
    )


def _one_line(value) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(_CONTROL.sub("", value).split())
    return value or None


def _day(value) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None
