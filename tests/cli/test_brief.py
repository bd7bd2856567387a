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


def _crowded(tmp_path):
    """A dataset with 13 people (person i quoted i times, except the last three, never), 12 steps
    in reverse order of time and 12 sources, one a month of 2018 with January last."""
    months = [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 1]
    lines = ["dataset:", "  title: Crowded", "  process: A crowded process",
             "  as_of: 2018-12-31", "  summary: Many people, steps and sources.", "sources:"]
    for m in months:
        lines += [f"  - id: s{m:02}", f"    title: Report of month {m}", "    publisher: Wire",
                  f"    published: 2018-{m:02}-15"]
    lines.append("people:")
    for i in range(13):
        lines += [f"  - id: p{i:02}", f"    name: Person {i:02}", "    source: s01"]
    lines.append("quotes:")
    for i in range(10):
        for n in range(i + 1):
            lines += [f"  - id: q{i:02}-{n}", f"    speaker: p{i:02}", "    kind: paraphrase",
                      f"    text: Person {i} said thing {n}.", "    source: s01"]
    lines.append("steps:")
    for k in range(12):
        lines += [f"  - id: t{k:02}", f"    what: Step {k:02}", f"    when: 2030-{12 - k:02}-01",
                  "    status: expected", "    source: s01"]
    path = tmp_path / "crowded.yaml"
    path.write_text("\n".join(lines) + "\n")
    return str(path)


def test_brief_shows_ten_of_each_and_says_how_many_more(cli, tmp_path):
    path = _crowded(tmp_path)
    out = cli("--data", path, "brief", "--as-of", "2019-01-01", width=100)
    assert out.exit_code == 0, out.stderr
    lines = [line.strip() for line in out.stdout.splitlines()]
    # the ten most quoted, in the dataset's order; the three never quoted are counted
    assert [line.split()[1] for line in lines if line.startswith("Person ")] == [
        f"{i:02}" for i in range(10)
    ]
    assert "…and 3 more people (briefcli people --as-of 2019-01-01 lists them all)." in lines
    # the ten soonest steps, soonest first
    shown = [line.split()[1] for line in lines if line.startswith("Step ")]
    assert shown == [f"{k:02}" for k in range(11, 1, -1)]
    assert "…and 2 more steps (briefcli next --as-of 2019-01-01 lists them all)." in lines
    # the ten latest sources, in the dataset's order (March to December; January and
    # February left out)
    reports = [line.split("month ")[1] for line in lines if "Report of month" in line]
    assert reports == [str(m) for m in range(3, 13)]
    assert "…and 2 more sources (briefcli sources --as-of 2019-01-01 lists them all)." in lines
    # the JSON has everything
    data = json.loads(cli("--data", path, "brief", "--as-of", "2019-01-01", "--json").stdout)
    assert (len(data["people"]), len(data["next_steps"]), len(data["sources"])) == (13, 12, 12)


def test_brief_on_the_datasets_own_day_names_the_commands_plainly(cli, tmp_path):
    lines = cli("--data", _crowded(tmp_path), "brief").stdout.splitlines()
    assert "…and 3 more people (briefcli people lists them all)." in lines


def test_brief_of_ten_or_fewer_says_nothing_of_more(cli):
    assert "more people" not in cli("brief").stdout
