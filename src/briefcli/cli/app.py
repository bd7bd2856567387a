"""The Typer application, its global options, and the one place errors become exit codes.

Exit codes: 0 success (an empty answer included), 1 bad or unreadable data (or an internal
error), 2 wrong usage, 130 interrupted.
"""

# No "from __future__ import annotations" here: Typer would compile and evaluate every
# annotation string of every command at each start-up.

import functools
import os
import sys
from typing import Annotated, Optional

import typer

from .. import __version__
from ..console import terminal
from . import authoring, browse, export, extract, process, schedule
from .common import Settings
from .lazy import Command, Group, click_group

app = typer.Typer(
    name="briefcli",
    cls=Group,
    help="Who is involved, what exactly they said, and what comes next: briefings on a "
    "diplomatic process from a YAML dataset of its press coverage.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    # Plain help: Rich-formatted help imports more of Rich than the whole command costs.
    rich_markup_mode=None,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        terminal.write(f"briefcli {__version__}\n")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    data: Annotated[
        Optional[list[str]],
        typer.Option(
            "--data",
            "-d",
            metavar="PATH",
            help="Dataset file or folder; repeat to merge several. "
            "Default: $BRIEFCLI_DATA, else the shipped Global Compact dataset.",
        ),
    ] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks of internal errors.")] = False,
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache",
            help="Read the YAML even if a cached copy is fresh (also: BRIEFCLI_NO_CACHE=1).",
        ),
    ] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit."),
    ] = False,
) -> None:
    ctx.obj = Settings(data=list(data or []), debug=debug, no_cache=no_cache)


def _command(function, name: str, example: str) -> None:
    """Register a command whose domain errors become a message and their exit code."""

    @functools.wraps(function)
    def run(*args, **kwargs):
        from ..errors import BriefError

        try:
            return function(*args, **kwargs)
        except BriefError as exc:
            for line in exc.lines():
                terminal.message(line)
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:  # Typer would turn it into a silent exit 130
            terminal.message("briefcli: interrupted")
            raise typer.Exit(130) from None

    app.command(name, cls=Command, epilog=f"Example: {example}")(run)


_command(browse.people, "people", "briefcli people --format csv")
_command(browse.person, "person", "briefcli person lajcak")
_command(browse.quotes, "quotes", "briefcli quotes --speaker Arbour --kind direct")
_command(schedule.next_, "next", "briefcli next --as-of 2018-03-01")
_command(schedule.timeline, "timeline", "briefcli timeline --from 2018-01-01")
_command(schedule.brief, "brief", "briefcli brief --as-of today")
_command(browse.search, "search", "briefcli search sovereignty")
_command(process.track, "track", "briefcli track --as-of 2018-03-01")
_command(process.changes, "changes", "briefcli changes --since 2w")
_command(authoring.validate, "validate", "briefcli validate examples/compact-by-article/")
_command(authoring.schema, "schema", "briefcli schema > briefcli.schema.json")
_command(export.export, "export", "briefcli export html -o briefing.html")
_command(extract.extract, "extract", "briefcli extract article.txt --date 2018-02-05 -o draft.yaml")


def main(argv: Optional[list[str]] = None) -> int:
    """Run briefcli and turn every failure into a message and an exit code."""
    click = _click_exceptions()

    args = sys.argv[1:] if argv is None else argv
    debug = "--debug" in args
    try:
        try:
            result = click_group(app).main(args, prog_name="briefcli", standalone_mode=False)
        except Exception as exc:
            if not _cache_unusable(exc):
                raise
            # The cache turned out damaged in the middle of a query (before any output): answer
            # again from the YAML, which also rewrites the cache.
            from .. import cache

            cache.distrust()
            result = click_group(app).main(args, prog_name="briefcli", standalone_mode=False)
        return result if isinstance(result, int) else 0
    except typer.Exit as exc:
        return exc.exit_code
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except (typer.Abort, KeyboardInterrupt):
        terminal.message("briefcli: interrupted")
        return 130
    except BrokenPipeError:
        _silence_stdout()
        return 0
    except Exception as exc:
        return _failure(exc, debug)


def _cache_unusable(exc: Exception) -> bool:
    """Whether ``exc`` says the cache is damaged (only possible once the cache was opened)."""
    cache = sys.modules.get("briefcli.cache")
    return cache is not None and isinstance(exc, cache.CacheUnusable)


def _failure(exc: Exception, debug: bool) -> int:
    """The message and exit code for an exception (imports what it needs only now)."""
    from ..errors import BriefError

    if isinstance(exc, BriefError):  # raised outside a command, e.g. while parsing options
        for line in exc.lines():
            terminal.message(line)
        return exc.exit_code
    # the last line of defence: one line, no locals
    if debug:
        import traceback

        traceback.print_exc()
    else:
        terminal.message(
            f"briefcli: internal error: {type(exc).__name__}; run again with --debug for details"
        )
    return 1


def _click_exceptions():
    """Click's exception classes: recent Typer vendors Click, older Typer depends on it."""
    try:
        from typer._click import exceptions
    except ImportError:
        from click import exceptions
    return exceptions


def _silence_stdout() -> None:
    """After a closed pipe, point stdout at /dev/null so the exit flush cannot fail."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
