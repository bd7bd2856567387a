"""Typer, made to build only what the command line asks for.

Two costs of Typer 0.29 fall on every run of briefcli, whatever the command:

* it builds a Click command, with all its parameters, for every registered command, although
  only one runs (or none: ``--version``, ``--help``). :func:`click_group` builds the group with
  its own options only, and each subcommand when it is looked up; the group's help lists the
  commands from their docstrings without building them.
* it converts each parameter's value with a pydantic TypeAdapter, and builds that adapter (so
  imports pydantic) for every parameter of the command being run, even one left at its
  default. :class:`Command` and :class:`Group` build it only when a value is given, and leave
  the conversion of given values, and its messages, to Typer.

``app.registered_commands`` stays complete, so ``typer.main.get_command(app)`` and Typer's test
runner see the ordinary, fully built group. With a Typer that works differently these classes
fall back to doing what Typer does.
"""

from __future__ import annotations

import inspect
from collections.abc import MutableMapping

from typer.core import TyperCommand, TyperGroup


class _WhenGiven:
    """Typer's runtime converter, built only when a value has to be converted."""

    def __init__(self, descriptor) -> None:
        self._descriptor = descriptor
        self._real = None

    def coerce(self, value, param, ctx):
        if value is None:
            return () if (param.multiple or param.nargs == -1) else None
        if self._real is None:
            from typer._coercion import build_runtime_param

            self._real = build_runtime_param(self._descriptor)
        return self._real.coerce(value, param=param, ctx=ctx)


def _defer(params) -> None:
    for param in params:
        descriptor = getattr(param, "type_descriptor", None)
        if descriptor is not None and getattr(param, "_runtime_param", 0) is None:
            param._runtime_param = _WhenGiven(descriptor)


class Command(TyperCommand):
    def get_params(self, ctx):
        params = super().get_params(ctx)
        _defer(params)
        return params


class Group(TyperGroup):
    def get_params(self, ctx):
        params = super().get_params(ctx)
        _defer(params)
        return params

    def format_commands(self, ctx, formatter) -> None:
        commands = self.commands
        if not isinstance(commands, _Commands):
            return super().format_commands(ctx, formatter)
        # List the commands from their docstrings: a command without parameters says the same.
        self.commands = commands.outlines()
        try:
            super().format_commands(ctx, formatter)
        finally:
            self.commands = commands


class _Commands(MutableMapping):
    """A group's commands by name, each built from its CommandInfo when first looked up."""

    def __init__(self, infos: list, rich_markup_mode) -> None:
        self._infos = {info.name: info for info in infos}
        self._built: dict = {}
        self._markup = rich_markup_mode

    def __getitem__(self, name: str):
        if name not in self._built:
            from typer.main import get_command_from_info

            info = self._infos[name]  # KeyError for an unknown command
            self._built[name] = get_command_from_info(
                info, pretty_exceptions_short=True, rich_markup_mode=self._markup
            )
        return self._built[name]

    def __setitem__(self, name: str, command) -> None:
        self._built[name] = command

    def __delitem__(self, name: str) -> None:
        self._infos.pop(name, None)
        del self._built[name]

    def __iter__(self):
        yield from self._infos
        yield from (name for name in self._built if name not in self._infos)

    def __len__(self) -> int:
        return len(set(self._infos) | set(self._built))

    def __contains__(self, name) -> bool:
        return name in self._infos or name in self._built

    def outlines(self) -> dict:
        """Each command as built, or else as a parameterless command with its help."""
        out = {}
        for name in self:
            info = self._infos.get(name)
            if name in self._built or info is None:
                out[name] = self[name]
                continue
            text = inspect.getdoc(info.callback) if info.help is None else info.help
            out[name] = TyperCommand(name, help=text, short_help=info.short_help,
                                     hidden=info.hidden, deprecated=info.deprecated)
        return out


def click_group(app) -> TyperGroup:
    """The Click group ``app`` runs as, its commands built when looked up."""
    import typer.main

    infos = app.registered_commands
    if not infos or any(info.name is None for info in infos):
        return typer.main.get_command(app)
    app.registered_commands = []
    try:
        group = typer.main.get_command(app)
    finally:
        app.registered_commands = infos
    if not isinstance(group, Group):
        return typer.main.get_command(app)
    group.commands = _Commands(infos, group.rich_markup_mode)
    return group
