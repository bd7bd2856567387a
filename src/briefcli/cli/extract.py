"""The extract command: a draft dataset fragment from a news article, for a person to review."""

from __future__ import annotations

import os
import re
from contextlib import contextmanager
from datetime import date

import click

from ..console import terminal
from .command import command
from .common import write_file
from .options import chosen_format, output_format


def _valid_id(text: str) -> bool:
    from ..terms import ID_MAX_LENGTH, ID_PATTERN

    return len(text) <= ID_MAX_LENGTH and re.match(ID_PATTERN, text) is not None


def _usage(message: str) -> click.exceptions.Exit:
    terminal.message(f"briefcli: {message}")
    return click.exceptions.Exit(2)


@command("extract", "briefcli extract article.txt --date 2018-02-05 -o draft.yaml")
@click.argument("articles", metavar="ARTICLE...", nargs=-1, required=True,
                help="The article: plain text, Markdown or a saved web page (.html); '-' reads "
                "standard input. Several articles, or a folder of them, are drafted in parallel "
                "into the folder -o names.")
@click.option("--date", "day", metavar="DATE",
              help="The article's date (YYYY-MM-DD or 'today'); default: its dateline or page.")
@click.option("--source-id", metavar="ID",
              help="Id of the article's source record; default: from the file name.")
@click.option("--output", "-o", metavar="FILE",
              help="Write the draft to FILE, which must not exist yet (for several articles: a "
              "folder).")
@click.option("--standalone", is_flag=True,
              help="Draft a dataset of its own even when --data or BRIEFCLI_DATA names one "
              "(without them, a draft always stands alone).")
@output_format(("yaml", "json"), default="yaml",
               notes="; yaml is the draft, json the extraction with its offsets")
@click.pass_context
def extract(ctx: click.Context, articles: tuple[str, ...], day: str | None,
            source_id: str | None, output: str | None, standalone: bool, fmt: str | None,
            json_flag: bool) -> None:
    """Draft the people, quotes, dates and next steps of a news article as dataset YAML."""
    from ..extract import batch

    name = chosen_format(fmt, json_flag, default="yaml")
    when = _day(day)
    if source_id is not None and not _valid_id(source_id):
        raise _usage(f"--source-id {source_id!r} is not an id: use lower-case letters, digits, '.', '_' and '-'")
    dataset = None if standalone or not _named_dataset(ctx) else _dataset_in_use(ctx)
    if len(articles) > 1 or os.path.isdir(articles[0]):
        return _many(articles, output, when, dataset, standalone, name, source_id)
    article = articles[0]
    if output is not None and os.path.lexists(output):
        raise _usage(f"{output} already exists; extract never writes over a file: choose a new name")

    from ..extract.reading import ExtractError

    try:
        made = batch.draft(article, output, when, dataset, source_id, standalone, name)
    except ExtractError as exc:
        label = "<stdin>" if article == "-" else article
        if exc.usage:
            raise _usage(f"{label}: {exc}") from None
        terminal.message(f"{label}: {exc}")
        raise click.exceptions.Exit(1) from None
    if output is None:
        terminal.write(made.text)
        return
    if not made.source.in_file:  # the article's text, for the quotes to be verified against
        write_file(batch.text_file(output), made.source.text,
                   exists_hint="extract never writes over a file: choose a new name")
    write_file(output, made.text, exists_hint="extract never writes over a file: choose a new name")
    plain = made.draft.plain()
    counts = [
        _count(len(plain.get("people", [])), "new person", "new people"),
        _count(len(plain.get("quotes", [])), "quote record", "quote records"),
        _count(len(plain.get("steps", [])), "step", "steps"),
    ]
    guessed = _count(made.text.count("# guessed:"), "field guessed", "fields guessed")
    terminal.message(f"briefcli: wrote {output}: {', '.join(counts)}; {guessed}")
    if made.text_note:
        terminal.message(f"briefcli: {made.text_note}")


def _many(paths, output, when, dataset, standalone, name, source_id) -> None:
    """Several articles, or folders of them: one draft each in the folder -o names."""
    from ..extract import batch

    if output is None:
        raise _usage("several articles need -o FOLDER, the folder their drafts go to")
    if name == "json" or source_id is not None:
        raise _usage("--json and --source-id apply to one article; give them one at a time")
    if "-" in paths:
        raise _usage("'-' (standard input) is one article: give it alone")
    articles = batch.find_articles(paths)
    if not articles:
        raise _usage(f"no articles ({', '.join(batch.SUFFIXES)}) in {', '.join(paths)}")
    if os.path.lexists(output) and not os.path.isdir(output):
        raise _usage(f"{output} is not a folder; several articles need -o FOLDER")
    outputs = batch.targets(articles, output)
    taken = [o for o in outputs + [batch.text_file(o) for o in outputs] if os.path.lexists(o)]
    if taken:
        raise _usage(f"{taken[0]} already exists; extract never writes over a file: choose a new folder")
    try:
        os.makedirs(output, exist_ok=True)
    except OSError as exc:
        terminal.message(f"briefcli: cannot write {output}: {exc.strerror or type(exc).__name__}")
        raise click.exceptions.Exit(1) from None
    with _progress(len(articles)) as advance:
        results = batch.draft_many(articles, outputs, when, dataset, standalone, advance)
    _summary(results, output)
    if any(done.error for done in results):
        raise click.exceptions.Exit(1)


@contextmanager
def _progress(total: int):
    """A bar on stderr, only at a terminal."""
    import sys

    if not sys.stderr.isatty():
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    with Progress(TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), console=terminal.err,
                  transient=True) as bar:
        task = bar.add_task("extract", total=total)
        yield lambda: bar.advance(task)


def _summary(results, folder: str) -> None:
    wrote = [d for d in results if d.error is None]
    quotes = sum(d.quotes for d in wrote)
    terminal.message(f"briefcli: wrote {len(wrote)} of {len(results)} drafts to {folder}: "
                     f"{_count(quotes, 'quote record', 'quote records')}, "
                     f"{_count(sum(d.people for d in wrote), 'person', 'people')}, "
                     f"{_count(sum(d.steps for d in wrote), 'step', 'steps')}")
    for done in results:
        if done.error:
            terminal.message(f"briefcli: {done.article}: not drafted: {done.error}")
    review = [d for d in wrote if d.review]
    if review:
        terminal.message(f"briefcli: to review ({len(review)}):")
        for done in review:
            terminal.message(f"  {done.output}: {'; '.join(done.review)}")


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _day(value: str | None) -> date | None:
    from .options import DAY

    if value is None:
        return None
    try:
        return DAY.convert(value, None, None)
    except click.BadParameter:
        raise _usage(f"--date {value!r} is not a day: use YYYY-MM-DD or 'today'") from None


def _named_dataset(ctx: click.Context) -> bool:
    """Whether the user named a dataset (--data or BRIEFCLI_DATA): only then is the draft a
    fragment of it; the shipped dataset is never assumed."""
    return bool(ctx.obj.data) or bool(os.environ.get("BRIEFCLI_DATA", "").strip())


def _dataset_in_use(ctx: click.Context):
    from ..extract.draft import DatasetInUse
    from .common import load

    data = load(ctx)
    label = ", ".join(ctx.obj.data) if ctx.obj.data else os.environ.get("BRIEFCLI_DATA", "").strip()
    return DatasetInUse.from_plain(data.plain, label)
