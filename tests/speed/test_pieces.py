"""A large file is read in pieces (to bound memory), and the pieces read as the whole file does."""

from __future__ import annotations

import pytest

from briefcli.load import fastread, pieces, yamlread

from .conftest import SHIPPED

try:
    import yaml_rs  # noqa: F401
except ImportError:  # no wheel for this platform: every file is read whole by the strict reader
    COMPILED = False
else:
    COMPILED = True
needs_compiled = pytest.mark.skipif(not COMPILED, reason="yaml-rs is not installed here")


def joined(values: list) -> dict:
    """The pieces' values as one: each piece after the first continues the section the piece
    before it ended in."""
    out: dict = {}
    for value in values:
        assert isinstance(value, dict), value
        for key, section in value.items():
            if key in out:
                assert key == list(out)[-1], (key, list(out))  # only a continuation
                out[key].extend(section)
            else:
                out[key] = list(section) if isinstance(section, list) else section
    return out


def agree(text: str, size: int = 1) -> list | None:
    """Cut ``text`` into pieces of ``size`` records; if every piece reads, together they read
    as the whole text reads. The pieces' values, or None if the text was not cut or a piece
    cannot be read (the caller then reads the whole file)."""
    if not fastread.scanned(text):
        return None
    cut = pieces.cut(text, yamlread.max_items(), size)
    if cut is None:
        return None
    assert cut[0].start == 0 and cut[-1].end == len(text)
    assert all(a.end == b.start for a, b in zip(cut, cut[1:]))
    values = [fastread.read_scanned(piece.text(text)) for piece in cut]
    if any(value is None for value in values):
        return None
    assert joined(values) == fastread.compiled(text), text
    return values


@needs_compiled
@pytest.mark.parametrize("size", [1, 7, 256])
def test_generated_dataset_in_pieces(generated, size):
    text = generated.read_text(encoding="utf-8")
    values = agree(text, size)
    assert values is not None
    whole = fastread.compiled(text)
    assert sum(len(v.get("quotes", ())) for v in values) == len(whole["quotes"]) > 1000
    # a piece starts at every size-th record of every list section, and the file's start
    assert len(values) == 1 + sum(-(-len(section) // size) - 1 for section in whole.values()
                                  if isinstance(section, list))


@needs_compiled
def test_shipped_dataset_in_pieces():
    values = agree(SHIPPED.read_text(encoding="utf-8"))
    assert values is not None and len(values) > 20


LAYOUTS = {  # text -> whether it is cut (with pieces of one record)
    "a:\n  - x\n  - y\n": True,
    "# a comment\n\na:\n- x\n- y\nb: one line\nc:\n  - z\n  - w\n": True,
    "a:   # a comment\n  # another\n  - x\n  - y\n": True,
    "a: [x, y]\nb:\n  k: v\n": False,  # no block list: nothing to cut
    "a:\n  - x\n  - y\na:\n  - z\n": False,  # a key given twice: the whole reading says so
    "a:\n  - x\nplain words\n": False,  # a line at column 0 that is not a key
    '"a":\n  - x\n  - y\n': False,  # a quoted key
    "  a:\n    - x\n    - y\n": False,  # the top level indented
    "a:\n  - x\n  - y": True,  # no final line break
}


@pytest.mark.parametrize("text", LAYOUTS)
def test_what_is_cut(text):
    cut = pieces.cut(text, yamlread.max_items(), 1)
    assert (cut is not None) == LAYOUTS[text]
    if cut is not None:
        agree(text)


def test_a_section_over_the_limit_is_not_cut():
    text = "a:\n" + "  - x\n" * 10
    assert pieces.cut(text, 10, 1) is not None
    assert pieces.cut(text, 9, 1) is None


@needs_compiled
@pytest.mark.parametrize(("text", "read"), [
    ('a:\n  - text: "one\n  - two"\n  - three\n', False),  # a quoted scalar across a cut
    ("a:\n  - text: 'one\n  - two'\n  - three\n", False),
    ("a:\n  - text: one\n    two\n  - three\n", False),  # not YAML: the whole reading says so
    ("a:\n  - text: >-\n      one\n  - two\n", True),
])
def test_a_cut_inside_a_scalar_is_never_trusted(text, read):
    """Where a record's text holds what looks like the start of a record, the piece before the
    cut cannot be read, and the whole file is read instead."""
    assert (agree(text) is not None) == read


@needs_compiled
def test_the_dataset_service_reads_a_large_file_in_pieces(generated, run_json, monkeypatch,
                                                          tmp_path):
    """Pieces of 256 records (the cache's block): the answers are those of the whole reading,
    the cache answers later queries, and an edit that breaks a piece is read whole."""
    import shutil

    from .test_cache import QUERIES, answers, from_cache, uncached

    queries = [q for q in QUERIES if q[0] in ("person", "next", "brief", "search")
               or "--speaker" in q]  # every kind of lookup, not every listing

    shutil.copytree(generated.parent, tmp_path / "data")
    generated = tmp_path / "data" / generated.name  # a copy: this test edits it

    without = uncached(run_json, generated, queries)
    monkeypatch.setattr(pieces, "SIZE", 256)
    read = []
    monkeypatch.setattr(fastread, "read_scanned",
                        lambda text, real=fastread.read_scanned: read.append(1) or real(text))
    text = generated.read_text(encoding="utf-8")
    cut = pieces.cut(text, yamlread.max_items())
    assert answers(run_json, generated, queries) == without
    assert len(read) == len(cut) == 4  # the quotes in four pieces, each read once, nothing whole
    assert from_cache([str(generated)]) is not None
    assert answers(run_json, generated, queries) == without

    # a quoted text that runs across a cut: the piece before it cannot be read
    edited = text[:cut[1].start] + '  - text: "runs on\n' + text[cut[1].start:]
    generated.write_text(edited, encoding="utf-8")
    code, _, err = run_json("--data", str(generated), "people")
    monkeypatch.setenv("BRIEFCLI_NO_CACHE", "1")
    assert (code, err) == run_json("--data", str(generated), "people")[::2]
    assert code == 1 and err.startswith(f"{generated}:") and "not valid YAML" in err


@needs_compiled
def test_the_progress_bar_moves_a_piece_at_a_time(generated, monkeypatch):
    """What a progress bar is told while a file is read in pieces: the bytes read so far, rising
    with each piece to the whole file, then the stage that follows."""
    from contextlib import contextmanager

    from briefcli import dataset

    monkeypatch.setattr(pieces, "SIZE", 256)
    told: list = []

    class Step:
        shown = True

        def __call__(self, description: str) -> None:
            told.append(description)

        def advance(self, done: int, total: int) -> None:
            told.append((done, total))

    @contextmanager
    def bar(paths):
        yield Step()

    dataset.check([str(generated)], progress=bar)
    size = generated.stat().st_size
    advances = [t for t in told if isinstance(t, tuple)]
    assert len(advances) == 4 + 1  # each of the four pieces, then the whole file
    assert all(total == size for _, total in advances)
    done = [d for d, _ in advances]
    assert done == sorted(done) and done[0] > 0 and done[-1] == size
    assert told[-1] == "Checking references and quotes"
