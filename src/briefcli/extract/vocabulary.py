"""The words the extractor's rules are made of: months and weekdays, reporting verbs, titles,
honorifics and the words that head a role.

Kept in one place so that a rule reads as a rule and a list can grow without touching code.
"""

from __future__ import annotations

import calendar

MONTHS = [calendar.month_name[i] for i in range(1, 13)]
WEEKDAYS = [calendar.day_name[i] for i in range(7)]
MONTH_NAMES = "|".join(MONTHS)


def month_number(name: str) -> int:
    return MONTHS.index(name.capitalize()) + 1


# Verbs that report speech, in the forms news reports use. Participles (-ing) take the subject
# of the clause they hang from.
REPORTING = frozenset(
    """
    said says say saying added adds adding noted notes noting stated states stating told tells
    telling reminded reminds reminding called calls calling described describes describing
    explained explains explaining stressed stresses stressing emphasized emphasised emphasizing
    emphasising underlined underlining underscored underscoring warned warns warning urged urges
    urging argued argues arguing insisted insists insisting acknowledged acknowledging observed
    remarked recalled recalls recalling declared declares declaring affirmed announced announces
    announcing asserted suggested suggests suggesting highlighted highlights highlighting
    concluded concluding continued cautioned cautions cautioning lamented wrote writes writing
    asked asks asking replied replies replying answered conceded admitted maintained reiterated
    reiterating agreed proposed pledged vowed promised appealed termed terming labelled labeled
    dubbed characterized characterised welcomed welcoming hailed praised criticized criticised
    condemned predicted spoke speaking expressed assured recounted recounting quipped complained
    pointed put countered responded responding thanked observing explaining declared
    """.split()
)

# Titles written before a name: "Ambassador Samuel Okonjo", "Secretary-General António Guterres".
TITLES = frozenset(
    """
    ambassador president vice-president secretary-general deputy under-secretary-general
    director-general minister prime foreign professor prof dr doctor father sister brother
    bishop archbishop imam rabbi pastor sheikh judge mayor senator governor king queen prince
    princess chancellor commissioner envoy chair co-chair chairman chairwoman chairperson
    co-facilitator rapporteur representative special permanent high general secretary executive
    director spokesperson spokesman spokeswoman coordinator
    """.split()
)

HONORIFICS = {
    "mr": "m", "mr.": "m", "ms": "f", "ms.": "f", "mrs": "f", "mrs.": "f", "miss": "f",
    "madam": "f", "sir": "m", "dr": None, "dr.": None, "prof": None, "prof.": None,
    "professor": None, "father": "m", "sister": "f", "brother": "m", "king": "m", "queen": "f",
    "ambassador": None, "president": None, "judge": None, "mayor": None, "sheikh": "m",
    "imam": "m", "rabbi": None, "bishop": None, "archbishop": None, "senator": None,
}
HONORIFIC_FORMS = {  # how the dataset writes an honorific
    "mr": "Mr.", "ms": "Ms.", "mrs": "Mrs.", "dr": "Dr.", "prof": "Prof.",
}

# Nouns that head a role: "the Permanent Representative of ...", "a senior researcher at ...".
ROLE_HEADS = frozenset(
    """
    representative president vice-president secretary secretary-general minister ambassador
    director director-general chief head commissioner chair chairman chairwoman chairperson
    co-chair co-facilitator facilitator envoy spokesperson spokesman spokeswoman coordinator
    adviser advisor officer rapporteur executive deputy founder co-founder researcher professor
    lecturer economist analyst expert lawyer advocate activist delegate negotiator mayor governor
    councillor councilor senator member leader manager official nurse doctor student teacher
    worker journalist farmer king queen administrator under-secretary-general counsellor
    counselor consul consul-general observer campaigner organizer organiser volunteer priest
    bishop imam rabbi pastor engineer fellow scholar historian demographer sociologist author
    writer editor president-elect vice-chair commander colonel general judge attorney
    ombudsperson mediator chancellor king queen prince princess emir sultan sheikh
    """.split()
)

# Role nouns that, after "the", can stand for a person already named ("the official said").
GENERIC_PERSON_NOUNS = frozenset(
    "official envoy diplomat speaker expert activist advocate minister ambassador mediator".split()
)

# Words a role written before a name never holds ('said UN envoy Ana Roe': 'said' ends it).
NOT_IN_TITLE = frozenset(
    """
    the a an that which who whom whose it he she they we i you his her their its this these
    those there would will was is are were had has have not and but or if when as by with to
    from at in on after before while since than also then only
    """.split()
)

# Time words that may stand between a subject and its verb: 'Mr. Roe on Tuesday said'.
TIME_WORDS = frozenset(
    "today yesterday tonight earlier later recently again also".split()
) | frozenset(d.lower() for d in WEEKDAYS)

# Capitalized words that do not start or make up a person's name.
NOT_NAME = frozenset(
    """
    the a an and but or of in on at for to by from with as this that these those he she it they
    we i you his her its their our my your also after before while when where since during
    speaking according responding addressing presenting welcoming opening closing outside inside
    not several many every more most some all each both no nobody people today yesterday
    tomorrow un u.n. uno united nations general assembly global compact member members states
    state government governments council conference declaration organization organisation
    office department division group union european african asian arab commission committee
    forum process migration migrants migrant refugees refugee international intergovernmental
    human rights national world week day news report draft text agreement negotiations round
    session meeting summit hall headquarters secretariat programme program agency fund bank
    federation institute institution association society foundation network alliance
    coalition party ministry centre center university school press times wire federal
    region province district republic kingdom city island islands valley coast county
    territory territories delegation delegations affairs political humanitarian operations
    peacekeeping development security interior justice defence defense finance health
    education economic social legal ministry embassy mission directorate bureau cabinet
    """.split()
) | frozenset(m.lower() for m in MONTHS) | frozenset(d.lower() for d in WEEKDAYS)

# Lower-case words allowed inside a name: "Ana de la Cruz", "Ursula von der Leyen".
NAME_PARTICLES = frozenset("de da del della der di do dos das du la le van von bin ibn al el y".split())

PRONOUNS = {"he": "m", "she": "f"}

# Words that may stand between a speaker and the verb: "she also said", "he later told".
ADVERBS = frozenset(
    """
    also later then further again repeatedly however too firmly clearly separately briefly
    once earlier subsequently previously simply strongly flatly quickly meanwhile
    """.split()
)

# Relative dates, our readings (stated in the draft's notes). 'in the coming weeks', 'within
# two weeks': how many days on they reach.
COMING = {"days": 10, "weeks": 42, "months": 183}
WITHIN = {"day": 1, "days": 1, "week": 7, "weeks": 7, "month": 30, "months": 30}
NUMBERS = {w: n for n, w in enumerate("a two three four five six seven eight nine ten".split(), 1)} | {"one": 1, "an": 1}
# 'shortly', 'soon': ahead of the article, open-ended; not 'as soon as', 'shortly after ...'.
SOON = frozenset("shortly soon".split())
NOT_SOON = frozenset("after afterwards before thereafter as".split())
