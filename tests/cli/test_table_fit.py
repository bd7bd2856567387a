"""A table's fit is decided on a stand-in of a few rows: it must measure as the whole table."""

from __future__ import annotations

import random

from rich.console import Console
from rich.measure import Measurement

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
