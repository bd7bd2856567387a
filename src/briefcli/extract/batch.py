"""Drafting articles: one (the command's default) or many at once, in parallel.

:func:`draft` turns one article into the draft's text; :func:`draft_many` drafts a list of
articles into a folder, one draft per article, on every core (a process each: extraction is
pure Python, so threads would share one core), and returns what each needs reviewed.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")


@dataclass
class Drafted:
    text: str  # the draft (YAML) or the extraction (JSON)
    source: object  # extract.source.Source
    draft: object  # extract.draft.Draft
    extraction: object  # extract.reading.Extraction
    text_note: str | None


def text_file(output: str) -> str:
    """Where the text of an article that is not a file of its own (a page, standard input) is
    saved: beside the draft, with the draft's name and '.txt'."""
    stem, _ = os.path.splitext(output)
    return stem + ".txt"


def text_path(found, output: str | None) -> tuple[str | None, str | None]:
    """The source's 'text' path, relative to the folder the draft will be read from."""
    if not found.in_file:
        if output is None:
            what = "a web page" if found.page else "standard input"
            return None, f"the article came from {what}: save its text and give the path as 'text'"
        return os.path.basename(text_file(output)), "the article's text, saved beside the draft"
    base = os.path.dirname(os.path.abspath(output)) if output else os.getcwd()
    try:
        rel = os.path.relpath(os.path.abspath(found.label), base)
    except ValueError:  # another drive
        rel = os.path.abspath(found.label)
    rel = rel.replace(os.sep, "/")
    if rel.startswith("../") or os.path.isabs(rel):
        return rel, "the article is outside the draft's folder: move it inside (e.g. to sources/) and fix this path"
    if output is None:
        return rel, "relative to the current folder: save the draft here, or fix this path"
    return rel, None


def draft(article: str, output: str | None, day: date | None, dataset=None, source_id: str | None = None,
          standalone: bool = False, fmt: str = "yaml") -> Drafted:
    """Read ``article`` and draft it; raises DataError (unreadable) or ExtractError."""
    from ..text import clean
    from . import draft as drafting
    from . import source as sources
    from .people import Known
    from .reading import read

    found = sources.read(article)
    path, note = text_path(found, output)
    options = drafting.Options(found.label, path, note, source_id, standalone, url=found.url,
                               publisher=found.publisher)
    day_from = "option"
    if day is None and found.day is not None:
        day, day_from = found.day, "page"
    known = Known(dataset.people) if dataset is not None else None
    extraction = read(found.text, day, known, day_from)
    result = drafting.build(extraction, options, dataset)
    if fmt == "json":
        from ..render.jsonout import dumps
        from .report import report

        text = dumps(report(extraction, result, found.label)) + "\n"
    else:
        from .yamlout import dump

        text = clean(dump(result.header, result.sections))
    return Drafted(text, found, result, extraction, note)


@dataclass
class Done:
    """One article of a batch: its draft, or why there is none, and what needs review."""

    article: str
    output: str | None = None
    error: str | None = None
    people: int = 0
    quotes: int = 0
    steps: int = 0
    review: list[str] = field(default_factory=list)


def find_articles(paths: list[str]) -> list[str]:
    """The articles named: files as given, folders by their article files (sorted, recursive)."""
    out: list[str] = []
    for path in paths:
        if os.path.isdir(path):
            for root, dirs, names in os.walk(path):
                dirs.sort()
                out.extend(os.path.join(root, n) for n in sorted(names)
                           if n.lower().endswith(SUFFIXES) and not n.startswith("."))
        else:
            out.append(path)
    return out


def targets(articles: list[str], folder: str) -> list[str]:
    """One draft per article in ``folder``, named after it (a number added if two share a name)."""
    taken: set[str] = set()
    out = []
    for article in articles:
        stem = os.path.splitext(os.path.basename(article))[0] or "article"
        name, n = stem, 2
        while name in taken:
            name, n = f"{stem}-{n}", n + 1
        taken.add(name)
        out.append(os.path.join(folder, name + ".yaml"))
    return out


def draft_one(job: tuple) -> Done:
    """Draft one article of a batch and write it (run in a worker process)."""
    from .. import atomic
    from ..errors import BriefError
    from .reading import ExtractError

    article, output, day, dataset, standalone = job
    done = Done(article, output)
    try:
        made = draft(article, output, day, dataset, standalone=standalone)
        if not made.source.in_file:
            atomic.write_text(text_file(output), made.source.text)
        atomic.write_text(output, made.text)
    except (BriefError, ExtractError) as exc:
        done.output, done.error = None, " ".join(str(exc).split())
        return done
    except OSError as exc:
        done.output, done.error = None, f"cannot write {output}: {exc.strerror or type(exc).__name__}"
        return done
    plain = made.draft.plain()
    done.people, done.quotes, done.steps = (len(plain.get(k, [])) for k in ("people", "quotes", "steps"))
    x = made.extraction
    unattributed = sum(1 for q in x.quotes if q.speaker is None)
    guessed = made.text.count("# guessed:")
    if unattributed:
        done.review.append(f"{unattributed} quote{'s' if unattributed > 1 else ''} without a speaker")
    if x.unclosed:
        done.review.append(f"{len(x.unclosed)} unclosed quotation mark{'s' if len(x.unclosed) > 1 else ''}")
    if guessed:
        done.review.append(f"{guessed} guessed field{'s' if guessed > 1 else ''}")
    if made.text_note and made.source.in_file:
        done.review.append("the article is outside the drafts' folder: fix the source's text path")
    return done


def draft_many(articles: list[str], outputs: list[str], day, dataset, standalone: bool, advance=None) -> list[Done]:
    """Draft every article into its output, on all cores; ``advance()`` after each one."""
    jobs = [(a, o, day, dataset, standalone) for a, o in zip(articles, outputs)]
    workers = min(len(jobs), os.cpu_count() or 1)
    if workers <= 1:
        results = []
        for job in jobs:
            results.append(draft_one(job))
            if advance:
                advance()
        return results
    from concurrent.futures import ProcessPoolExecutor

    results = []
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for done in pool.map(draft_one, jobs, chunksize=1):
            results.append(done)
            if advance:
                advance()
    return results
