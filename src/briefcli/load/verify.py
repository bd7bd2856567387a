"""Proof that quotes are word for word: each direct or partial quote must occur in its source."""

from __future__ import annotations

import difflib
import os
import re

from .merge import Merged
from .problems import DataError, Problem
from .yamlread import read_text

_FOLD = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u00ab": '"', "\u00bb": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
        "\u2015": "-", "\u2212": "-",
        "\u00a0": " ", "\u202f": " ",
    }
)


_FOLDABLE = re.compile("[" + "".join(map(chr, _FOLD)) + "]")
_LINK = re.compile(r"\[([^\]\n]*)\]\([^)\s]*\)")


_PAIRS = [(chr(code), plain) for code, plain in _FOLD.items()]


def normalise(text: str) -> str:
    """Fold quotation marks, apostrophes, dashes and runs of white space."""
    if _FOLDABLE.search(text):
        # str.replace per character is many times faster than str.translate with a mapping
        for char, plain in _PAIRS:
            if char in text:
                text = text.replace(char, plain)
    return " ".join(text.split())


def reading_text(source: str) -> str:
    """A source as a reader sees it: Markdown links give their text, then normalised."""
    return normalise(_LINK.sub(r"\1", source))


def closest_passage(needle: str, haystack: str) -> str:
    """The stretch of ``haystack`` (normalised) that best matches ``needle``."""
    if not haystack:
        return ""
    matcher = difflib.SequenceMatcher(None, haystack, needle, autojunk=False)
    match = matcher.find_longest_match(0, len(haystack), 0, len(needle))
    start = max(0, match.a - match.b)
    return haystack[start : start + len(needle)]


def text_path(merged: Merged, index: int, rel: str, folders: dict | None = None) -> str:
    """The real path of source ``index``'s text, which must lie inside its YAML file's folder.

    A dataset is untrusted: it may not make briefcli read (and quote back in an error) a file
    elsewhere on the machine, through an absolute path, '..' or a symbolic link.
    """
    origin, _ = merged.local(("sources", index))  # the file only: no positions needed
    file = origin.file if origin is not None else ""
    folder = os.path.dirname(merged.files.get(file, file)) or "."
    folders = {} if folders is None else folders  # real folders, per call: cwd may change
    base = folders.get(folder) or folders.setdefault(folder, os.path.realpath(folder))
    full = os.path.realpath(os.path.join(base, rel))
    if os.path.isabs(rel) or os.path.commonpath([base, full]) != base:
        raise ValueError("the text must be a relative path inside the dataset file's folder")
    return full


def source_texts(plain: dict, merged: Merged, problems: list[Problem]):
    """Each source's id and its text as a reader sees it, one at a time, in dataset order.

    A source without text is a warning; one whose text cannot be read is an error where the
    dataset names the file. Texts are yielded, not kept, so a dataset of thousands of articles
    holds one at a time.
    """
    folders: dict[str, str] = {}
    for index, source in enumerate(plain.get("sources", [])):
        rel = source.get("text")
        path = ("sources", index, "text")
        if not rel:
            problems.append(
                merged.problem(
                    ("sources", index, "id"),
                    f"source {source['id']!r} has no text, so its quotes cannot be checked",
                    severity="warning",
                )
            )
            continue
        try:
            full = text_path(merged, index, rel, folders)
        except ValueError as exc:
            problems.append(merged.problem(path, str(exc)))
            continue
        merged.text_files[source["id"]] = full
        try:
            text = reading_text(read_text(full, rel))
        except DataError as exc:  # report it where the dataset names the file
            reason = str(exc).split(": ", 1)[-1]
            problems.append(merged.problem(path, f"cannot read {rel[:80]!r}: {reason}"))
            continue
        yield source["id"], text


def verify_quotes(plain: dict, merged: Merged) -> list[Problem]:
    """Every direct and partial quote must occur word for word in its source's text."""
    problems: list[Problem] = []
    by_source: dict[str, list[int]] = {}
    for index, quote in enumerate(plain.get("quotes", [])):
        if quote["kind"] != "paraphrase":
            by_source.setdefault(quote["source"], []).append(index)
    quotes = plain.get("quotes", [])
    for source_id, text in source_texts(plain, merged, problems):
        for index in by_source.get(source_id, ()):
            needle = normalise(quotes[index]["text"])
            if needle in text:
                continue
            nearest = closest_passage(needle, text)
            if len(nearest) > 120:
                nearest = nearest[:119] + "…"
            problems.append(
                merged.problem(
                    ("quotes", index, "text"),
                    f"not found word for word in source {source_id!r}; closest: {nearest!r}",
                )
            )
    return problems
