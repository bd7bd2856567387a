"""Next steps: sentences that announce what comes next, with a date still ahead.

A sentence qualifies when it says so ("expected to", "will be held", "is scheduled", "the next
step", "would") and holds a date that is not wholly before the article's date. Each such date
makes one step; what the step is comes from the words before the date (the noun phrase that is
expected, scheduled or held), and is always marked as guessed. Quoted words are not steps.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..text import fold
from .dates import FoundDate

_CUE = re.compile(
    r"\b(?:will|shall|would|expected|scheduled|due|set to|slated|planned|plans to|next step|"
    r"upcoming|forthcoming|is to|are to|opens|begins|starts|closes|resumes?|convenes|reconvenes?|next session|"
    r"next round|enters into force|agreed to|intends? to)\b",
    re.IGNORECASE,
)
_NEXT_STEP = re.compile(r"\bnext step\b", re.IGNORECASE)
_NEXT_STEP_VERB = re.compile(r"\b(?:is|will be|would be)\s+", re.IGNORECASE)
_LEAD = re.compile(r"^[\s,;(]*(?:(?:and|then|with|while|followed by|after which|before)\s+)*", re.IGNORECASE)
_CUE_TAIL = re.compile(  # the lookbehind: a run of spaces is tried once, from its start
    r"(?<![\s,(])[\s,(]*(?:(?:which|that|who)\s+)?(?:(?:is|are|was|were|will|would|shall)\s+(?:be\s+)?)?"
    r"(?:formally\s+|also\s+)?"
    r"(?:expected|scheduled|due|set|slated|planned|held|take place|taking place|presented|"
    r"released|published|issued|adopted|endorsed|open|opened|begin|start|meet|convene)\b.*$",
    re.IGNORECASE | re.DOTALL,
)
_VERBISH = frozenset(
    """
    is are was were be been will would shall said says told has have had did does do that which
    who may might can could should must
    """.split()
)
_STEP_NOUNS = frozenset(
    """
    round rounds session sessions meeting meetings conference summit forum report vote review
    reviews talks draft negotiations consultations hearing adoption launch deadline text
    declaration compact revision debate dialogue workshop visit election mission plan
    """.split()
)
_TRAILING = frozenset("in on at by for from until during to of the a an and".split())


@dataclass
class Step:
    what: str
    when: FoundDate
    status: str  # 'expected' or 'scheduled'
    sentence: tuple[int, int]  # plain span of the sentence, for places and review


def _tokens(text: str) -> list[str]:
    return re.findall(r"[^\s]+", text)


_BOUNDARY = frozenset("by before after until with from followed including and or but as than while during into through".split())
_DETERMINER = frozenset("the a an its their his her our this these".split())


def _noun_phrase(segment: str) -> str | None:
    """The last noun phrase of ``segment`` that names a step: 'the sixth round of negotiations'."""
    tokens = _tokens(segment)
    while tokens and tokens[-1].lower().strip(",") in _TRAILING:
        tokens.pop()
    phrase: list[str] = []
    for token in reversed(tokens):
        bare = token.strip(",.;:()").lower()
        if token.endswith((",", "(", ";", ":")) or bare in _VERBISH or bare in _BOUNDARY:
            break
        phrase.insert(0, token)
        if token.startswith("("):
            break
        if bare in _DETERMINER:
            index = len(tokens) - len(phrase) - 1
            if index < 0 or tokens[index].lower() not in ("of", "on", "for"):
                break
    words = [w.strip(",.;:()").lower() for w in phrase]
    if not any(w in _STEP_NOUNS for w in words):
        return None
    return " ".join(phrase).strip(" ,;:()")


_BY = re.compile(r"\b(?:preceded|followed|accompanied|succeeded) by\s+(.+)$", re.IGNORECASE)
_RELATIVE = re.compile(r",\s*(?:which|who)\b[^,]*,")
_HAPPENING = frozenset(
    """
    held hold take taking place open opens opened begin begins start starts convene convenes
    meet meets released published issued scheduled due conclude concludes end ends close
    closes finish run
    """.split()
)


_NOT_ACTION = frozenset("be is are will would which that who formally also".split())


def _after_next_step(segment: str) -> str:
    """'The next step is the vote in May' -> 'the vote in May'."""
    step = _NEXT_STEP.search(segment)
    verb = _NEXT_STEP_VERB.search(segment, step.end()) if step else None
    return segment[verb.end() :] if verb else segment


def what_of(segment: str) -> str:
    """What a step is, from the words of its sentence before its date: the noun phrase that
    is held, opens or is released ('the sixth round of negotiations'), else the clause that
    says what is expected ('The General Assembly is expected to endorse the compact')."""
    segment = " ".join(segment.split())
    segment = _after_next_step(segment)
    by = _BY.search(segment)
    if by:
        phrase = re.split(r"\s+(?:with|which|that|who)\s+|\s*[,(]", by.group(1))[0]
        return _capital(phrase.strip())
    segment = _LEAD.sub("", segment)
    cue = None
    for candidate in (segment, _RELATIVE.sub("", segment)):
        cue = _CUE_TAIL.search(candidate)
        if cue:
            verbs = re.findall(r"[a-z]+", cue.group().lower())
            after_to = verbs[verbs.index("to") + 1 :] if "to" in verbs else verbs
            action = next((v for v in after_to if v not in _NOT_ACTION), "")
            phrase = _noun_phrase(candidate[: cue.start()])
            # 'expected to' with no verb left: the date phrase itself says what happens
            if phrase and (not action or action in _HAPPENING or "scheduled" in verbs):
                return _capital(phrase)
        else:
            phrase = _noun_phrase(candidate)
            if phrase:
                return _capital(phrase)
    cue = _CUE_TAIL.search(segment)
    tokens = _tokens(segment)
    while tokens and tokens[-1].lower().strip(",") in _TRAILING:
        tokens.pop()
    clause = " ".join(tokens).strip(" ,;:(")
    if len(tokens) > 25 and cue:
        comma = segment.rfind(",", 0, cue.start())
        clause = segment[comma + 1 :].strip() if comma >= 0 else clause
        clause = " ".join(clause.split()).rstrip(" ,")
        while clause.split() and clause.split()[-1].lower() in _TRAILING:
            clause = clause.rsplit(" ", 1)[0]
    # '..., said ... “...”, and that the parties had agreed to reconvene': after a quotation,
    # the last 'and that' opens the step; the reporting before it is not the step
    reported = clause.rfind(" and that ")
    if reported > 0 and re.search(r"[“”\"]", clause[:reported]):
        clause = clause[reported + len(" and that ") :]
    return _capital(clause)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def find(text: str, sentences: list[tuple[int, int]], dates: dict[int, list[FoundDate]], ref: date) -> list[Step]:
    """Steps in the sentences; ``dates`` maps a sentence index to the dates found in it
    (outside quotations)."""
    steps: list[Step] = []
    for index, (start, end) in enumerate(sentences):
        sentence = text[start:end]
        if not _CUE.search(sentence):
            continue
        previous_end = start
        for found in dates.get(index, []):
            ahead = found.latest is None or found.latest > ref
            if not found.future and found.earliest is not None and found.earliest <= ref:
                ahead = False  # 'toured the roads this week, said ...': begun, and told in the past
            if not ahead:
                continue
            segment = text[previous_end : found.start]
            previous_end = found.end
            precise = found.earliest and found.latest and (found.latest - found.earliest).days < 7
            status = "scheduled" if precise and re.search(r"\bscheduled\b", segment) else "expected"
            what = what_of(segment) or _capital(" ".join(sentence.split()).strip(" ,;:()")) or found.wording
            steps.append(Step(what[:300], found, status, (start, end)))
    return _without_repeats(steps)


_NOT_CONTENT = frozenset("the a an of on in to for and its their be expected due scheduled set planned".split()) | _VERBISH


def _content(words: str) -> set[str]:
    """The words that say what a step is ('will' and 'be' say nothing of it)."""
    return {w for w in re.findall(r"\w+", fold(words)) if w not in _NOT_CONTENT}


def _within(inner: FoundDate, outer: FoundDate) -> bool:
    lo_in, hi_in = inner.earliest, inner.latest
    lo_out, hi_out = outer.earliest, outer.latest
    return (lo_out is None or (lo_in is not None and lo_in >= lo_out)) and (
        hi_out is None or (hi_in is not None and hi_in <= hi_out)
    )


REPEAT_REACH = 32  # per word: how many earlier steps holding it a step is compared with


def _without_repeats(steps: list[Step]) -> list[Step]:
    """One step per thing: 'the second round in March' and 'the second round ... from 12 to 16
    March' are the same step; the more precise date stays. A step is compared only with the
    earlier ones sharing a word of what it is (the last few per word), so that an article
    repeating one phrase thousands of times costs its length, not its square."""
    kept: list[Step] = []
    words: list[set[str]] = []
    holding: dict[str, list[int]] = {}  # content word -> indices in kept
    for step in steps:
        mine = _content(step.what)
        candidates = sorted({i for w in mine for i in holding.get(w, [])[-REPEAT_REACH:]})
        same = next(
            (
                i for i in candidates
                if len(mine & words[i]) >= 2
                and (_within(step.when, kept[i].when) or _within(kept[i].when, step.when))
            ),
            None,
        )
        if same is None:
            for w in mine:
                holding.setdefault(w, []).append(len(kept))
            kept.append(step)
            words.append(mine)
        elif _within(step.when, kept[same].when):
            kept[same] = step
    return kept
