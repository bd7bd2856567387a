"""The console facade's plain path: a listing of cards printed without colour comes out exactly
as Rich prints it, byte for byte, or is left to Rich."""

from __future__ import annotations

import io
import random

import pytest
from locations import DATA
from rich.console import Group
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from briefcli.console import Terminal, _wrapped, plain_lines, strip_trailing_spaces

PIECES = ["Ana", " ", "  ", "\t", "Ortiz", "said", "\n", "“We agree,”", "·", "Lajčák", "会议", "🌍",
          "x" * 30, "-", "a-b-c-d", "\u00a0", "\\x1b[31m", ",", ".", "(2017-12-04/2017-12-06)"]
# Text whose every character takes one cell, which briefcli wraps itself: spaces of several
# kinds (Rich, like str.split, breaks a line at a no-break space too)
ONE_CELL = ["a", "bb", "word", " ", "  ", "   ", "x" * 7, "y" * 23, "\u00a0", "\u2003", "\u2009",
            "“q”", "—", "-", ".", "…", "Lajčák", "(2017-12-04/2017-12-06)"]


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


def test_a_line_of_one_cell_characters_wraps_where_rich_wraps_it():
    """briefcli's own wrapping of plain lines gives Rich's Text.wrap lines, spaces past the
    width cropped as Rich crops them, at widths of one cell to a hundred."""
    console = Terminal(file=io.StringIO(), width=80)._console(False)
    rng = random.Random(20171206)
    for _ in range(2000):
        line = "".join(rng.choice(ONE_CELL) for _ in range(rng.randint(0, 20)))
        width = rng.choice([rng.randint(1, 12), rng.randint(13, 100)])
        expected = [wrapped.plain for wrapped in Text(line).wrap(console, width)]
        assert [piece.rstrip(" ") for piece in _wrapped(line, width)] == [
            piece.rstrip(" ") for piece in expected], (line, width)


@pytest.mark.parametrize("colour", ["NO_COLOR", "FORCE_COLOR"])
def test_what_is_written_a_batch_at_a_time_is_what_is_drawn_whole(colour, monkeypatch):
    """show_each draws a few renderables at a time (a long listing of cards); it writes what
    show writes for them all in one Group, with colour and without, for any size of batch."""
    for name in ("NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv(colour, "1")
    rng = random.Random(11)
    for _ in range(60):
        items = [Padding(_text(rng), (0, 0, 0, 4), expand=False) if rng.random() < 0.4
                 else _text(rng) for _ in range(rng.randint(0, 9))]
        if rng.random() < 0.2:  # something only Rich draws
            table = Table("a", "b")
            table.add_row(_text(rng), _text(rng))
            items.insert(rng.randrange(len(items) + 1), table)
        width = rng.choice([*range(5, 40), 80, 120])
        whole = io.StringIO()
        Terminal(file=whole, width=width).show(Group(*items))
        for batch in (1, 2, 5, 256):
            parts = io.StringIO()
            Terminal(file=parts, width=width).show_each(iter(items), batch=batch)
            assert parts.getvalue() == whole.getvalue(), (items, width, batch)


def test_a_listing_of_cards_is_drawn_a_few_cards_at_a_time(monkeypatch):
    """The quotes of the shipped dataset through render(): the same text as the whole listing
    drawn at once, and no card is made before the cards ahead of it are written."""
    from briefcli import dataset, query, views
    from briefcli.render import table

    monkeypatch.setenv("NO_COLOR", "1")
    listing = views.quotes(query.quotes(dataset.open([str(DATA)])))
    whole = io.StringIO()
    Terminal(file=whole, width=80).show(Group(*table.Terminal().walk(listing)))
    streamed = io.StringIO()
    table.render(listing, Terminal(file=streamed, width=80))
    assert streamed.getvalue() == whole.getvalue()
    written_before: list[int] = []  # for each card, how many characters were out when it was made
    out = io.StringIO()
    original = table.Terminal.card

    def card(self, index, *args):
        written_before.append(len(out.getvalue()))
        return original(self, index, *args)

    monkeypatch.setattr(table.Terminal, "card", card)
    Terminal(file=out, width=80).show_each(table.Terminal().listing_parts(listing), batch=4)
    assert out.getvalue() == whole.getvalue()
    assert len(written_before) == len(listing.records) > 4
    assert written_before[0] == 0 and written_before[-1] > 0  # the first cards were out first
