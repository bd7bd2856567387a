"""Proof that quotes are word for word: each direct or partial quote must occur in its source."""

from __future__ import annotations

import os
import re
import stat

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


MAX_QUOTE = 5_000  # characters of a quote checked word for word
HINT_BUDGET = 200_000_000  # characters of source text searched for closest passages, per load
_ANCHORS = 12  # places in a quote looked up in its source


class Hints:
    """The closest passage of a source for each quote not found in it, within a budget of
    characters searched per load, so that no dataset can make the hints slow."""

    def __init__(self, budget: int = HINT_BUDGET) -> None:
        self.budget = budget

    def closest(self, needle: str, haystack: str) -> str | None:
        """:func:`closest_passage`, or None once the budget is spent."""
        if self.budget <= 0:
            return None
        return closest_passage(needle, haystack, self)


def closest_passage(needle: str, haystack: str, hints: Hints | None = None) -> str:
    """The stretch of ``haystack`` (normalised) that best matches ``needle`` (normalised): the
    place where most of a dozen runs of the needle's words (six words, else three, else its
    longest words) line up, found by searching the haystack for each, so it costs a few dozen
    passes over the haystack at most, whatever the sizes. Empty when no word of the needle is
    in the haystack. The characters searched are taken from ``hints``' budget."""
    if not haystack or not needle:
        return ""
    hints = hints or Hints()
    words = needle.split(" ")
    offsets = [0]
    for word in words[:-1]:
        offsets.append(offsets[-1] + len(word) + 1)
    for span in (6, 3):  # runs of words, long ones first: they rarely occur twice
        span = min(span, len(words))
        places = range(len(words) - span + 1)
        step = max(1, len(places) // _ANCHORS)
        anchors = [(" ".join(words[i : i + span]), offsets[i]) for i in places[::step][:_ANCHORS]]
        votes = _votes(anchors, haystack, hints)
        if votes:
            break
    else:  # no run of words is there: the longest words alone
        longest = sorted(range(len(words)), key=lambda i: -len(words[i]))[:_ANCHORS]
        votes = _votes([(words[i], offsets[i]) for i in sorted(longest)], haystack, hints)
    if not votes:
        return ""
    start = max(votes, key=lambda at: (votes[at], -at))
    return haystack[start : start + len(needle)]


def _votes(anchors: list[tuple[str, int]], haystack: str, hints: Hints) -> dict[int, int]:
    """For each anchor (a piece of the needle and where it stands in it) found in the haystack,
    a vote for where the needle would start there (its first three places at most)."""
    votes: dict[int, int] = {}
    for piece, offset in anchors:
        at = haystack.find(piece)
        for _ in range(3):
            hints.budget -= len(haystack) if at < 0 else at + 1
            if at < 0:
                break
            start = max(0, at - offset)
            votes[start] = votes.get(start, 0) + 1
            at = haystack.find(piece, at + 1)
    return votes


OUTSIDE = "the text must be a relative path inside the dataset file's folder"


def text_path(merged: Merged, index: int, rel: str, folders: dict | None = None) -> str:
    """The real path of source ``index``'s text, which must lie inside its YAML file's folder.

    A dataset is untrusted: it may not make briefcli read (and quote back in an error) a file
    elsewhere on the machine, through an absolute path, '..' or a symbolic link.
    """
    return located_text(merged, index, rel, folders)[0]


def located_text(merged: Merged, index: int, rel: str, folders: dict | None = None):
    """:func:`text_path`, and the text's status where finding the path took it (see
    :func:`located_in`)."""
    origin, _ = merged.local(("sources", index))  # the file only: no positions needed
    file = origin.file if origin is not None else ""
    return located_in(merged.files.get(file, file), rel, folders)


def located_in(dataset_file: str, rel: str, folders: dict | None = None):
    """The real path of a text named ``rel`` in ``dataset_file`` (see :func:`text_path`), and
    its status (``os.lstat``) when it names a file that is not a link (then its lstat is its
    stat), else None. ``folders`` keeps the folders (and each dataset file's folder) resolved
    so far."""
    folders = {} if folders is None else folders  # real folders, per call: cwd may change
    base = folders.get((dataset_file,))
    if base is None:
        folder = os.path.dirname(dataset_file) or "."
        base = folders.get(folder) or folders.setdefault(folder, os.path.realpath(folder))
        folders[(dataset_file,)] = base
    if os.path.isabs(rel):
        raise ValueError(OUTSIDE)
    parent, leaf = os.path.split(os.path.join(base, rel))
    info = None
    if leaf not in ("", ".", ".."):  # only the folder can hold a link: resolve it once
        real = folders.get(parent) or folders.setdefault(parent, os.path.realpath(parent))
        full = os.path.join(real, leaf)
        try:
            info = os.lstat(full)
        except (OSError, ValueError):
            pass  # reading it says why it cannot be read
    if leaf in ("", ".", "..") or (info is not None and stat.S_ISLNK(info.st_mode)):
        full, info = os.path.realpath(os.path.join(base, rel)), None
    if not (full == base or full.startswith(base.rstrip(os.sep) + os.sep)):
        raise ValueError(OUTSIDE)
    return full, info


def still_located_each(dataset_file: str, texts: list[tuple[str, str | None]], folders: dict):
    """For each (``rel``, ``full``) of ``texts`` named in ``dataset_file``, in order: the
    status (``os.lstat``) of ``full``, the text :func:`located_in` found for ``rel`` before, if
    it is still a file of that name inside the dataset file's folder, with no link on the way
    (its folder still a real path) and not a link itself; else None (as for a ``full`` that
    was not found before). As a query from a good answer does, this takes the folder found
    before, should a link that led to it now lead to another folder of the dataset; anything
    else is looked for again. ``folders``: as for :func:`located_in`, and shared with it."""
    base = folders.get((dataset_file,))
    if base is None:
        folder = os.path.dirname(dataset_file) or "."
        base = folders.get(folder) or folders.setdefault(folder, os.path.realpath(folder))
        folders[(dataset_file,)] = base
    inside = base.rstrip(os.sep) + os.sep
    basename, dirname, lstat, is_link = os.path.basename, os.path.dirname, os.lstat, stat.S_ISLNK
    posix = os.sep == "/" and os.altsep is None  # (then posixpath's steps, done inline below)
    for rel, full in texts:
        if full is None:
            yield None
            continue
        if posix:  # 10,000 texts: 30 ms less than calling basename and dirname
            cut = full.rfind("/") + 1
            name, head = full[cut:], full[:cut]
            parent = head.rstrip("/") or head
            same = name == rel[rel.rfind("/") + 1:]
        else:
            same, parent = basename(full) == basename(rel), dirname(full)
        if not same or not full.startswith(inside):
            yield None
            continue
        if (folders.get(parent) or folders.setdefault(parent, os.path.realpath(parent))) != parent:
            yield None
            continue
        try:
            info = lstat(full)
        except (OSError, ValueError):
            yield None
            continue
        yield None if is_link(info.st_mode) else info


def no_text(source_id: str, quotes: int) -> str:
    """Why a source's quotes go unverified: it names no text."""
    some = "its quote" if quotes == 1 else f"its {quotes} quotes"
    return (f"source {source_id!r} has no text, so {some} cannot be verified word for word "
            "(an article's text is stored only where it may be kept; give it as 'text' to check them)")


def source_texts(plain: dict, merged: Merged, problems: list[Problem], skip=frozenset(),
                 quoted: dict[str, list[int]] | None = None):
    """Each source's id and its text as a reader sees it, one at a time, in dataset order.

    A source without text is a warning when it has quotes to verify (``quoted``: source id ->
    the indexes of its direct and partial quotes); one whose text cannot be read is an error
    where the dataset names the file. Texts are yielded, not kept, so a dataset of thousands of articles
    holds one at a time. Sources in ``skip`` (id -> text path, verified before, see
    ``load._verify``) are not read.
    """
    quoted = quoted or {}
    folders: dict = {}  # see located_in
    dataset_files = {os.path.realpath(real) for real in merged.files.values()}
    for index, source in enumerate(plain.get("sources", [])):
        rel = source.get("text")
        path = ("sources", index, "text")
        if source["id"] in skip:  # verified before: its text's path is known and checked
            merged.text_files[source["id"]] = skip[source["id"]]
            continue
        if not rel:
            if quoted.get(source["id"]):  # a source with no quotes to verify needs no text
                problems.append(merged.problem(
                    ("sources", index, "id"), no_text(source["id"], len(quoted[source["id"]])),
                    severity="warning"))
            continue
        try:
            full = text_path(merged, index, rel, folders)
        except ValueError as exc:
            problems.append(merged.problem(path, str(exc)))
            continue
        if full in dataset_files:  # a quote would be found in its own YAML
            problems.append(merged.problem(path, "the text is a file of the dataset itself, not a source's text"))
            continue
        merged.text_files[source["id"]] = full
        try:
            text = reading_text(read_text(full, rel))
        except DataError as exc:  # report it where the dataset names the file
            reason = str(exc).split(": ", 1)[-1]
            problems.append(merged.problem(path, f"cannot read {rel[:80]!r}: {reason}"))
            continue
        yield source["id"], text


def passages(quote: dict) -> list[str]:
    """What of a quote must be in its source: its text, or each of its parts (the joined text
    need not be there)."""
    return quote.get("parts") or [quote["text"]]


def needles(quote: dict, index: int) -> list[tuple[tuple, str]]:
    """The :func:`passages` of quote ``index``, each with its path."""
    parts = quote.get("parts")
    if parts:
        return [(("quotes", index, "parts", k), p) for k, p in enumerate(parts)]
    return [(("quotes", index, "text"), quote["text"])]


def all_found(words: list[str], source: str) -> bool:
    """Whether each of ``words`` (the :func:`passages` of quotes) is in the text ``source``
    (a source file's text as read), within the length checked word for word."""
    text = reading_text(source)
    for passage in words:
        needle = normalise(passage)
        if len(needle) > MAX_QUOTE or needle not in text:
            return False
    return True


def verify_quotes(plain: dict, merged: Merged, skip=frozenset()) -> list[Problem]:
    """Every direct and partial quote must occur word for word in its source's text (sources
    in ``skip`` excepted)."""
    problems: list[Problem] = []
    by_source: dict[str, list[int]] = {}
    for index, quote in enumerate(plain.get("quotes", [])):
        if quote["kind"] != "paraphrase":
            by_source.setdefault(quote["source"], []).append(index)
    quotes = plain.get("quotes", [])
    hints = Hints()
    for source_id, text in source_texts(plain, merged, problems, skip, by_source):
        for index in by_source.get(source_id, ()):
            for path, words in needles(quotes[index], index):
                needle = normalise(words)
                if len(needle) > MAX_QUOTE:
                    problems.append(merged.problem(path, (
                        f"the quote is {len(needle):,} characters, over the {MAX_QUOTE:,} that are "
                        "checked word for word: split it into several quotes")))
                    continue
                if needle in text:
                    continue
                message = f"not found word for word in source {source_id!r}"
                nearest = hints.closest(needle, text)
                if nearest:
                    if len(nearest) > 120:
                        nearest = nearest[:119] + "…"
                    message += f"; closest: {nearest!r}"
                elif nearest == "":
                    message += "; no passage of it comes close"
                else:
                    message += " (too many quotes to look for the closest passage of each)"
                problems.append(merged.problem(path, message))
    return problems
