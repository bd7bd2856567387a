"""Quotes: passages in quotation marks, joined where their attribution splits them, classed
direct or partial, attributed to a speaker, or left out as titles and scare quotes.

* Joined: “The hard work,” she said, “starts now ...” is one quote of two parts, and so is
  “This is not a text written in a vacuum,” Ms. Marković said. “Every objective ...”: the
  second passage follows the attribution of the first with nothing else between them.
* Left out: a passage labelled rather than quoted (after "so-called", "titled", "known as",
  "were described as"), and a short passage with no speaker (a name in quotation marks, a
  scare quote).
* Partial: the quoted words are part of the reporter's sentence (they begin in lower case, or
  follow "that", "the", "as", "of" ...). Direct: they stand as a sentence of their own.
* A passage that is a sentence on its own with no attribution continues the previous
  quote's speaker, or takes the subject of the sentence before it when that ends with a colon.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..text import fold
from . import vocabulary as V
from .attribution import Attributor, Found, last_word
from .marks import Part, Passage
from .people import Cast
from .sentences import Sentence
from .spans import Spans

_LABEL = re.compile(
    r"(?:so-called|so called|(?:en)?titled|named|dubbed|nicknamed|known(?:\s+\w+ly)?\s+as|"
    r"(?:is|are|was|were|be|been|being)\s+(?:[a-z]+\s+){0,2}"
    r"(?:called|described|termed|labell?ed|referred\s+to|branded)(?:\s+as)?)"
    r"\s*(?:the\s+|a\s+|an\s+)?$",
    re.IGNORECASE,
)
# A word one of _LABEL's phrases needs (checked first: cheaper than the phrases themselves).
_LABEL_CUES = frozenset("called titled entitled named dubbed nicknamed known described termed labelled labeled "
                        "referred branded".split())
_LETTERS = re.compile(r"[a-z]+")
_INTEGRATING = frozenset(
    """
    the a an that of as to for by on in with from at its their his her our was were is are be
    been remain remains remained which what how than and or into about called described
    """.split()
)
# What may follow an attribution before the quote goes on: an object or an adverbial ('told
# the General Assembly', 'said on Wednesday'), then a stop or a comma.
_AFTER_ATTRIBUTION = re.compile(r"^[^“”\"\n]*[,.:;]\s*$|^\s*$")
_CLAUSE_WORDS = frozenset("that which who because although while but".split())
SHORT = 6  # words: a passage this short with no speaker is a name or a scare quote


@dataclass
class Quote:
    parts: list[Part]
    kind: str
    speaker: str | None  # Person.key
    how: str
    sentence: int
    guessed: list[str] = field(default_factory=list)
    attribution: tuple[int, int] | None = None


@dataclass
class LeftOut:
    start: int
    end: int
    why: str


_WORDS = re.compile(r"[^\W_]+(?:[-’'][^\W_]+)*")
_ANY_WORD = re.compile(r"\w")


def _words(text: str) -> list[str]:
    return _WORDS.findall(text)


def _title_case(text: str) -> bool:
    words = [w for w in _words(text) if w.lower() not in ("of", "for", "the", "and", "a", "an", "in", "on", "to")]
    return bool(words) and sum(w[:1].isupper() or w[:1].isdigit() for w in words) / len(words) >= 0.6


def find(text: str, passages: list[Passage], sentences: list[Sentence], cast: Cast) -> tuple[list[Quote], list[LeftOut]]:
    """The quotes of an article and the quoted passages left out."""
    return _Reader(text, passages, sentences, cast).read()


class _Reader:
    def __init__(self, text: str, passages: list[Passage], sentences: list[Sentence], cast: Cast) -> None:
        self.text, self.passages, self.sentences = text, passages, sentences
        self.where = {index: s_index for s_index, s in enumerate(sentences) for index in s.passages}
        self.skip = Spans((p.start, p.end) for p in passages)
        self.who = Attributor(text, cast)
        self.labelled: dict[int, str] = {}
        self.after: dict[int, tuple[Found, int]] = {}  # attributions right after a passage
        self.quotes: list[Quote] = []
        self.according: dict[int, Found | None] = {}  # per sentence
        self.unquoted: dict[int, bool] = {}  # per sentence: words outside its quotations

    def read(self) -> tuple[list[Quote], list[LeftOut]]:
        text, passages = self.text, self.passages
        for index, passage in enumerate(passages):
            if index not in self.where:
                continue
            sentence = self.sentences[self.where[index]]
            window = text[max(sentence.start, passage.start - 60) : passage.start]
            m = _LABEL.search(window) if _LABEL_CUES & set(_LETTERS.findall(window.lower())) else None
            if m:
                self.labelled[index] = f"labelled, not quoted ('{' '.join(m.group().split())}')"
                continue
            nxt = passages[index + 1].start if index + 1 < len(passages) else len(text)
            found = self.who.after(passage.end, min(sentence.end, nxt))
            if found is not None:
                self.after[index] = found

        groups: list[list[int]] = []
        for index in sorted(self.where):
            if index in self.labelled:
                continue
            if groups and groups[-1][-1] == index - 1 and self._splits(index - 1, index):
                groups[-1].append(index)
            else:
                groups.append([index])

        left_out = [
            LeftOut(passages[i].parts[0].start, passages[i].parts[-1].end, why) for i, why in self.labelled.items()
        ]
        for group in groups:
            parts = [p for i in group for p in passages[i].parts if _ANY_WORD.search(text, p.start, p.end)]
            if not parts:
                continue
            found, guessed = self._speaker(group[0])
            words = _words(" ".join(text[p.start : p.end] for p in parts))
            clause = full_clause(words)
            if (found is None or found.person is None) and (
                (len(words) <= SHORT and not clause) or (_title_case(" ".join(words)) and len(words) <= 12)
            ):
                why = f"no speaker ({found.how})" if found else "no speaker: a short name or a scare quote"
                left_out.append(LeftOut(parts[0].start, parts[-1].end, why))
                continue
            s_index = self.where[group[0]]
            self.quotes.append(
                Quote(
                    parts,
                    _kind(text, passages[group[0]], self.sentences[s_index], group[0] in self.after),
                    found.person if found else None,
                    found.how if found else "no attribution found",
                    s_index,
                    guessed,
                    (found.start, found.end) if found else None,
                )
            )
        left_out.sort(key=lambda item: item.start)
        for key, at, role in self.who.roles_named:
            # a role named before the person is ('The UN envoy for ... said'): the person's first
            person = self.who.cast.people[key]
            if at < person.first and fold(role) not in {fold(r) for r in person.roles}:
                person.roles.insert(0, role)
        return self.quotes, left_out

    def _splits(self, a: int, b: int) -> bool:
        """Whether passages a and b are one quote split by a's attribution."""
        if a not in self.after or b in self.after:
            return False
        found, attribution_end = self.after[a]
        between = self.text[self.passages[a].end : self.passages[b].start]
        if "\n" in between or found.person is None:
            return False
        rest = self.text[attribution_end : self.passages[b].start]
        words = rest.lower().split()
        return (
            bool(_AFTER_ATTRIBUTION.match(rest))
            and len(words) <= 8
            and not {w.strip(",.;:") for w in words} & (V.REPORTING | _CLAUSE_WORDS)
        )

    def _speaker(self, index: int) -> tuple[Found | None, list[str]]:
        """Who said the passage at ``index``, and the guesses made to find out."""
        text, who, skip = self.text, self.who, self.skip
        passage = self.passages[index]
        s_index = self.where[index]
        sentence = self.sentences[s_index]
        if index in self.after:
            found = self.after[index][0]
            return found, _notes(found)
        if s_index not in self.according:
            self.according[s_index] = who.according(sentence.start, sentence.end)
        found = self.according[s_index]
        if found is not None and not skip.covers(found.start):
            return found, _notes(found)
        found = who.before(sentence.start, passage.start, skip)
        if found is not None and found.person is not None:
            return found, _notes(found)
        last_quote = self.passages[sentence.passages[-1]]
        closing = who.at_end(last_quote.end, sentence.end, skip)
        if closing is not None:
            return closing, _notes(closing)
        if found is not None:
            return found, _notes(found)
        doer = self._doer(sentence, passage)
        if doer is not None:
            return doer, _notes(doer)
        # no attribution in the sentence: a colon before it, or the previous quote's speaker
        if s_index > 0:
            previous = self.sentences[s_index - 1]
            if text[previous.start : previous.end].rstrip().endswith(":"):
                found = who.before(previous.start, previous.end, skip)
                if found is None or found.person is None:
                    main = who.main_subject(previous.start, previous.end)
                    if main is not None:
                        found = Found(main[0], f"{main[2]} ...:", main[1], main[1], True)
                if found is not None and found.person is not None:
                    return found, _notes(found) + ["speaker: the subject of the sentence that introduces it"]
        if s_index not in self.unquoted:
            spans = [(self.passages[i].start, self.passages[i].end) for i in sentence.passages]
            rest = "".join(text[a:b] for a, b in _outside(sentence.start, sentence.end, spans))
            self.unquoted[s_index] = bool(_ANY_WORD.search(rest))
        if self.quotes and not self.unquoted[s_index]:
            last = self.quotes[-1]
            near = sentence.paragraph - self.sentences[last.sentence].paragraph <= 1
            if near and last.speaker is not None:
                found = Found(last.speaker, "continues the previous quote's speaker", passage.start, passage.start, True)
                return found, ["speaker: continues the previous quote, which has the same speaker"]
        return None, []


    def _doer(self, sentence: Sentence, passage: Passage) -> Found | None:
        """A sentence with no speech verb ('Minister Roe travelled to the border and offered
        to mediate “if both sides ask for it.”'): the quote goes to the person who opens the
        sentence, its subject, when the quoted words are a clause of their own; a guess."""
        if not full_clause(_words(self.text[passage.start : passage.end])):
            return None
        at = sentence.start
        while at < passage.start and not self.text[at].isalnum():
            at += 1
        mention = self.who.cast.at(at)
        if mention is None or mention.person is None or mention.kind == "pronoun" or mention.end > passage.start:
            return None
        words = " ".join(self.text[mention.start : mention.end].split())
        return Found(mention.person, f"{words} ... (no speech verb: the sentence's subject)",
                     mention.start, mention.end, True)


_FINITE = frozenset(
    """
    is are was were be will would can could should must may might has have had do does did
    need needs needed take takes took want wants remain remains stays stay cost costs
    """.split()
)


_SUBORDINATE = re.compile(r"(?:if|unless|until|once|when|whenever|because|so that|as (?:soon|long) as|for as long as) ", re.IGNORECASE)


def full_clause(words: list[str]) -> bool:
    """Whether quoted words hold a clause of their own ('if that is what is needed', 'until
    the gap is closed'), not a phrase ('as a sign of good faith'): three words or more, opened
    by a conjunction such as 'if' or holding a finite verb."""
    return len(words) >= 3 and (
        bool(_SUBORDINATE.match(" ".join(words[:4]) + " ")) or any(w.lower() in _FINITE for w in words)
    )


def _outside(start: int, end: int, spans: list[tuple[int, int]]):
    at = start
    for a, b in sorted(spans):
        if a > at:
            yield at, min(a, end)
        at = max(at, b)
    if at < end:
        yield at, end


def _notes(found: Found) -> list[str]:
    return [f"speaker: {found.how}"] if found.guessed else []


def _kind(text: str, passage: Passage, sentence: Sentence, attributed_after: bool) -> str:
    part = passage.parts[0]
    words = text[part.start : part.end]
    letter = next((c for c in words if c.isalpha()), "")
    if letter.islower():
        return "partial"
    before = text[sentence.start : passage.start].rstrip()
    if before and before[-1].isalpha() and last_word(before, 0, len(before)).lower() in _INTEGRATING:
        return "partial"
    last_part = passage.parts[-1]
    ending = text[last_part.end - 1] if last_part.end > last_part.start else ""
    if not attributed_after and ending not in ".!?,;:…":
        following = re.match(r"\s*([^\W\d_]+)", text[passage.end : sentence.end])
        if following and following.group(1)[:1].islower():
            return "partial"
    return "direct"
