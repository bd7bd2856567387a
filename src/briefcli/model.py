"""The dataset's records, as pydantic models.

The models validate what a person wrote in YAML and define the JSON Schema that editors use.
They know nothing of files or terminals. Once validated, a dataset is turned into plain
dictionaries (:func:`Dataset.plain`), which is what queries, renderers and the cache work with, so
that a command answering from the cache never has to import pydantic.

Scalars reach the models as the text the author wrote (the loader does not let YAML guess
types), and each field decides what it accepts: a date field parses dates, a list of strings
keeps ``NO`` and ``1.10`` as text.
"""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

from . import fuzzydate
from .fuzzydate import FuzzyDate, FuzzyDateError
from .terms import ID_MAX_LENGTH, ID_PATTERN, QUOTE_KINDS

Id = Annotated[
    str,
    Field(
        pattern=ID_PATTERN,
        max_length=ID_MAX_LENGTH,
        description="Lower-case identifier: letters, digits, '.', '_' and '-'.",
    ),
]
Text = Annotated[str, Field(min_length=1, max_length=100_000)]
ShortText = Annotated[str, Field(min_length=1, max_length=1_000)]


def _to_fuzzy(value: Any) -> FuzzyDate:
    if isinstance(value, FuzzyDate):
        return value
    if isinstance(value, date):
        value = value.isoformat()
    try:
        if isinstance(value, str):
            return fuzzydate.parse(value)
        if isinstance(value, dict):
            unknown = set(value) - {"text", "date"}
            if unknown:
                raise PydanticCustomError(
                    "fuzzy_date", "unknown field '{field}' in a date", {"field": sorted(unknown)[0]}
                )
            text, machine = value.get("text"), value.get("date")
            if not isinstance(text, str) or not isinstance(machine, str):
                raise PydanticCustomError(
                    "fuzzy_date", "a date written as a mapping needs 'text' and 'date'"
                )
            return fuzzydate.parse(machine, wording=" ".join(text.split()))
    except FuzzyDateError as exc:
        raise PydanticCustomError("fuzzy_date", "{reason}", {"reason": str(exc)}) from None
    raise PydanticCustomError(
        "fuzzy_date", "a date must be text such as 2018-02 or 'end of 2018', or {text, date}"
    )


_FUZZY_SCHEMA = {
    "description": (
        "A date as the source worded it. Either text: an ISO day, month or year (2017-12-06, "
        "2018-02, 2018), an interval (2018-02/2018-07, ../2018-01-10), or a phrase such as "
        "'before mid-January 2018', 'end of 2018', 'February to July 2018'; or a mapping whose "
        "'text' is the source's wording and whose 'date' is one of those forms."
    ),
    "anyOf": [
        {"type": "string", "minLength": 1},
        {
            "type": "object",
            "properties": {
                "text": {"type": "string", "minLength": 1},
                "date": {"type": "string", "minLength": 1},
            },
            "required": ["text", "date"],
            "additionalProperties": False,
        },
    ],
}

When = Annotated[
    FuzzyDate,
    PlainValidator(_to_fuzzy),
    PlainSerializer(lambda d: d.as_dict(), return_type=dict),
    WithJsonSchema(_FUZZY_SCHEMA),
]


def _empty() -> list:
    """A new empty list: a field's default. (pydantic reads a default factory's signature; the
    builtin ``list``'s is parsed from text, which costs a model import about 10 ms.)"""
    return []


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, hide_input_in_errors=True)


class DatasetInfo(Record):
    title: ShortText
    process: ShortText = Field(description="The process the dataset follows.")
    as_of: date | None = Field(
        None,
        description="The day the dataset is current to (YYYY-MM-DD); default: the last day its "
        "latest source may have been published.",
    )
    summary: Text


class Source(Record):
    id: Id
    title: ShortText
    publisher: ShortText
    published: When
    url: ShortText | None = None
    text: ShortText | None = Field(
        None, description="Path to the source's text, relative to the dataset file."
    )
    summary: Text | None = Field(
        None, description="The process in brief as it stood once this source was published."
    )


class Organization(Record):
    id: Id
    name: ShortText
    short_name: ShortText | None = None
    part_of: Id | None = Field(None, description="The id of a larger organization.")


class Place(Record):
    id: Id
    name: ShortText
    kind: Annotated[str, Field(pattern=r"^(city|country|region|venue|other)$")] = "other"
    country: Id | None = Field(None, description="The id of the place that is its country.")


class Topic(Record):
    id: Id
    name: ShortText


class Role(Record):
    title: ShortText
    organization: Id | None = None
    start: When | None = None
    end: When | None = None
    source: Id | None = Field(
        None, description="The source that states the role; default: the person record's source."
    )


class Person(Record):
    id: Id
    name: ShortText
    honorific: ShortText | None = None
    spellings: list[ShortText] = Field(
        default_factory=_empty, description="Other spellings of the name, an ASCII one among them."
    )
    roles: list[Role] = Field(default_factory=_empty)
    country: Id | None = Field(None, description="The place id of the country they represent.")
    source: Id


class Part(str, Enum):
    chair = "chair"
    co_chair = "co-chair"
    speaker = "speaker"
    participant = "participant"
    organizer = "organizer"


class Participant(Record):
    person: Id
    part: Part = Part.participant


class Event(Record):
    id: Id
    name: ShortText
    kind: Annotated[str, Field(pattern=r"^[a-z][a-z -]*$", max_length=40)] = "meeting"
    when: When | None = None
    where: Id | None = None
    about: Text | None = None
    participants: list[Participant] = Field(default_factory=_empty)
    source: Id


# direct, partial, paraphrase (terms.QUOTE_KINDS)
QuoteKind = Enum("QuoteKind", {kind: kind for kind in QUOTE_KINDS}, type=str)


class Quote(Record):
    id: Id
    speaker: Id
    text: Text = Field(description="Exactly as published: the words between the quotation marks.")
    parts: list[Text] | None = Field(
        None,
        min_length=2,
        description="A quote interrupted in the source (by its attribution, or a paragraph break): "
        "its parts as they stand there, each checked word for word. 'text' is then the parts "
        "joined by a space, the one sentence that is shown.",
    )
    kind: QuoteKind
    context: Text | None = None
    when: When | None = None
    event: Id | None = None
    source: Id
    topics: list[Id] = Field(default_factory=_empty)

    @model_validator(mode="after")
    def _parts_make_the_text(self) -> "Quote":
        if self.parts is not None and " ".join(" ".join(self.parts).split()) != " ".join(self.text.split()):
            raise ValueError("'text' must be its 'parts' joined by a space")
        return self


class Status(str, Enum):
    expected = "expected"
    scheduled = "scheduled"
    under_way = "under way"
    done = "done"
    postponed = "postponed"
    cancelled = "cancelled"


class Outcome(Record):
    what: Text
    when: When | None = None
    source: Id


class Step(Record):
    id: Id
    what: ShortText
    when: When
    where: Id | None = None
    by: Id | None = Field(None, description="The person or organization responsible.")
    status: Status = Status.expected
    outcome: Outcome | None = None
    source: Id


class RevisionOutcome(Record):
    what: Text
    when: When | None = None


class Revision(Record):
    """What a later source reports of a step: a new expected date, a new status, an outcome."""

    id: Id
    step: Id = Field(description="The id of the step revised.")
    source: Id = Field(description="The source that reports the revision.")
    reported: date | None = Field(
        None,
        description="The day the revision became known (YYYY-MM-DD); default: the first day "
        "its source may have been published.",
    )
    when: When | None = Field(None, description="The step's new expected date, as worded.")
    where: Id | None = Field(None, description="The id of the step's new place.")
    status: Status | None = None
    outcome: RevisionOutcome | None = Field(
        None, description="What happened; its source is the revision's source."
    )
    note: Text | None = Field(None, description="What the source says of the step, in brief.")

    @model_validator(mode="after")
    def _revises_something(self) -> "Revision":
        if self.when is None and self.status is None and self.outcome is None and self.where is None:
            raise ValueError("a revision needs a new 'when', 'where', 'status' or 'outcome'")
        return self


class Dataset(Record):
    dataset: DatasetInfo
    sources: list[Source] = Field(default_factory=_empty)
    organizations: list[Organization] = Field(default_factory=_empty)
    places: list[Place] = Field(default_factory=_empty)
    topics: list[Topic] = Field(default_factory=_empty)
    people: list[Person] = Field(default_factory=_empty)
    events: list[Event] = Field(default_factory=_empty)
    quotes: list[Quote] = Field(default_factory=_empty)
    steps: list[Step] = Field(default_factory=_empty)
    revisions: list[Revision] = Field(default_factory=_empty)

    def plain(self) -> dict:
        """The dataset as plain JSON-ready dictionaries (dates as ISO text, enums as values)."""
        return self.model_dump(mode="json")

