"""The command line: thin Typer commands over the query layer."""


def main(argv: list[str] | None = None) -> int:
    """The ``briefcli`` entry point. ``briefcli --version`` is answered here, before Typer (the
    largest import of all) is loaded; everything else goes to :func:`briefcli.cli.app.main`."""
    import sys

    args = sys.argv[1:] if argv is None else list(argv)
    if args == ["--version"]:
        from .. import __version__
        from ..console import terminal

        terminal.write(f"briefcli {__version__}\n")
        return 0
    from .app import main as run

    return run(args)
