"""Typer command classes that do not import pydantic for options nobody gave.

Typer 0.29 converts each parameter's value with a pydantic TypeAdapter, and builds that adapter
for every parameter of the command being run, even one left at its default of None. Importing
pydantic for that costs more than everything else ``briefcli people`` does. These classes give
each parameter a converter that returns None (or ``()``) for a missing value exactly as Typer
does, and hands any given value to Typer's own converter, so the behaviour and the messages are
Typer's. With a Typer that works differently they change nothing.
"""

from __future__ import annotations

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
