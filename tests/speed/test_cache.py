"""The cache: same answers with and without it, rebuilt when stale, never trusted when bad."""

from __future__ import annotations

import marshal
import os
import shutil
from pathlib import Path

import pytest

from briefcli import cache

from .conftest import SHIPPED

QUERIES = [
    ("people",),
    ("person", "arbour"),
    ("quotes",),
    ("quotes", "--speaker", "Arbour"),
    ("quotes", "--speaker", "lajcak", "--kind", "direct"),
    ("quotes", "--topic", "cooperation"),
    ("quotes", "--search", "migration"),
    ("next",),
    ("next", "--as-of", "2018-03-01"),
    ("timeline",),
    ("brief",),
    ("search", "sovereignty"),
]


def answers(run_json, data: Path, queries=QUERIES) -> list:
    return [run_json("--data", str(data), *q) for q in queries]


def uncached(run_json, data: Path, queries=QUERIES) -> list:
    """:func:`answers` with the cache off and the YAML read once: each query's command runs
    whole (options, query, output) on the store that one reading gave. Reading is the side
    the cache replaces; reading it again for each query only repeated the same work."""
    from briefcli import dataset

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BRIEFCLI_NO_CACHE", "1")
        store = dataset.open([str(data)])

        def opened(paths, **_):
            assert [str(p) for p in paths] == [str(data)], paths
            return store

        patch.setattr(dataset, "open", opened)
        return answers(run_json, data, queries)


@pytest.fixture
def dataset(tmp_path) -> Path:
    """A copy of the shipped dataset (and its source text) that tests may change."""
    folder = tmp_path / "data"
    shutil.copytree(SHIPPED.parent, folder)
    return folder / "compact.yaml"


def cache_file(isolated: Path) -> Path:
    """The one answer file in the cache."""
    files = list(isolated.glob("answers/*.answer"))
    assert len(files) == 1, files
    return files[0]


def from_cache(paths: list[str]):
    """The store the dataset service gives for ``paths``, with reading YAML forbidden (so it
    comes from the cache), or None if the cache could not answer."""
    from briefcli import dataset, load
    from briefcli.load import fastread

    def forbidden(*args, **kwargs):
        raise AssertionError("the YAML was read")

    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.setattr(load, "check_all", forbidden)
    monkeypatch.setattr(fastread, "parse", forbidden)
    try:
        store = dataset.open(paths)
        store.info  # noqa: B018 - reading it is the point
        return store
    except AssertionError:
        return None
    finally:
        monkeypatch.undo()


@pytest.mark.parametrize("which", ["shipped", "generated"])
def test_same_answers_with_and_without_cache(which, generated, run_json, isolated):
    data = SHIPPED if which == "shipped" else generated
    without = uncached(run_json, data)
    assert not isolated.exists()
    first = answers(run_json, data)  # builds the cache on the first query
    assert cache_file(isolated)
    later = answers(run_json, data)  # answered from the cache
    assert first == without
    assert later == without
    assert all(code == 0 for code, _, _ in without)


def test_the_sorted_indexes_find_every_key_and_nothing_else():
    """An index cut into parts finds each key's positions in order, across part boundaries
    and for keys with more positions than a part holds, and nothing for any other key."""
    import random
    from bisect import bisect_right

    from briefcli.cache.answer import PART, _lookup, _sorted_index

    rng = random.Random(5)
    cases = [(size, distinct, missing, repeats)
             for size in (0, 1, PART - 1, PART, PART + 1, 5 * PART + 7)
             for distinct in (1, 3, size // 4 + 1, size + 1, "each once")
             for missing in (0, 0.05) for repeats in (False, True)]
    for size, distinct, missing, repeats in cases:
        if distinct == "each once":
            keys = [f"k-{n:04d}" for n in rng.sample(range(size), size)]
            pool = keys
        else:
            pool = [f"k-{n:04d}" for n in range(distinct)]
            keys = [rng.choice(pool) if rng.random() >= missing else None for _ in range(size)]
            if size > 2 * PART:  # more of one key than a part holds, in the middle
                keys[PART // 2 : 2 * PART] = [pool[-1]] * (3 * PART // 2)
        firsts, parts = _sorted_index(keys, repeats)
        assert len(firsts) == len(parts) and firsts == sorted(firsts)
        expected: dict[str, list[int]] = {}
        for position, key in enumerate(keys):
            if key is not None:
                expected.setdefault(key, []).append(position)
        for key in [*pool, "", "a", "k-", "k-0000a", "zz"]:
            n = bisect_right(firsts, key) - 1
            found = _lookup(parts[n], key) if n >= 0 else []
            assert found == expected.get(key, []), (size, distinct, missing, repeats, key)


def test_every_record_and_speaker_is_found_in_the_cache_as_without_it(generate, tmp_path):
    """The store read from the cache finds every record by its id and every speaker's quotes
    as the store read from the YAML does, for a folder whose answer links its files' blocks."""
    from briefcli import dataset
    from briefcli.cache.answer import PART
    from briefcli.store import COLLECTIONS

    folder = generate.write_folder(1000, tmp_path / "data", files=4)
    plain = dataset.open([str(folder)], no_cache=True)
    dataset.open([str(folder)])  # fills the cache
    cached = from_cache([str(folder)])
    assert cached is not None and type(cached) is not type(plain)
    ids = [r["id"] for c in COLLECTIONS for r in plain.records(c)]
    assert len(ids) > 2 * PART  # the id index has several parts
    for rid in ids:
        assert cached.get(rid) == plain.get(rid), rid
    for missing in ("", "no-such-id", ids[0] + "x", "~"):
        assert cached.get(missing) is None
    speakers = {q["speaker"] for q in plain.records("quotes")}
    for speaker in [*speakers, "nobody"]:
        assert cached.records("quotes", speaker=speaker) == plain.records("quotes", speaker=speaker)
    assert cached.count_by("quotes", "speaker") == plain.count_by("quotes", "speaker")


def test_no_cache_flag_and_variable_write_nothing(run_json, isolated, monkeypatch):
    assert run_json("--no-cache", "people")[0] == 0
    assert not isolated.exists()
    monkeypatch.setenv("BRIEFCLI_NO_CACHE", "1")
    assert run_json("people")[0] == 0
    assert not isolated.exists()
    monkeypatch.setenv("BRIEFCLI_NO_CACHE", "0")
    assert run_json("people")[0] == 0
    assert cache_file(isolated)


def test_answer_comes_from_the_cache(dataset, run_json, isolated):
    """With a fresh cache, briefcli does not read the YAML at all (so it must not be needed)."""
    before = run_json("--data", str(dataset), "people")
    loaded = from_cache([str(dataset)])
    assert loaded is not None and loaded.info["title"].startswith("Global Compact")
    assert run_json("--data", str(dataset), "people") == before


def test_an_edited_source_text_is_noticed(dataset, run_json, isolated):
    code, quotes, _ = run_json("--data", str(dataset), "quotes", "--speaker", "lajcak")
    assert code == 0
    article = dataset.parent / "sources" / "un-news-2017-12-07.txt"
    article.write_text(
        article.read_text(encoding="utf-8").replace("tough negotiations", "hard talks"),
        encoding="utf-8",
    )
    # the cache was built against the old article: the quote no longer verifies
    code, quotes, err = run_json("--data", str(dataset), "quotes", "--speaker", "lajcak")
    assert code == 1 and quotes is None
    assert "quotes[5].text: not found word for word in source 'un-news-2017-12-07'" in err


def test_stale_cache_is_rebuilt(dataset, run_json, isolated):
    code, quotes, _ = run_json("--data", str(dataset), "quotes", "--speaker", "lajcak")
    assert code == 0 and "tough negotiations" in [q["text"] for q in quotes]
    built = cache_file(isolated).stat().st_mtime_ns
    # a shorter quote that is still word for word in the source, so the dataset stays valid
    text = dataset.read_text(encoding="utf-8").replace(
        "text: tough negotiations", "text: negotiations"
    )
    dataset.write_text(text, encoding="utf-8")
    code, quotes, _ = run_json("--data", str(dataset), "quotes", "--speaker", "lajcak")
    texts = [q["text"] for q in quotes]
    assert "negotiations" in texts and "tough negotiations" not in texts
    assert cache_file(isolated).stat().st_mtime_ns != built
    # and the rebuilt cache gives the new answer too
    assert run_json("--data", str(dataset), "quotes", "--speaker", "lajcak")[1] == quotes


def test_same_content_new_stat_keeps_the_cache(dataset, run_json, isolated):
    before = run_json("--data", str(dataset), "people")
    built = cache_file(isolated).stat().st_mtime_ns
    os.utime(dataset, ns=(1, 1))  # touched: stat differs, content does not
    assert from_cache([str(dataset)]) is not None
    assert run_json("--data", str(dataset), "people") == before
    assert cache_file(isolated).stat().st_mtime_ns == built


def test_new_file_in_a_folder_makes_the_cache_stale(dataset, run_json, isolated):
    folder = dataset.parent
    run_json("--data", str(folder), "people")
    assert from_cache([str(folder)]) is not None
    (folder / "more.yaml").write_text(
        "people:\n  - id: newcomer\n    name: New Comer\n    source: un-news-2017-12-07\n",
        encoding="utf-8",
    )
    assert from_cache([str(folder)]) is None
    names = [p["name"] for p in run_json("--data", str(folder), "people")[1]]
    assert "New Comer" in names


def _reseal(path: Path, change) -> None:
    """Rewrite a sealed file with ``change(header, chunks)`` applied and every digest made anew:
    what a newer briefcli, or a deliberate forger, would write."""
    from briefcli.cache import sealed

    header, chunks = sealed.read_whole(str(path))
    del header["chunks"]
    change(header, chunks)
    path.write_bytes(sealed.dumps(header, chunks))


def _chunk_span(path: Path, name: str) -> tuple[int, int]:
    """Where chunk ``name``'s bytes are in a sealed file."""
    from briefcli.cache import sealed

    opened = sealed.Sealed(str(path))
    offset, length, _ = opened.header["chunks"][name]
    base = opened._base
    opened.close()
    return base + offset, length


def _forge_chunk(path: Path, name: str, change) -> None:
    """Replace one chunk with ``change(value)``, its digest in the table made anew too, but the
    header's own digest left as it was (a row forged with a recomputed checksum)."""
    
    from briefcli.cache import sealed

    raw = path.read_bytes()
    opened = sealed.Sealed(str(path))
    header = dict(opened.header)
    start, length = _chunk_span(path, name)
    blob = marshal.dumps(change(opened.chunk(name)))
    opened.close()
    table = dict(header["chunks"])
    table = {k: ((o if o <= table[name][0] else o - length + len(blob)), n, d)
             for k, (o, n, d) in table.items()}
    table[name] = (table[name][0], len(blob), sealed.digest(blob))
    head = marshal.dumps({**header, "chunks": table})
    preamble = len(sealed.MAGIC) + 8 + 32
    old_head_end = opened._base
    digest_of_old = raw[len(sealed.MAGIC) + 8 : preamble]  # kept: the forger does not re-seal
    path.write_bytes(raw[: len(sealed.MAGIC)] + len(head).to_bytes(8, "little") + digest_of_old
                     + head + raw[old_head_end:start] + blob + raw[start + length :])


def _holder(answer: Path, name: str) -> tuple[Path, str]:
    """The sealed file that holds block ``name`` of an answer, and the block's name there: the
    answer itself, or the file entry the answer links it in."""
    from briefcli.cache import sealed

    opened = sealed.Sealed(str(answer))
    header = opened.header
    opened.close()
    if name not in header["linked"]:
        return answer, name
    number, inner, _ = header["linked"][name]
    return answer.parent.parent / "files" / header["entries"][number], inner


def _damage(path: Path, how: str) -> None:
    if how in ("record bytes", "forged record", "forged entry"):  # where the records are
        path, name = _holder(path, "quotes/1" if how == "record bytes" else "quotes/0")
        assert path.parent.name == "files"  # linked, not copied into the answer
    raw = path.read_bytes()
    if how == "garbage":
        path.write_bytes(b"not a cache at all\n" * 100)
    elif how == "empty":
        path.write_bytes(b"")
    elif how == "truncated":
        path.write_bytes(raw[: len(raw) // 2])
    elif how == "one block short":
        path.write_bytes(raw[:-4096])
    elif how == "zeroed middle":
        middle = len(raw) // 2
        path.write_bytes(raw[:middle] + b"\0" * 4096 + raw[middle + 4096 :])
    elif how == "other code":
        _reseal(path, lambda header, chunks: header.update(code="0" * 32))
    elif how == "other format":
        _reseal(path, lambda header, chunks: header.update(format=-1))
    elif how == "record bytes":  # one byte of a block of quotes
        start, length = _chunk_span(path, name)
        at = start + length // 2
        path.write_bytes(raw[:at] + bytes([raw[at] ^ 0x20]) + raw[at + 1 :])
    elif how == "index bytes":  # one byte of the id index
        start, length = _chunk_span(path, "ids/0")
        at = start + length // 2
        path.write_bytes(raw[:at] + bytes([raw[at] ^ 0x01]) + raw[at + 1 :])
    elif how == "speaker index bytes":
        start, length = _chunk_span(path, "quotes.speaker/0")
        at = start + length - 3
        path.write_bytes(raw[:at] + bytes([raw[at] ^ 0x01]) + raw[at + 1 :])
    elif how == "forged record":  # a quote given to another speaker, its digest recomputed
        _forge_chunk(path, name, lambda block: [{**q, "speaker": "arbour"} for q in block])
    elif how == "forged entry":  # the same, and the entry sealed anew: only the link knows
        _reseal(path, lambda header, chunks: chunks.update(
            {name: [{**q, "speaker": "arbour"} for q in chunks[name]]}))
    elif how == "forged index":  # the speaker index lists a quote twice, digest recomputed
        # a part is (keys, where each key's positions start, positions): the first key gains one
        _forge_chunk(path, "quotes.speaker/0", lambda part: (
            part[0], [0, *(s + 1 for s in part[1][1:])], part[2][:1] + part[2]))
    elif how == "records missing":  # a block of people one short, in the entry and in the
        # answer's link to it, both sealed anew: only the answer's counts know
        entry, inner = _holder(path, "people/0")
        assert entry.parent.name == "files"
        _reseal(entry, lambda header, chunks: chunks.update({inner: chunks[inner][:-1]}))
        from briefcli.cache import sealed

        opened = sealed.Sealed(str(entry))
        new_digest = opened.header["chunks"][inner][2]
        opened.close()
        _reseal(path, lambda header, chunks: header["linked"].update(
            {"people/0": (*header["linked"]["people/0"][:2], new_digest)}))
    elif how == "a fifo":
        path.unlink()
        os.mkfifo(path)


DAMAGE = ["garbage", "empty", "truncated", "one block short", "zeroed middle", "other code",
          "other format", "record bytes", "index bytes", "speaker index bytes", "forged record",
          "forged entry", "forged index", "records missing", "a fifo"]


@pytest.fixture(scope="session")
def pristine(small, tmp_path_factory) -> tuple[Path, list]:
    """The cache the queries build for ``small``, and their answers, made once: each damage
    case starts from a copy instead of building it again."""
    import contextlib
    import io
    import json

    from briefcli.cli.app import main

    folder = tmp_path_factory.mktemp("pristine") / "cache"
    found = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BRIEFCLI_CACHE_DIR", str(folder))
        for name in ("BRIEFCLI_NO_CACHE", "BRIEFCLI_MAX_BYTES", "BRIEFCLI_MAX_FILES"):
            patch.delenv(name, raising=False)
        for query in QUERIES:
            out, err = io.StringIO(), io.StringIO()
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                code = main(["--data", str(small), *query, "--json"])
            found.append((code, json.loads(out.getvalue()) if out.getvalue().strip() else None,
                          err.getvalue()))
    assert all(code == 0 for code, _, _ in found)
    return folder, found


@pytest.mark.parametrize("how", DAMAGE)
def test_a_bad_cache_never_changes_an_answer(how, small, pristine, run_json, isolated):
    folder, expected = pristine
    shutil.copytree(folder, isolated)
    assert from_cache([str(small)]) is not None  # the copy answers without the YAML
    path = cache_file(isolated)
    _damage(path, how)
    assert answers(run_json, small) == expected
    # it has been rebuilt, and is sound again: every index agrees with the records, and the
    # queries that read an index answer as before
    assert_sound(small)
    indexed = [i for i, q in enumerate(QUERIES) if "--speaker" in q or q[0] == "person"]
    assert answers(run_json, small, [QUERIES[i] for i in indexed]) == [expected[i] for i in indexed]


def test_an_answer_damaged_again_as_it_is_rebuilt_is_not_rebuilt_for_ever(
        small, pristine, run_json, monkeypatch):
    """Damage found in the middle of a query rebuilds the answer from the YAML; should the new
    answer be damaged as well (a failing disk, a writer at fault), the query is answered from
    the YAML as read, not by rebuilding again and again."""
    from briefcli.cache import answer

    _, expected = pristine
    written = []
    write = answer.write_answer

    def damaging(path, *args, **kwargs):
        write(path, *args, **kwargs)
        written.append(path)
        if len(written) > 2 * len(QUERIES):  # (else, before the fix, it never stopped)
            raise RuntimeError("the answer was rebuilt again and again")
        _damage(Path(path), "index bytes")

    monkeypatch.setattr(answer, "write_answer", damaging)
    assert answers(run_json, small) == expected
    # the first query's build, then at most one rebuild for each query that met the damage
    assert 1 <= len(written) <= len(QUERIES) + 1


@pytest.mark.parametrize("how", ["garbage", "truncated", "forged"])
def test_a_bad_file_entry_never_changes_an_answer(how, small, pristine, run_json, isolated):
    """The per-file records are checked as the answer is: damage means reading the file again."""
    folder, expected = pristine  # the cache the queries built, with its per-file entries
    shutil.copytree(folder, isolated)
    cache_file(isolated).unlink()  # so the next query merges from the per-file entries
    entries = list((isolated / "files").iterdir())
    assert entries
    for entry in entries:
        if how == "garbage":
            entry.write_bytes(b"\0" * 100)
        elif how == "truncated":
            entry.write_bytes(entry.read_bytes()[:-100])
        else:
            _forge_chunk(entry, "quotes/0", lambda block: block[1:])
    assert answers(run_json, small) == expected


def test_an_edited_file_leaves_no_old_entry_behind(dataset, run_json, isolated):
    """Each edit gives the file a new entry; the old one goes, so the cache does not grow with
    every edit. The answer links its blocks to the entries, and reads them back."""
    folder = dataset.parent
    (folder / "more.yaml").write_text(
        "people:\n  - id: newcomer\n    name: New Comer\n    source: un-news-2017-12-07\n",
        encoding="utf-8")
    run_json("--data", str(folder), "people")
    assert len(list((isolated / "files").iterdir())) == 2
    for name in ("Newer Comer", "Newest Comer"):
        (folder / "more.yaml").write_text(
            f"people:\n  - id: newcomer\n    name: {name}\n    source: un-news-2017-12-07\n",
            encoding="utf-8")
        people = run_json("--data", str(folder), "people")[1]
        assert name in [p["name"] for p in people]
        assert len(list((isolated / "files").iterdir())) == 2
    from briefcli import dataset as service

    read = service.open([str(folder)], no_cache=True)
    assert from_cache([str(folder)]).plain == read.plain


def assert_sound(data: Path) -> None:
    """The cache of ``data`` is there and every part of it reads without a problem."""
    loaded = from_cache([str(data)])
    assert loaded is not None
    speakers = loaded.count_by("quotes", "speaker")
    for speaker in list(speakers)[:20]:
        assert len(loaded.records("quotes", speaker=speaker)) == speakers[speaker]
    assert loaded.person_names()
    assert loaded.plain["quotes"]
    assert all(loaded.get(p["id"]) == p for p in loaded.records("people"))


def test_an_unwritable_cache_folder_is_not_an_error(dataset, run_json, isolated, monkeypatch):
    monkeypatch.setenv("BRIEFCLI_CACHE_DIR", str(dataset))  # a file, so no folder can be made
    assert run_json("--data", str(dataset), "people")[0] == 0


def test_cache_lives_in_the_user_cache_folder(monkeypatch):
    import platformdirs

    monkeypatch.delenv("BRIEFCLI_CACHE_DIR")
    path = cache.answer_path([str(SHIPPED)])
    assert path.startswith(platformdirs.user_cache_dir("briefcli", appauthor=False))
    assert cache.answer_path([str(SHIPPED)]) != cache.answer_path([str(SHIPPED), str(SHIPPED)])


def test_a_lower_size_limit_refuses_a_cached_file_too(dataset, run_json, monkeypatch):
    assert run_json("--data", str(dataset), "people")[0] == 0
    monkeypatch.setenv("BRIEFCLI_MAX_BYTES", "1000")
    code, out, err = run_json("--data", str(dataset), "people")
    assert (code, out) == (1, None)
    assert "over the 1,000-byte limit" in err
