import json

import pytest


@pytest.mark.parametrize("width", [80, 120])
def test_people_table_is_exact(cli, expected, width):
    result = cli("people", width=width)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == expected(f"people-{width}", result.stdout)
    assert result.stderr == ""


def test_people_json_shape(cli):
    result = cli("people", "--json")
    assert result.exit_code == 0
    people = json.loads(result.stdout)
    assert [p["id"] for p in people] == ["arbour", "lajcak", "gomez-camacho", "lauber"]
    assert {p["id"]: p["quote_count"] for p in people} == {
        "arbour": 5, "lajcak": 6, "gomez-camacho": 0, "lauber": 0,
    }
    # by kind: Arbour's five are one direct quote, one partial and three paraphrases
    kinds = [(p["direct_count"], p["partial_count"], p["paraphrase_count"]) for p in people]
    assert kinds == [(1, 1, 3), (2, 2, 2), (0, 0, 0), (0, 0, 0)]
    lajcak = people[1]
    assert lajcak["name"] == "Miroslav Lajčák"
    assert lajcak["role"] == "President of the General Assembly"
    assert lajcak["roles"][0]["organization"] == "un-general-assembly"
    assert set(lajcak) >= {"id", "name", "honorific", "spellings", "roles", "country", "source"}


def test_people_csv_reads_back(cli):
    import csv
    import io

    result = cli("people", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["id"] for r in rows] == ["arbour", "lajcak", "gomez-camacho", "lauber"]
    assert rows[2]["name"] == "Juan José Gómez Camacho"
    assert [(r["quote_count"], r["direct_count"], r["partial_count"], r["paraphrase_count"])
            for r in rows] == [("5", "1", "1", "3"), ("6", "2", "2", "2"), ("0", "0", "0", "0"),
                               ("0", "0", "0", "0")]


def test_people_markdown_table(cli):
    result = cli("people", "--format", "markdown")
    lines = result.stdout.splitlines()
    assert lines[:4] == [
        "## People",
        "",
        "| Name | Role | Quotes |",
        "|---|---|---|",
    ]
    assert lines[4] == (
        "| Louise Arbour | Special Representative of the UN Secretary-General for "
        "International Migration | 1 direct, 1 partial, 3 paraphrase |"
    )


def test_json_and_format_must_agree(cli):
    result = cli("people", "--json", "--format", "csv")
    assert result.exit_code == 2
    assert "--json and --format csv disagree" in result.stderr
    assert result.stdout == ""
