import json


def items(cli, *args):
    result = cli("timeline", "--json", *args)
    assert result.exit_code == 0, result.stderr
    return [(i["type"], i["id"]) for i in json.loads(result.stdout)]


def test_timeline_in_order(cli):
    assert items(cli) == [
        ("event", "stocktaking-meeting"),
        ("source", "un-news-2017-12-07"),
        ("step", "sg-report"),
        ("step", "intergovernmental-negotiations"),
        ("step", "adoption-conference"),
    ]


def test_timeline_range(cli):
    assert items(cli, "--from", "2018-01-01", "--to", "2018-06-30") == [
        ("step", "sg-report"),
        ("step", "intergovernmental-negotiations"),
    ]
    assert items(cli, "--to", "2017-12-06") == [("event", "stocktaking-meeting")]
    assert items(cli, "--from", "2020-01-01") == []


def test_timeline_reversed_range(cli):
    result = cli("timeline", "--from", "2018-02-01", "--to", "2018-01-01")
    assert result.exit_code == 2
    assert result.stderr == (
        "briefcli: Invalid value for '--to': 2018-01-01 is before --from 2018-02-01\n"
    )


def test_timeline_table_exact(cli, expected):
    result = cli("timeline", width=120)
    assert result.stdout == expected("timeline-120", result.stdout)
