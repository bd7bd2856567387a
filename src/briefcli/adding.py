"""Starting a dataset folder and adding an article to it (``init`` and ``add``).

A dataset folder holds ``process.yaml`` (the ``dataset`` section), one YAML file per article,
and the articles' text in ``sources/``. :func:`init` writes the first; :func:`add` stores an
article's text in ``sources/`` and writes the draft that :mod:`briefcli.extract` makes of it as
a new file, as a fragment of the folder's dataset: people already there are referred to by id,
and ids never clash. Nothing is ever written over an existing file: a name that is taken gets
a number (``-2``, ``-3``...). An article already in the dataset (the same bytes as a source's
text, or the same URL) is recognised and not added again.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from datetime import date

from .errors import BriefError, UsageProblem

PROCESS_FILE = "process.yaml"
SOURCES = "sources"


class AddError(BriefError):
    """The article or the folder cannot be used (exit 1)."""


@dataclass
class Added:
    """What :func:`add` did, for the report a person reviews."""

    folder: str
    source_id: str = ""
    already: str | None = None  # the source that already holds the article
    text_file: str | None = None  # relative to the folder; None if an existing file was reused
    draft_file: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    guessed: list[str] = field(default_factory=list)
    reused_people: list[str] = field(default_factory=list)
    problems: list = field(default_factory=list)


def init(folder: str, title: str, process: str | None = None, summary: str | None = None) -> str:
    """Start an empty dataset in ``folder`` (new, or an empty folder); return the file written."""
    from .extract.yamlout import Mapping, Section, dump

    if os.path.exists(folder) and (not os.path.isdir(folder) or os.listdir(folder)):
        raise UsageProblem(f"{folder} already exists and is not an empty folder")
    info = Mapping().add("title", title).add("process", process or title)
    info.add("summary", summary or "Nothing summarised yet.",
             None if summary else "write the process in brief")
    header = [
        f"The dataset's own section. Add an article with: briefcli add ARTICLE --into {folder}",
        "as_of is left out: the dataset is current to its latest source.",
    ]
    text = dump(header, [Section("dataset", info)])
    os.makedirs(os.path.join(folder, SOURCES), exist_ok=True)
    path = os.path.join(folder, PROCESS_FILE)
    _write_new(path, text.encode("utf-8"))
    return path


def add(article: str, folder: str, day: date | None = None, url: str | None = None,
        publisher: str | None = None) -> Added:
    """Add ``article`` to the dataset in ``folder`` (see the module's doc)."""
    from .extract import draft as drafting
    from .extract.people import Known as KnownPeople
    from .extract.reading import ExtractError, read
    from .load import check_all
    from .load.problems import DataError
    from .load.yamlread import read_text

    raw = read_text(article)  # a DataError if it cannot be read
    with open(article, "rb") as handle:
        body = handle.read()
    plain, problems, merged = check_all([folder])
    errors = [p for p in problems if p.severity == "error"]
    if plain is None or errors:
        raise DataError(errors or problems)
    result = Added(folder)
    result.already = _already(plain, merged.text_files, body, url)
    if result.already:
        return result
    stored = _stored_copy(folder, body) or _free_name(folder, os.path.basename(article))
    text_path = f"{SOURCES}/{stored}"
    dataset = drafting.DatasetInUse.from_plain(plain, folder)
    if "as_of" not in (merged.raw.get("dataset") or {}):
        dataset.as_of = None  # the folder is current to its latest source: this one, now
    options = drafting.Options(article, text_path, None, None, False)
    try:
        extraction = read(raw, day, KnownPeople(dataset.people))
        draft = drafting.build(extraction, options, dataset)
    except ExtractError as exc:
        raise (UsageProblem if exc.usage else AddError)(f"{article}: {exc}") from None
    _override(draft, url, publisher)
    result.source_id = draft.source_id
    stem = draft.source_id
    if extraction.day.isoformat() not in stem:
        stem = f"{extraction.day.isoformat()}-{stem}"
    result.draft_file = _free_name(folder, f"{stem}.yaml")
    text = _draft_text(draft)
    if not os.path.exists(os.path.join(folder, SOURCES, stored)):
        _write_new(os.path.join(folder, SOURCES, stored), body)
        result.text_file = text_path
    _write_new(os.path.join(folder, result.draft_file), text.encode("utf-8"))
    plain_draft = draft.plain()
    result.counts = {k: len(plain_draft.get(k, [])) for k in ("people", "quotes", "steps")}
    result.guessed = [line.strip() for line in text.splitlines() if "# guessed:" in line]
    result.reused_people = [p["id"] for p in dataset.people
                            if p["id"] in draft.person_ids.values()]
    result.problems = check_all([folder])[1]
    return result


def _already(plain: dict, text_files: dict[str, str], body: bytes, url: str | None) -> str | None:
    """The id of a source that already holds this article (same bytes, or same URL)."""
    digest = hashlib.sha256(body).digest()
    for sid, path in text_files.items():
        try:
            with open(path, "rb") as handle:
                if hashlib.sha256(handle.read()).digest() == digest:
                    return sid
        except OSError:
            continue
    if url:
        wanted = url.strip().rstrip("/")
        for source in plain.get("sources", []):
            if (source.get("url") or "").strip().rstrip("/") == wanted:
                return source["id"]
    return None


def _stored_copy(folder: str, body: bytes) -> str | None:
    """A file in sources/ that already holds these bytes (left by an earlier, unfinished add)."""
    where = os.path.join(folder, SOURCES)
    for name in sorted(os.listdir(where)) if os.path.isdir(where) else []:
        path = os.path.join(where, name)
        if os.path.isfile(path) and os.path.getsize(path) == len(body):
            with open(path, "rb") as handle:
                if handle.read() == body:
                    return name
    return None


def _free_name(folder: str, name: str) -> str:
    """``name``, or ``name`` with -2, -3... before its suffix, whichever is not taken."""
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    where = folder if name.endswith(".yaml") else os.path.join(folder, SOURCES)
    candidate, number = name, 1
    while os.path.lexists(os.path.join(where, candidate)):
        number += 1
        candidate = f"{stem}-{number}{dot}{suffix}"
    return candidate


def _override(draft, url: str | None, publisher: str | None) -> None:
    """Put what the person gave (--url, --publisher) in the draft's source record."""
    from .extract.yamlout import Field

    source = next(s for s in draft.sections if s.name == "sources").value[0]
    if publisher:
        for index, item in enumerate(source.fields):
            if item.key == "publisher":
                source.fields[index] = Field("publisher", publisher)
    if url:
        at = next(i for i, f in enumerate(source.fields) if f.key == "published") + 1
        source.fields.insert(at, Field("url", url))


def _draft_text(draft) -> str:
    from .extract.yamlout import dump
    from .text import clean

    return clean(dump(draft.header, draft.sections))


def _write_new(path: str, body: bytes) -> None:
    """Write a new file whole; never over an existing one."""
    from . import atomic

    try:
        atomic.write_bytes(path, body, force=False)
    except atomic.TargetExists:
        raise UsageProblem(f"{path} already exists; briefcli never writes over a file") from None
    except OSError as exc:
        raise AddError(f"cannot write {path}: {exc.strerror or type(exc).__name__}") from None


def report(result: Added) -> list[str]:
    """What :func:`add` did and what a person should review, one line each."""
    if result.already:
        return [f"Already in {result.folder}: source {result.already!r}; nothing added."]
    counts = result.counts
    lines = [f"Added {result.source_id!r} to {result.folder}:"]
    if result.text_file:
        lines.append(f"  {result.text_file}  the article's text")
    lines.append(
        f"  {result.draft_file}  the draft: {_count(counts['people'], 'new person', 'new people')}, "
        f"{_count(counts['quotes'], 'quote record', 'quote records')}, "
        f"{_count(counts['steps'], 'step', 'steps')}"
    )
    if result.reused_people:
        lines.append("Already in the dataset, referred to by id: " + ", ".join(result.reused_people))
    lines.append(f"Review {result.draft_file}: "
                 f"{_count(len(result.guessed), 'field', 'fields')} marked '# guessed:'.")
    lines.append("A step this article reports on (done, moved, dropped) belongs in 'revisions'.")
    errors = [p for p in result.problems if p.severity == "error"]
    if errors:
        lines.append(f"The dataset does not validate yet ({_count(len(errors), 'error', 'errors')}):")
        lines += [f"  {p}" for p in errors[:10]]
    else:
        lines.append(f"The dataset validates: briefcli --data {result.folder} brief")
    return lines


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"
