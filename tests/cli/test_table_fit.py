"""A table's fit is decided on a stand-in of a few rows: it must measure as the whole table.
Without colour, the table is drawn by briefcli itself: line for line what Rich draws."""

from __future__ import annotations

import random

from rich.console import Console, Group
from rich.measure import Measurement

from briefcli.console import plain_lines, strip_trailing_spaces
from briefcli.render.table import Terminal, _extremes, _grid, _widest
from briefcli.render.view import Column, Listing

WORDS = ["a", "of", "Secretary-General", "migration", "négociations", "移民", "🇲🇽", "x" * 30,
         "3 direct,\n1 partial", "line\nbreak", "", "  spaced  ", "Lajčák"]


def _listing(rng: random.Random) -> Listing:
    columns = [Column(f"Column {n}", lambda r, n=n: r[n], wide=rng.random() < 0.4)
               for n in range(rng.randint(1, 4))]
    records = [[" ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 6)))
                for _ in columns] for _ in range(rng.randint(1, 12))]
    return Listing("things", records, columns)


def test_the_stand_in_measures_as_the_whole_table():
    rng = random.Random(11)
    console = Console(width=80, color_system=None)
    for _ in range(60):
        listing = _listing(rng)
        [fitting] = Terminal().table(listing)
        for rows in fitting.grids:
            for width in (20, 80, 1000):
                options = console.options.update(max_width=width)
                widest = _widest(listing, rows)
                whole = _grid(listing, rows, widest, listing.records)
                stand_in = _grid(listing, _extremes(rows, console, options), widest)
                assert Measurement.get(console, options, stand_in) == Measurement.get(
                    console, options, whole), [[v.plain for v in row] for row in rows]


SHORT = ["Ana", "Ortiz", "Lajčák", "3 direct,\n1 partial", "1 paraphrase", "12", "UN", "—", "",
         "Secretary-General"]
LONG = ["a", "of", "the", "migration", "négociations", "“We agree,”", "Global Compact",
        "x" * 30, "line\nbreak", "", "  spaced  ", "Lajčák", "2018", "(before mid-January 2018)"]


def _table_listing(rng: random.Random) -> Listing:
    """Like a listing of people: short columns of a few words, wide ones of many; one listing
    in five has words of two cells a character."""
    short, long = ([*SHORT, "會議"], [*LONG, "移民"]) if rng.random() < 0.2 else (SHORT, LONG)
    wide = [rng.random() < 0.4 for _ in range(rng.randint(1, 4))]
    headers = ["Name", "Quotes", "How far off from the dataset's date, in weeks"]
    columns = [Column(rng.choice(headers), lambda r, n=n: r[n], wide=w) for n, w in enumerate(wide)]
    records = [[" ".join(rng.choice(long) for _ in range(rng.randint(0, 24))) if w else
                " ".join(rng.choice(short) for _ in range(rng.randint(0, 2))) for w in wide]
               for _ in range(rng.randint(1, 12))]
    return Listing("things", records, columns)


def _one_cell_each(listing: Listing) -> bool:
    from rich.cells import cell_len

    return all(cell_len(ch) == 1 for record in listing.records for value in record
               for ch in value if ch != "\n")


def test_a_table_drawn_without_rich_is_what_rich_draws():
    """A listing of some columns short and some wide, at widths where it fits as a table and
    where it falls back to cards: without colour briefcli draws it itself (render.table's
    plain_lines), and it is Rich's drawing, trailing spaces aside. It leaves the drawing to Rich
    only where a character takes other than one cell."""
    rng = random.Random(5)
    drawn_here = tables = 0
    for _ in range(40):
        listing = _table_listing(rng)
        one_cell = _one_cell_each(listing)
        for width in (24, 60, 120):
            console = Console(width=width, color_system=None, markup=False, emoji=False,
                              highlight=False, soft_wrap=False)
            group = Group(*Terminal().listing_parts(listing))
            with console.capture() as captured:
                console.print(group)
            rich_draws = strip_trailing_spaces(captured.get())
            ours = plain_lines(group, console)
            if ours is None:
                assert not one_cell, (listing.records, width)
                continue
            drawn_here += 1
            tables += "─" in ours
            assert ours == rich_draws, (listing.records, width)
    assert drawn_here > 100 and tables > 40, (drawn_here, tables)  # 115 and 47 on 2026-11-29


def test_a_short_column_with_a_long_header_is_never_cropped():
    """A short column never wraps, its header neither: a table that has no room for the header
    is shown as cards, not with the header cut short and the next column gone."""
    import io

    from briefcli.console import Terminal as Console_
    from briefcli.render.table import render

    columns = [Column("How far off from the dataset's date, in weeks", lambda r: r[0]),
               Column("Name", lambda r: r[1]), Column("Quotes", lambda r: r[2])]
    listing = Listing("things", [["in 6 weeks", "Ana Ortiz", "3 direct"]], columns)
    for width in (50, 80):
        out = io.StringIO()
        render(listing, Console_(file=out, width=width))
        for line in out.getvalue().splitlines():
            assert len(line) <= width
        shown = out.getvalue()
        assert all(value in shown for value in listing.records[0]) and "…" not in shown
        if width == 80:  # a table where it fits, with the whole header
            assert "─" in shown and "How far off from the dataset's date, in weeks" in shown
        else:  # else cards: short values on a line
            assert shown == "in 6 weeks · Ana Ortiz · 3 direct\n"
