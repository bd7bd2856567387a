"""The ``briefcli`` group, its global options, and the one place errors become exit codes.

Exit codes: 0 success (an empty answer included), 1 bad or unreadable data (or an internal
error), 2 wrong usage, 130 interrupted.
"""

from __future__ import annotations

import os
import shutil
import sys

import click

from .. import __version__
from ..console import terminal
from .common import Settings
from .lazy import LazyGroup

COMMANDS = {
    "people": "briefcli.cli.browse:people",
    "person": "briefcli.cli.browse:person",
    "quotes": "briefcli.cli.browse:quotes",
    "next": "briefcli.cli.schedule:next_",
    "timeline": "briefcli.cli.schedule:timeline",
    "brief": "briefcli.cli.schedule:brief",
    "topics": "briefcli.cli.browse:topics",
    "sources": "briefcli.cli.browse:sources",
    "search": "briefcli.cli.browse:search",
    "track": "briefcli.cli.process:track",
    "changes": "briefcli.cli.process:changes",
    "init": "briefcli.cli.process:init",
    "add": "briefcli.cli.process:add",
    "validate": "briefcli.cli.authoring:validate",
    "schema": "briefcli.cli.authoring:schema",
    "export": "briefcli.cli.export:export",
    "extract": "briefcli.cli.extract:extract",
    "completion": "briefcli.cli.completion:completion",
}
COMPLETE_VAR = "_BRIEFCLI_COMPLETE"


class Briefcli(LazyGroup):
    """The top-level group: global options may come before or after the command."""

    def make_context(self, info_name, args, parent=None, **extra):
        # Help follows the terminal's width (and COLUMNS), not Click's cap of 80.
        extra.setdefault("terminal_width", max(shutil.get_terminal_size().columns - 2, 40))
        return super().make_context(info_name, args, parent=parent, **extra)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        from .anywhere import gather

        return super().parse_args(ctx, gather(args, self, ctx))


def _version(ctx: click.Context, param, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        terminal.write(f"briefcli {__version__}\n")
        ctx.exit()


@click.group(
    "briefcli",
    cls=Briefcli,
    lazy_commands=COMMANDS,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 1000},
)
@click.option("--data", "-d", multiple=True, metavar="PATH", type=click.Path(),
              help="Dataset file or folder; repeat to merge several, or give several after one "
              "--data (a shell glob). Default: $BRIEFCLI_DATA, else the shipped Global "
              "Compact dataset.")
@click.option("--no-cache", is_flag=True,
              help="Read the YAML even if a cached copy is fresh (also: BRIEFCLI_NO_CACHE=1).")
@click.option("--no-pager", is_flag=True,
              help="Never page long output (also: BRIEFCLI_PAGER=cat); see Conventions in the "
              "README.")
@click.option("--debug", is_flag=True, help="Show tracebacks of internal errors.")
@click.option("--version", is_flag=True, expose_value=False, is_eager=True, callback=_version,
              help="Show the version and exit.")
@click.pass_context
def cli(ctx: click.Context, data: tuple[str, ...], no_cache: bool, no_pager: bool,
        debug: bool) -> None:
    """Who is involved, what exactly they said, and what comes next: briefings on a
    diplomatic process from a YAML dataset of its press coverage."""
    ctx.obj = Settings(data=list(data), debug=debug, no_cache=no_cache)
    terminal.pager = not no_pager


def main(argv: list[str] | None = None) -> int:
    """Run briefcli and turn every failure into a message and an exit code."""
    from . import _Interrupts, interrupted

    args = sys.argv[1:] if argv is None else list(argv)
    debug = "--debug" in args
    _Interrupts.armed = True
    try:
        if os.environ.get(COMPLETE_VAR):
            from click.shell_completion import shell_complete

            return shell_complete(cli, {}, "briefcli", COMPLETE_VAR, os.environ[COMPLETE_VAR])
        return _run(args)
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.exceptions.NoArgsIsHelpError as exc:  # bare "briefcli": the help, on stderr
        exc.show()
        return exc.exit_code
    except click.ClickException as exc:
        _usage_error(exc)
        return exc.exit_code
    except (click.Abort, KeyboardInterrupt):
        return interrupted()
    except BrokenPipeError:
        _silence_stdout()
        return 0
    except Exception as exc:  # noqa: BLE001 - the last line of defence
        if _Interrupts.seen:  # e.g. a serialiser that wrapped the KeyboardInterrupt
            return interrupted()
        return _failure(exc, debug)
    finally:
        _Interrupts.armed = False


def _run(args: list[str]) -> int:
    with cli.make_context("briefcli", args) as ctx:
        result = cli.invoke(ctx)
    return result if isinstance(result, int) else 0


# Typer's completion options, which a Typer user may expect here: briefcli has a command instead
_COMPLETION_OPTIONS = ("--install-completion", "--show-completion")


def _usage_error(exc: click.ClickException) -> None:
    """One line, which names the option and what it accepts."""
    message = " ".join(exc.format_message().split())
    if isinstance(exc, click.NoSuchOption) and exc.option_name in _COMPLETION_OPTIONS:
        message += " Shell completion: 'briefcli completion bash|zsh|fish' prints the script."
    terminal.message("briefcli: " + message)


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


def _silence_stdout() -> None:
    """After a closed pipe, point stdout at /dev/null so the exit flush cannot fail."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
