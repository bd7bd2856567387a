"""A dataset in several files: merged by section, with duplicates named in both places."""

import json
import shutil

from locations import ROOT

EXAMPLE = ROOT / "examples" / "compact-by-article"


def test_folder_merges_to_the_shipped_dataset(cli):
    for command in (["people"], ["quotes"], ["next"], ["timeline"]):
        split = cli("--data", str(EXAMPLE), *command, "--json")
        whole = cli(*command, "--json")
        assert split.exit_code == 0, split.stderr
        assert json.loads(split.stdout) == json.loads(whole.stdout)


def test_repeated_data_option_merges_files(cli):
    files = sorted(EXAMPLE.glob("*.yaml"))
    result = cli("--data", str(files[0]), "--data", str(files[1]), "people", "--json")
    assert [p["id"] for p in json.loads(result.stdout)] == [
        "arbour", "lajcak", "gomez-camacho", "lauber",
    ]


def test_same_id_in_two_files_names_both(cli, tmp_path, monkeypatch):
    shutil.copytree(EXAMPLE, tmp_path, dirs_exist_ok=True)
    (tmp_path / "2017-12-08-extra.yaml").write_text(
        "places:\n  - id: morocco\n    name: Morocco again\n", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    result = cli("validate", ".")
    assert result.exit_code == 1
    process_line = next(
        i for i, line in enumerate((tmp_path / "process.yaml").read_text().splitlines(), 1)
        if line == "  - id: morocco"
    )
    # files are read in name order, so the extra file's place comes first
    assert result.stderr == (
        f"./process.yaml:{process_line}:9: places[3].id: id 'morocco' is already used by a "
        f"place at ./2017-12-08-extra.yaml:2\n"
    )


def test_two_dataset_sections_are_an_error(cli, tmp_path):
    one = tmp_path / "a.yaml"
    two = tmp_path / "b.yaml"
    body = "dataset:\n  title: T\n  process: P\n  as_of: 2018-01-01\n  summary: S\n"
    one.write_text(body, encoding="utf-8")
    two.write_text(body, encoding="utf-8")
    result = cli("validate", str(tmp_path))
    assert result.exit_code == 1
    assert result.stderr == f"{two}:1:1: the 'dataset' section is also given in {one}:1\n"


def test_folder_without_yaml(cli, tmp_path):
    (tmp_path / "notes.txt").write_text("hello", encoding="utf-8")
    result = cli("--data", str(tmp_path), "people")
    assert result.exit_code == 1
    assert result.stderr == f"{tmp_path}: the folder holds no .yaml or .yml files\n"
