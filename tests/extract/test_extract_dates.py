"""Date expressions, driven by tests/extract/dates.yaml, and their dataset form."""

from datetime import date
from pathlib import Path

import plainyaml
import pytest

from briefcli import fuzzydate
from briefcli.extract import dates
from briefcli.extract.spans import Spans

CASES = plainyaml.load((Path(__file__).parent / "dates.yaml").read_text(encoding="utf-8"))


def _iso(value):
    return value.isoformat() if isinstance(value, date) else value


@pytest.mark.parametrize("case", CASES, ids=[c["sentence"][:40] for c in CASES])
def test_dates_in_a_sentence(case):
    text = case["sentence"]
    found = dates.find(text, 0, len(text), case["ref"])
    got = [[f.wording, _iso(f.earliest), _iso(f.latest)] for f in found]
    want = [[str(w), _iso(a), _iso(b)] for w, a, b in case["expect"]]
    assert got == want
    for f in found:
        assert text[f.start : f.end] == f.wording
        when = f.when()
        parsed = fuzzydate.parse(when) if isinstance(when, str) else fuzzydate.parse(when["date"], when["text"])
        assert (parsed.earliest, parsed.latest) == (f.earliest, f.latest)


def test_wording_that_parses_alone_is_written_alone():
    text = "before mid-January 2018, early April, at the end of 2018"
    found = dates.find(text, 0, len(text), date(2017, 12, 7))
    assert [f.when() for f in found] == [
        "before mid-January 2018",
        {"text": "early April", "date": "early April 2018"},
        "at the end of 2018",
    ]
    assert found[1].guessed == ["April taken as April 2018, the next April"]


def test_quoted_words_are_skipped():
    text = "He said “we meet on 4 June” and left on Friday."
    found = dates.find(text, 0, len(text), date(2018, 5, 18), skip=Spans([(8, 27)]))
    assert [f.wording for f in found] == ["Friday"]


def test_open_steps_keep_their_wording_and_say_what_comes():
    from briefcli.extract import reading

    x = reading.read(
        "Talks\n\nNAIROBI, 13 November 2018 (Example Wire) – The mediator, Ana Roe, said a signing "
        "could follow “early in the new year”, and that the parties had agreed to reconvene shortly. "
        "The council will be briefed in the coming weeks, and a working group will meet next week.\n"
    )
    got = [(s.what, s.when.wording, s.when.earliest, s.when.latest) for s in x.steps]
    assert got == [
        ("The parties had agreed to reconvene", "shortly", date(2018, 11, 14), None),
        ("The council will be briefed", "the coming weeks", date(2018, 11, 14), date(2018, 12, 25)),
        ("A working group will meet", "next week", date(2018, 11, 19), date(2018, 11, 25)),
    ]
