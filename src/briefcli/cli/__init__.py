"""The command line: thin Click commands over the query layer.

Ctrl-C is handled here, as the first thing :func:`main` does: whatever the moment, briefcli
ends with exactly ``briefcli: interrupted`` on stderr and exit 130.

* Until :func:`briefcli.cli.app.main` is ready to report it (while modules are imported, and
  after the answer is given), the handler writes the message itself and leaves at once: there
  is nothing to clean up yet, or any more.
* While a command runs, the handler raises :class:`KeyboardInterrupt` so that ``finally``
  blocks and temporary files are cleaned up, and notes that it did: a library that turns the
  interrupt into an error of its own (pydantic does, inside a serialiser) still ends as an
  interruption.
"""

import os
import signal

from ..stages import checkpoint

MESSAGE = b"briefcli: interrupted\n"


class _Interrupts:
    """Whether the command edge is ready to report an interruption, and whether one came."""

    armed = False
    seen = False
    reported = False


def _on_sigint(signum, frame) -> None:
    if _Interrupts.armed and not _Interrupts.seen:
        _Interrupts.seen = True
        raise KeyboardInterrupt
    # Not ready to clean up, or a second Ctrl-C while cleaning up: leave now.
    if not _Interrupts.reported:
        os.write(2, MESSAGE)
    os._exit(130)


def _install():
    """Handle SIGINT as above; the handler it replaces, or None if it left it alone."""
    try:
        previous = signal.getsignal(signal.SIGINT)
        if previous is signal.default_int_handler:
            signal.signal(signal.SIGINT, _on_sigint)
            return previous
    except ValueError:  # not the main thread (an embedding program): leave its handling alone
        pass
    return None


def interrupted() -> int:
    """Report an interruption once and give its exit code."""
    if not _Interrupts.reported:
        _Interrupts.reported = True
        os.write(2, MESSAGE)
    return 130


def main(argv: list[str] | None = None) -> int:
    """The ``briefcli`` entry point. ``briefcli --version`` is answered here, before Click and
    Rich are loaded; everything else goes to :func:`briefcli.cli.app.main`.

    Run as the program (``argv`` None), the handler stays until the process ends; called with
    ``argv`` from another program, the program's own handling is put back on return."""
    previous = _install()  # the very first thing
    try:
        checkpoint("start")
        import sys

        args = sys.argv[1:] if argv is None else list(argv)
        if args == ["--version"]:
            from .. import __version__

            sys.stdout.write(f"briefcli {__version__}\n")
            sys.stdout.flush()
            return 0
        from .app import main as run

        return run(args)
    finally:
        if argv is not None and previous is not None:
            signal.signal(signal.SIGINT, previous)
