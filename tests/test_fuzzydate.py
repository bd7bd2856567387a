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
        ("before mid-January 2018", None, date(2018, 1, 10)),
        ("by mid-January 2018", None, date(2018, 1, 20)),
        ("after March 2018", date(2018, 4, 1), None),
        ("at the end of 2018", date(2018, 12, 1), date(2018, 12, 31)),
        ("end of 2018", date(2018, 12, 1), date(2018, 12, 31)),
        ("late 2018", date(2018, 9, 1), date(2018, 12, 31)),
        ("early March 2018", date(2018, 3, 1), date(2018, 3, 10)),
        ("February to July 2018", date(2018, 2, 1), date(2018, 7, 31)),
        ("4 to 6 December 2017", date(2017, 12, 4), date(2017, 12, 6)),
        ("December 2017 to March 2018", date(2017, 12, 1), date(2018, 3, 31)),
        ("6 December 2017", date(2017, 12, 6), date(2017, 12, 6)),
        ("December 6, 2017", date(2017, 12, 6), date(2017, 12, 6)),
        ("in February 2018", date(2018, 2, 1), date(2018, 2, 28)),
    ],
)
def test_bounds(text, earliest, latest):
    parsed = parse(text)
    assert (parsed.earliest, parsed.latest) == (earliest, latest)
    assert parsed.text == text


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
