"""Names in options: a speaker, topic, source, event or place is found by any part of its name
(case and accents ignored); an unknown one is a usage error (exit 2) with suggestions, an
ambiguous one lists the candidates. Never an empty answer that looks like "no quotes"."""

import json

import pytest


def ids(result):
    assert result.exit_code == 0, result.stderr
    return [r["id"] for r in json.loads(result.stdout)]


@pytest.mark.parametrize(
    "args, message",
    [
        (["quotes", "--topic", "soverienty"],
         "--topic: no topic matches 'soverienty'; did you mean State sovereignty?"),
        (["quotes", "--topic", "nonsense"],
         "--topic: no topic matches 'nonsense' ('briefcli topics' shows them)"),
        (["quotes", "--source", "un newz"],
         "--source: no source matches 'un newz'; did you mean Global cooperation vital to "
         "maximize benefits of migration, says UN envoy?"),
        (["quotes", "--event", "stoktaking"],
         "--event: no event matches 'stoktaking'; did you mean Stocktaking meeting on the "
         "Global Compact on international migration?"),
        (["timeline", "--place", "marocco"],
         "--place: no place matches 'marocco'; did you mean Morocco?"),
        (["quotes", "--speaker", "Guterres"],
         "--speaker: no person matches 'Guterres' ('briefcli people' shows them)"),
    ],
)
def test_unknown_names_are_usage_errors_with_suggestions(cli, args, message):
    result = cli(*args)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"briefcli: {message}\n"


def test_an_ambiguous_topic_lists_the_candidates(cli):
    result = cli("quotes", "--topic", "migration")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "briefcli: --topic: 'migration' matches several topics: International cooperation on "
        "migration (cooperation), Benefits of migration (benefits); be more specific\n"
    )


def test_names_match_by_id_part_or_accentless_spelling(cli):
    assert ids(cli("quotes", "--topic", "SOVEREIGNTY", "--json")) == [
        "lajcak-sovereignty", "lajcak-no-diminution",
    ]
    every = ids(cli("quotes", "--json"))
    assert ids(cli("quotes", "--source", "UN News", "--json")) == every
    assert ids(cli("quotes", "--source", "un-news-2017-12-07", "--json")) == every
    at_meeting = ids(cli("quotes", "--event", "stocktaking", "--json"))
    assert at_meeting and set(at_meeting) <= set(every)
    assert ids(cli("quotes", "--event", "consultation", "--json")) == []


def test_timeline_place_keeps_the_place_and_what_lies_in_it(cli):
    items = json.loads(cli("timeline", "--place", "mexico", "--json").stdout)
    # the meeting was in Puerto Vallarta, a city whose country is Mexico
    assert [(i["type"], i["id"], i["where"]) for i in items] == [
        ("event", "stocktaking-meeting", "puerto-vallarta"),
    ]
    items = json.loads(cli("timeline", "--place", "Morocco", "--json").stdout)
    assert [(i["type"], i["id"]) for i in items] == [("step", "adoption-conference")]


def test_timeline_place_is_refused_with_the_chart(cli):
    result = cli("timeline", "--chart", "--place", "Morocco")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "briefcli: --chart draws every place; leave out --place\n"
