"""Assembling the draft: records in the dataset's format, ids, and the notes a reviewer needs.

Two modes:

* a **fragment** for the dataset in use (the default): no ``dataset`` section, people already
  in the dataset are referred to by their ids and not added again, ids never clash with the
  dataset's, places and organizations are matched to the dataset's. It loads together with
  that dataset (``briefcli --data DATASET --data DRAFT ...``).
* a **standalone** dataset (``--standalone``): it has a ``dataset`` section (title, process and
  summary guessed from the article, ``as_of`` the article's date) and every person it names,
  and loads on its own (``briefcli --data DRAFT ...``).

Every guessed field carries a ``# guessed: ...`` comment; every quote carries the characters
of the article it comes from (``# article chars 812-975``: from 812 up to 975, counted in
characters of the file's text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..terms import ID_PATTERN
from ..text import fold
from .names import ascii_spelling, slug
from .reading import Extraction, ExtractError
from .yamlout import Mapping, Section

_ID = re.compile(ID_PATTERN)


@dataclass
class DatasetInUse:
    """What the draft needs to know of the dataset it will join."""

    label: str
    people: list[dict] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    places: list[dict] = field(default_factory=list)
    organizations: list[dict] = field(default_factory=list)
    as_of: date | None = None

    @classmethod
    def from_plain(cls, plain: dict, label: str) -> "DatasetInUse":
        ids = {r["id"] for section in plain.values() if isinstance(section, list) for r in section}
        info = plain.get("dataset") or {}
        return cls(
            label,
            plain.get("people", []),
            ids,
            plain.get("places", []),
            plain.get("organizations", []),
            date.fromisoformat(info["as_of"]) if info.get("as_of") else None,
        )


@dataclass
class Options:
    article: str  # the article's path as given
    text_path: str | None  # the source's 'text', relative to where the draft will be read
    text_note: str | None = None
    source_id: str | None = None
    standalone: bool = False
    url: str | None = None  # from a saved page's metadata
    publisher: str | None = None


@dataclass
class Draft:
    header: list[str]
    sections: list[Section]
    person_ids: dict[str, str]  # Person.key -> id in the draft
    quote_ids: list[list[str]]  # per extracted quote, the ids of its records
    step_ids: list[str]
    source_id: str

    def plain(self) -> dict:
        out: dict = {}
        for section in self.sections:
            if isinstance(section.value, Mapping):
                out[section.name] = section.value.plain()
            elif section.value:
                out[section.name] = [m.plain() for m in section.value]
        return out


class _Ids:
    def __init__(self, taken: set[str]) -> None:
        self.taken = set(taken)

    def new(self, base: str, fallback: str) -> str:
        base = base[:60].strip("-._") or fallback
        if not _ID.match(base):
            base = fallback
        candidate, n = base, 2
        while candidate in self.taken:
            candidate, n = f"{base}-{n}", n + 1
        self.taken.add(candidate)
        return candidate


def _first_words(text: str, n: int) -> str:
    words = [w for w in re.findall(r"[^\W_]+", fold(text)) if w not in ("the", "a", "an")]
    return "-".join(words[:n])


def _match_name(text: str, records: list[dict], keys: tuple[str, ...]) -> tuple[dict, str] | None:
    """The record whose name (or other key) appears in ``text`` as whole words; the longest."""
    best: tuple[dict, str] | None = None
    folded = fold(text)
    for record in records:
        for key in keys:
            name = record.get(key)
            if not name:
                continue
            for candidate in {name, name.split(",")[0]}:
                if re.search(r"(?<!\w)" + re.escape(fold(candidate)) + r"(?!\w)", folded):
                    if best is None or len(candidate) > len(best[1]):
                        best = (record, candidate)
    return best


def build(x: Extraction, options: Options, dataset: DatasetInUse | None) -> Draft:
    standalone = options.standalone or dataset is None
    ids = _Ids(set() if standalone else dataset.ids)
    stem = slug(Path(options.article).stem) if options.article != "<stdin>" else "article"
    if options.source_id:
        if options.source_id in ids.taken:
            raise ExtractError(f"--source-id {options.source_id!r} is already an id in the dataset in use", usage=True)
        source_id = ids.new(options.source_id, "article")
    else:
        source_id = ids.new(stem, "article")

    sections: list[Section] = []
    if standalone:
        sections.append(Section("dataset", _dataset_info(x)))
    sections.append(Section("sources", [_source(x, options, source_id, dataset if not standalone else None)]))

    person_ids: dict[str, str] = {}
    people: list[Mapping] = []
    reused: list[str] = []
    for person in x.cast.ordered():
        if person.known_id and not standalone:
            person_ids[person.key] = person.known_id
            reused.append(f"{person.known_id} ({person.name})")
            continue
        pid = None
        for base in (slug(person.surname), slug(person.name)):
            if base and _ID.match(base) and base not in ids.taken:
                pid = ids.new(base, "person")
                break
        pid = pid or ids.new(slug(person.name), "person")
        person_ids[person.key] = pid
        people.append(_person(person, pid, source_id, None if standalone else dataset))
    comments = []
    if reused:
        comments.append("Already in the dataset in use, referred to by id: " + ", ".join(reused) + ".")
    sections.append(Section("people", people, comments))

    quotes, quote_ids, trailer = _quotes(x, person_ids, source_id, ids, None if standalone else dataset)
    sections.append(Section("quotes", quotes, trailer=trailer))

    steps: list[Mapping] = []
    step_ids: list[str] = []
    for step in x.steps:
        sid = ids.new(_first_words(step.what, 6), "step")
        step_ids.append(sid)
        record = Mapping().add("id", sid)
        record.add("what", step.what, "guessed: from the words before the date")
        record.add(*_when(step.when))
        if not standalone:
            place = _match_name(x.article.plain[step.sentence[0] : step.sentence[1]], dataset.places, ("name",))
            if place:
                record.add("where", place[0]["id"], f"guessed: '{place[1]}' in the sentence")
        record.add("status", step.status, "guessed: from the sentence's wording")
        record.add("source", source_id)
        steps.append(record)
    sections.append(Section("steps", steps))

    header = _header(x, options, dataset, standalone)
    return Draft(header, sections, person_ids, quote_ids, step_ids, source_id)


def _header(x: Extraction, options: Options, dataset: DatasetInUse | None, standalone: bool) -> list[str]:
    where = {"option": "--date", "page": "the page's metadata"}.get(x.day_from, "its dateline")
    lines = [
        f"Draft made by 'briefcli extract' from {options.article}, for a person to review.",
        f"Article date {x.day.isoformat()} (from {where}). Fields marked 'guessed' need checking;",
        "'article chars A-B' is where a quote stands in the article file (characters A up to B).",
    ]
    if standalone:
        lines.append("A dataset of its own (--standalone): load it alone, e.g. briefcli --data DRAFT people")
    else:
        lines.append(f"A fragment for the dataset in use ({dataset.label}): it has no 'dataset' section;")
        lines.append("save it as a new file of that dataset, e.g. briefcli --data DATASET --data DRAFT people")
    return lines


def _dataset_info(x: Extraction) -> Mapping:
    title = x.article.title or Path("article").stem
    first = x.sentences[0] if x.sentences else None
    lead = " ".join(x.article.plain[first.start : first.end].split()) if first else title
    info = Mapping()
    info.add("title", title, "guessed: the article's headline")
    info.add("process", title, "guessed: name the process this dataset follows")
    info.add("as_of", x.day.isoformat(), "the article's date")
    info.add("summary", lead, "guessed: the article's first sentence")
    return info


def _source(x: Extraction, options: Options, source_id: str, dataset: DatasetInUse | None) -> Mapping:
    record = Mapping().add("id", source_id)
    if x.article.title:
        record.add("title", x.article.title, "guessed: the article's first line")
    else:
        record.add("title", Path(options.article).stem, "guessed: the file's name; give the headline")
    agency = x.article.dateline.agency if x.article.dateline else None
    if options.publisher:
        record.add("publisher", options.publisher, "the page's site name")
    elif agency:
        record.add("publisher", agency, "guessed: the agency named in the dateline")
    else:
        record.add("publisher", "unknown", "give the publisher: the article does not name it")
    record.add("published", x.day.isoformat())
    if options.url:
        record.add("url", options.url, "the page's address")
    if options.text_path:
        record.add("text", options.text_path, options.text_note)
    else:
        record.add(None, note=f"text: {options.text_note}")
    return record


def _person(person, pid: str, source_id: str, dataset: DatasetInUse | None) -> Mapping:
    record = Mapping().add("id", pid)
    note = "guessed: only this name is given" if person.evidence == "surname only" else None
    record.add("name", person.name, note)
    if person.honorific:
        record.add("honorific", person.honorific)
    spelling = ascii_spelling(person.name)
    if spelling != person.name:
        record.add("spellings", [spelling])
    roles = []
    for title in person.roles:
        role = Mapping().add("title", title)
        if dataset is not None:
            org = _match_name(title, dataset.organizations, ("name", "short_name"))
            if org:
                role.add("organization", org[0]["id"], f"guessed: '{org[1]}' in the title")
        roles.append(role)
    if roles:
        record.add("roles", roles)
    record.add("source", source_id)
    return record


def _when(found) -> tuple[str, object, str | None]:
    value = found.when()
    note = "guessed: " + "; ".join(found.guessed) if found.guessed else None
    if isinstance(value, dict):
        return "when", Mapping().add("text", value["text"]).add("date", value["date"]), note
    return "when", value, note


def _quotes(x: Extraction, person_ids, source_id: str, ids: _Ids, dataset: DatasetInUse | None):
    records: list[Mapping] = []
    quote_ids: list[list[str]] = []
    trailer: list[str] = []
    article = x.article
    for index, quote in enumerate(x.quotes):
        texts = [article.quoted_text(p.start, p.end) for p in quote.parts]
        spans = [article.raw_span(p.start, p.end) for p in quote.parts]
        chars = " + ".join(f"{a}-{b}" for a, b in spans)
        if quote.speaker is None:
            trailer.append(f"Not attributed ({quote.how}), article chars {chars}:")
            trailer.extend(f"  “{t}”" for t in texts)
            quote_ids.append([])
            continue
        speaker = person_ids[quote.speaker]
        qid = ids.new(f"{speaker}-{_first_words(texts[0], 4)}", "quote")
        quote_ids.append([qid])
        dated = x.quote_dates.get(index)
        record = Mapping().add("id", qid)
        note = f"guessed: '{quote.how}' read as {x.speaker(quote).name}" if quote.guessed else None
        record.add("speaker", speaker, note)
        record.add("kind", quote.kind)
        record.add("text", " ".join(texts))
        if len(texts) > 1:
            record.add("parts", texts, f"one quote in {len(texts)} parts ({quote.how}), each as in the article")
        if dated is not None:
            found = dated.found
            if dataset is not None and dataset.as_of and found.earliest and found.earliest > dataset.as_of:
                record.add(None, note=f"when: {found.wording} ({found.earliest.isoformat()}) is after the "
                           f"dataset's as_of {dataset.as_of.isoformat()}; raise as_of, then add it")
            else:
                key, value, when_note = _when(found)
                if dated.carried:
                    when_note = "guessed: the day last named before the quote" + (
                        f"; {when_note.removeprefix('guessed: ')}" if when_note else "")
                record.add(key, value, when_note)
        record.add("source", source_id)
        record.add(None, note=f"article chars {chars}")
        records.append(record)
    for item in x.unclosed:
        a, b = article.raw_span(item.start, item.end)
        trailer.append(f"An opening quotation mark at article char {a} is never closed; nothing taken from chars {a}-{b}")
    for item in x.left_out:
        a, b = article.raw_span(item.start, item.end)
        trailer.append(f"Left out, article chars {a}-{b}: “{article.quoted_text(item.start, item.end)}” ({item.why})")
    return records, quote_ids, trailer
