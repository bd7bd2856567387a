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
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field

from ..text import fold
from . import vocabulary as V
from .spans import Spans

_WORD = re.compile(r"[^\W\d_]+(?:[-’'][^\W\d_]+)*\.?")
_ROLE_STOP = re.compile(r",|;|:|—|–|“|\"|\.(?=\s|$)")
_YEAR_OLD = re.compile(r"^\d+-year-old\s+", re.IGNORECASE)
_DETERMINERS = ("the ", "a ", "an ", "its ", "their ", "his ", "her ")
_NOT_IN_ROLE = frozenset("is are was were has have had will would be been according".split())


@dataclass
class Word:
    text: str
    start: int
    end: int

    @property
    def bare(self) -> str:
        """The word without a final full stop or possessive."""
        word = self.text.rstrip(".")
        for suffix in ("’s", "'s"):
            if word.endswith(suffix):
                return word[: -len(suffix)]
        return word

    @property
    def possessive(self) -> bool:
        return self.bare != self.text.rstrip(".")

    @property
    def initial(self) -> bool:
        return len(self.text) == 2 and self.text[0].isupper() and self.text.endswith(".")

    @property
    def is_name(self) -> bool:
        bare = self.bare
        low = bare.lower()
        return (
            bare[:1].isupper()
            and not (len(bare) > 1 and bare.isupper())
            and low not in V.NOT_NAME
            and low not in V.TITLES
            and low not in V.HONORIFICS
            and low not in V.ROLE_HEADS
        )


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

    def ordered(self) -> list[Person]:
        return sorted(self.people.values(), key=lambda p: p.first)

    def index(self) -> None:
        """Index the mentions by where they start and end (after they are all found)."""
        self._starts = {m.start: m for m in self.mentions}
        self._ends = {m.end: m for m in self.mentions}

    def at(self, start: int) -> Mention | None:
        return self._starts.get(start)

    def ending_at(self, end: int) -> Mention | None:
        return self._ends.get(end)


def words(text: str, start: int, end: int, skip) -> list[Word]:
    return [
        Word(m.group(), m.start(), m.end())
        for m in _WORD.finditer(text, start, end)
        if not skip.covers(m.start())
    ]


def _runs(text: str, ws: list[Word]) -> list[list[Word]]:
    """Runs of name words separated by single spaces ("Ana de la Cruz": particles inside)."""
    runs: list[list[Word]] = []
    current: list[Word] = []

    def close() -> None:
        while current and current[-1].text.lower() in V.NAME_PARTICLES:
            current.pop()
        if current:
            runs.append(list(current))
        current.clear()

    for word in ws:
        last = current[-1] if current else None
        adjacent = (
            last is not None
            and text[last.end : word.start] == " "
            and (not last.text.endswith(".") or last.initial)
            and not last.possessive
        )
        if word.is_name or word.initial:
            if last is not None and not adjacent:
                close()
            current.append(word)
        elif word.text.lower() in V.NAME_PARTICLES and adjacent:
            current.append(word)
        else:
            close()
    close()
    return runs


def _clean_role(role: str) -> str | None:
    role = " ".join(role.split()).strip(" ,")
    lowered = role.lower()
    for det in _DETERMINERS:
        if lowered.startswith(det):
            role = role[len(det):]
            break
    role = _YEAR_OLD.sub("", role)
    tokens = [re.sub(r"[’']s$", "", t.lower()).strip(",.") for t in role.split()]
    if not role or len(tokens) > 22 or tokens[0] in ("who", "which", "that", "whose"):
        return None
    if tokens[0].endswith("ing"):  # 'Speaking for the European Union', 'Presenting the text'
        return None
    if not any(t in V.ROLE_HEADS or t[:-1] in V.ROLE_HEADS for t in tokens[:5]):
        return None
    if any(t in V.REPORTING or t in _NOT_IN_ROLE for t in tokens):
        return None
    return role[0].upper() + role[1:]


def _role_after(text: str, end: int, limit: int) -> str | None:
    """The role in 'NAME, the Director of ...,' (text from ``end``, just after the name)."""
    if not text.startswith(", ", end):
        return None
    start = end + 2
    stop = _ROLE_STOP.search(text, start, limit)
    role_end = stop.start() if stop else limit
    role = text[start:role_end]
    # 'in Tijuana, Mexico,': a place after a comma belongs to the role
    if stop and stop.group() == ",":
        m = re.match(r", ((?:[A-Z][\w’'-]+ ?){1,3})(?=[,.]|$)", text[role_end:limit])
        if m and all(w.lower() not in V.NOT_NAME or w in ("Arab",) for w in m.group(1).split()):
            role = text[start : role_end + m.end()]
    return _clean_role(role)


def _role_before(text: str, start: int, floor: int) -> str | None:
    """The role in 'the President of the General Assembly, NAME' (NAME starts at ``start``):
    the longest run of words before the comma that reads as a role ('Her view was shared by
    Ethiopia’s State Minister for Foreign Affairs, NAME' gives the minister)."""
    if start < 2 or text[start - 2 : start] != ", ":
        return None
    end = start - 2
    boundary = max(text.rfind(",", floor, end), text.rfind(";", floor, end), text.rfind(":", floor, end),
                   text.rfind("(", floor, end), floor - 1)
    chunk = text[boundary + 1 : end]
    for m in re.finditer(r"\S+", chunk):
        role = chunk[m.start() :].strip()
        if not (role[0].isupper() or role.lower().startswith(_DETERMINERS)):
            continue
        cleaned = _clean_role(role)
        if cleaned:
            return cleaned
    return None


PURE_HONORIFICS = frozenset("mr ms mrs miss dr prof professor father sister brother sir madam".split())


def _title_before(text: str, ws: list[Word], index: int) -> list[Word]:
    """Title words right before the name at ws[index]: 'Ms.', 'Ambassador', 'Foreign Minister'."""
    titles: list[Word] = []
    j = index - 1
    while j >= 0 and len(titles) < 4 and text[ws[j].end : ws[j + 1].start] == " ":
        word = ws[j]
        low = word.text.lower().rstrip(".")
        if not word.text[:1].isupper() or (low not in V.HONORIFICS and word.bare.lower() not in V.TITLES):
            break
        titles.insert(0, word)
        j -= 1
    return titles


def _gender_of(honorific: str | None) -> str | None:
    if not honorific:
        return None
    return V.HONORIFICS.get(honorific.lower().rstrip("."))


def _honorific_form(word: str) -> str:
    """'Ms' or 'Ms.' -> 'Ms.'; 'Father' stays 'Father'."""
    return V.HONORIFIC_FORMS.get(word.lower().rstrip("."), word)


def slug(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    ascii_text = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def ascii_spelling(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_SPEECH_AFTER = re.compile(
    r"(?:, [a-z][^,“”\"]{0,160},)?\s+(?:(?:" + "|".join(sorted(V.ADVERBS)) + r")\s+)*([a-z]+)\b"
)
_SPEECH_BEFORE = re.compile(r"\b([a-z]+)\s+$")
_PREPOSITIONS = frozenset("of in from to at on for with into by".split())


def _speaks(text: str, start: int, end: int, floor: int, limit: int) -> bool:
    before = _SPEECH_BEFORE.search(text, max(floor, start - 30), start)
    if before and before.group(1) in _PREPOSITIONS:
        return False
    after = _SPEECH_AFTER.match(text, end, limit)
    if after and after.group(1) in V.REPORTING:
        return True
    before = _SPEECH_BEFORE.search(text, max(floor, start - 30), start)
    return bool(before and before.group(1) in V.REPORTING)


class _Folded:
    """The text case- and accent-folded, with each folded character's place in the original."""

    def __init__(self, text: str) -> None:
        chars, where = [], []
        for index, ch in enumerate(text):
            for out in ch.lower() if ch.isascii() else fold(ch):
                chars.append(out)
                where.append(index)
        self.text = "".join(chars)
        self.where = where + [len(text)]

    def find_all(self, needle: str) -> list[tuple[int, int]]:
        needle = " ".join(fold(needle).split())
        spans = []
        if not needle:
            return spans
        for m in re.finditer(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", self.text):
            spans.append((self.where[m.start()], self.where[m.end() - 1] + 1))
        return spans


class Known:
    """People of the dataset in use, for matching by name (case and accents ignored)."""

    def __init__(self, people: list[dict] | None = None) -> None:
        self.people = people or []
        self.by_name: dict[str, dict] = {}
        for person in self.people:
            for name in [person["name"], *person.get("spellings", [])]:
                self.by_name[" ".join(fold(name).split())] = person

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
            person = Person(key, name, first=at, evidence=evidence, surname=name.split()[-1])
            match = known.match(name)
            if match is not None:
                person.known_id = match["id"]
                person.honorific = match.get("honorific")
                person.gender = _gender_of(person.honorific)
            cast.people[key] = person
        return person

    # Surnames used with an honorific somewhere ('Ms. Paredes'): a full name ending with one
    # of them is a person even where nothing else says so.
    surnames: set[tuple[str, ...]] = set()
    for s_start, s_end in sentences:
        ws = words(text, s_start, s_end, skip)
        index_of = {id(w): i for i, w in enumerate(ws)}
        for run in _runs(text, ws):
            titles = _title_before(text, ws, index_of[id(run[0])])
            if any(t.text.lower().rstrip(".") in PURE_HONORIFICS for t in titles) and len(run) <= 3:
                surnames.add(tuple(fold(w.bare) for w in run))

    for s_start, s_end in sentences:
        ws = words(text, s_start, s_end, skip)
        index_of = {id(w): i for i, w in enumerate(ws)}
        for run in _runs(text, ws):
            first, last = run[0], run[-1]
            name = text[first.start : last.start] + last.bare
            titles = _title_before(text, ws, index_of[id(first)])
            title_start = titles[0].start if titles else first.start
            pure = next((t.text for t in titles if t.text.lower().rstrip(".") in PURE_HONORIFICS), None)
            if titles and (len(run) == 1 or _suffix_owner(cast, run) is not None):
                honorific_runs.append((run, titles, pure, title_start))
                continue
            name_end = first.start + len(name)
            role_after = _role_after(text, name_end, s_end)
            role_before = _role_before(text, title_start, s_start)
            role_title = None
            role_words = [t for t in titles if t.text.lower().rstrip(".") not in PURE_HONORIFICS]
            if role_words and len(run) > 1:
                role_title = text[role_words[0].start : role_words[-1].end]
                place = re.match(r" of ((?:[A-Z][\w’'-]+ ?){1,3})\b", text[name_end:s_end])
                if place:
                    role_title += " of " + place.group(1).strip()
            evidence = (
                (role_after or role_before) and "role"
                or role_title and "title"
                or pure and "honorific"
                or known.match(name) and "dataset"
                or any(tuple(fold(w.bare) for w in run[k:]) in surnames for k in range(1, len(run))) and "surname"
                or _speaks(text, title_start, name_end, s_start, s_end) and "speech"
            )
            if len(run) < 2 or not evidence:
                continue
            person = add(name, title_start, evidence)
            for role in (role_after, role_before, role_title):
                if role and fold(role) not in {fold(r) for r in person.roles}:
                    person.roles.append(role)
            if pure is not None:
                if person.honorific is None:
                    person.honorific = _honorific_form(pure)
                person.gender = person.gender or _gender_of(pure)

    # People of the dataset named in the article without any of the signs above.
    folded = _Folded(text)
    for record in known.people:
        for name in [record["name"], *record.get("spellings", [])]:
            for start, end in folded.find_all(name):
                if skip.covers(start):
                    continue
                add(record["name"], start, "dataset")

    _honorific_mentions(text, cast, honorific_runs, known)
    _name_mentions(text, cast, folded, skip, known)
    _pronouns(text, cast, sentences, skip)
    cast.index()
    _subjects(text, cast, sentences)
    return cast


def _tokens(name: str) -> list[str]:
    return [fold(t) for t in name.split()]


def _suffix_owner(cast: Cast, run: list[Word], before: int | None = None) -> Person | None:
    """The person whose name ends with the words of ``run`` ('Santos Ferreira'), the one
    named most recently before ``before`` if there are several."""
    wanted = [fold(w.bare) for w in run]
    found = [
        p for p in cast.people.values()
        if len(p.tokens) > len(wanted) and _tokens(p.name)[-len(wanted):] == wanted
    ]
    if before is not None:
        earlier = [p for p in found if p.first <= before]
        found = earlier or found
    return max(found, key=lambda p: p.first) if found else None


def _honorific_mentions(text: str, cast: Cast, runs, known: Known) -> None:
    for run, titles, pure, start in runs:
        person = _suffix_owner(cast, run, start)
        if person is None:
            wanted = [fold(w.bare) for w in run]
            for record in known.people:
                if _tokens(record["name"])[-len(wanted):] == wanted:
                    person = cast.people.get(slug(record["name"]))
                    if person is None:
                        person = Person(slug(record["name"]), record["name"], known_id=record["id"],
                                        honorific=record.get("honorific"), first=start,
                                        evidence="dataset", surname=record["name"].split()[-1])
                        person.gender = _gender_of(person.honorific)
                        cast.people[person.key] = person
                    break
        if person is None and pure is None:
            continue  # 'Special Adviser' and the like: a title, not a person
        if person is None:
            name = text[run[0].start : run[-1].start] + run[-1].bare
            person = Person(slug(name) or "person", name, first=start, evidence="surname only",
                            surname=name)
            cast.people.setdefault(person.key, person)
            person = cast.people[person.key]
        surname = text[run[0].start : run[-1].start] + run[-1].bare
        if len(surname.split()) > len(person.surname.split()):
            person.surname = surname
        if pure is not None:
            person.honorific = person.honorific or _honorific_form(pure)
            person.gender = person.gender or _gender_of(pure)
        cast.mentions.append(
            Mention(start, run[-1].start + len(run[-1].bare), person.key, "surname")
        )


def _name_mentions(text: str, cast: Cast, folded: _Folded, skip, known: Known) -> None:
    for person in cast.people.values():
        names = {person.name}
        record = known.match(person.name)
        if record is not None:
            names.update([record["name"], *record.get("spellings", [])])
        for name in names:
            for start, end in folded.find_all(name):
                cast.mentions.append(Mention(start, end, person.key, "name"))
        for start, end in folded.find_all(person.surname):
            if text[start : start + 1].isupper():
                cast.mentions.append(Mention(start, end, person.key, "surname"))
    kept: list[Mention] = []
    for mention in sorted(cast.mentions, key=lambda m: (m.start, -(m.end - m.start))):
        if skip.covers(mention.start):
            continue
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    cast.mentions = kept
    for person in cast.people.values():
        own = [m.start for m in kept if m.person == person.key]
        if own:
            person.first = min(own)


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
        before = text[s_start : mention.start].rstrip()
        after = text[mention.end : mention.end + 2]
        last_word = before.split()[-1].lower() if before.split() else ""
        mention.subject_like = after not in ("’s", "'s") and (
            not before or before[-1] in ",;:(—–“”\"" or last_word in _CONJUNCTIONS
        )
    for index, mention in enumerate(cast.mentions):
        if mention.kind != "pronoun":
            continue
        mention.person = resolve_pronoun(cast, index, starts)


def fits(person: Person, gender: str | None) -> bool:
    return gender is None or person.gender is None or person.gender == gender


def resolve_pronoun(cast: Cast, index: int, sentences) -> str | None:
    """The nearest fitting person before mention ``index``: a subject in this sentence or the
    two before it if there is one, else the nearest fitting mention of anyone."""
    pronoun = cast.mentions[index]
    here = bisect_right([s for s, _ in sentences], pronoun.start) - 1
    window_start = sentences[max(0, here - 2)][0] if here >= 0 else 0
    fallback = None
    for mention in reversed(cast.mentions[:index]):
        if mention.person is None or not fits(cast.people[mention.person], pronoun.gender):
            continue
        if mention.start < window_start:
            return fallback or mention.person
        if mention.subject_like:
            return mention.person
        fallback = fallback or mention.person
    return fallback
