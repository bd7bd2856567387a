"""Commands for people who keep a dataset: validate, schema."""

from __future__ import annotations

import click

from ..console import terminal
from .command import command
from ..text import clean
from .common import Settings, data_paths
from .options import chosen_format, output_format


@command("validate", "briefcli validate examples/compact-by-article/")
@click.argument("paths", metavar="[PATH]...", nargs=-1,
          help="Files or folders to check; default: the dataset in use.")
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.option("--verbose", "-v", is_flag=True, help="Also list the files read and the folders skipped.")
@output_format(("table", "json"), notes="; table prints OK or one problem a line")
@click.pass_context
def validate(ctx: click.Context, paths: tuple[str, ...], strict: bool, verbose: bool, fmt: str | None,
             json_flag: bool) -> None:
    """Check a dataset: YAML, fields, ids, references, dates and every quote against its source.

    Prints OK with the number of records of each kind, or every problem as
    FILE:LINE:COL: WHERE: MESSAGE. Exit 1 on any error (and on warnings with --strict).
    """
    from .. import dataset
    from ..load import summary
    from ..load.problems import DataError
    from .progress import loading

    settings: Settings = ctx.obj
    chosen = list(paths) or data_paths(settings)
    result = dataset.check(chosen, no_cache=settings.no_cache, progress=loading)
    report = summary(chosen, result, strict)
    if chosen_format(fmt, json_flag) == "json":
        from ..render.jsonout import dumps

        terminal.write(dumps(report) + "\n")
    else:
        if verbose:
            for file in result.files:
                terminal.message(f"briefcli: read {clean(file.name)}")
            for folder in result.skipped:
                terminal.message(f"briefcli: skipped {clean(folder)} (not part of a dataset)")
            for source_id in _untexted(result.store):
                terminal.message(f"briefcli: source {clean(source_id)!r} has no text (it has no quotes to verify)")
        # errors first, each kind in file order (so no error hides behind fifty warnings); at
        # most 50, then "and N more" with the count of each kind
        problems = sorted(result.problems, key=lambda p: p.severity != "error")
        for line in DataError(problems).lines(counted=True):
            terminal.message(line)
        if report["ok"]:
            counts = ", ".join(_count(n, k) for k, n in report["counts"].items())
            terminal.write(f"OK: {counts}\n")
    if not report["ok"]:
        ctx.exit(1)


def _untexted(store) -> list[str]:
    """Sources with no text and no quotes to verify (the others are warned of)."""
    if store is None:
        return []
    quoted = {q["source"] for q in store.records("quotes") if q["kind"] != "paraphrase"}
    return [s["id"] for s in store.records("sources") if not s.get("text") and s["id"] not in quoted]


def _count(number: int, collection: str) -> str:
    from ..store import NOUN

    return f"{number} {NOUN[collection] if number == 1 else collection}"


@command("schema", "briefcli schema > briefcli.schema.json")
def schema() -> None:
    """Print the dataset's JSON Schema, for editors and other validators."""
    from ..render.jsonout import dumps
    from ..schema import dataset_schema

    terminal.write(dumps(dataset_schema()) + "\n")
