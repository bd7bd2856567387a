"""A Click group that imports a command's module only when that command is wanted.

Commands are named by ``"module:attribute"``; running one imports one module, and the group's
help imports the command modules (which import nothing heavy) to read their short help. Only
Click's public ``Group.get_command`` and ``Group.list_commands`` are overridden, as Click's
documentation on lazy loading describes.
"""

from __future__ import annotations

from importlib import import_module

import click


class LazyGroup(click.Group):
    def __init__(self, *args, lazy_commands: dict[str, str] | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.lazy_commands = dict(lazy_commands or {})

    def list_commands(self, ctx: click.Context) -> list[str]:
        # In the order they were listed: the help reads as a tour, not alphabetically.
        eager = [name for name in super().list_commands(ctx) if name not in self.lazy_commands]
        return [*self.lazy_commands, *eager]

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        command = super().get_command(ctx, name)
        if command is not None or name not in self.lazy_commands:
            return command
        module, _, attribute = self.lazy_commands[name].partition(":")
        command = getattr(import_module(module), attribute)
        if not isinstance(command, click.Command):
            raise TypeError(f"{self.lazy_commands[name]} is not a Click command")
        self.add_command(command, name)
        return command
