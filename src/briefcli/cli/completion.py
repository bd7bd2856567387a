"""Shell completion: ``briefcli completion bash|zsh|fish`` prints the script to install, as
``gh completion -s SHELL`` and ``rg --generate complete-SHELL`` do.

The script calls briefcli back with ``_BRIEFCLI_COMPLETE`` set (Click's completion protocol).
Commands, options and choices come from the command line's own definition; the ids of people,
topics, sources, places and events come from the dataset in use (``--data`` on the line being
completed, else ``$BRIEFCLI_DATA``, else the shipped dataset), read from the cache as any query
is.
"""

from __future__ import annotations

import click

from .command import command
from .options import choice

SHELLS = ("bash", "zsh", "fish")


@command("completion", "eval \"$(briefcli completion bash)\"")
@click.argument("shell", metavar="SHELL", type=choice(SHELLS), help="bash, zsh or fish.")
def completion(shell: str) -> None:
    """Print the shell completion script for bash, zsh or fish.

    It completes commands, options, formats, and the ids of the people, topics, sources, places
    and events of the dataset in use. Install
    it once: bash: briefcli completion bash > ~/.local/share/bash-completion/completions/briefcli;
    zsh: briefcli completion zsh > "${fpath[1]}/_briefcli"; fish: briefcli completion fish >
    ~/.config/fish/completions/briefcli.fish. Or load it for this session only: eval "$(briefcli
    completion bash)".
    """
    from click.shell_completion import get_completion_class

    from ..console import terminal
    from .app import COMPLETE_VAR, cli

    script = get_completion_class(shell)(cli, {}, "briefcli", COMPLETE_VAR).source()
    terminal.write(script if script.endswith("\n") else script + "\n")


def _records(ctx: click.Context, collection: str) -> list[dict]:
    """The records of the dataset named on the line being completed; none if it cannot be read."""
    from .common import Settings, load

    root = ctx.find_root()
    settings = Settings(data=list(root.params.get("data") or ()),
                        no_cache=bool(root.params.get("no_cache")))
    probe = click.Context(root.command, obj=settings)
    try:
        return load(probe).records(collection)
    except Exception:  # noqa: BLE001 - a completion never fails loudly
        return []


def _ids(collection: str):
    """Complete the ids of a collection: those starting with what is typed, or whose names (the
    fields :mod:`briefcli.lookup` matches) have a word that does; each with its name as help."""

    def complete(ctx: click.Context, param, incomplete: str):
        from click.shell_completion import CompletionItem

        from ..lookup import KINDS
        from ..text import fold

        fields = KINDS[collection][2]
        wanted = fold(incomplete)
        items = []
        for record in _records(ctx, collection):
            names = [record.get(field) or "" for field in fields]  # spellings are a list
            words = fold(" ".join(n if isinstance(n, str) else " ".join(n) for n in names)).split()
            if record["id"].startswith(wanted) or any(w.startswith(wanted) for w in words):
                items.append(CompletionItem(record["id"], help=names[0] or None))
        return items

    return complete


people = _ids("people")
topics = _ids("topics")
sources = _ids("sources")
places = _ids("places")
events = _ids("events")
