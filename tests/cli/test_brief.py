import json

import pytest


@pytest.mark.parametrize("width", [80, 120])
def test_brief_exact(cli, expected, width):
    result = cli("brief", width=width)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == expected(f"brief-{width}", result.stdout)


def test_brief_fits_one_screen_at_120(cli):
    result = cli("brief", width=120)
    assert len(result.stdout.splitlines()) <= 50


def test_brief_json(cli):
    data = json.loads(cli("brief", "--json", "--as-of", "2018-03-01").stdout)
    assert data["title"] == "Global Compact for Safe, Orderly and Regular Migration"
    assert data["as_of"] == "2018-03-01" and data["dataset_as_of"] == "2017-12-07"
    assert [q["id"] for q in data["key_quotes"]] == [
        "arbour-weave", "lajcak-only-forum", "lajcak-sovereignty",
    ]
    assert [s["state"] for s in data["next_steps"]] == ["overdue", "due", "ahead"]
    assert [p["id"] for p in data["people"]] == ["arbour", "lajcak", "gomez-camacho", "lauber"]


def test_brief_before_the_meeting_has_no_quotes_yet(cli):
    data = json.loads(cli("brief", "--json", "--as-of", "2017-12-01").stdout)
    assert data["key_quotes"] == []


def test_brief_markdown(cli):
    text = cli("brief", "--format", "markdown").stdout
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert headings == [
        "# Global Compact for Safe, Orderly and Regular Migration",
        "## Summary",
        "## Who's who",
        "## Key quotes",
        "## What comes next",
        "## Sources",
    ]
