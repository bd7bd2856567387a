"""The time axis' arithmetic, apart from any renderer."""

from __future__ import annotations

import calendar
import random
from datetime import date

from briefcli.chart.layout import Axis


def _axis(first: date, last: date) -> Axis:
    """Whole months from ``first``'s to ``last``'s, as the chart makes them."""
    return Axis(first.replace(day=1),
                last.replace(day=calendar.monthrange(last.year, last.month)[1]))


def test_the_widest_label_is_found_without_listing_the_ticks():
    """The widest label of the month-by-month ticks, as listing them all would find it: on
    axes that cross a year with more digits, start in January or not, or span under a year."""
    rng = random.Random(11)
    cases = [(date(1, 1, 1), date(9999, 12, 31)), (date(999, 3, 1), date(1000, 2, 1)),
             (date(999, 1, 1), date(999, 12, 1)), (date(9, 12, 1), date(10, 1, 1)),
             (date(2018, 1, 1), date(2018, 1, 1)), (date(2018, 5, 1), date(2018, 5, 1)),
             (date(2017, 12, 1), date(2019, 1, 1))]
    for _ in range(300):
        start = date(rng.choice([rng.randint(1, 120), rng.randint(990, 1010), rng.randint(1, 9999)]),
                     rng.randint(1, 12), 1)
        months = rng.choice([0, 1, 11, 12, 13, rng.randint(0, 400)])
        index = min(start.year * 12 + start.month - 1 + months, 9999 * 12 + 11)
        cases.append((start, date(index // 12, index % 12 + 1, 1)))
    for first, last in cases:
        axis = _axis(first, last)
        assert axis.widest_label() == max(len(tick.label) for tick in axis.ticks()), (first, last)
