"""The console facade's plain path: a listing of cards printed without colour comes out exactly
as Rich prints it, byte for byte, or is left to Rich."""

from __future__ import annotations

import io
import random

import pytest
from rich.console import Group
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from briefcli.console import Terminal, plain_lines, strip_trailing_spaces

PIECES = ["Ana", " ", "  ", "\t", "Ortiz", "said", "\n", "“We agree,”", "·", "Lajčák", "会议", "🌍",
          "x" * 30, "-", "a-b-c-d", "\u00a0", "\\x1b[31m", ",", ".", "(2017-12-04/2017-12-06)"]


def rich_prints(renderable, width: int) -> str:
    console = Terminal(file=io.StringIO(), width=width)._console(False)
    with console.capture() as captured:
        console.print(renderable)
    return strip_trailing_spaces(captured.get())


def _text(rng: random.Random) -> Text:
    text = Text()
    for _ in range(rng.randint(0, 12)):
        text.append(rng.choice(PIECES), style=rng.choice(["", "bold", "dim"]))
    return text


@pytest.mark.parametrize("seed", range(3))
def test_cards_print_as_rich_prints_them(seed, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    rng = random.Random(seed)
    for _ in range(300):
        items = [Padding(_text(rng), (0, 0, 0, rng.choice([2, 4])), expand=rng.random() < 0.5)
                 if rng.random() < 0.5 else _text(rng) for _ in range(rng.randint(0, 6))]
        width = rng.choice([*range(5, 40), 80, 120])
        group = Group(*items)
        console = Terminal(file=io.StringIO(), width=width)._console(False)
        fast = plain_lines(group, console)
        if fast is None:  # declined only for a tab, which Rich expands as it prints
            assert any("\t" in getattr(item, "renderable", item).plain for item in items)
        else:
            assert fast == rich_prints(group, width), (items, width)


def test_anything_else_is_left_to_rich(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    console = Terminal(file=io.StringIO(), width=40)._console(False)
    table = Table("a")
    table.add_row("b")
    assert plain_lines(Group(Text("x"), table), console) is None
    assert plain_lines(Group(Text("no line break", end="")), console) is None
    assert plain_lines(Group(Text("a\tb")), console) is None
    assert plain_lines(Group(Padding(Text("x"), (1, 0, 0, 4))), console) is None
    assert plain_lines(Text("x"), console) is None
    assert plain_lines(Group(), console) == rich_prints(Group(), 40) == ""
