"""Global options anywhere on the line: ``briefcli people --data x.yaml`` as well as
``briefcli --data x.yaml people``, and a shell glob after ``--data``.

:func:`gather` moves the global options to the front of the arguments, where the group parses
them. After ``--data PATH``, more dataset paths follow while the next word is a YAML file
(``*.yaml``, ``*.yml``) or a folder, so ``--data examples/compact-by-article/*.yaml`` reads
every file the shell lists. A value that belongs to another option (``--search --debug``) and
everything after ``--`` are left alone.
"""

from __future__ import annotations

import os

import click

DATA = ("--data", "-d")
FLAGS = ("--no-cache", "--debug", "--no-pager")


def more_data(word: str, group: click.Group, ctx: click.Context, command) -> bool:
    """Whether ``word``, after a --data value, is one more dataset path from a glob."""
    if word.startswith("-"):
        return False
    if command is None and word in group.list_commands(ctx):
        return False
    return word.lower().endswith((".yaml", ".yml")) or os.path.isdir(word)


def _takes_value(word: str, command: click.Command, ctx: click.Context) -> bool:
    name = word.split("=", 1)[0]
    for param in command.get_params(ctx):
        if isinstance(param, click.Option) and name in (*param.opts, *param.secondary_opts):
            return "=" not in word and not param.is_flag and not param.count
    return False


def gather(args: list[str], group: click.Group, ctx: click.Context) -> list[str]:
    """``args`` with the global options moved to the front, --data spelled one value each."""
    front: list[str] = []
    rest: list[str] = []
    command = None
    index = 0
    while index < len(args):
        word = args[index]
        index += 1
        if word == "--":
            rest += args[index - 1:]
            break
        if word in FLAGS:
            front.append(word)
            continue
        values = None
        if word in DATA and index == len(args):
            raise click.UsageError(f"Option '{word}' requires an argument.", ctx)
        if word in DATA:
            values = [args[index]]
            index += 1
            while index < len(args) and more_data(args[index], group, ctx, command):
                values.append(args[index])
                index += 1
        elif word.startswith("--data="):
            values = [word[len("--data="):]]
        elif word.startswith("-d") and not word.startswith("--") and len(word) > 2:
            values = [word[2:]]
        if values is not None:
            for value in values:
                front += ["--data", value]
            continue
        rest.append(word)
        if command is None and not word.startswith("-"):
            command = group.get_command(ctx, word)
            if command is None:  # an unknown command: Click says so, with suggestions
                rest += args[index:]
                break
        elif word.startswith("-") and index < len(args):
            if _takes_value(word, command or group, ctx):
                rest.append(args[index])
                index += 1
    return front + rest
