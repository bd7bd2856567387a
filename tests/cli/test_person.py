import json


def test_person_profile_exact(cli, expected):
    result = cli("person", "Gómez")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == expected("person-gomez-80", result.stdout)


def test_person_json(cli):
    result = cli("person", "lauber", "--json")
    record = json.loads(result.stdout)
    assert record["id"] == "lauber"
    assert record["quote_count"] == 0 and record["quotes"] == []
    assert [(e["id"], e["part"]) for e in record["events"]] == [("stocktaking-meeting", "co-chair")]
    assert [r["title"] for r in record["roles"]] == [
        "Permanent Representative of Switzerland to the UN",
        "Co-facilitator of the Global Compact process",
    ]


def test_person_with_quotes(cli):
    record = json.loads(cli("person", "lajcak", "--json").stdout)
    assert record["quote_count"] == 6
    assert (record["direct_count"], record["partial_count"], record["paraphrase_count"]) == (2, 2, 2)
    assert record["quotes"][0]["speaker_name"] == "Miroslav Lajčák"


def test_person_unknown(cli):
    result = cli("person", "Guterres")
    assert result.exit_code == 2
    assert result.stderr.startswith("briefcli: no person matches 'Guterres'")


def test_person_csv_is_refused(cli):
    result = cli("person", "arbour", "--format", "csv")
    assert result.exit_code == 2
    assert result.stderr == "briefcli: csv shows lists of records; 'person' is a document\n"


def test_person_quotes_show_their_kind(cli):
    out = cli("person", "arbour", width=120).stdout
    section = out[out.index("Quotes (1 direct, 1 partial, 3 paraphrase)"):]
    # quoted words in quotation marks, paraphrases marked, contexts shown
    assert "    \u201cWe stand today tasked with the mandate" in section
    assert "    \u201ctragedy of large mixed flows" in section
    assert "    (paraphrase) Commitment and cooperation from the global community" in section
    assert '    Context: Reported as said by "a senior United Nations official"' in section


def test_a_profile_too_narrow_for_its_events_table_shows_cards_under_the_heading(cli):
    lines = cli("person", "lajcak", width=40).stdout.splitlines()
    events = lines.index("Events")
    assert lines[events + 1: events + 5] == [
        "three-day meeting, ended Wednesday",
        "(2017-12-04/2017-12-06) · speaker",
        "    Stocktaking meeting on the Global",
        "    Compact on international migration",
    ]
    assert max(len(line) for line in lines) <= 40
