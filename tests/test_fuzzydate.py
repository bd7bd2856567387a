from datetime import date

import pytest

from briefcli.fuzzydate import FuzzyDateError, parse


@pytest.mark.parametrize(
    "text, earliest, latest",
    [
        ("2017-12-06", date(2017, 12, 6), date(2017, 12, 6)),
        ("2018-02", date(2018, 2, 1), date(2018, 2, 28)),
        ("2018", date(2018, 1, 1), date(2018, 12, 31)),
        ("2017-12-04/2017-12-06", date(2017, 12, 4), date(2017, 12, 6)),
        ("2018-02/2018-07", date(2018, 2, 1), date(2018, 7, 31)),
        ("../2018-01-10", None, date(2018, 1, 10)),
        ("2019-01/..", date(2019, 1, 1), None),
        ("after March 2018", date(2018, 4, 1), None),
        ("at the end of 2018", date(2018, 12, 1), date(2018, 12, 31)),
        ("end of 2018", date(2018, 12, 1), date(2018, 12, 31)),
        ("late 2018", date(2018, 9, 1), date(2018, 12, 31)),
        ("early March 2018", date(2018, 3, 1), date(2018, 3, 10)),
        ("February to July 2018", date(2018, 2, 1), date(2018, 7, 31)),
        ("4 to 6 December 2017", date(2017, 12, 4), date(2017, 12, 6)),
        ("December 2017 to March 2018", date(2017, 12, 1), date(2018, 3, 31)),
        ("mid-January to March 2018", date(2018, 1, 11), date(2018, 3, 31)),
        ("early February to mid-March 2018", date(2018, 2, 1), date(2018, 3, 20)),
        ("from mid-January to March 2018", date(2018, 1, 11), date(2018, 3, 31)),
        ("from 4 to 6 December 2017", date(2017, 12, 4), date(2017, 12, 6)),
        ("between February and July 2018", date(2018, 2, 1), date(2018, 7, 31)),
        ("6 December 2017", date(2017, 12, 6), date(2017, 12, 6)),
        ("December 6, 2017", date(2017, 12, 6), date(2017, 12, 6)),
        ("in February 2018", date(2018, 2, 1), date(2018, 2, 28)),
    ],
)
def test_bounds(text, earliest, latest):
    parsed = parse(text)
    assert (parsed.earliest, parsed.latest) == (earliest, latest)
    assert parsed.text == text


# The whole table of parts and relations (the module docstring), one row per phrase.
PARTS_AND_RELATIONS = """
mid-January 2018                      2018-01-11  2018-01-20
the middle of January 2018            2018-01-11  2018-01-20
before mid-January 2018               ..          2018-01-15
by mid-January 2018                   ..          2018-01-15
until mid-January 2018                ..          2018-01-15
no later than mid-January 2018        ..          2018-01-15
after mid-January 2018                2018-01-16  ..
from mid-January 2018                 2018-01-15  ..
mid-2018                              2018-05-01  2018-08-31
by mid-2018                           ..          2018-06-30
early March 2018                      2018-03-01  2018-03-10
before early March 2018               ..          2018-02-28
by early March 2018                   ..          2018-03-10
after early March 2018                2018-03-11  ..
from early March 2018                 2018-03-01  ..
early 2018                            2018-01-01  2018-04-30
late February 2020                    2020-02-21  2020-02-29
late 2018                             2018-09-01  2018-12-31
before late 2018                      ..          2018-08-31
by late 2018                          ..          2018-12-31
the end of January 2018               2018-01-21  2018-01-31
before the end of January 2018        ..          2018-01-31
at the end of 2018                    2018-12-01  2018-12-31
before the end of 2018                ..          2018-12-31
by the end of 2018                    ..          2018-12-31
after the end of 2018                 2019-01-01  ..
the beginning of March 2018           2018-03-01  2018-03-10
at the start of March 2018            2018-03-01  2018-03-10
the beginning of 2018                 2018-01-01  2018-01-31
before the beginning of March 2018    ..          2018-03-01
after the beginning of 2018           2018-01-02  ..
the first half of March 2018          2018-03-01  2018-03-15
the second half of March 2018         2018-03-16  2018-03-31
in the first half of 2018             2018-01-01  2018-06-30
the second half of 2018               2018-07-01  2018-12-31
before the second half of 2018        ..          2018-06-30
by the first half of 2018             ..          2018-06-30
before January 2018                   ..          2017-12-31
by January 2018                       ..          2018-01-31
after 2018                            2019-01-01  ..
from 2018-02                          2018-02-01  ..
Before Mid January 2018               ..          2018-01-15
The End of 2018                       2018-12-01  2018-12-31
"""


def _table(text):
    day = lambda s: None if s == ".." else date.fromisoformat(s)  # noqa: E731
    rows = []
    for line in text.strip().splitlines():
        phrase, low, high = line.rsplit(None, 2)
        rows.append((phrase.strip(), day(low), day(high)))
    return rows


@pytest.mark.parametrize("text, earliest, latest", _table(PARTS_AND_RELATIONS))
def test_parts_and_relations(text, earliest, latest):
    parsed = parse(text)
    assert (parsed.earliest, parsed.latest) == (earliest, latest)


def test_wording_is_kept():
    parsed = parse("2018-02/2018-07", wording="expected to begin in February and conclude in July")
    assert parsed.text == "expected to begin in February and conclude in July"
    assert parsed.edtf == "2018-02/2018-07"


@pytest.mark.parametrize(
    "text, message",
    [
        ("", "a date cannot be empty"),
        ("2018-02-30", "not a real date: '2018-02-30'"),
        ("soon", "not a date briefcli understands: 'soon'"),
        ("2018-07/2018-02", "the span ends (2018-02-28) before it starts (2018-07-01)"),
        ("../..", "an interval needs at least one end: '../..'"),
        ("soon to March 2018", "not a date briefcli understands: 'soon'"),
        ("mid-March to January 2018", "the span ends (2018-01-31) before it starts (2018-03-11)"),
    ],
)
def test_errors(text, message):
    with pytest.raises(FuzzyDateError) as info:
        parse(text)
    assert str(info.value) == message


def test_sorting_puts_open_starts_by_their_end():
    from briefcli.query import time_key

    dates = [parse("end of 2018"), parse("before mid-January 2018"), parse("2018-02/2018-07")]
    ordered = sorted(dates, key=lambda d: time_key(d.as_dict()))  # as every listing sorts
    assert [d.text for d in ordered] == [
        "before mid-January 2018", "2018-02/2018-07", "end of 2018",
    ]
