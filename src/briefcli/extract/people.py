"""People: who is named, with what role, and every place they are mentioned.

A run of capitalised words becomes a person only with evidence that it is one: a role beside
it ("Louise Arbour, the Special Representative of ..." or "the President of the General
Assembly, Miroslav Lajčák"), a title or honorific before it ("Ambassador Samuel Okonjo"), a
reporting verb it is the subject of ("Henrik Solberg said"), or its presence in the dataset in
use. Later mentions by honorific and surname ("Ms. Arbour", "Ambassador Jayasekara"), by surname
alone, and the pronouns "he" and "she" are collected as :class:`Mention` objects for the
attribution of quotes.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from ..text import fold
from . import vocabulary as V
from .names import (
    PURE_HONORIFICS,
    Folded,
    Word,
    gender_of,
    honorific_form,
    role_after,
    role_before,
    role_phrase_before,
    runs,
    slug,
    speaks,
    surname_of,
    title_before,
    words,
)
from .spans import Spans

@dataclass
class Person:
    key: str
    name: str
    honorific: str | None = None
    gender: str | None = None  # 'f', 'm' or None when the article does not say
    roles: list[str] = field(default_factory=list)
    surname: str = ""
    known_id: str | None = None  # the id of the same person in the dataset in use
    first: int = 0  # plain offset of the first mention
    evidence: str = ""

    @property
    def tokens(self) -> list[str]:
        return self.name.split()


@dataclass
class Mention:
    start: int
    end: int
    person: str | None  # Person.key; None for a pronoun until it is resolved
    kind: str  # 'name', 'surname', 'pronoun'
    gender: str | None = None
    subject_like: bool = False


@dataclass
class Cast:
    people: dict[str, Person] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    by_suffix: dict[tuple[str, ...], list[Person]] = field(default_factory=dict)  # last words -> people
    titled: dict[int, int] = field(default_factory=dict)  # start of a role before a name -> the name's start

    def add(self, person: Person) -> None:
        self.people[person.key] = person
        tokens = _tokens(person.name)
        for k in range(1, len(tokens)):
            self.by_suffix.setdefault(tuple(tokens[k:]), []).append(person)

    def ordered(self) -> list[Person]:
        return sorted(self.people.values(), key=lambda p: p.first)

    def index(self) -> None:
        """Index the mentions by where they start and end (after they are all found)."""
        self._starts = {m.start: m for m in self.mentions}
        self._ends = {m.end: m for m in self.mentions}
        self.starts = [m.start for m in self.mentions]

    def index_subjects(self) -> None:
        """For each mention, the index of the first mention from it on that stands in a
        subject's place and names someone (after :func:`_subjects`), and of the last mention
        up to it that names someone by name (not a pronoun)."""
        n = len(self.mentions)
        self.next_subject = [n] * (n + 1)
        for i in range(n - 1, -1, -1):
            m = self.mentions[i]
            self.next_subject[i] = i if m.subject_like and m.person else self.next_subject[i + 1]
        self.last_named = []
        last = -1
        for i, m in enumerate(self.mentions):
            if m.person and m.kind != "pronoun":
                last = i
            self.last_named.append(last)

    def first_subject(self, start: int, end: int) -> Mention | None:
        """The first mention in a subject's place that names someone, in [start, end)."""
        i = self.next_subject[bisect_left(self.starts, start)]
        if i < len(self.mentions) and self.mentions[i].start < end:
            return self.mentions[i]
        return None

    def first_named_after(self, after: int) -> Mention | None:
        i = bisect_left(self.starts, after)
        for m in self.mentions[i : i + 50]:
            if m.person and m.kind != "pronoun":
                return m
        return None

    def last_named_before(self, before: int) -> Mention | None:
        i = bisect_left(self.starts, before) - 1
        j = self.last_named[i] if i >= 0 else -1
        return self.mentions[j] if j >= 0 else None

    def at(self, start: int) -> Mention | None:
        """The mention starting at ``start``, or at the name a role written there comes before."""
        return self._starts.get(start) or self._starts.get(self.titled.get(start, -1))

    def ending_at(self, end: int) -> Mention | None:
        return self._ends.get(end)


class Known:
    """People of the dataset in use, for matching by name (case and accents ignored)."""

    def __init__(self, people: list[dict] | None = None) -> None:
        self.people = people or []
        self.by_name: dict[str, dict] = {}
        self.by_suffix: dict[tuple[str, ...], dict] = {}  # the last words of a name -> the first such person
        for person in self.people:
            for name in [person["name"], *person.get("spellings", [])]:
                self.by_name[" ".join(fold(name).split())] = person
            tokens = _tokens(person["name"])
            for k in range(len(tokens)):
                self.by_suffix.setdefault(tuple(tokens[k:]), person)

    def match(self, name: str) -> dict | None:
        return self.by_name.get(" ".join(fold(name).split()))


def find(text: str, sentences, skip, known: Known | None = None) -> Cast:
    """The people of an article and their mentions. ``sentences`` are (start, end) spans;
    ``skip`` (:class:`~briefcli.extract.spans.Spans`) the quoted passages, not searched."""
    known = known or Known()
    cast = Cast()
    honorific_runs: list[tuple[list[Word], list[Word], str | None, int]] = []

    def add(name: str, at: int, evidence: str) -> Person:
        key = slug(name) or "person"
        person = cast.people.get(key)
        if person is None:
            person = Person(key, name, first=at, evidence=evidence, surname=surname_of(name))
            match = known.match(name)
            if match is not None:
                person.known_id = match["id"]
                person.honorific = match.get("honorific")
                person.gender = gender_of(person.honorific)
            cast.add(person)
        return person

    # Surnames used with an honorific somewhere ('Ms. Paredes'): a full name ending with one
    # of them is a person even where nothing else says so.
    surnames: set[tuple[str, ...]] = set()
    read = []  # each sentence's words, their indexes and runs, for both passes
    for s_start, s_end in sentences:
        ws = words(text, s_start, s_end, skip)
        index_of = {id(w): i for i, w in enumerate(ws)}
        sentence_runs = runs(text, ws)
        read.append((s_start, s_end, ws, index_of, sentence_runs))
        for run in sentence_runs:
            titles = title_before(text, ws, index_of[id(run[0])])
            if any(t.text.lower().rstrip(".") in PURE_HONORIFICS for t in titles) and len(run) <= 3:
                surnames.add(tuple(fold(w.bare) for w in run))

    for s_start, s_end, ws, index_of, sentence_runs in read:
        for run in sentence_runs:
            first, last = run[0], run[-1]
            name = text[first.start : last.start] + last.bare
            titles = title_before(text, ws, index_of[id(first)])
            title_start = titles[0].start if titles else first.start
            pure = next((t.text for t in titles if t.text.lower().rstrip(".") in PURE_HONORIFICS), None)
            if titles and (len(run) == 1 or _suffix_owner(cast, run) is not None):
                honorific_runs.append((run, titles, pure, title_start))
                continue
            name_end = first.start + len(name)
            after_role = role_after(text, name_end, s_end)
            before_role = role_before(text, title_start, s_start)
            role_title = None
            phrase = None if pure else role_phrase_before(text, ws, index_of[id(first)])
            if phrase and len(run) > 1:
                title_start, role_title = phrase
                cast.titled[title_start] = first.start
                place = _PLACE_AFTER.match(text, name_end, min(s_end, name_end + 200))
                if place:
                    role_title += " of " + place.group(1).strip()
            evidence = (
                (after_role or before_role) and "role"
                or role_title and "title"
                or pure and "honorific"
                or known.match(name) and "dataset"
                or any(tuple(fold(w.bare) for w in run[k:]) in surnames for k in range(1, len(run))) and "surname"
                or speaks(text, title_start, name_end, s_start, s_end) and "speech"
            )
            if len(run) < 2 and after_role:  # 'Roe, the Foreign Minister of ...,': a role given later
                owner = _suffix_owner(cast, run, first.start)
                if owner is not None and fold(after_role) not in {fold(r) for r in owner.roles}:
                    owner.roles.append(after_role)
            if len(run) < 2 or not evidence:
                continue
            owner = _suffix_owner(cast, run, first.start)
            if owner is not None and not titles and not role_title:
                continue  # 'Van Aalst warned': the end of a name already met ('Pieter van Aalst')
            person = add(name, title_start, evidence)
            # 'mediator NAME, a former ambassador': the title is the role, the rest describes
            described = text.startswith((", a ", ", an "), name_end)
            order = (role_title, after_role, before_role) if described else (after_role, before_role, role_title)
            for role in order:
                if role and fold(role) not in {fold(r) for r in person.roles}:
                    person.roles.append(role)
            if pure is not None:
                if person.honorific is None:
                    person.honorific = honorific_form(pure)
                person.gender = person.gender or gender_of(pure)

    # People of the dataset named in the article without any of the signs above.
    folded = Folded(text) if known.people else None  # built only where a name is searched
    for record in known.people:
        for name in [record["name"], *record.get("spellings", [])]:
            for start, end in folded.find_all(name):
                if skip.covers(start):
                    continue
                add(record["name"], start, "dataset")

    _honorific_mentions(text, cast, honorific_runs, known)
    if cast.people and folded is None:
        folded = Folded(text)
    _name_mentions(text, cast, folded, skip, known)
    _pronouns(text, cast, sentences, skip)
    cast.index()
    _subjects(text, cast, sentences)
    cast.index_subjects()
    return cast


_PLACE_AFTER = re.compile(r" of ([A-Z][\w’'-]+(?: [A-Z][\w’'-]+){0,2})\b")


def _tokens(name: str) -> list[str]:
    return [fold(t) for t in name.split()]


def _suffix_owner(cast: Cast, run: list[Word], before: int | None = None) -> Person | None:
    """The person whose name ends with the words of ``run`` ('Santos Ferreira'), the one
    named most recently before ``before`` if there are several."""
    found = cast.by_suffix.get(tuple(fold(w.bare) for w in run), [])
    if before is not None:
        earlier = [p for p in found if p.first <= before]
        found = earlier or found
    return max(found, key=lambda p: p.first) if found else None


def _honorific_mentions(text: str, cast: Cast, runs, known: Known) -> None:
    for run, titles, pure, start in runs:
        person = _suffix_owner(cast, run, start)
        if person is None:
            record = known.by_suffix.get(tuple(fold(w.bare) for w in run))
            if record is not None:
                person = cast.people.get(slug(record["name"]))
                if person is None:
                    person = Person(slug(record["name"]), record["name"], known_id=record["id"],
                                    honorific=record.get("honorific"), first=start,
                                    evidence="dataset", surname=surname_of(record["name"]))
                    person.gender = gender_of(person.honorific)
                    cast.add(person)
        if person is None and pure is None:
            continue  # 'Special Adviser' and the like: a title, not a person
        if person is None:
            name = text[run[0].start : run[-1].start] + run[-1].bare
            person = Person(slug(name) or "person", name, first=start, evidence="surname only",
                            surname=name)
            if person.key not in cast.people:
                cast.add(person)
            person = cast.people[person.key]
        surname = text[run[0].start : run[-1].start] + run[-1].bare
        if len(surname.split()) > len(person.surname.split()):
            person.surname = surname
        if pure is not None:
            person.honorific = person.honorific or honorific_form(pure)
            person.gender = person.gender or gender_of(pure)
        cast.mentions.append(
            Mention(start, run[-1].start + len(run[-1].bare), person.key, "surname")
        )


def _name_mentions(text: str, cast: Cast, folded: Folded | None, skip, known: Known) -> None:
    """Every mention of the cast's names (``folded``: the text's index, None when the cast is
    empty)."""
    searched: set[tuple[str, str]] = set()  # a name searched once: its places go to the first owner
    for person in cast.people.values():
        names = {person.name}
        record = known.match(person.name)
        if record is not None:
            names.update([record["name"], *record.get("spellings", [])])
        for name, kind in [*((n, "name") for n in sorted(names)), (person.surname, "surname")]:
            if (fold(name), kind) in searched:
                continue
            searched.add((fold(name), kind))
            for start, end in folded.find_all(name):
                if kind == "name" or text[start : start + 1].isupper() or name[:1].islower():
                    cast.mentions.append(Mention(start, end, person.key, kind))
    kept: list[Mention] = []
    for mention in sorted(cast.mentions, key=lambda m: (m.start, -(m.end - m.start))):
        if skip.covers(mention.start):
            continue
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    cast.mentions = kept
    first: dict[str, int] = {}
    for mention in kept:
        first.setdefault(mention.person, mention.start)
    for person in cast.people.values():
        if person.key in first:
            person.first = first[person.key]


def _pronouns(text: str, cast: Cast, sentences, skip) -> None:
    inside = Spans(sentences)
    for m in re.finditer(r"\b([Hh]e|[Ss]he)\b", text):
        if skip.covers(m.start()):
            continue
        if not inside.covers(m.start()):
            continue
        cast.mentions.append(Mention(m.start(), m.end(), None, "pronoun", V.PRONOUNS[m.group().lower()]))
    cast.mentions.sort(key=lambda m: m.start)


_CONJUNCTIONS = frozenset(
    "and but while that who as when because although though however also then where since so "
    "yet once whereas".split()
)


def _subjects(text: str, cast: Cast, sentences) -> None:
    """Mark mentions that stand where a subject stands (so pronouns prefer them), then
    resolve each pronoun to the nearest fitting person."""
    starts = sorted(sentences)
    firsts = [s for s, _ in starts]
    for mention in cast.mentions:
        at = bisect_right(firsts, mention.start) - 1
        s_start = starts[at][0] if at >= 0 else 0
        before = text[max(s_start, mention.start - 40) : mention.start].rstrip()
        after = text[mention.end : mention.end + 2]
        last_word = before.split()[-1].lower() if before.split() else ""
        mention.subject_like = after not in ("’s", "'s") and (
            not before or before[-1] in ",;:(—–“”\"" or last_word in _CONJUNCTIONS
        )
    nearest: dict[str | None, str] = {}  # gender -> the person last mentioned who fits it
    for index, mention in enumerate(cast.mentions):
        if mention.kind == "pronoun":
            mention.person = resolve_pronoun(cast, index, starts, firsts, nearest)
        if mention.person is not None:
            for gender in ("f", "m", None):
                if fits(cast.people[mention.person], gender):
                    nearest[gender] = mention.person


def fits(person: Person, gender: str | None) -> bool:
    return gender is None or person.gender is None or person.gender == gender


LOOK_BACK = 50  # mentions: how far back a pronoun looks for a subject


def resolve_pronoun(cast: Cast, index: int, sentences, firsts, nearest) -> str | None:
    """The nearest fitting person before mention ``index``: a subject in this sentence or the
    two before it if there is one, else the nearest fitting mention of anyone (``nearest``,
    by gender)."""
    pronoun = cast.mentions[index]
    here = bisect_right(firsts, pronoun.start) - 1
    window_start = sentences[max(0, here - 2)][0] if here >= 0 else 0
    fallback = None
    for mention in reversed(cast.mentions[max(0, index - LOOK_BACK) : index]):
        if mention.start < window_start:
            break
        if mention.person is None or not fits(cast.people[mention.person], pronoun.gender):
            continue
        if mention.subject_like:
            return mention.person
        fallback = fallback or mention.person
    return fallback or nearest.get(pronoun.gender)
