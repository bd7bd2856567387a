"""Roles that stand for a person before the person is named.

Wire copy often opens with a role and names its holder a paragraph or more later: "The UN
special envoy for the Lake Region said on Friday ...", then "Special Envoy Marguerite Roe
said ...". Such a role phrase (``the`` + words + a role noun + an optional "for/of/to ..."
complement, the subject of a reporting verb, with no name beside it) is linked to the first
person named after it (among the next few) whose role holds the same role noun ("envoy"); a role headed by a word
as general as "chief" or "head" ("The UN refugee chief warned ...") goes to the first person
named after it, if they are named within the next few sentences. The linked role becomes that
person's first role, as the article gave it first; quotes attributed to "the envoy" then find
that person (see :meth:`.attribution.Attributor.role_person`).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from ..text import fold
from . import vocabulary as V
from .people import Cast, Person

_THE = re.compile(r"\b[Tt]he ")
_TOKEN = re.compile(r"[^\W\d_]+(?:[-’'][^\W\d_]+)*")
_COMPLEMENT = frozenset("for of to at in".split())
_DETERMINERS = frozenset("the a an".split())
_NOT_MODIFIER = V.NOT_IN_TITLE | V.REPORTING | frozenset("has have had is are was were".split())
# Role nouns so general that another wording of the role may share no word with them.
GENERAL_HEADS = frozenset("chief head leader boss".split())
NEAR = 3  # sentences: how far after a general role its holder must be named
NEXT_PEOPLE = 12  # the holder is among the first people named after the role
CLAUSE_CHARS = 200  # the longest relative clause looked through
MAX_LINKED = 3  # roles put before a person's own: a lede and a paragraph or two say no more
MAX_MODIFIERS, MAX_COMPLEMENT = 4, 10  # words


def link(text: str, sentences: list[tuple[int, int]], skip, cast: Cast) -> None:
    """Give each role phrase standing for a person named later to that person (in place)."""
    starts = [s for s, _ in sentences]
    later = sorted(cast.people.values(), key=lambda p: p.first)
    firsts = [p.first for p in later]
    linked: dict[str, int] = {}  # person key -> how many roles were put in front of theirs
    for s_start, s_end in sentences:
        for m in _THE.finditer(text, s_start, s_end):
            if skip.covers(m.start()) or not _opens_clause(text, s_start, m.start()):
                continue
            found = role_phrase(text, m.end(), s_end)
            if found is None:
                continue
            end, head, role = found
            k = bisect_right(firsts, end)
            person = _holder(later[k : k + NEXT_PEOPLE], head, sentence_of=lambda at: bisect_right(starts, at),
                             here=bisect_right(starts, m.start()))
            if person is None or linked.get(person.key, 0) >= MAX_LINKED:
                continue
            if fold(role) in {fold(r) for r in person.roles}:
                continue
            at = linked.get(person.key, 0)
            person.roles.insert(at, role)
            linked[person.key] = at + 1


def _opens_clause(text: str, floor: int, at: int) -> bool:
    """Whether 'The' at ``at`` begins its sentence or a clause (after a comma or a dash)."""
    before = text[max(floor, at - 3) : at].rstrip()
    return not before or before[-1] in ",;:–—("


def role_phrase(text: str, at: int, limit: int) -> tuple[int, str, str] | None:
    """'UN special envoy for the Lake Region' from ``at`` (just after 'The '), when a reporting
    verb follows it: (end, role noun, role words), else None. A bare role noun ('The envoy
    said') is not a phrase: it names nobody new."""
    tokens = []
    for m in _TOKEN.finditer(text, at, min(limit, at + 200)):
        if tokens and text[tokens[-1].end() : m.start()] != " ":
            break
        tokens.append(m)
        if len(tokens) > MAX_MODIFIERS + 2 + MAX_COMPLEMENT + 4:
            break
    words = [t.group().lower() for t in tokens]
    h = next((i for i, w in enumerate(words[: MAX_MODIFIERS + 1]) if w in V.ROLE_HEADS), None)
    if h is None or any(w in _NOT_MODIFIER for w in words[:h]):
        return None
    while h + 1 < len(words) and words[h + 1] in V.ROLE_HEADS:  # 'chief negotiator'
        h += 1
    ends = [h]
    if h + 2 < len(words) and words[h + 1] in _COMPLEMENT:
        k = h + 2 + (words[h + 2] in _DETERMINERS)
        while k < len(words) and k <= h + 1 + MAX_COMPLEMENT and (
            words[k] not in _NOT_MODIFIER or (words[k] in _COMPLEMENT | _DETERMINERS and k + 1 < len(words))
        ):
            if words[k] not in _COMPLEMENT | _DETERMINERS:  # 'for the', 'in the': never the end
                ends.append(k)
            k += 1
    last = tokens[ends[-1]].end()
    for end in reversed(ends):
        after = end + 1 == len(tokens) and tokens[end].end() == last and _after_clause(text, last, limit)
        if _reported(words, end + 1) or after:
            if h == 0 and end == h:
                return None
            return tokens[end].end(), words[h], " ".join(text[at : tokens[end].end()].split())
    return None


def _after_clause(text: str, at: int, limit: int) -> bool:
    """Whether ', who toured the roads this week, said' follows ``at``: a clause between
    commas (no quotation in it), then a reporting verb."""
    if not text.startswith((", who ", ", which "), at):
        return False
    close = text.find(",", at + 2, min(limit, at + CLAUSE_CHARS))
    if close < 0 or any(mark in text[at:close] for mark in "“”\""):
        return False
    words = [m.group().lower() for m in _TOKEN.finditer(text, close, min(limit, close + 60))]
    return _reported(words, 0)


def _reported(words: list[str], k: int) -> bool:
    """Whether a reporting verb comes at word ``k``, after adverbs and 'on Friday'."""
    while k < len(words) and (words[k] in V.ADVERBS or words[k] in V.TIME_WORDS or words[k] == "on"):
        k += 1
    return k < len(words) and words[k] in V.REPORTING


def _holder(people: list[Person], head: str, sentence_of, here: int) -> Person | None:
    """Of ``people`` (named after the role, in order), the one the role stands for."""
    for person in people:
        if any(head in fold(role).split() for role in person.roles):
            return person
    if head in GENERAL_HEADS and people and people[0].roles and sentence_of(people[0].first) - here <= NEAR:
        return people[0]
    return None
