"""Commands for people who keep a dataset: validate, schema."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from ..console import terminal
from .common import Settings, data_paths
from .options import Format, Json


def validate(
    ctx: typer.Context,
    paths: Annotated[
        Optional[list[str]],
        typer.Argument(
            help="Files or folders to check; default: the dataset in use.",
            metavar="PATH",
            show_default=False,
        ),
    ] = None,
    strict: Annotated[bool, typer.Option(help="Treat warnings as errors.")] = False,
    fmt: Format = None,
    json: Json = False,
) -> None:
    """Check a dataset: YAML, fields, ids, references, dates and every quote against its source.

    Prints OK with the number of records of each kind, or every problem as
    FILE:LINE:COL: WHERE: MESSAGE. Exit 1 on any error (and on warnings with --strict).
    """
    from ..load import check_all, summary
    from ..load.problems import DataError

    settings: Settings = ctx.obj
    chosen = paths or data_paths(settings)
    try:
        plain, problems, _ = check_all(chosen)
    except DataError as exc:  # nothing could be read at all (e.g. an empty folder)
        plain, problems = None, exc.problems
    report = summary(chosen, plain, problems, strict)
    name = "json" if json or (fmt is not None and fmt.value == "json") else None
    if fmt is not None and fmt.value not in ("json", "table"):
        raise typer.BadParameter("validate prints table (text) or json")
    if name == "json":
        from ..render.jsonout import dumps

        terminal.write(dumps(report) + "\n")
    else:
        for line in DataError(problems).lines():  # at most 50, then "and N more"
            terminal.message(line)
        if report["ok"]:
            counts = ", ".join(_count(n, k) for k, n in report["counts"].items())
            terminal.write(f"OK: {counts}\n")
    if not report["ok"]:
        raise typer.Exit(1)


def _count(number: int, collection: str) -> str:
    from ..load.checks import NOUN

    return f"{number} {NOUN[collection] if number == 1 else collection}"


def schema() -> None:
    """Print the dataset's JSON Schema, for editors and other validators."""
    from ..render.jsonout import dumps
    from ..schema import dataset_schema

    terminal.write(dumps(dataset_schema()) + "\n")
