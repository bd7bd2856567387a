"""Fuzzy dates made firm for calendars and timelines, without inventing a bound."""

from __future__ import annotations

from datetime import date

import pytest

from briefcli.export import dates
from briefcli.fuzzydate import parse


@pytest.mark.parametrize("text, days, parts, iso", [
    ("2017-12-06", (date(2017, 12, 6), date(2017, 12, 6), False), ((2017, 12, 6), None),
     ("2017-12-06", None)),
    ("4 to 6 December 2017", (date(2017, 12, 4), date(2017, 12, 6), False),
     ((2017, 12, 4), (2017, 12, 6)), ("2017-12-04", "2017-12-06")),
    ("February to July 2018", (date(2018, 2, 1), date(2018, 7, 31), False),
     ((2018, 2), (2018, 7)), ("2018-02", "2018-07")),
    ("at the end of 2018", (date(2018, 12, 1), date(2018, 12, 31), False), ((2018, 12), None),
     ("2018-12", None)),
    ("2018", (date(2018, 1, 1), date(2018, 12, 31), False), ((2018,), None), ("2018", None)),
    ("2018/2019", (date(2018, 1, 1), date(2019, 12, 31), False), ((2018,), (2019,)),
     ("2018", "2019")),
    ("early 2018", (date(2018, 1, 1), date(2018, 4, 30), False), ((2018, 1), (2018, 4)),
     ("2018-01", "2018-04")),
    ("before mid-January 2018", (date(2018, 1, 15), date(2018, 1, 15), True),
     (None, (2018, 1, 15)), (None, "2018-01-15")),
    ("after March 2018", (date(2018, 4, 1), date(2018, 4, 1), True), ((2018, 4, 1), None),
     ("2018-04-01", None)),
])
def test_fuzzy_dates_for_exports(text, days, parts, iso):
    when = parse(text).as_dict()
    assert dates.calendar_days(when) == days
    assert dates.parts(when) == parts
    assert tuple(dates.iso(p) for p in dates.parts(when)) == iso
    assert dates.is_exact(when) == (parts[0] is not None and parts[1] is None)
