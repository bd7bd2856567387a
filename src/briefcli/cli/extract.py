"""The extract command: a draft dataset fragment from a news article, for a person to review."""

from __future__ import annotations

import os
import re
from datetime import date
from enum import Enum
from typing import Annotated, Optional

import typer

from ..console import terminal
from .common import write_file
from .options import Json

_ID = re.compile(r"^[a-z0-9][a-z0-9._-]{0,99}$")


class DraftFormat(str, Enum):
    yaml = "yaml"
    json = "json"


def _usage(message: str) -> typer.Exit:
    terminal.message(f"briefcli: {message}")
    return typer.Exit(2)


def extract(
    ctx: typer.Context,
    article: Annotated[
        str, typer.Argument(metavar="ARTICLE", show_default=False,
                            help="The article: plain text, Markdown or a saved web page (.html); '-' reads "
                                 "standard input.")
    ],
    day: Annotated[
        Optional[str],
        typer.Option("--date", metavar="DATE",
                     help="The article's date (YYYY-MM-DD or 'today'); default: its dateline or page."),
    ] = None,
    source_id: Annotated[
        Optional[str],
        typer.Option("--source-id", metavar="ID", help="Id of the article's source record; default: from the file name."),
    ] = None,
    output: Annotated[
        Optional[str],
        typer.Option("--output", "-o", metavar="FILE", help="Write the draft to FILE, which must not exist yet."),
    ] = None,
    standalone: Annotated[
        bool,
        typer.Option(
            "--standalone",
            help="Draft a dataset of its own even when --data or BRIEFCLI_DATA names one (without "
            "them, a draft always stands alone).",
        ),
    ] = False,
    fmt: Annotated[
        Optional[DraftFormat],
        typer.Option("--format", "-f", case_sensitive=False, show_default=False,
                     help="yaml (the draft, default) or json (the extraction, offsets included)."),
    ] = None,
    json: Json = False,
) -> None:
    """Draft the people, quotes, dates and next steps of a news article as dataset YAML."""
    from ..extract import draft as drafting
    from ..extract import source as sources
    from ..extract.reading import ExtractError, read
    from ..text import clean

    name = "json" if json or fmt == DraftFormat.json else "yaml"
    if json and fmt not in (None, DraftFormat.json):
        raise _usage(f"--json and --format {fmt.value} disagree; give one of them")
    when = _day(day)
    if source_id is not None and not _ID.match(source_id):
        raise _usage(f"--source-id {source_id!r} is not an id: use lower-case letters, digits, '.', '_' and '-'")
    if output is not None and os.path.lexists(output):
        raise _usage(f"{output} already exists; extract never writes over a file: choose a new name")

    found = sources.read(article)  # a DataError (exit 1) if it cannot be read
    dataset = None if standalone or not _named_dataset(ctx) else _dataset_in_use(ctx)
    text_path, text_note = _text_path(found, output)
    options = drafting.Options(found.label, text_path, text_note, source_id, standalone,
                               url=found.url, publisher=found.publisher)
    day_from = "option"
    if when is None and found.day is not None:
        when, day_from = found.day, "page"
    try:
        extraction = read(found.text, when, _known(dataset), day_from)
        result = drafting.build(extraction, options, dataset)
    except ExtractError as exc:
        if exc.usage:
            raise _usage(f"{found.label}: {exc}") from None
        terminal.message(f"{found.label}: {exc}")
        raise typer.Exit(1) from None

    if name == "json":
        from ..extract.report import report
        from ..render.jsonout import dumps

        text = dumps(report(extraction, result, found.label)) + "\n"
    else:
        from ..extract.yamlout import dump

        text = clean(dump(result.header, result.sections))
    if output is None:
        terminal.write(text)
        return
    if not found.in_file:  # the article's text, for the quotes to be verified against
        write_file(_text_file(output), found.text, exists_hint="extract never writes over a file: choose a new name")
    write_file(output, text, exists_hint="extract never writes over a file: choose a new name")
    plain = result.plain()
    counts = [
        _count(len(plain.get("people", [])), "new person", "new people"),
        _count(len(plain.get("quotes", [])), "quote record", "quote records"),
        _count(len(plain.get("steps", [])), "step", "steps"),
    ]
    guessed = _count(text.count("# guessed:"), "field guessed", "fields guessed")
    terminal.message(f"briefcli: wrote {output}: {', '.join(counts)}; {guessed}")
    if text_note:
        terminal.message(f"briefcli: {text_note}")


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _day(value: str | None) -> date | None:
    from .options import parse_day

    try:
        return parse_day(value)
    except typer.BadParameter:
        raise _usage(f"--date {value!r} is not a day: use YYYY-MM-DD or 'today'") from None


def _named_dataset(ctx: typer.Context) -> bool:
    """Whether the user named a dataset (--data or BRIEFCLI_DATA): only then is the draft a
    fragment of it; the shipped dataset is never assumed."""
    return bool(ctx.obj.data) or bool(os.environ.get("BRIEFCLI_DATA", "").strip())


def _dataset_in_use(ctx: typer.Context):
    from ..extract.draft import DatasetInUse
    from .common import load

    data = load(ctx)
    label = ", ".join(ctx.obj.data) if ctx.obj.data else os.environ.get("BRIEFCLI_DATA", "").strip()
    return DatasetInUse.from_plain(data.plain, label)


def _known(dataset):
    from ..extract.people import Known

    return Known(dataset.people) if dataset is not None else None


def _text_file(output: str) -> str:
    """Where the text of an article that is not in a file of its own (a page, standard input)
    is saved: beside the draft, with the draft's name and '.txt'."""
    stem, _ = os.path.splitext(output)
    return stem + ".txt"


def _text_path(found, output: str | None) -> tuple[str | None, str | None]:
    """The source's 'text' path, relative to the folder the draft will be read from."""
    if not found.in_file:
        if output is None:
            what = "a web page" if found.page else "standard input"
            return None, f"the article came from {what}: save its text and give the path as 'text'"
        return os.path.basename(_text_file(output)), "the article's text, saved beside the draft"
    article = found.label
    base = os.path.dirname(os.path.abspath(output)) if output else os.getcwd()
    try:
        rel = os.path.relpath(os.path.abspath(article), base)
    except ValueError:  # another drive
        rel = os.path.abspath(article)
    rel = rel.replace(os.sep, "/")
    if rel.startswith("../") or os.path.isabs(rel):
        return rel, "the article is outside the draft's folder: move it inside (e.g. to sources/) and fix this path"
    if output is None:
        return rel, "relative to the current folder: save the draft here, or fix this path"
    return rel, None
