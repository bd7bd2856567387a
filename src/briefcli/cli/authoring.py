"""Commands for people who keep a dataset: validate, schema."""

from __future__ import annotations

import click

from ..console import terminal
from .command import command
from .common import Settings, data_paths
from .options import chosen_format, output_format


@command("validate", "briefcli validate examples/compact-by-article/")
@click.argument("paths", metavar="[PATH]...", nargs=-1,
          help="Files or folders to check; default: the dataset in use.")
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@output_format(("table", "json"), notes="; table prints OK or one problem a line")
@click.pass_context
def validate(ctx: click.Context, paths: tuple[str, ...], strict: bool, fmt: str | None,
             json_flag: bool) -> None:
    """Check a dataset: YAML, fields, ids, references, dates and every quote against its source.

    Prints OK with the number of records of each kind, or every problem as
    FILE:LINE:COL: WHERE: MESSAGE. Exit 1 on any error (and on warnings with --strict).
    """
    from ..load import check_all, summary
    from ..load.problems import DataError

    settings: Settings = ctx.obj
    chosen = list(paths) or data_paths(settings)
    try:
        plain, problems, _ = check_all(chosen)
    except DataError as exc:  # nothing could be read at all (e.g. an empty folder)
        plain, problems = None, exc.problems
    report = summary(chosen, plain, problems, strict)
    if chosen_format(fmt, json_flag) == "json":
        from ..render.jsonout import dumps

        terminal.write(dumps(report) + "\n")
    else:
        for line in DataError(problems).lines():  # at most 50, then "and N more"
            terminal.message(line)
        if report["ok"]:
            counts = ", ".join(_count(n, k) for k, n in report["counts"].items())
            terminal.write(f"OK: {counts}\n")
    if not report["ok"]:
        ctx.exit(1)


def _count(number: int, collection: str) -> str:
    from ..load.checks import NOUN

    return f"{number} {NOUN[collection] if number == 1 else collection}"


@command("schema", "briefcli schema > briefcli.schema.json")
def schema() -> None:
    """Print the dataset's JSON Schema, for editors and other validators."""
    from ..render.jsonout import dumps
    from ..schema import dataset_schema

    terminal.write(dumps(dataset_schema()) + "\n")
