"""What the checks across files need to know of each file, so that a dataset whose files come
from the cache is checked without reading their records back.

:func:`summarise` sums up one file's valid sections: its ids, the distinct values it refers to
(one set per kind of reference), its quotes' latest date, its sources, steps and revisions,
each quote's speaker, its people's names, and a digest per source of the quotes that must be
found in it. :func:`outline` checks a whole dataset from these summaries and
finds everything an answer holds besides the records themselves. It only ever says "all is
well, here is the answer" or "look closer" (None): every problem, with its line and column,
comes from the full checks (:func:`briefcli.load.check_all`), which the caller then runs.
Warnings, which do not stop a dataset, are made here exactly as the full checks make them.
"""

from __future__ import annotations

from array import array
from typing import TYPE_CHECKING

from ..store import COLLECTIONS
from .problems import DataError, Problem, where_of

if TYPE_CHECKING:
    from .texts import Texts


def by_source(quotes: list[dict]) -> tuple[dict[str, list[str]], dict[str, int]]:
    """For each source, the passages of this list's direct and partial quotes that must be
    found in it (see :func:`.verify.passages`), in order; and how many such quotes it has."""
    from .verify import passages

    found: dict[str, list[str]] = {}
    counts: dict[str, int] = {}
    for quote in quotes:
        if quote["kind"] != "paraphrase":
            source = quote["source"]
            if source in found:
                counts[source] += 1
                found[source].extend(passages(quote))
            else:
                counts[source] = 1
                found[source] = list(passages(quote))
    return found, counts


def needle_digests(found: dict[str, list[str]]) -> dict[str, bytes]:
    """A digest per source of its passages (:func:`by_source`): what verifying its quotes
    depends on besides its text, so a change to any passage changes the digest.

    What is digested can be split back into the passages, so no two lists of passages share
    it: the passages joined by NUL, which splits them where none holds a NUL itself (a quote
    may: YAML writes it as an escape); else followed by their lengths. A first byte tells
    the two apart."""
    from ..cache.sealed import digest

    out = {}
    for source, passages in found.items():
        joined = "\0".join(passages)
        if joined.count("\0") < len(passages):
            data = b"\0" + joined.encode("utf-8", "surrogatepass")
        else:
            lengths = ",".join(map(str, map(len, passages)))
            data = b"\1" + f"{joined}\0{lengths}".encode("utf-8", "surrogatepass")
        out[source] = digest(data)
    return out


def _values(records: list[dict], pattern: tuple) -> set:
    """The distinct values at ``pattern`` in ``records`` (see :data:`.checks.REFERENCES`)."""
    from .checks import _walk

    field = pattern[0]
    if len(pattern) == 1:
        return {r[field] for r in records if r.get(field) is not None}
    found: set = set()
    if len(pattern) == 2 and pattern[1] == "*":
        for record in records:
            if record.get(field):
                found.update(record[field])
        found.discard(None)
        return found
    if len(pattern) == 3 and pattern[1] == "*":  # a field of each item of a list field
        inner = pattern[2]
        for record in records:
            for item in record.get(field) or ():
                if type(item) is dict and item.get(inner) is not None:
                    found.add(item[inner])
        return found
    for record in records:
        found.update(v for _, v in _walk(record, (), pattern))
    return found


def summarise(sections: dict, passages: dict[str, list[str]] | None = None) -> dict:
    """One file's valid sections summed up for :func:`outline`; ``passages``, if given, gets
    each source's passages to find (:func:`by_source`) added to it."""
    from ..text import fold
    from .checks import REFERENCES

    quotes = sections.get("quotes", [])
    found, quoted = by_source(quotes)
    if passages is not None:
        for source, words in found.items():
            if source in passages:
                passages[source].extend(words)
            else:
                passages[source] = words
    latest = [q["when"]["earliest"] for q in quotes if q.get("when") and q["when"]["earliest"]]
    refs = [sorted(_values(sections.get(c, []), pattern)) for c, pattern, _ in REFERENCES]
    needles = needle_digests(found)
    return {
        "ids": {c: [r["id"] for r in sections[c]] for c in COLLECTIONS if c in sections},
        "refs": refs,
        "people_refs": [refs[number] for number in people_refs()],
        "latest_quote": max(latest) if latest else None,
        "sources": [{k: s.get(k) for k in ("id", "text", "published")}
                    for s in sections.get("sources", [])],
        "steps": [{"id": s["id"], "source": s["source"]} for s in sections.get("steps", [])],
        "revisions": sections.get("revisions", []),
        "speakers": [q["speaker"] for q in quotes],
        "names": [(fold(name), p["id"]) for p in sections.get("people", [])
                  for name in (p["name"], *p.get("spellings", []))],
        "needles": needles,
        "needles_key": needles_key(needles),
        "quoted": quoted,
    }


def people_refs() -> list[int]:
    """The kinds of reference (their numbers in :data:`.checks.REFERENCES`) that may name a
    person."""
    from .checks import REFERENCES

    return [n for n, (_, _, targets) in enumerate(REFERENCES) if "people" in targets]


# what a file's summary holds that the check after an edit needs only of the edited files
# (the other kinds of reference, the passages of its quotes by source, how many each has):
# an entry keeps it in a chunk of its own, read when it is asked for
MORE = ("refs", "needles", "quoted")


def lean(summary: dict) -> tuple[dict, dict]:
    """A summary as an entry keeps it: what is read with every file, and the rest (MORE)."""
    return ({k: v for k, v in summary.items() if k not in MORE},
            {k: summary[k] for k in MORE})


def joined(summaries: list[dict]) -> dict:
    """The summary of a file read in pieces, from its pieces' summaries in order (a source's
    needles are its pieces' digests, joined: still a change for any change to its quotes)."""
    if len(summaries) == 1:
        return summaries[0]
    out: dict = {"ids": {}, "refs": [set() for _ in summaries[0]["refs"]], "sources": [],
                 "steps": [], "revisions": [], "names": [], "speakers": []}
    latest = [s["latest_quote"] for s in summaries if s["latest_quote"]]
    out["latest_quote"] = max(latest) if latest else None
    for summary in summaries:
        for collection, ids in summary["ids"].items():
            out["ids"].setdefault(collection, []).extend(ids)
        for found, values in zip(out["refs"], summary["refs"]):
            found.update(values)
        for key in ("sources", "steps", "revisions", "names", "speakers"):
            out[key].extend(summary[key])
    out["refs"] = [sorted(values) for values in out["refs"]]
    out["people_refs"] = [out["refs"][number] for number in people_refs()]
    out["needles"], out["quoted"] = per_source(summaries)
    out["needles_key"] = needles_key(out["needles"])
    return out


def per_source(summaries) -> tuple[dict[str, bytes], dict[str, int]]:
    """Across summaries in order: each source's needle digests joined (a change to any of its
    quotes anywhere changes them), and how many direct and partial quotes it has."""
    summaries = list(summaries)
    return needles_of(summaries), quoted_in(summaries)


def needles_of(summaries: list, only: set | None = None) -> dict[str, bytes]:
    """:func:`per_source`'s needles (of the sources in ``only``, if given)."""
    needles: dict[str, bytes] = {}
    for summary in summaries:
        found = summary["needles"]
        for source in (found if only is None else only & found.keys()):
            needles[source] = needles.get(source, b"") + found[source]
    return needles


def quoted_in(summaries: list) -> dict[str, int]:
    """:func:`per_source`'s counts of quotes."""
    quoted: dict[str, int] = {}
    for summary in summaries:
        for source, count in summary["quoted"].items():
            quoted[source] = quoted.get(source, 0) + count
    return quoted


class Outline:
    """A dataset checked from its files' summaries: all an answer holds but the records."""

    def __init__(self) -> None:
        self.info: dict = {}
        self.revisions: list[dict] = []
        self.warnings: list[Problem] = []
        self.text_files: dict[str, str] = {}  # source id -> its text's real path
        self.to_verify: dict[str, tuple] = {}  # source id -> (real, as named): not verified yet
        self.keys: dict[str, bytes] = {}  # source id -> key of its text and quotes, verified
        self.file_keys: list[bytes] = []  # the keys of files checked now (see file_key)


class Before:
    """What an earlier answer, built from these very files but some (``changed``, by real
    path), says for the check: that every reference of the other files was to an id then,
    and ``ids``, the ids (by collection) the changed files then held. ``then``: each changed
    file's summary then (as its entry kept it, without :data:`MORE`); ``files``: the earlier
    answer's files, each one's digest by its real path."""

    def __init__(self, changed: set[str], ids: dict[str, set[str]],
                 then: dict[str, dict] | None = None, files: dict | None = None) -> None:
        self.changed, self.ids, self.then, self.files = changed, ids, then or {}, files or {}

    def same(self, parts: list, field: str) -> bool:
        """Whether every changed file's summary has the same ``field`` as then (as ``ids``,
        or ``speakers``): the dataset's, all files' in order, is then the same as then."""
        return all(part.summary[field] == self.then[part.file.real][field]
                   for part in parts if part.file.real in self.changed)


def outline(parts: list, reading, texts: Texts, before: Before | None = None) -> Outline | None:
    """Check the dataset made of ``parts`` (each with ``.file``, ``.summary`` and ``.dataset``
    (the file's dataset section or None)) from their summaries; None if anything may be wrong
    or cannot be decided here. ``texts``: the sources' texts (some found already).

    With ``before``, and every id the changed files held still there, in its collection, the
    references of the files not changed are known to be to ids (every id they could refer to
    is still one): only the changed files' are looked at, but for references to people, which
    are all gathered to find the people no one refers to."""
    from .checks import REFERENCES, _revision_dates
    from .derive import fill_defaults

    datasets = [p.dataset for p in parts if p.dataset is not None]
    if len(datasets) != 1:
        return None
    by_collection: dict[str, set[str]] = {c: set() for c in COLLECTIONS}
    total = 0
    for part in parts:
        for collection, ids in part.summary["ids"].items():
            by_collection[collection].update(ids)
            total += len(ids)
    # an id given twice: in one collection, or in two (the others' ids kept apart from the
    # largest collection's, which is not copied)
    largest = max(by_collection.values(), key=len)
    others = set().union(*(ids for ids in by_collection.values() if ids is not largest))
    if (sum(map(len, by_collection.values())) != total
            or len(others) + len(largest) != total or not largest.isdisjoint(others)):
        return None
    referred: set[str] = set()
    known_before = before is not None and all(
        by_collection[collection].issuperset(ids) for collection, ids in before.ids.items())
    changed = ([p for p in parts if p.file.real in before.changed] if known_before else parts)
    people = people_refs()
    for number, (_, _, targets) in enumerate(REFERENCES):
        if "people" in targets:  # every file's: read with its summary
            at = people.index(number)
            values = set().union(*(part.summary["people_refs"][at] for part in parts))
        else:  # (an unchanged file's are read only when they are looked at)
            values = set().union(*(part.summary["refs"][number] for part in changed))
        known = by_collection[targets[0]] if len(targets) == 1 else set().union(
            *(by_collection[t] for t in targets))
        if not known.issuperset(values):
            return None
        if "people" in targets:  # (every person's id is only ever referred to as a person)
            referred |= values
    result = Outline()
    plain = {"dataset": dict(datasets[0]),
             "sources": [s for p in parts for s in p.summary["sources"]],
             "steps": [s for p in parts for s in p.summary["steps"]],
             "revisions": [dict(r) for p in parts for r in p.summary["revisions"]]}
    if plain["dataset"].get("as_of") is None and not plain["sources"]:
        return None  # current to today: not for keeping
    fill_defaults(plain)
    as_of = plain["dataset"]["as_of"]
    if any((p.summary["latest_quote"] or "") > as_of for p in parts):
        return None
    if _revision_dates(plain, _Unplaced(), as_of):
        return None
    result.info, result.revisions = plain["dataset"], plain["revisions"]
    for part in parts:
        for index, pid in enumerate(part.summary["ids"].get("people", ())):
            if pid not in referred:
                result.warnings.append(_warning(part.file.name, ("people", index, "id"),
                                                f"person {pid!r} is never referred to"))
    if not _sources(parts, reading, result, texts):
        return None
    return result


class _Unplaced:
    """Stands for a Merged where a problem only needs to be known to exist."""

    def problem(self, *args, **kwargs) -> bool:
        return True


def _warning(file: str, path: tuple, message: str) -> Problem:
    return Problem(file, message, None, None, where_of(path), "warning", path, False)


FILE_KEY = b"briefcli: a file's quotes found in their texts\0"  # begins a file's key


def texts_key(content: dict[str, bytes]) -> bytes:
    """What a file's key (:func:`file_key`) holds of the dataset's texts: each source that
    names one, with the digest of its bytes (``content``, by source id), in order."""
    from ..cache.sealed import digest

    ids = "\n".join(content).encode("utf-8", "surrogatepass")  # ids hold no newline
    return digest(b"".join([ids, b"\0", *content.values()]))


def needles_key(needles: dict[str, bytes]) -> bytes:
    """What a file's key (:func:`file_key`) holds of its quotes: the passages they must find
    in each source (its needles, in order), as one digest."""
    from ..cache.sealed import digest

    passages = needles.values()  # each a digest, or a file read in pieces' digests joined
    # the count and lengths first, then ids (which hold no newline) and digests: one reading
    head = array("Q", [len(needles), *map(len, passages)]).tobytes()
    ids = "\n".join(needles).encode("utf-8", "surrogatepass")
    return digest(b"".join([head, ids, *passages]))


def file_key(summary: dict, texts: bytes) -> bytes:
    """The key of a file's quotes verified: its passages (:func:`needles_key`) and the
    dataset's texts (``texts``, see :func:`texts_key`). Once every quote of the file is found
    in those texts, and every text has been read, the key is kept as verified: the file
    needs no verifying again while its key is the same (any change to a text, or to which
    sources name one, checks every file again)."""
    from ..cache.sealed import digest

    return digest(b"".join([FILE_KEY, texts, summary["needles_key"]]))


def _sources(parts: list, reading, result: Outline, texts: Texts) -> bool:
    """Each source's text file, and the sources whose quotes must be verified; False where
    the full checks must say what is wrong.

    Only the sources that a file quotes whose key (:func:`file_key`) was not verified before
    are checked; each is keyed as the full reading keys it (its text's digest and every
    file's passages for it, see :func:`needles_of`), and verified unless that key was. As
    any change to the texts checks every file, every source that names a text is checked
    then (and its text read, should it no longer be UTF-8), quoted or not."""
    from ..cache.sealed import digest
    from .verify import no_text

    summaries = [p.summary for p in parts]
    quoted = None  # (counted only for a source with no text)
    content: dict[str, bytes] = {}  # source id -> the digest of its text
    named: dict[str, str] = {}  # source id -> its text as named
    for part in parts:
        found = texts.of_part(part)
        if found is not None:  # every text the part names, found ahead
            for into, values in zip((result.text_files, content, named), found):
                into.update(values)
            continue
        for index, source in enumerate(part.summary["sources"]):
            sid, rel = source["id"], source["text"]
            if not rel:
                quoted = quoted_in(summaries) if quoted is None else quoted
                if quoted.get(sid):  # a source with no quotes to verify needs no text
                    result.warnings.append(_warning(part.file.name, ("sources", index, "id"),
                                                    no_text(sid, quoted[sid])))
                continue
            try:
                result.text_files[sid], content[sid] = texts.of(part.file.real, rel)
            except (ValueError, DataError):
                return False
            named[sid] = rel
    every = texts_key(content)
    keys = [file_key(summary, every) for summary in summaries]
    check: set[str] = set()
    if not any(key in reading.verified for key in keys):  # the texts changed, or first seen
        check.update(content)
    for summary, key in zip(summaries, keys):
        if key not in reading.verified:
            result.file_keys.append(key)
            check |= summary["needles"].keys() & content.keys()
    needles = needles_of(summaries, check) if check else {}
    for sid in check:
        key = result.keys[sid] = digest(content[sid] + needles.get(sid, b""))
        if key not in reading.verified:
            result.to_verify[sid] = (result.text_files[sid], named[sid])
    for sid, full in result.text_files.items():
        if sid not in result.to_verify:
            reading.release(full)  # its bytes, if they were read, are not needed
    return True
