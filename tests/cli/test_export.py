"""briefcli export: formats, -o with atomic writing and --force, exit codes, and --as-of."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import vobject

from briefcli.cli.app import main

SHIPPED = Path(__file__).resolve().parents[2] / "data" / "compact.yaml"
FORMATS = ["markdown", "html", "ics", "jsonld", "timelinejs"]


@pytest.fixture
def run(capsys, monkeypatch):
    """run(*args) -> (exit code, stdout, stderr) of ``briefcli --data SHIPPED args``."""
    monkeypatch.delenv("BRIEFCLI_DATA", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")

    def invoke(*args: str):
        capsys.readouterr()
        code = main(["--data", str(SHIPPED), *args])
        out, err = capsys.readouterr()
        return code, out, err

    return invoke


def no_temporary_files(folder: Path) -> bool:
    return not [p for p in folder.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("fmt", FORMATS)
def test_file_and_stdout_hold_the_same_bytes(run, tmp_path, fmt):
    code, stdout, err = run("export", fmt)
    assert (code, err) == (0, "")
    target = tmp_path / f"briefing.{fmt}"
    code, out, err = run("export", fmt, "-o", str(target))
    assert (code, out, err) == (0, "", "")
    assert target.read_bytes() == stdout.encode("utf-8")
    code, dash, err = run("export", fmt, "--output", "-")
    assert (code, dash) == (0, stdout)


def test_existing_file_needs_force(run, tmp_path):
    target = tmp_path / "briefing.md"
    target.write_text("keep me")
    code, out, err = run("export", "markdown", "-o", str(target))
    assert code == 2
    assert err == f"briefcli: {target} already exists; give --force to replace it\n"
    assert target.read_text() == "keep me"
    code, out, err = run("export", "markdown", "-o", str(target), "--force")
    assert (code, err) == (0, "")
    assert target.read_text(encoding="utf-8").startswith("# Global Compact")
    assert no_temporary_files(tmp_path)


def test_unwritable_target_is_one_line_and_exit_1(run, tmp_path):
    code, out, err = run("export", "html", "-o", str(tmp_path / "missing" / "b.html"))
    assert code == 1
    missing = tmp_path / "missing" / "b.html"
    assert err == f"briefcli: cannot write {missing}: No such file or directory\n"
    code, out, err = run("export", "html", "-o", str(tmp_path), "--force")
    assert code == 1
    assert err == f"briefcli: cannot write {tmp_path}: is a folder\n"


@pytest.mark.parametrize("interruption", [KeyboardInterrupt, OSError])
def test_interrupted_write_leaves_nothing(run, tmp_path, monkeypatch, interruption):
    def fail(fd):
        raise interruption()

    monkeypatch.setattr(os, "fsync", fail)
    code, out, err = run("export", "ics", "-o", str(tmp_path / "b.ics"))
    if interruption is KeyboardInterrupt:
        assert code == 130  # Typer turns Ctrl-C into a quiet exit 130
    else:
        assert (code, err) == (1, f"briefcli: cannot write {tmp_path / 'b.ics'}: OSError\n")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("make", ["fifo", "symlink", "dangling symlink"])
@pytest.mark.parametrize("force", [[], ["--force"]])
def test_what_is_not_a_regular_file_is_refused_never_swapped(run, tmp_path, make, force):
    target = tmp_path / "b.html"
    kind = {"fifo": "a FIFO"}.get(make, "a symbolic link")
    if make == "fifo":
        os.mkfifo(target)
    else:
        target.symlink_to(tmp_path / ("real.html" if make == "symlink" else "nowhere.html"))
        if make == "symlink":
            (tmp_path / "real.html").write_text("real")
    code, out, err = run("export", "html", "-o", str(target), *force)
    assert (code, out) == (2, "")
    assert err == (
        f"briefcli: {target} is {kind}, not a regular file; briefcli writes only regular files\n"
    )
    assert target.is_fifo() if make == "fifo" else target.is_symlink()
    assert sorted(p.name for p in tmp_path.iterdir()) == (
        ["b.html", "real.html"] if make == "symlink" else ["b.html"]
    )


def test_a_link_to_stdout_is_refused_even_with_force(run, tmp_path):
    # What /dev/stdout is; a link of our own, so that a regression swaps nothing of the system's.
    stdout = tmp_path / "stdout"
    stdout.symlink_to("/proc/self/fd/1")
    code, out, err = run("export", "html", "-o", str(stdout), "--force")
    assert (code, out) == (2, "")
    assert err == (
        f"briefcli: {stdout} is a symbolic link, not a regular file; "
        "briefcli writes only regular files\n"
    )
    assert stdout.is_symlink()


@pytest.fixture
def warm_cache(shared_cache, monkeypatch, capsys):
    """The worker's shared cache with the shipped dataset in it (filled here, in-process), so
    that a briefcli process pointed at it writes no file but its export."""
    monkeypatch.delenv("BRIEFCLI_NO_CACHE", raising=False)
    monkeypatch.setenv("BRIEFCLI_CACHE_DIR", shared_cache)
    assert main(["--data", str(SHIPPED), "people"]) == 0
    capsys.readouterr()
    return shared_cache


@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP", "SIGINT"])
@pytest.mark.parametrize("existing", [None, "old"])
def test_a_signal_during_export_leaves_no_temporary_file(tmp_path, name, existing, warm_cache):
    import signal
    import subprocess
    import sys

    from briefcli import atomic

    target = tmp_path / "b.html"
    if existing:
        target.write_text(existing)
    proc = subprocess.Popen(
        [sys.executable, "-m", "briefcli", "--data", str(SHIPPED), "export", "html",
         "-o", str(target), "--force"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        env={**os.environ, atomic.HOLD: "1", "BRIEFCLI_CACHE_DIR": warm_cache, "NO_COLOR": "1"},
    )
    try:
        # The test hook: the writer says when its temporary file is full, then waits for us.
        line = proc.stderr.readline().decode()
        assert line.startswith(f"briefcli-test: holding {tmp_path}/.b.html."), line
        assert len(list(tmp_path.glob(".b.html.*.tmp"))) == 1
        proc.send_signal(getattr(signal, name))
        out, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:  # a failed check above: leave no held process behind
            proc.kill()
            proc.wait()
    if name == "SIGINT":
        assert (proc.returncode, err) == (130, b"briefcli: interrupted\n")
    else:
        assert (proc.returncode, err) == (-getattr(signal, name), b"")
    assert out == b""
    assert (target.read_text() if target.exists() else None) == existing
    assert no_temporary_files(tmp_path)


def test_unknown_format_and_bad_day_are_usage_errors(run):
    code, out, err = run("export", "pdf")
    assert code == 2 and "pdf" in err and out == ""
    code, out, err = run("export", "ics", "--as-of", "tomorrow-ish")
    assert code == 2 and "'tomorrow-ish' is not a day" in err


def test_format_names_ignore_case(run):
    assert run("export", "JSONLD")[1] == run("export", "jsonld")[1]


def test_help_lists_the_formats(run):
    code, out, err = run("export", "--help")
    assert code == 0
    for word in [*FORMATS, "--output", "--force", "--as-of"]:
        assert word in out


# --- --as-of means what it means in next and brief ------------------------------------------

DAYS = ["2017-12-05", "2017-12-07", "2018-01-20", "2018-03-01", "2019-01-01"]


def markdown_table_after(text: str, heading: str) -> list[str]:
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(heading)) + 1
    table = []
    for line in lines[start:]:
        if line.startswith("## "):
            break
        if line.startswith(("|", "_")):
            table.append(line)
    return table


@pytest.mark.parametrize("day", DAYS)
def test_as_of_markdown_next_steps_match_next(run, day):
    _, exported, _ = run("export", "markdown", "--as-of", day)
    _, listed, _ = run("next", "--as-of", day, "--format", "markdown")
    assert markdown_table_after(exported, "## What comes next") == markdown_table_after(
        listed, "## Next steps"
    )


@pytest.mark.parametrize("day", DAYS)
def test_as_of_every_format_agrees_with_next_and_brief(run, day):
    steps = json.loads(run("next", "--as-of", day, "--json")[1])["steps"]
    standing = {s["id"]: f"{s['state']}, {s['distance']}" for s in steps}
    brief = json.loads(run("brief", "--as-of", day, "--json")[1])
    said = brief["key_quotes"]

    calendar = vobject.readOne(run("export", "ics", "--as-of", day)[1])
    for event in getattr(calendar, "vevent_list", []):  # none known before the source
        kind, rid = event.uid.value.split(".")[0].split("-", 1)
        if kind == "step":
            now = standing.get(rid, "no longer ahead")
            assert f"On {day}: {now}." in event.description.value.split("\n")

    timeline = json.loads(run("export", "timelinejs", "--as-of", day)[1])
    quote_slides = [s["unique_id"] for s in timeline["events"] if s["group"] == "Quotes"]
    assert quote_slides == [f"quote-{q['id']}" for q in said]
    for slide in timeline["events"]:
        if slide["group"] == "Steps":
            rid = slide["unique_id"].removeprefix("step-")
            if rid in standing:
                assert f"On {day}: {standing[rid]}." in slide["text"]["text"]

    graph = json.loads(run("export", "jsonld", "--as-of", day)[1])["@graph"]
    quotations = [n for n in graph if n["@type"] == "Quotation"]
    assert (len(quotations) == 0) == (said == [])

    markdown = run("export", "markdown", "--as-of", day)[1]
    assert f"_As of {day}" in markdown.splitlines()[2]


def test_default_as_of_is_the_datasets_day(run):
    assert run("export", "markdown")[1].splitlines()[2] == "_As of 2017-12-07 (the dataset's date)_"
    assert run("export", "ics")[1] == run("export", "ics", "--as-of", "2017-12-07")[1]
