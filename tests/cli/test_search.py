import json


def test_search_across_records(cli):
    result = cli("search", "puerto vallarta", "--json")
    hits = json.loads(result.stdout)
    assert [(h["type"], h["id"]) for h in hits] == [
        ("quote", "arbour-weave"),
        ("event", "consultation-phase"),
        ("event", "stocktaking-meeting"),
    ]


def test_search_ignores_accents_and_case(cli):
    hits = json.loads(cli("search", "JURG", "--json").stdout)
    assert [(h["type"], h["id"]) for h in hits] == [("person", "lauber")]


def test_search_nothing(cli):
    result = cli("search", "zebra")
    assert result.exit_code == 0
    assert result.stdout == "Nothing matches 'zebra'.\n"


def test_search_blank_is_usage_error(cli):
    result = cli("search", "   ")
    assert result.exit_code == 2
    assert result.stderr == "briefcli: give some text to search for\n"
