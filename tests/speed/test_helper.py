"""A large file's later pieces are read by a helper process: the same results, in order, and
nothing left behind whatever happens to either process (Ctrl-C in a real run: see
tests/cli/test_interrupt.py)."""

from __future__ import annotations

import os
import shutil
import signal
import sys
from pathlib import Path

import pytest

from briefcli.dataset import helper

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this platform")


def gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def note(path: Path) -> None:
    """Write this process's pid to ``path``, whole or not at all."""
    part = path.with_name(f"{path.name}.{os.getpid()}")
    part.write_text(str(os.getpid()))
    os.replace(part, path)


def wait_for(path: Path) -> None:
    while not path.exists():
        os.sched_yield()


class Work:
    """work(item) -> [item, the pid that did it]; what the helper does can be changed with
    ``in_helper`` (called with the item there), and its pid is kept in a file."""

    def __init__(self, tmp_path: Path, in_helper=None) -> None:
        self.parent, self.note, self.in_helper = os.getpid(), tmp_path / "helper-pid", in_helper

    def __call__(self, item):
        if os.getpid() != self.parent:
            note(self.note)
            if self.in_helper is not None:
                changed = self.in_helper(item)
                if changed is not True:
                    return changed
        return [item, os.getpid()]

    @property
    def helper(self) -> int:
        return int(self.note.read_text())


def test_the_later_half_goes_to_a_helper_and_comes_back_in_order(tmp_path):
    work, told = Work(tmp_path), []
    sizes = [5, 1, 1, 1, 1, 1, 1, 1, 1, 1]  # half the sum is reached after the third
    results = helper.each(list(range(10)), work, sizes, told.append, share=True)
    assert [item for item, _ in results] == list(range(10))
    assert [pid == work.parent for _, pid in results] == [True] * 3 + [False] * 7
    assert sorted(told) == sorted(sizes) and len(told) == 10
    assert gone(work.helper)


def test_without_share_everything_is_read_here(tmp_path):
    work = Work(tmp_path)
    results = helper.each(list(range(6)), work, [1] * 6, share=True)
    assert {pid for _, pid in results} != {work.parent}
    results = helper.each(list(range(6)), work, [1] * 6, share=False)
    assert [item for item, _ in results] == list(range(6))
    assert {pid for _, pid in results} == {work.parent}


@pytest.mark.parametrize("dies_at", [5, 7, 9])
def test_what_a_failed_helper_did_not_finish_is_read_here(tmp_path, dies_at):
    def in_helper(item):
        if item == dies_at:
            os._exit(3)
        return True

    work = Work(tmp_path, in_helper)
    results = helper.each(list(range(10)), work, [1] * 10, share=True)
    assert [item for item, _ in results] == list(range(10))
    assert [pid == work.parent for _, pid in results] == [n < 5 or n >= dies_at for n in range(10)]
    assert gone(work.helper)


def test_a_problem_in_the_helpers_half_gives_none(tmp_path):
    work = Work(tmp_path, lambda item: None if item == 7 else True)
    assert helper.each(list(range(10)), work, [1] * 10, share=True) is None
    assert gone(work.helper)


def test_a_problem_here_ends_the_helper(tmp_path):
    def work(item):
        if os.getpid() != parent:
            note(tmp_path / "helper-pid")
            return [item] if item < 6 else signal.pause()  # the helper would wait for ever
        if item == 2:
            wait_for(tmp_path / "helper-pid")
            return None
        return [item]

    parent = os.getpid()
    assert helper.each(list(range(10)), work, [1] * 10, share=True) is None
    assert gone(int((tmp_path / "helper-pid").read_text()))


def test_an_interrupt_here_ends_the_helper(tmp_path):
    def work(item):
        if os.getpid() != parent:
            note(tmp_path / "helper-pid")
            signal.pause()
        if item == 3:
            wait_for(tmp_path / "helper-pid")
            raise KeyboardInterrupt
        return [item]

    parent = os.getpid()
    with pytest.raises(KeyboardInterrupt):
        helper.each(list(range(10)), work, [1] * 10, share=True)
    assert gone(int((tmp_path / "helper-pid").read_text()))


def test_half_is_by_size_with_one_item_each_side_at_least():
    assert helper._half([1, 1, 1, 1]) == 2
    assert helper._half([10, 1, 1, 1]) == 1
    assert helper._half([1, 1, 1, 10]) == 3
    assert helper._half([1, 1]) == 1


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="shared on Linux only")
def test_only_large_files_on_a_machine_with_two_cores_share(monkeypatch):
    monkeypatch.setattr(helper, "cores", lambda: 2)
    assert helper.can_share(helper.SHARE_BYTES, 2)
    assert not helper.can_share(helper.SHARE_BYTES - 1, 2)
    assert not helper.can_share(helper.SHARE_BYTES, 1)
    monkeypatch.setattr(helper, "cores", lambda: 1)
    assert not helper.can_share(helper.SHARE_BYTES, 2)


class Here:
    """What this process does beside the helper: ``here()`` -> its pid, after ``first`` (if
    given) has run."""

    def __init__(self, first=None) -> None:
        self.first = first

    def __call__(self) -> int:
        if self.first is not None:
            self.first()
        return os.getpid()


def test_beside_gives_what_was_done_here_and_the_helpers_items_in_order(tmp_path):
    work = Work(tmp_path)
    mine, results = helper.beside(Here(), list(range(6)), work, share=True)
    assert mine == work.parent
    assert results == [[item, work.helper] for item in range(6)] and work.helper != work.parent
    assert gone(work.helper)


def test_beside_without_share_or_items_does_everything_here(tmp_path):
    work = Work(tmp_path)
    assert helper.beside(Here(), list(range(3)), work) == (
        work.parent, [[item, work.parent] for item in range(3)])
    assert helper.beside(Here(), [], work, share=True) == (work.parent, [])
    assert not work.note.exists()  # no helper was started


def test_what_a_helper_beside_did_not_finish_is_done_here(tmp_path):
    def in_helper(item):
        if item == 4:
            os._exit(3)
        return True

    work = Work(tmp_path, in_helper)
    mine, results = helper.beside(Here(), list(range(7)), work, share=True)
    assert [item for item, _ in results] == list(range(7))
    assert [pid == work.parent for _, pid in results] == [n >= 4 for n in range(7)]
    assert gone(work.helper)


def test_a_problem_beside_gives_none(tmp_path):
    work = Work(tmp_path, lambda item: None if item == 2 else True)
    assert helper.beside(Here(), list(range(5)), work, share=True) is None
    assert gone(work.helper)


def test_an_interrupt_while_the_helper_works_beside_ends_it(tmp_path):
    def work(item):
        note(tmp_path / "helper-pid")
        signal.pause()  # the helper would wait for ever

    def first():
        wait_for(tmp_path / "helper-pid")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        helper.beside(Here(first), [1, 2], work, share=True)
    assert gone(int((tmp_path / "helper-pid").read_text()))


class Halves:
    """A :class:`helper.Split` of :class:`Work`: ``first(item)`` here gives [item, its pid] (or
    what ``given`` says for that item); the helper, made ready in ``ready``, gives ``then``'s
    [item, the value handed, its pid]."""

    def __init__(self, tmp_path: Path, given=None) -> None:
        self.parent, self.given, self.ready_in = os.getpid(), given or {}, tmp_path / "ready"

    def first(self, item):
        return self.given.get(item, [item, os.getpid()])

    def then(self, item, value):
        return [item, value, os.getpid(), self.ready_in.read_text()]

    def ready(self):
        self.ready_in.write_text(str(os.getpid()))

    @property
    def split(self) -> helper.Split:
        return helper.Split(self.first, self.then, self.ready)


def test_a_split_hands_each_value_made_here_to_the_helper(tmp_path):
    work, halves = Work(tmp_path), Halves(tmp_path)
    mine, results = helper.beside(Here(), list(range(4)), work, share=True, split=halves.split)
    assert mine == work.parent
    child = int(halves.ready_in.read_text())
    assert child != work.parent and gone(child)
    assert results == [[item, [item, work.parent], child, str(child)] for item in range(4)]


def test_where_nothing_or_no_plain_value_is_handed_the_helper_does_the_whole_work(tmp_path):
    work = Work(tmp_path)
    halves = Halves(tmp_path, given={1: None, 2: [object()]})  # marshal cannot write the second
    _, results = helper.beside(Here(), list(range(4)), work, share=True, split=halves.split)
    child = work.helper
    assert results == [[0, [0, work.parent], child, str(child)], [1, child], [2, child],
                       [3, [3, work.parent], child, str(child)]]


def test_what_a_split_helper_did_not_finish_is_done_whole_here(tmp_path):
    halves = Halves(tmp_path)

    def then(item, value):
        if item == 2:
            os._exit(3)
        return halves.then(item, value)

    work = Work(tmp_path)
    split = helper.Split(halves.first, then, halves.ready)
    _, results = helper.beside(Here(), list(range(4)), work, share=True, split=split)
    child = int(halves.ready_in.read_text())
    assert results == [[0, [0, work.parent], child, str(child)],
                       [1, [1, work.parent], child, str(child)],
                       [2, work.parent], [3, work.parent]]
    assert gone(child)


def test_past_the_most_items_a_split_hands_the_helper_does_the_whole_work(tmp_path, monkeypatch):
    monkeypatch.setattr(helper, "SPLIT_MOST", 2)
    work, halves = Work(tmp_path), Halves(tmp_path)
    _, results = helper.beside(Here(), list(range(3)), work, share=True, split=halves.split)
    assert results == [[item, work.helper] for item in range(3)]
    assert not halves.ready_in.exists()


def test_without_a_helper_a_split_is_not_used(tmp_path):
    work, halves = Work(tmp_path), Halves(tmp_path)
    assert helper.beside(Here(), list(range(3)), work, split=halves.split) == (
        work.parent, [[item, work.parent] for item in range(3)])
    assert not halves.ready_in.exists()


def cache_files(folder: Path) -> dict[str, object]:
    """Each file of a cache folder: a file's entry as its header and chunks (their values:
    marshal may write equal values in other bytes), the rest as bytes."""
    from briefcli.cache.sealed import read_whole

    return {str(p.relative_to(folder)): read_whole(str(p)) if p.parent.name == "files"
            else p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_file_read_on_two_cores_is_cached_as_on_one(generated, run_json, monkeypatch, tmp_path):
    """Every cache file and the answers read from it the same whether the pieces were shared
    or not (pieces of 256 records, so the 1,000-quote dataset has four)."""
    from briefcli.load import pieces

    from .test_cache import answers

    queries = [("quotes", "--speaker", "Arbour"), ("search", "sovereignty"), ("brief",)]

    monkeypatch.setattr(pieces, "SIZE", 256)
    made = {}
    for share in (False, True):
        monkeypatch.setattr(helper, "SHARE_BYTES", 0 if share else 10**12)
        monkeypatch.setattr(helper, "cores", lambda: 2)
        folder = tmp_path / f"cache-{share}"
        monkeypatch.setenv("BRIEFCLI_CACHE_DIR", str(folder))
        code, _, err = run_json("--data", str(generated), "people")
        assert (code, err) == (0, "")
        made[share] = cache_files(folder), answers(run_json, generated, queries)
    assert made[True] == made[False]
    assert any(name.startswith("files/") for name in made[True][0])


def test_an_edit_read_beside_the_other_files_is_cached_as_on_one_core(generate, run_json,
                                                                      monkeypatch, tmp_path):
    """After one file of a folder is edited, it is read by a helper while the others' entries
    are opened here, and the answer's indexes are sorted by a helper while the dataset is
    checked here (on any dataset, for the test): the cache's entries and answer, and the
    answers read from them, are as when all is done here."""
    from briefcli.cache.sealed import read_whole
    from briefcli.dataset import build

    from .test_cache import answers

    queries = [("quotes", "--speaker", "Arbour"), ("search", "sovereignty"), ("timeline",)]
    folder, made = tmp_path / "data", {}
    for share in (False, True):
        monkeypatch.setattr(helper, "cores", lambda: 2 if share else 1)
        monkeypatch.setattr(build, "INDEX_SHARE", 0)
        monkeypatch.setattr(build, "INDEX_RESIDENT", 1 << 40)  # however large pytest is
        shutil.rmtree(folder, ignore_errors=True)
        generate.write_folder(300, folder, files=4)
        cache = tmp_path / f"cache-{share}"
        monkeypatch.setenv("BRIEFCLI_CACHE_DIR", str(cache))
        assert run_json("--data", str(folder), "people")[0] == 0
        edited = folder / "part-002.yaml"
        edited.write_text(edited.read_text(encoding="utf-8").replace(
            "\nsteps:\n", "\nsteps:\n  - id: an-edit\n    what: An edit\n    when: 2018-05\n"
            "    source: un-news-2017-12-07\n", 1), encoding="utf-8")
        started = tmp_path / f"started-{share}"
        monkeypatch.setattr(helper, "_work_through", _noting(helper._work_through, started))
        assert run_json("--data", str(folder), "people")[1:] == (run_json(
            "--data", str(folder), "--no-cache", "people")[1:])
        # values, not bytes or their digests: marshal may write equal values in other bytes;
        # the memo holds the files' status, which differs between the two folders
        made[share] = ({str(p.relative_to(cache)): _values(*read_whole(str(p)))
                        for p in cache.rglob("*") if p.is_file() and p.suffix != ".memo"},
                       answers(run_json, folder, queries),
                       started.read_text().count("started") if started.exists() else 0)
    assert made[True][:2] == made[False][:2]
    assert (made[False][2], made[True][2]) == (0, 2)  # helpers for the edit and the indexes


def _values(header: dict, chunks: dict) -> tuple:
    return {k: v for k, v in header.items() if k != "chunks"}, chunks


def _noting(work_through, path: Path):
    """``helper._work_through`` that first notes in ``path`` that a helper started."""

    def noted(*args):
        with open(path, "a", encoding="utf-8") as out:
            out.write("started\n")
        work_through(*args)

    return noted


def _bad_id(text: str) -> tuple[str, int]:
    at = text.rindex("  - id: q")  # the last quote: in the last piece, the helper's
    return text[:at] + "  - id: Not An Id" + text[text.index("\n", at):], at


def _unfound_quote(text: str) -> tuple[str, int]:
    kind = text.rindex("    kind: direct\n")
    at = text.index("    text: ", kind)
    end = text.index("\n", at)
    return text[:end] + " and words no article holds" + text[end:], at


@pytest.mark.parametrize("edit", [_bad_id, _unfound_quote], ids=["id", "quote"])
def test_a_problem_in_a_shared_piece_is_found_as_without_the_cache(generated, run_json,
                                                                   monkeypatch, tmp_path, edit):
    """A bad id, and a direct quote its source does not hold, in the helper's piece."""
    from briefcli.load import pieces

    monkeypatch.setattr(pieces, "SIZE", 256)
    monkeypatch.setattr(helper, "SHARE_BYTES", 0)
    monkeypatch.setattr(helper, "cores", lambda: 2)
    shutil.copytree(generated.parent, tmp_path / "data")
    data = tmp_path / "data" / generated.name
    text, at = edit(generated.read_text(encoding="utf-8"))
    data.write_text(text, encoding="utf-8")
    shared = run_json("--data", str(data), "people")
    monkeypatch.setenv("BRIEFCLI_NO_CACHE", "1")
    assert shared == run_json("--data", str(data), "people")
    code, _, err = shared
    assert code == 1 and err.startswith(f"{data}:{text[:at].count(chr(10)) + 1}:"), err
