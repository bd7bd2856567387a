"""briefcli validate reports every problem of a dataset in one run (issue 13, item 3): records
that fail validation are left out and the rest is still cross-checked and verified.

The one-of-each-kind file is tests/data/invalid/every-kind-at-once.yaml (checked whole by
test_validate.py); these tests cover what one file cannot: a failing batch of many records,
several files, and a file read from the cache beside one that fails.
"""

import shutil
from pathlib import Path

from briefcli.load.validate import BATCH

HERE = Path(__file__).resolve().parents[1] / "data"
MINIMAL = (HERE / "valid" / "minimal.yaml").read_text(encoding="utf-8")


def _quote(i: int, kind: str = "paraphrase", speaker: str = "ortiz") -> str:
    return (f"  - id: p{i}\n    speaker: {speaker}\n    kind: {kind}\n    text: x\n"
            "    source: article\n")


def _folder(tmp_path: Path) -> Path:
    shutil.copytree(HERE / "valid" / "sources", tmp_path / "sources")
    return tmp_path


def test_each_failing_record_of_a_batch_is_reported_at_its_own_place(cli, tmp_path):
    count = BATCH + 500  # two batches, each with a record that fails
    bad_kind = {7, BATCH + 301}
    unknown_speaker = BATCH + 400  # after the records left out: placed by the file's own index
    quotes = "".join(_quote(i, "Direct!" if i in bad_kind else "paraphrase",
                            "nobody" if i == unknown_speaker else "ortiz") for i in range(count))
    text = MINIMAL.replace("steps:\n", quotes + "\nsteps:\n")
    path = _folder(tmp_path) / "many.yaml"
    path.write_text(text, encoding="utf-8")
    first = text.index("  - id: p0\n")
    start = text[:first].count("\n") + 1  # the line of quote p0's dash

    def line(i: int, field: int) -> int:  # field: 1 speaker, 2 kind
        return start + 5 * i + field

    kinds = "'direct', 'partial' or 'paraphrase'"
    expected = [
        f"{path}:{line(i, 2)}:11: quotes[{i + 1}].kind: Input should be {kinds}"
        for i in sorted(bad_kind)
    ]
    expected.insert(1, f"{path}:{line(unknown_speaker, 1)}:14: "
                       f"quotes[{unknown_speaker + 1}].speaker: no person 'nobody'")
    expected.sort(key=lambda s: int(s.split(":")[1]))
    result = cli("validate", str(path))
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.splitlines() == expected


def test_a_file_that_does_not_parse_hides_no_problem_of_the_others(cli, tmp_path):
    folder = _folder(tmp_path)
    (folder / "a.yaml").write_text(MINIMAL, encoding="utf-8")
    # b.yaml names a person that c.yaml quotes; b does not parse, so its people are unknown
    (folder / "b.yaml").write_text("people:\n  - id: lopez\n    name: [Luis Lopez\n",
                                   encoding="utf-8")
    (folder / "c.yaml").write_text(
        "quotes:\n" + _quote(1, speaker="lopez") + _quote(2, "said", speaker="lopez"),
        encoding="utf-8")
    alone = cli("validate", str(folder / "b.yaml"))
    assert alone.exit_code == 1 and len(alone.stderr.splitlines()) == 1
    result = cli("validate", str(folder))
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == alone.stderr + (
        f"{folder / 'c.yaml'}:9:11: quotes[1].kind: Input should be 'direct', 'partial' or "
        "'paraphrase'\n")


def test_a_file_from_the_cache_is_cross_checked_with_one_that_fails(cli, tmp_path):
    folder = _folder(tmp_path / "data")
    (folder / "a.yaml").write_text(MINIMAL, encoding="utf-8")
    extra = folder / "b.yaml"
    extra.write_text("quotes:\n" + _quote(1), encoding="utf-8")
    env = {"BRIEFCLI_NO_CACHE": "", "BRIEFCLI_CACHE_DIR": str(tmp_path / "cache")}
    assert cli("validate", str(folder), env=env).exit_code == 0  # a.yaml's records now cached
    extra.write_text("quotes:\n" + _quote(1, "said") + _quote(2, speaker="ortis")
                     + _quote(3, speaker="next-round"), encoding="utf-8")
    result = cli("validate", str(folder), env=env)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        f"{extra}:4:11: quotes[0].kind: Input should be 'direct', 'partial' or 'paraphrase'\n"
        f"{extra}:8:14: quotes[1].speaker: no person 'ortis' (did you mean 'ortiz'?)\n"
        f"{extra}:13:14: quotes[2].speaker: no person 'next-round'\n")
    assert cli("validate", str(folder), env=env).stderr == result.stderr
