import json

import pytest


def steps(cli, *args):
    result = cli("next", "--json", *args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_default_as_of_is_the_datasets(cli):
    answer = steps(cli)
    assert answer["as_of"] == "2017-12-07"
    assert [(s["id"], s["state"], s["distance"]) for s in answer["steps"]] == [
        ("sg-report", "ahead", "within about 6 weeks"),
        ("intergovernmental-negotiations", "ahead", "in about 8 weeks"),
        ("adoption-conference", "ahead", "in about 12 months"),
    ]


@pytest.mark.parametrize(
    "as_of, wanted",
    [
        (
            "2017-12-07",
            [("sg-report", "ahead"), ("intergovernmental-negotiations", "ahead"),
             ("adoption-conference", "ahead")],
        ),
        (
            "2018-01-20",
            [("sg-report", "overdue"), ("intergovernmental-negotiations", "ahead"),
             ("adoption-conference", "ahead")],
        ),
        (
            "2018-03-01",
            [("sg-report", "overdue"), ("intergovernmental-negotiations", "due"),
             ("adoption-conference", "ahead")],
        ),
        (
            "2019-01-01",
            [("sg-report", "overdue"), ("intergovernmental-negotiations", "overdue"),
             ("adoption-conference", "overdue")],
        ),
    ],
)
def test_next_at_several_dates(cli, as_of, wanted):
    answer = steps(cli, "--as-of", as_of)
    assert answer["as_of"] == as_of
    assert [(s["id"], s["state"]) for s in answer["steps"]] == wanted


def test_distances_at_2018_03_01(cli):
    answer = steps(cli, "--as-of", "2018-03-01")
    assert [s["distance"] for s in answer["steps"]] == [
        "overdue by about 6 weeks",
        "due now, until 2018-07-31 (about 5 months left)",
        "in about 9 months",
    ]


@pytest.mark.parametrize("as_of, wanted", [
    # "before mid-January 2018" has no first day: its last day is due, not "within 0 days"
    ("2018-01-14", ("ahead", "within 1 day")),
    ("2018-01-15", ("due", "due now, last day today")),
    ("2018-01-16", ("overdue", "overdue by 1 day")),
])
def test_a_steps_last_day(cli, as_of, wanted):
    step = steps(cli, "--as-of", as_of)["steps"][0]
    assert step["id"] == "sg-report"
    assert (step["state"], step["distance"]) == wanted


def test_a_span_on_its_last_day(cli):
    step = steps(cli, "--as-of", "2018-07-31")["steps"][1]
    assert step["id"] == "intergovernmental-negotiations"
    assert (step["state"], step["distance"]) == ("due", "due now, last day today")


def test_next_table_states_its_date(cli, expected):
    result = cli("next")
    assert result.exit_code == 0
    assert result.stdout == expected("next-80", result.stdout)
    assert "As of 2017-12-07 (the dataset's date)" in result.stdout.splitlines()[0]


def test_today_is_accepted(cli):
    import datetime

    answer = steps(cli, "--as-of", "today")
    assert answer["as_of"] == datetime.date.today().isoformat()


@pytest.mark.parametrize("bad", ["2018-13-01", "soon", "2018/01/01"])
def test_bad_as_of_is_usage_error(cli, bad):
    result = cli("next", "--as-of", bad)
    assert result.exit_code == 2
    assert "is not a day" in result.stderr


def _with_outcomes(tmp_path):
    """The shipped dataset as it might stand later: one step under way, one done."""
    import shutil

    from locations import DATA

    text = DATA.read_text(encoding="utf-8")
    text = text.replace(
        "    by: un-secretary-general\n    status: expected\n",
        "    by: un-secretary-general\n    status: done\n    outcome:\n"
        "      what: Report released\n      when: 2018-01-11\n      source: un-news-2017-12-07\n",
    )
    text = text.replace(
        "      date: February to July 2018\n    status: expected\n",
        "      date: February to July 2018\n    status: under way\n",
    )
    path = tmp_path / "compact.yaml"
    path.write_text(text, encoding="utf-8")
    shutil.copytree(DATA.parent / "sources", tmp_path / "sources")
    return path


def test_outcomes_and_steps_under_way(cli, tmp_path):
    data = str(_with_outcomes(tmp_path))
    before = json.loads(cli("--data", data, "next", "--json", "--as-of", "2018-01-05").stdout)
    assert [(s["id"], s["state"]) for s in before["steps"]] == [
        ("sg-report", "ahead"),
        ("intergovernmental-negotiations", "under way"),
        ("adoption-conference", "ahead"),
    ]
    after = json.loads(cli("--data", data, "next", "--json", "--as-of", "2018-03-01").stdout)
    assert [(s["id"], s["state"], s["distance"]) for s in after["steps"]] == [
        ("intergovernmental-negotiations", "under way",
         "under way, until 2018-07-31 (about 5 months left)"),
        ("adoption-conference", "ahead", "in about 9 months"),
    ]
    timeline = json.loads(cli("--data", data, "timeline", "--json").stdout)
    assert ("outcome", "sg-report") in [(i["type"], i["id"]) for i in timeline]


def test_long_past_steps_show_overdue(cli, tmp_path):
    data = str(_with_outcomes(tmp_path))
    result = cli("--data", data, "next", "--as-of", "2030-01-01", width=200)
    assert result.exit_code == 0
    # the two remaining steps are long overdue, and say so
    assert result.stdout.count("overdue by about") == 2
