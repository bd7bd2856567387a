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


_LINK = re.compile(r"\[([^\]\n]*)\]\([^)\s]*\)")


def normalise(text: str) -> str:
    """Fold quotation marks, apostrophes, dashes and runs of white space."""
    return " ".join(text.translate(_FOLD).split())


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


def text_path(merged: Merged, index: int, rel: str) -> str:
    """The real path of source ``index``'s text, which must lie inside its YAML file's folder.

    A dataset is untrusted: it may not make briefcli read (and quote back in an error) a file
    elsewhere on the machine, through an absolute path, '..' or a symbolic link.
    """
    file, _, _ = merged.locate(("sources", index, "text"))
    base = os.path.realpath(os.path.dirname(merged.files.get(file, file)) or ".")
    full = os.path.realpath(os.path.join(base, rel))
    if os.path.isabs(rel) or os.path.commonpath([base, full]) != base:
        raise ValueError("the text must be a relative path inside the dataset file's folder")
    return full


def source_texts(plain: dict, merged: Merged, problems: list[Problem]) -> dict[str, str]:
    """Read each source's text (relative to the file that names it) as normalised text."""
    texts: dict[str, str] = {}
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
            full = text_path(merged, index, rel)
        except ValueError as exc:
            problems.append(merged.problem(path, str(exc)))
            continue
        try:
            texts[source["id"]] = reading_text(read_text(full, rel))
        except DataError as exc:  # report it where the dataset names the file
            reason = str(exc).split(": ", 1)[-1]
            problems.append(merged.problem(path, f"cannot read {rel[:80]!r}: {reason}"))
    return texts


def verify_quotes(plain: dict, merged: Merged) -> list[Problem]:
    problems: list[Problem] = []
    texts = source_texts(plain, merged, problems)
    for index, quote in enumerate(plain.get("quotes", [])):
        if quote["kind"] == "paraphrase" or quote["source"] not in texts:
            continue
        source = texts[quote["source"]]
        needle = normalise(quote["text"])
        if needle in source:
            continue
        nearest = closest_passage(needle, source)
        if len(nearest) > 120:
            nearest = nearest[:119] + "…"
        path = ("quotes", index, "text")
        problems.append(
            merged.problem(
                path,
                f"not found word for word in source {quote['source']!r}; closest: {nearest!r}",
            )
        )
    return problems
