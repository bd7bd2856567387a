"""briefcli track: each step's promise, slips, outcome and verdict, with a tally."""

from __future__ import annotations

import csv
import io
import json

import pytest


def verdicts(result) -> dict:
    return {s["id"]: (s["verdict"], s["slip_days"]) for s in json.loads(result.stdout)["steps"]}


def test_verdicts_at_the_datasets_day(talks):
    assert verdicts(talks("track", "--json")) == {
        "draft-text": ("on time", 0),  # by 2018-03-20, done 2018-03-15
        "website": ("overdue", None),  # by 2018-03-31, nothing reported
        "second-round": ("late", 15),  # early April (by 04-10), held to 04-25
        "field-visit": ("postponed", None),
        "report": ("early", -5),  # May 2018, out 04-26
        "ministerial": ("dropped", None),
        "final-text": ("open", None),  # by September 2018
    }


def test_verdicts_as_of_an_earlier_day(talks):
    assert verdicts(talks("track", "--json", "--as-of", "2018-03-25")) == {
        "draft-text": ("on time", 0),
        "website": ("open", None),
        "second-round": ("postponed", 20),  # moved from by 04-10 to by 04-30
        "field-visit": ("open", None),
        "report": ("open", None),
        "ministerial": ("open", None),
        "final-text": ("open", None),
    }


def test_a_step_from_a_later_source_is_not_tracked_yet(talks):
    out = talks("track", "--json", "--as-of", "2018-02-28")
    assert json.loads(out.stdout) == {"as_of": "2018-02-28", "tally": {}, "summary": "0 steps",
                                      "steps": []}


def test_json_has_bounds_history_and_tally(talks):
    result = json.loads(talks("track", "--json").stdout)
    assert result["tally"] == {"on time": 1, "early": 1, "late": 1, "dropped": 1,
                               "postponed": 1, "overdue": 1, "open": 1}
    assert result["summary"] == ("7 steps: 1 done on time, 1 done early, 1 done late, 1 dropped, "
                                 "1 postponed, 1 overdue, 1 not yet due")
    second = next(s for s in result["steps"] if s["id"] == "second-round")
    assert second["promised"] == {"text": "early April 2018", "earliest": "2018-04-01",
                                  "latest": "2018-04-10"}
    assert second["expected"] == {"text": "late April 2018", "earliest": "2018-04-21",
                                  "latest": "2018-04-30"}
    assert [(e["reported"], e["change"], e["source"]) for e in second["history"]] == [
        ("2018-03-01", "promised", "announce"),
        ("2018-03-20", "moved", "slip"),
        ("2018-04-27", "outcome", "wrap"),
    ]
    assert second["outcome"]["source"] == "wrap"
    assert second["verdict_text"] == "done late by about 2 weeks"


@pytest.mark.parametrize("width", [80, 120])
def test_table(talks, expected, width):
    result = talks("track", width=width)
    assert result.exit_code == 0
    assert result.stdout == expected(f"track-talks-{width}", result.stdout)


def test_csv_reads_back(talks):
    rows = list(csv.DictReader(io.StringIO(talks("track", "--format", "csv").stdout)))
    assert [r["id"] for r in rows] == ["draft-text", "website", "second-round", "field-visit",
                                       "report", "ministerial", "final-text"]
    assert rows[2]["verdict"] == "done late by about 2 weeks"
    assert rows[2]["history"].splitlines()[1] == (
        "2018-03-20 moved to late April 2018 (2018-04-21 to 2018-04-30). "
        "Moved to give delegations time to read the draft. · Test Wire")


def test_markdown(talks):
    lines = talks("track", "--format", "markdown").stdout.splitlines()
    assert lines[0].startswith("## 7 steps: 1 done on time")
    assert lines[2] == "| Verdict | By | Step | History |"
    assert len(lines) == 4 + 7


def test_shipped_dataset_steps_are_not_yet_due(cli):
    result = json.loads(cli("track", "--json").stdout)
    assert result["summary"] == "3 steps: 3 not yet due"
    overdue = json.loads(cli("track", "--json", "--as-of", "2018-03-01").stdout)
    assert {s["id"]: s["verdict_text"] for s in overdue["steps"]} == {
        "sg-report": "overdue by about 6 weeks",
        "intergovernmental-negotiations": "due now",
        "adoption-conference": "not yet due",
    }
