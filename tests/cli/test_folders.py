"""--data FOLDER: which files make the dataset, and what happens when a part cannot be read."""

import json
import os
import shutil

import pytest
from locations import ROOT

EXAMPLE = ROOT / "examples" / "compact-by-article"


@pytest.fixture
def folder(tmp_path):
    target = tmp_path / "dataset"
    shutil.copytree(EXAMPLE, target)
    return target


def _stray(path):
    """A YAML file that would break the dataset if it were read (a second 'dataset' section)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("dataset:\n  title: Not this one\n", encoding="utf-8")


@pytest.mark.parametrize("where", [
    ".hidden/x.yaml", ".x.yaml", "node_modules/pkg/x.yaml", "__pycache__/x.yaml",
    "lib/python3.11/site-packages/pkg/x.yml",
])
def test_hidden_and_tool_folders_are_not_read(cli, folder, where):
    _stray(folder / where)
    result = cli("--data", str(folder), "people", "--json")
    assert result.exit_code == 0, result.stderr
    assert [p["id"] for p in json.loads(result.stdout)] == ["arbour", "lajcak", "gomez-camacho", "lauber"]


def test_a_virtual_environment_is_not_read(cli, folder):
    venv = folder / "env"
    (venv).mkdir()
    (venv / "pyvenv.cfg").write_text("home = /usr/bin\n", encoding="utf-8")
    _stray(venv / "lib" / "x.yaml")
    result = cli("--data", str(folder), "validate", "--verbose")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (
        f"briefcli: read {folder}/2017-12-07-un-news.yaml\n"
        f"briefcli: read {folder}/process.yaml\n"
        f"briefcli: skipped {venv} (not part of a dataset)\n"
    )


def test_subfolders_are_read_in_name_order(cli, folder):
    (folder / "2018").mkdir()
    (folder / "2018" / "more.yaml").write_text(
        "people:\n  - id: newcomer\n    name: New Comer\n    source: un-news-2017-12-07\n",
        encoding="utf-8",
    )
    result = cli("validate", "--verbose", str(folder))
    assert result.stderr.splitlines()[:3] == [
        f"briefcli: read {folder}/2017-12-07-un-news.yaml",
        f"briefcli: read {folder}/2018/more.yaml",
        f"briefcli: read {folder}/process.yaml",
    ]
    assert "person 'newcomer' is never referred to" in result.stderr


def test_an_unreadable_subfolder_is_an_error_naming_it(cli, folder, monkeypatch):
    locked = folder / "locked"
    locked.mkdir()
    (locked / "people.yaml").write_text("people: []\n", encoding="utf-8")
    if os.geteuid() == 0:  # root reads any folder: make this one fail as a locked one would
        real = os.scandir

        def scandir(path="."):
            if os.fspath(path) == str(locked):
                raise PermissionError(13, "Permission denied", str(path))
            return real(path)

        monkeypatch.setattr(os, "scandir", scandir)
    else:
        locked.chmod(0)
    try:
        result = cli("--data", str(folder), "validate")
    finally:
        locked.chmod(0o755)
    assert result.exit_code == 1
    assert result.stderr == f"{locked}: cannot read the folder: Permission denied\n"


def test_too_many_files_names_the_limit(cli, tmp_path, monkeypatch):
    for n in range(5):
        (tmp_path / f"part-{n}.yaml").write_text("topics: []\n", encoding="utf-8")
    monkeypatch.setenv("BRIEFCLI_MAX_FILES", "3")
    result = cli("--data", str(tmp_path), "people")
    assert result.exit_code == 1
    assert result.stderr == (
        f"{tmp_path}: the folder holds more than 3 dataset files "
        "(raise the limit with BRIEFCLI_MAX_FILES)\n"
    )


def test_an_unreadable_file_in_a_folder_is_an_error_naming_it(cli, folder):
    fifo = folder / "zz-pipe.yaml"
    os.mkfifo(fifo)
    result = cli("--data", str(folder), "people")
    assert result.exit_code == 1
    assert result.stderr == f"{fifo}: not a regular file\n"
