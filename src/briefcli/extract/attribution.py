"""Who said a quoted passage: the reporting verb before or after it, and its subject.

The rules, in the order they are tried:

1. Right after the closing mark: SPEAKER [, appositive,] [adverb] VERB ("she said", "Mr.
   Lajčák said, noting ...") or VERB SPEAKER ("said Leila Haddad", "asked Ms. Montenegro").
2. "according to SPEAKER" anywhere in the sentence.
3. The last reporting verb before the opening mark, and that verb's subject: the mention just
   before it, once an appositive (", the Director of ...,"), a relative pronoun ("who") and
   adverbs are set aside. After "and" or for a participle ("stating", "adding") the subject is
   that of the verb before. A subject that is not a person ("the co-facilitators said") means no
   speaker: nothing further back is taken instead.

A SPEAKER is a name, an honorific and surname, a pronoun (already resolved to the nearest
fitting person, see :mod:`.people`) or "the" + a role noun ("the official", "the envoy"),
resolved to the person whose role it names or, for a generic noun, the person last named.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from ..text import fold
from . import vocabulary as V
from .people import Cast
from .spans import Spans

_WORD = re.compile(r"[^\W\d_]+(?:[-’'][^\W\d_]+)*")
_AUXILIARIES = frozenset("have has had is are was were will would did does do not then".split())
_BE = frozenset("is are was were be been being".split())
_ROLE_ADJECTIVES = frozenset("senior former un lead chief top special deputy".split())
_ROLE_OF = re.compile(
    r"\b[Tt]he((?:\s+[\w’'-]+){1,3})\s+(?:for|of|to|in|at|on)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3}$"
)
# ', which offered to host ...', ', who promised ...': a relative clause, at most this far back
RELATIVE_REACH = 200
_RELATIVE = re.compile(r",\s+(which|who)\s")
_ACCORDING = re.compile(r"\b[Aa]ccording to\s+")
_THE = re.compile(r"[Tt]he((?:\s+[\w’'-]+){1,4})")  # a role: 'the envoy', 'The UN special envoy'
# ' of Nigeria', ' of the United Kingdom' just before the verb; the words of the place are
# separated by white space, so no two ways to split them (no nested repetition to backtrack).
_OF_PLACE = re.compile(r"(?<!\s)\s+of\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3}\s*$")


def last_word(text: str, start: int, end: int) -> str:
    """The letters that end text[start:end] ('' if it does not end with a letter), found
    walking back, so that a very long word costs its length once."""
    at = end
    while at > start and text[at - 1].isalpha():
        at -= 1
    return text[at:end]


@dataclass
class Found:
    person: str | None  # Person.key, or None: the subject is not a person
    how: str  # a few words saying how, for the draft's comment
    start: int  # span of the attribution words
    end: int
    guessed: bool = False


class Attributor:
    def __init__(self, text: str, cast: Cast) -> None:
        self.text = text
        self.cast = cast
        self._verbs: tuple[Spans, list[int], list[re.Match]] | None = None
        self._holders: dict[str, list[int]] = {}  # role noun -> starts of its holders' mentions
        self.roles_named: list[tuple[str, int, str]] = []  # (person, where, 'UN envoy for the ...')

    # --- speakers ----------------------------------------------------------------------------

    def speaker_at(self, at: int) -> tuple[str | None, int, str, bool] | None:
        """A speaker expression starting at ``at``: (person, end, words, guessed)."""
        mention = self.cast.at(at)
        if mention is not None:
            return mention.person, mention.end, self._words(at, mention.end), mention.kind == "pronoun"
        m = _THE.match(self.text, at, at + 80)
        if m:
            offset = at + 3
            for word in _WORD.finditer(self.text, offset, m.end()):
                if self._head(word.group()):
                    person = self.role_person(word.group(), at)
                    return person, word.end(), self._words(at, word.end()), True
                if word.group()[:1].islower() and word.group().lower() not in _ROLE_ADJECTIVES:
                    break
        return None

    def speaker_ending_at(self, end: int) -> tuple[str | None, int, str, bool] | None:
        mention = self.cast.ending_at(end)
        if mention is not None:
            return mention.person, mention.start, self._words(mention.start, end), mention.kind == "pronoun"
        m = re.search(r"\b[Tt]he((?:\s+[\w’'-]+){1,4})$", self.text[max(0, end - 80) : end])
        if m:
            head = m.group(1).split()[-1]
            start = end - len(m.group())
            if self._head(head):
                return self.role_person(head, start), start, self._words(start, end), True
        m = _ROLE_OF.search(self.text, max(0, end - 120), end)  # 'the UN envoy for the Lake Region'
        if m and self._head(m.group(1).split()[-1]):
            start = m.start()
            person = self.role_person(m.group(1).split()[-1], start)
            if person is not None:
                self.roles_named.append((person, start, self._words(start + 4, end)))
            return person, start, self._words(start, end), True
        return None

    @staticmethod
    def _head(word: str) -> bool:
        low = word.lower()
        return low in V.ROLE_HEADS or low in V.GENERIC_PERSON_NOUNS

    def role_person(self, noun: str, before: int) -> str | None:
        """'the official': the person whose role names it, else the person last named."""
        noun = fold(noun)
        if noun not in self._holders:
            pattern = re.compile(r"\b" + re.escape(noun) + r"\b")
            holders = {p.key for p in self.cast.people.values() if any(pattern.search(fold(r)) for r in p.roles)}
            self._holders[noun] = [
                i for i, m in enumerate(self.cast.mentions) if m.person in holders and m.kind != "pronoun"
            ]
        held = self._holders[noun]
        k = bisect_left(held, before, key=lambda i: self.cast.mentions[i].start)
        if k > 0:
            return self.cast.mentions[held[k - 1]].person
        later = {self.cast.mentions[i].person for i in held}
        if len(later) == 1:  # 'The UN envoy said ...', and the envoy is named further on
            return later.pop()
        if noun in V.GENERIC_PERSON_NOUNS or not held:
            last = self.cast.last_named_before(before)
            if last is not None:
                return last.person
            if not held:  # a lede's 'The UN envoy ... said', the name given further on
                following = self.cast.first_named_after(before)
                return following.person if following else None
        return None

    def _words(self, start: int, end: int) -> str:
        return " ".join(self.text[start:end].split())

    # --- rules -------------------------------------------------------------------------------

    def _word_at(self, at: int, limit: int) -> re.Match | None:
        while at < limit and self.text[at] in " \t\n":
            at += 1
        return _WORD.match(self.text, at, limit)

    def after(self, end: int, limit: int) -> tuple[Found, int] | None:
        """Rule 1, from just after a closing mark; also returns where the attribution ends."""
        at = end
        while at < limit and self.text[at] in " ,\t\n":
            at += 1
        speaker = self.speaker_at(at)
        if speaker is not None:
            person, j, words, guessed = speaker
            m = re.match(r", [a-z][^,“”\"]{0,160},", self.text[j:limit])
            if m:
                j += m.end()
            word = self._word_at(j, limit)
            while word and word.group().lower() in V.ADVERBS:
                word = self._word_at(word.end(), limit)
            if word and word.group() in V.REPORTING:
                return Found(person, f"{words} {word.group()}", at, word.end(), guessed), word.end()
            return None
        word = self._word_at(at, limit)
        if word and word.group() in V.REPORTING:
            j = word.end()
            while j < limit and self.text[j] == " ":
                j += 1
            speaker = self.speaker_at(j)
            if speaker is not None:
                person, k, words, guessed = speaker
                # 'said Jean-Baptiste Mbeki, Mayor of ...': the speaker's appositive is part of
                # the attribution
                tail = re.match(r",\s+([^“”\"\n]*?)(?=[.;]\s|[.;]?$)", self.text[k:limit])
                if tail and not (set(tail.group(1).lower().split()) & (V.REPORTING | {"that", "which"})):
                    k += tail.end()
                return Found(person, f"{word.group()} {words}", at, k, guessed), k
        according = self.according(at, min(limit, at + 20))
        if according is not None:
            return according, according.end
        return None

    def according(self, start: int, end: int) -> Found | None:
        """Rule 2: 'according to SPEAKER' within text[start:end]."""
        for m in _ACCORDING.finditer(self.text, start, end):
            speaker = self.speaker_at(m.end())
            if speaker is not None and speaker[0] is not None:
                person, k, words, guessed = speaker
                return Found(person, f"according to {words}", m.start(), k, guessed)
        return None

    def before(self, start: int, limit: int, skip: Spans) -> Found | None:
        """Rule 3: the last reporting verb in text[start:limit] and its subject, unless a
        relative clause opens between them and the quote ('thanked the Swiss government,
        which offered to host the meeting “...”': the quote is the clause's, see
        :meth:`relative`)."""
        verbs = self.verbs(start, limit, skip)
        if not verbs:
            return self.relative(start, limit, skip)
        verb = verbs[-1]
        return self.relative(verb.end(), limit, skip) or self.subject(verb, start, skip)

    def relative(self, start: int, limit: int, skip: Spans) -> Found | None:
        """A relative clause still open where a quote begins (text[start:limit] holds ', which'
        or ', who' and no comma after it): its subject is the quote's speaker, a person for
        'who' (the mention before the comma), nobody for 'which'."""
        comma = self.text.rfind(",", max(start, limit - RELATIVE_REACH), limit)  # the clause's, if any
        m = _RELATIVE.match(self.text, comma, limit) if comma >= 0 else None
        if m is None or skip.covers(m.start()):
            return None
        pronoun = m.group(1).lower()
        if pronoun == "who":
            speaker = self.speaker_ending_at(m.start())
            if speaker is not None and speaker[0] is not None:
                person, s_start, words, guessed = speaker
                return Found(person, f"{words}, who ...", s_start, m.end(), True)
        return Found(None, f"'{pronoun} ...': the quote belongs to a relative clause whose subject is not a person",
                     m.start(), m.end())

    def verbs(self, start: int, limit: int, skip: Spans) -> list[re.Match]:
        """The reporting verbs in text[start:limit], outside ``skip``; found once for the
        whole text, so that asking for each quote costs a binary search."""
        if self._verbs is None or self._verbs[0] is not skip:
            found = []
            for m in _WORD.finditer(self.text):
                if m.group() not in V.REPORTING or skip.covers(m.start()):
                    continue
                previous = self.text[max(0, m.start() - 30) : m.start()].split()[-3:]
                if any(w.lower() in _BE for w in previous) or (previous and previous[-1].lower() == "so-"):
                    continue  # passive: 'were described as', 'is called'
                found.append(m)
            self._verbs = (skip, [m.start() for m in found], found)
        _, starts, found = self._verbs
        return found[bisect_left(starts, start) : bisect_left(starts, limit)]

    def subject(self, verb: re.Match, floor: int, skip: Spans, depth: int = 0) -> Found:
        """The subject of ``verb``, looking back no further than ``floor``."""
        how = verb.group()
        if how.endswith("ing"):  # 'stating', 'adding': the subject of the verb before
            found = self._earlier(verb, floor, skip, depth, verb.start())
            if found is not None:
                return found
        end = verb.start()
        timed = False
        for _ in range(12):
            while end > floor and self.text[end - 1].isspace():
                end -= 1
            word = last_word(self.text, floor, end)
            low = word.lower()
            if word and (low in V.ADVERBS or low in _AUXILIARIES or low in V.TIME_WORDS):
                end -= len(word)
                timed = low in V.TIME_WORDS
                continue
            if timed and low == "on":  # 'Mr. Roe on Tuesday said'
                end -= 2
                timed = False
                continue
            speaker = self.speaker_ending_at(end)
            if speaker is None and end > floor and self.text[end - 1] == ",":
                speaker = self.speaker_ending_at(end - 1)
            if speaker is not None:
                person, s_start, words, guessed = speaker
                return Found(person, f"{words} {how}", s_start, verb.end(), guessed)
            if end > floor and self.text[end - 1] == ",":
                # an appositive or a relative clause between the subject and its verb, which
                # may hold commas of its own ('in Tijuana, Mexico, who')
                found = self._before_appositive(end - 1, floor, skip, how, verb)
                if found is not None:
                    return found
                break
            place = _OF_PLACE.search(self.text, max(floor, end - 200), end)
            if place is not None:  # 'Ambassador Samuel Okonjo of Nigeria said'
                end = place.start()
                continue
            if low == "who":
                end -= 3
                continue
            if low in ("and", "but", "or"):
                found = self._earlier(verb, floor, skip, depth, end)
                if found is not None:
                    return found
            break
        return Found(None, f"{how}: its subject is not a person", verb.start(), verb.end())

    def _before_appositive(self, end: int, floor: int, skip, how: str, verb) -> Found | None:
        """The mention just before one of the commas that open the clause ending at ``end``."""
        at = end
        while True:
            at = self.text.rfind(",", floor, at)
            if at < 0 or skip.any_within(at, end) or len(self.text[at:end].split()) > 30:
                return None
            if skip.covers(at):
                continue
            speaker = self.speaker_ending_at(at)
            if speaker is not None:
                person, s_start, words, guessed = speaker
                return Found(person, f"{words} {how}", s_start, verb.end(), guessed)

    def _earlier(self, verb: re.Match, floor: int, skip, depth: int, before: int) -> Found | None:
        earlier = [v for v in self.verbs(floor, before, skip) if v.start() < verb.start()]
        if earlier and depth < 4:
            found = self.subject(earlier[-1], floor, skip, depth + 1)
            if found.person is not None:
                found.how = f"{found.how} ... {verb.group()}"
                found.end = verb.end()
                return found
        main = self.main_subject(floor, verb.start())
        if main is not None:
            person, s_start, words, guessed = main
            return Found(person, f"{words} ... {verb.group()}", s_start, verb.end(), True)
        return None

    def at_end(self, start: int, end: int, skip: Spans) -> Found | None:
        """Rule 4: an attribution closing the sentence after its last quotation ('..., the
        envoy told the Council.', '..., he added.'): a reporting verb after a comma, its
        subject a person, and nothing after it but a few words."""
        comma = self.text.find(",", start, end)
        if comma < 0:
            return None
        verbs = self.verbs(comma, end, skip)
        if not verbs:
            return None
        verb = verbs[0]
        rest = self.text[verb.end() : end]
        if len(rest.split()) > 12 or re.search(r"\bthat\b|[“”\"]", rest):
            return None
        found = self.subject(verb, comma + 1, skip)
        if found.person is None:
            return None
        found.how = f"{found.how} (at the end of the sentence)"
        return found

    def main_subject(self, start: int, end: int):
        """The first mention in a subject's place in text[start:end]."""
        mention = self.cast.first_subject(start, end)
        if mention is not None:
            return mention.person, mention.start, self._words(mention.start, mention.end), False
        return None
