"""briefcli changes: what the dataset learned after one day and by another."""

from __future__ import annotations

import json

import pytest


def learned(talks, *args: str) -> dict:
    result = talks("changes", "--json", *args)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    ids = {}
    for group in ("sources", "people", "quotes", "events", "steps"):
        ids[group] = [r["id"] for r in data[group]]
    ids["roles"] = [(r["person"], r["title"]) for r in data["roles"]]
    ids["revised"] = [(r["step"], r["reported"], "+".join(c["change"] for c in r["changes"]))
                      for r in data["revised"]]
    ids["outcomes"] = [(r["step"], r["reported"], r["change"]) for r in data["outcomes"]]
    return ids


NOTHING = {g: [] for g in ("sources", "people", "quotes", "events", "steps", "roles", "revised",
                           "outcomes")}


@pytest.mark.parametrize("since, as_of, expected", [
    ("2018-02-28", "2018-03-01", {
        **NOTHING, "sources": ["announce"], "people": ["ortiz"], "quotes": ["ortiz-timetable"],
        "events": ["opening"],
        "steps": ["draft-text", "second-round", "ministerial", "report", "final-text",
                  "website", "field-visit"]}),
    ("2018-03-01", "2018-03-16", {
        **NOTHING, "sources": ["draft"], "outcomes": [("draft-text", "2018-03-16", "outcome")]}),
    ("2018-03-16", "2018-03-20", {
        **NOTHING, "sources": ["slip"], "people": ["chen"], "quotes": ["chen-later"],
        "revised": [("second-round", "2018-03-20", "moved")]}),
    ("2018-03-20", "2018-04-26", NOTHING),
    ("2018-04-26", "2018-04-27", {
        **NOTHING, "sources": ["wrap"], "events": ["second-round-session"],
        "revised": [("ministerial", "2018-04-27", "status"),
                    ("field-visit", "2018-04-27", "status")],
        "outcomes": [("second-round", "2018-04-27", "outcome"),
                     ("report", "2018-04-27", "outcome")]}),
])
def test_exactly_the_records_learned_in_the_span(talks, since, as_of, expected):
    assert learned(talks, "--since", since, "--as-of", as_of) == expected


def test_a_role_starting_in_the_span_of_a_known_person(cli, tmp_path):
    from locations import TALKS

    for path in TALKS.glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        if path.name == "2018-03-01-announce.yaml":
            text = text.replace("        organization: secretariat\n",
                                "        organization: secretariat\n"
                                "      - title: Head of the secretariat\n"
                                "        start: 2018-03-10\n", 1)
        (tmp_path / path.name).write_text(text, encoding="utf-8")
    out = json.loads(cli("--data", str(tmp_path), "changes", "--json", "--since", "2018-03-09",
                         "--as-of", "2018-03-10").stdout)
    assert [(r["person_name"], r["title"]) for r in out["roles"]] == [
        ("Ana Ortiz", "Head of the secretariat")]


def test_a_duration_counts_back_from_the_as_of_day(talks):
    assert learned(talks, "--since", "1d") == learned(talks, "--since", "2018-04-26")
    assert learned(talks, "--since", "2w", "--as-of", "2018-03-20") == learned(
        talks, "--since", "2018-03-06", "--as-of", "2018-03-20")


def test_the_whole_output_at_80_columns(talks, expected):
    result = talks("changes", "--since", "2018-03-01")
    assert result.exit_code == 0
    assert result.stdout == expected("changes-talks-80", result.stdout)


def test_nothing_new(talks):
    result = talks("changes", "--since", "2018-03-21", "--as-of", "2018-04-26")
    assert result.stdout == (
        "What changed after 2018-03-21\nAs of 2018-04-26\n\nNothing new\n"
        "Nothing was learned after 2018-03-21 and by 2018-04-26.\n")


@pytest.mark.parametrize("since, message", [
    ("yesterday", "briefcli: --since 'yesterday' is not a day or a duration: use YYYY-MM-DD, 7d or 2w\n"),
    ("2018-04-27", "briefcli: --since 2018-04-27 is not before the as-of day 2018-04-27\n"),
])
def test_bad_since_is_usage(talks, since, message):
    result = talks("changes", "--since", since)
    assert result.exit_code == 2
    assert (result.stderr, result.stdout) == (message, "")
