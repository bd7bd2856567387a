"""A later source's file adds roles to a person an earlier file defined (merged by id)."""

from __future__ import annotations

import json
import shutil

import pytest

from locations import TALKS

NEW_ROLES = """\
sources:
  - id: profile
    title: Ortiz takes on a second post
    publisher: Test Wire
    published: 2018-04-10

people:
  - id: ortiz
    name: Ana Ortiz
    spellings: [Ana Ortíz]
    roles:
      - title: Rapporteur of the talks
        start: 2018-03-05
      - title: Chair of the follow-up group
        start: 2018-04-20
    source: profile
"""


@pytest.fixture
def folder(tmp_path):
    shutil.copytree(TALKS, tmp_path, dirs_exist_ok=True)
    (tmp_path / "2018-04-10-profile.yaml").write_text(NEW_ROLES, encoding="utf-8")
    return tmp_path


def roles(cli, folder, *args):
    result = cli("--data", str(folder), "person", "ortiz", "--json", *args)
    assert result.exit_code == 0, result.stderr
    return [(r["title"], r["source"]) for r in json.loads(result.stdout)["roles"]]


def test_the_later_file_adds_its_roles_with_their_source(cli, folder):
    check = cli("validate", str(folder))
    assert (check.exit_code, check.stderr) == (0, "")
    assert roles(cli, folder) == [
        ("Chair of the talks", "announce"),
        ("Rapporteur of the talks", "profile"),
        ("Chair of the follow-up group", "profile"),
    ]
    people = json.loads(cli("--data", str(folder), "people", "--json").stdout)
    assert [p["id"] for p in people].count("ortiz") == 1
    assert next(p for p in people if p["id"] == "ortiz")["spellings"] == ["Ana Ortíz"]


@pytest.mark.parametrize("day, titles", [
    # the source is not yet published: none of its roles is known
    ("2018-04-05", ["Chair of the talks"]),
    # published: the role that had started is known, the one starting on the 20th is not
    ("2018-04-15", ["Chair of the talks", "Rapporteur of the talks"]),
    ("2018-04-20", ["Chair of the talks", "Rapporteur of the talks", "Chair of the follow-up group"]),
])
def test_as_of_shows_a_role_from_its_source_and_its_start(cli, folder, day, titles):
    assert [title for title, _ in roles(cli, folder, "--as-of", day)] == titles
    people = json.loads(cli("--data", str(folder), "people", "--json", "--as-of", day).stdout)
    ortiz = next(p for p in people if p["id"] == "ortiz")
    assert [r["title"] for r in ortiz["roles"]] == titles


def test_changes_lists_a_role_when_its_source_states_it_or_it_starts(cli, folder):
    def new_roles(since, as_of):
        result = cli("--data", str(folder), "changes", "--json", "--since", since, "--as-of", as_of)
        return [(r["title"], r["source"]) for r in json.loads(result.stdout)["roles"]]

    assert new_roles("2018-04-01", "2018-04-15") == [("Rapporteur of the talks", "profile")]
    assert new_roles("2018-04-15", "2018-04-27") == [("Chair of the follow-up group", "profile")]


def test_a_later_file_cannot_rename_a_person(cli, folder):
    path = folder / "2018-04-10-profile.yaml"
    path.write_text(NEW_ROLES.replace("    name: Ana Ortiz", "    name: Anna Ortiz"), encoding="utf-8")
    result = cli("validate", str(folder))
    assert result.exit_code == 1
    assert result.stderr == (
        f"{path}:9:11: people[0].name: person 'ortiz' is named 'Ana Ortiz' at "
        f"{folder / '2018-03-01-announce.yaml'}:9; a later file may add roles and spellings to a "
        "person, nothing else\n"
    )


def test_the_same_id_twice_in_one_file_is_still_an_error(cli, folder):
    path = folder / "2018-04-10-profile.yaml"
    twice = NEW_ROLES + "  - id: ortiz\n    name: Ana Ortiz\n    source: profile\n"
    path.write_text(twice, encoding="utf-8")
    result = cli("validate", str(folder))
    assert result.exit_code == 1
    assert result.stderr == (
        f"{path}:17:9: people[1].id: id 'ortiz' is already used by a person at "
        f"{path}:8\n"
    )
