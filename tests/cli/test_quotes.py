import json

import pytest


def ids(result):
    assert result.exit_code == 0, result.stderr
    return [q["id"] for q in json.loads(result.stdout)]


ARBOUR = [
    "arbour-weave",
    "arbour-mixed-flows",
    "arbour-cooperation-critical",
    "arbour-mobility-benefits",
    "arbour-un-support",
]


@pytest.mark.parametrize("name", ["Arbour", "arbour", "ARBOUR", "Louise", "louise arbour"])
def test_speaker_arbour_any_spelling(cli, name):
    assert ids(cli("quotes", "--speaker", name, "--json")) == ARBOUR


@pytest.mark.parametrize("name", ["lajcak", "Lajčák", "LAJCAK", "Miroslav Lajcak", "lajčak"])
def test_speaker_lajcak_accents_ignored(cli, name):
    found = ids(cli("quotes", "--speaker", name, "--json"))
    assert len(found) == 6 and all(q.startswith("lajcak-") for q in found)


def test_known_person_without_quotes(cli):
    result = cli("quotes", "--speaker", "gomez camacho")
    assert result.exit_code == 0
    assert result.stdout == "Juan José Gómez Camacho has no quotes in this dataset.\n"


def test_ambiguous_name_lists_candidates(cli):
    result = cli("quotes", "--speaker", "la")
    assert result.exit_code == 2
    assert result.stderr == (
        "briefcli: --speaker: 'la' matches several people: Miroslav Lajčák (lajcak), "
        "Jürg Lauber (lauber); be more specific\n"
    )
    assert result.stdout == ""


def test_unknown_name_suggests(cli):
    result = cli("quotes", "--speaker", "Arbor")
    assert result.exit_code == 2
    assert result.stderr == (
        "briefcli: --speaker: no person matches 'Arbor'; did you mean Louise Arbour?\n"
    )


def test_filters(cli):
    assert ids(cli("quotes", "--kind", "direct", "--json")) == [
        "arbour-weave", "lajcak-only-forum", "lajcak-sovereignty",
    ]
    assert ids(cli("quotes", "--topic", "sovereignty", "--json")) == [
        "lajcak-sovereignty", "lajcak-no-diminution",
    ]
    # the search covers the context too: the sovereignty quote's context speaks of the forum
    assert ids(cli("quotes", "--search", "FORUM", "--json")) == [
        "lajcak-only-forum", "lajcak-sovereignty",
    ]
    assert ids(cli("quotes", "--speaker", "arbour", "--kind", "partial", "--json")) == [
        "arbour-mixed-flows"
    ]
    assert ids(cli("quotes", "--search", "no such words", "--json")) == []


def test_quote_json_shape(cli):
    result = cli("quotes", "--kind", "partial", "--speaker", "lajcak", "--json")
    quotes = json.loads(result.stdout)
    assert quotes[0] == {
        "id": "lajcak-tough-negotiations",
        "speaker": "lajcak",
        "speaker_name": "Miroslav Lajčák",
        "text": "tough negotiations",
        "parts": None,
        "kind": "partial",
        "context": 'Mr. Lajčák spoke of the results achieved so far and added that '
        '"tough negotiations" lay ahead.',
        "when": {"text": "Wednesday", "earliest": "2017-12-06", "latest": "2017-12-06"},
        "event": "stocktaking-meeting",
        "source": "un-news-2017-12-07",
        "topics": ["negotiations"],
    }


@pytest.mark.parametrize("width", [80, 120])
def test_quotes_table_is_exact(cli, expected, width):
    result = cli("quotes", "--speaker", "lajcak", width=width)
    assert result.exit_code == 0
    assert result.stdout == expected(f"quotes-lajcak-{width}", result.stdout)


def test_bad_kind_is_usage_error(cli):
    result = cli("quotes", "--kind", "rumour")
    assert result.exit_code == 2
    assert "rumour" in result.stderr
