"""Reading names and roles: capitalised runs of words, the titles before them, the roles
beside them, and the signs that a run is a person who speaks.

These are the building blocks of :mod:`.people`; they look at text only, not at people.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text import fold, strip_accents
from . import vocabulary as V

_WORD = re.compile(r"[^\W\d_]+(?:[-’'][^\W\d_]+)*\.?")
_ROLE_STOP = re.compile(r",|;|:|—|–|“|\"|\.(?=\s|$)")
_YEAR_OLD = re.compile(r"^\d+-year-old\s+", re.IGNORECASE)
_DETERMINERS = ("the ", "a ", "an ", "its ", "their ", "his ", "her ")
_PREFIXED = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|ibn|d|l)[-’'][A-Z]")  # 'al-Masri', "d'Almeida"
_ROMAN = re.compile(r"^(?:I{2,3}|IV|VI{0,3}|IX|XI{0,3})$")  # 'Idris III' ('I' and 'V' alone are not)
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
            (bare[:1].isupper() or bool(_PREFIXED.match(bare)))
            and not (len(bare) > 1 and bare.isupper())
            and low not in V.NOT_NAME
            and low not in V.TITLES
            and low not in V.HONORIFICS
            and low not in V.ROLE_HEADS
        )


def words(text: str, start: int, end: int, skip) -> list[Word]:
    """The words of text[start:end] that no span of ``skip`` covers."""
    out: list[Word] = []
    spans, at = skip.spans, skip.first_after(start)  # the spans in order, beside the words
    for m in _WORD.finditer(text, start, end):
        begin = m.start()
        while at < len(spans) and spans[at][1] <= begin:
            at += 1
        if at == len(spans) or begin < spans[at][0]:
            out.append(Word(m.group(), begin, m.end()))
    return out


MAX_NAME_WORDS = 8  # 'Mohammed bin Salman bin Abdulaziz Al Saud' is seven


def runs(text: str, ws: list[Word]) -> list[list[Word]]:
    """Runs of name words separated by single spaces ("Ana de la Cruz": particles inside)."""
    runs: list[list[Word]] = []
    current: list[Word] = []

    def close() -> None:
        while current and current[-1].text.lower() in V.NAME_PARTICLES:
            current.pop()
        if current and len(current) <= MAX_NAME_WORDS:  # longer: a headline in capitals, not a name
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
        if current and adjacent and _ROMAN.match(word.text):
            current.append(word)
        elif word.is_name or word.initial:
            if last is not None and not adjacent:
                close()
            current.append(word)
        elif word.text.lower() in V.NAME_PARTICLES and adjacent:
            current.append(word)
        else:
            close()
    close()
    return runs


def clean_role(role: str) -> str | None:
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


ROLE_CHARS = 300  # a role is at most 22 words: no need to look further for its end
_PLACE = re.compile(r", ([A-Z][\w’'-]+(?: [A-Z][\w’'-]+){0,2}) ?(?=[,.]|$)")


def role_after(text: str, end: int, limit: int) -> str | None:
    """The role in 'NAME, the Director of ...,' (text from ``end``, just after the name)."""
    if not text.startswith(", ", end):
        return None
    start = end + 2
    limit = min(limit, start + ROLE_CHARS)
    stop = _ROLE_STOP.search(text, start, limit)
    role_end = stop.start() if stop else limit
    role = text[start:role_end]
    # 'in Tijuana, Mexico,': a place after a comma belongs to the role
    if stop and stop.group() == ",":
        m = _PLACE.match(text, role_end, limit)
        if m and all(w.lower() not in V.NOT_NAME or w in ("Arab",) for w in m.group(1).split()):
            role = text[start : m.end()]
    return clean_role(role)


def role_before(text: str, start: int, floor: int) -> str | None:
    """The role in 'the President of the General Assembly, NAME' (NAME starts at ``start``):
    the longest run of words before the comma that reads as a role ('Her view was shared by
    Ethiopia’s State Minister for Foreign Affairs, NAME' gives the minister)."""
    if start < 2 or text[start - 2 : start] != ", ":
        return None
    end = start - 2
    floor = max(floor, end - ROLE_CHARS)
    boundary = max(text.rfind(",", floor, end), text.rfind(";", floor, end), text.rfind(":", floor, end),
                   text.rfind("(", floor, end), floor - 1)
    chunk = text[boundary + 1 : end]
    for m in re.finditer(r"\S+", chunk):
        role = chunk[m.start() :].strip()
        if not (role[0].isupper() or role.lower().startswith(_DETERMINERS)):
            continue
        cleaned = clean_role(role)
        if cleaned:
            return cleaned
    return None


PURE_HONORIFICS = frozenset("mr ms mrs miss dr prof professor father sister brother sir madam".split())


def title_before(text: str, ws: list[Word], index: int) -> list[Word]:
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


def role_phrase_before(text: str, ws: list[Word], index: int) -> tuple[int, str] | None:
    """The role written right before the name at ws[index], ending with a title or a role
    noun: 'UN General Assembly President', 'German Chancellor', 'envoy', 'forum chair',
    'Government negotiator'. (start offset, words) or None."""
    j = index - 1
    taken: list[Word] = []
    while j >= 0 and len(taken) < 9 and text[ws[j].end : ws[j + 1].start] == " ":
        word = ws[j]
        low = word.bare.lower()
        of_the = low == "the" and j > 0 and ws[j - 1].text in ("of", "for") and taken  # 'Head of the ... Delegation'
        # 'Deputy Prime Minister and Foreign Minister': two titles joined
        joined = low == "and" and j > 0 and taken and taken[0].text[:1].isupper() and _is_title(ws[j - 1])
        if (low in V.NOT_IN_TITLE and not (of_the or joined)) or low in V.REPORTING or low in PURE_HONORIFICS or word.text.endswith("."):
            break
        if word.possessive:  # 'Ghana's chief negotiator': the owner begins the role
            taken.insert(0, word)
            break
        taken.insert(0, word)
        j -= 1
    while taken and taken[0].text[:1].islower() and len(taken) > 1 and taken[0].bare.lower() in ("of", "for"):
        taken.pop(0)
    if not taken:
        return None
    last = taken[-1].bare.lower()
    if last not in V.ROLE_HEADS and last not in V.TITLES:
        taken = _titled_complement(taken)
        if not taken:
            return None
        return taken[0].start, text[taken[0].start : taken[-1].end]
    # a capitalised role keeps its capitalised words; a lower-case one ('forum chair') at most two
    if taken[-1].text[:1].islower():
        taken = [w for w in taken[-2:] if w.text[:1].islower() or w.bare.lower() in V.ROLE_HEADS
                 or (w.bare.isupper() and len(w.bare) <= 5)]  # 'UN envoy', 'EU ambassador'
    return taken[0].start, text[taken[0].start : taken[-1].end]


def _is_title(word: Word) -> bool:
    low = word.bare.lower()
    return word.text[:1].isupper() and (low in V.TITLES or low in V.ROLE_HEADS)


def _titled_complement(taken: list[Word]) -> list[Word]:
    """'Under-Secretary-General for Political Affairs', 'UN Special Representative for
    International Migration', 'Head of the European Union Delegation': capitalised words ending
    with a title, 'for' or 'of' (and 'the'), then capitalised words up to the name. All of
    them, or [] when they do not read so."""
    for i, word in enumerate(taken[:-2]):
        if _is_title(word) and taken[i + 1].text in ("of", "for"):
            rest = taken[i + 2 :]
            if rest and rest[0].text == "the":
                rest = rest[1:]
            if rest and all(w.text[:1].isupper() for w in rest + taken[:i]):
                return taken
            return []
    return []


def gender_of(honorific: str | None) -> str | None:
    if not honorific:
        return None
    return V.HONORIFICS.get(honorific.lower().rstrip("."))


def honorific_form(word: str) -> str:
    """'Ms' or 'Ms.' -> 'Ms.'; 'Father' stays 'Father'."""
    return V.HONORIFIC_FORMS.get(word.lower().rstrip("."), word)


def surname_of(name: str) -> str:
    """The part of a name a later mention uses: the last word, or from a particle on ('Pieter
    van der Berg' -> 'van der Berg'); 'bin' and 'ibn' are not surname particles."""
    tokens = name.split()
    for k in range(1, len(tokens) - 1):
        if tokens[k].lower() in V.NAME_PARTICLES and tokens[k].lower() not in ("bin", "ibn"):
            return " ".join(tokens[k:])
    if len(tokens) > 1 and _ROMAN.match(tokens[-1]):
        return " ".join(tokens[-2:])
    return tokens[-1] if tokens else name


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", strip_accents(name).lower()).strip("-")


def ascii_spelling(name: str) -> str:
    return strip_accents(name)


_SPEECH_AFTER = re.compile(
    r"(?:, [a-z][^,“”\"]{0,160},| of (?:the )?[A-Z][\w’'-]*(?: [A-Z][\w’'-]*){0,4})?\s+(?:(?:" + "|".join(sorted(V.ADVERBS)) + r")\s+)*([a-z]+)\b"
)
_SPEECH_BEFORE = re.compile(r"\b([a-z]+)\s+$")
_PREPOSITIONS = frozenset("of in from to at on for with into by".split())


def speaks(text: str, start: int, end: int, floor: int, limit: int) -> bool:
    before = _SPEECH_BEFORE.search(text, max(floor, start - 30), start)
    if before and (before.group(1) in _PREPOSITIONS or before.group(1) == "the"):
        return False  # 'for the Sarvan Basin warned': a person's name takes no 'the'

    after = _SPEECH_AFTER.match(text, end, limit)
    if after and after.group(1) in V.REPORTING:
        return True
    before = _SPEECH_BEFORE.search(text, max(floor, start - 30), start)
    return bool(before and before.group(1) in V.REPORTING)


class Folded:
    """The text case- and accent-folded, with each folded character's place in the original,
    and an index of its words, so that finding every mention of a name costs the number of
    places its first two words stand together, not the length of the text."""

    def __init__(self, text: str) -> None:
        if text.isascii():
            self.text = text.lower()
            self.where = range(len(text) + 1)
        else:
            chars, where = [], []
            for index, ch in enumerate(text):
                for out in ch.lower() if ch.isascii() else fold(ch):
                    chars.append(out)
                    where.append(index)
            self.text = "".join(chars)
            self.where = where + [len(text)]
        self.words = [(m.start(), m.end()) for m in _FOLDED_WORD.finditer(self.text)]
        self.by_start: dict[tuple[str, ...], list[int]] = {}
        for k, (a, b) in enumerate(self.words):
            self.by_start.setdefault((self.text[a:b],), []).append(k)
            if k + 1 < len(self.words):
                c, d = self.words[k + 1]
                self.by_start.setdefault((self.text[a:b], self.text[b:c], self.text[c:d]), []).append(k)

    def find_all(self, needle: str) -> list[tuple[int, int]]:
        """Where ``needle`` stands as whole words: spans of the original text."""
        needle = " ".join(fold(needle).split())
        parts = re.split(r"(\w+)", needle)  # ['', word, separator, word, ..., '']
        if len(parts) < 3 or parts[0] or parts[-1]:
            return self._find_odd(needle)
        key = tuple(parts[1:4]) if len(parts) > 3 else (parts[1],)
        spans = []
        for k in self.by_start.get(key, []):
            end = k + (len(parts) - 1) // 2 - 1  # index of the needle's last word
            if end >= len(self.words):
                continue
            start_at, end_at = self.words[k][0], self.words[end][1]
            if self.text[start_at:end_at] == needle:
                spans.append((self.where[start_at], self.where[end_at - 1] + 1))
        return spans

    def _find_odd(self, needle: str) -> list[tuple[int, int]]:
        """A needle that does not begin and end with a word character (rare): plain search."""
        spans = []
        if not needle:
            return spans
        for m in re.finditer(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", self.text):
            spans.append((self.where[m.start()], self.where[m.end() - 1] + 1))
        return spans


_FOLDED_WORD = re.compile(r"\w+")
