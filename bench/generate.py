"""Make synthetic briefcli datasets of a chosen size for the benchmark.

    python bench/generate.py 100000            # -> bench/data/q100000/{dataset.yaml,dataset.json,sources/}

A dataset of N quotes has proportionate sources (N/10: an article quotes about ten people),
people (N/8), events (N/20), steps (N/30), organizations and places (N/200) and topics. It starts
from the shipped dataset's records, so ``briefcli quotes --speaker Arbour`` asks the same
question of it as of the shipped data, and adds generated records after them.

The YAML is written in the shipped file's style (block mappings and sequences, folded ``>-``
blocks for long text, flow ``[ids]`` and ``{text: ..., date: ...}``, double quotes where plain
text would be misread), so it exercises the same reader paths. Each source has a text file that
holds its direct and partial quotes word for word, so the data also passes quote verification.
``dataset.json`` holds the same records as JSON, for comparing with jq.

Output is deterministic for a given N and seed.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import re
import shutil
import sys
import textwrap
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SHIPPED = REPO / "data" / "compact.yaml"

FIRST = (
    "Amina Bruno Carmen Dmitri Elena Farid Gabriela Hiroshi Ingrid Jamal Katarzyna Lars Mariam "
    "Nikolai Olufemi Priya Quentin Rania Sven Tomás Ursula Viktor Wanjiru Ximena Yusuf Zofia "
    "Adebayo Björn Chiara Dagny Émile Fatou Gunnar Hélène Ilse Joaquín Kofi Leilani Mateus Nadia "
    "Oksana Pablo Renée Sakura Thandiwe Ugo Valentina Wei Xavier Yara Zoltán Aurélie Bashir "
    "Cristina Dorota Esperanza Florin Grete Hamid Isabel"
).split()
LAST = (
    "Abara Bergström Castillo Dubois Eriksen Fernández García Haddad Ivanova Jensen Kowalczyk "
    "López Mensah Novák Okafor Petrović Quispe Rahman Santos Tanaka Umarov Vasquez Wójcik "
    "Xiong Yılmaz Zapata Álvarez Bianchi Chávez Dlamini Esposito Fischer Gonçalves Hansen "
    "Ibrahim Jovanović Kaur Lindqvist Moreau Nakamura Ortiz Popescu Quintero Rossi Schneider "
    "Takahashi Uribe Virtanen Weber Yamamoto Zhou Adeyemi Bauer Costa Dvořák Engel Ferreira "
    "Grünewald Horváth Iglesias Jiménez Kovačević Larsen Müller Nyström Öztürk Pereira Rodríguez "
    "Sørensen Tremblay Ulloa Varga Wagner"
).split()
WORDS = (
    "migration migrants cooperation States Member compact global regular orderly safe "
    "sovereignty protection rights labour mobility development partnership responsibility "
    "border management return reintegration integration data evidence policy dialogue "
    "resilience climate displacement humanitarian assistance solutions capacity countries "
    "origin transit destination remittances skills recognition pathways families children "
    "smuggling trafficking detention alternatives consular access information communities "
    "cities regions networks commitments implementation review follow-up negotiations text "
    "draft zero consensus principles objectives actions framework agenda outcome conference "
    "the the the of of of and and and to to in in for for with on is are must will should can "
    "we our their all more better every together shared common long-term immediate concrete"
).split()
PUBLISHERS = ("UN News", "IOM Newsdesk", "Reuters", "Agence France-Presse", "Al Jazeera",
              "The Guardian", "El País", "Le Monde", "Deutsche Welle", "Daily Nation")
KINDS = ("direct", "direct", "partial", "paraphrase")
EVENT_KINDS = ("meeting", "conference", "briefing", "session", "consultation", "phase")
STATUSES = ("expected", "scheduled", "under way", "done", "postponed", "cancelled")
PARTS = ("chair", "co-chair", "speaker", "speaker", "participant", "organizer")
MONTHS = ("January February March April May June July August September October November "
          "December").split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
START = date(2016, 1, 1)
AS_OF = date(2018, 12, 31)


def slug(text: str) -> str:
    import unicodedata

    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


class Maker:
    """Random but reproducible words, names and dates."""

    def __init__(self, seed: int) -> None:
        self.r = random.Random(seed)

    def sentence(self, low: int, high: int) -> str:
        r = self.r
        words = [r.choice(WORDS) for _ in range(r.randint(low, high))]
        if r.random() < 0.3:
            words.insert(r.randrange(len(words)), r.choice(("“whole-of-society”", "States’",
                                                           "—", "Lajčák’s", "“safe, orderly”")))
        if len(words) > 1 and r.random() < 0.05:  # text a plain scalar cannot hold: quoted
            words.insert(r.randrange(1, len(words)), r.choice(("note:", "#2", "[sic]", "{draft}")))
        text = " ".join(words)
        return text[0].upper() + text[1:]

    def text(self, low: int, high: int, sentences: int = 1) -> str:
        parts = [self.sentence(low, high) for _ in range(sentences)]
        return ", ".join(parts)

    def day(self, start: date = START, end: date = AS_OF) -> date:
        return start + timedelta(days=self.r.randrange((end - start).days + 1))

    def when(self, start: date = START, end: date = AS_OF) -> object:
        """A fuzzy date whose earliest day lies in [start, end]."""
        r = self.r
        d = self.day(start, end)
        month = MONTHS[d.month - 1]
        choice = r.random()
        if choice < 0.35:
            return {"text": WEEKDAYS[d.weekday()], "date": d.isoformat()}
        if choice < 0.55:
            return d.isoformat()
        if choice < 0.65:
            return f"{d.year}-{d.month:02d}"
        if choice < 0.72:
            part = "early" if d.day <= 10 else "mid" if d.day <= 20 else "late"
            return f"{part} {month} {d.year}"
        if choice < 0.78:
            return f"{d.day} {month} {d.year}"
        if choice < 0.84:
            return f"{month} {d.year}"
        if choice < 0.90:
            later = d + timedelta(days=r.randint(1, 3))
            return {"text": f"{r.randint(2, 4)}-day meeting, ended {WEEKDAYS[later.weekday()]}",
                    "date": f"{d.isoformat()}/{later.isoformat()}"}
        if choice < 0.95:
            return f"before mid-{MONTHS[d.month % 12]} {d.year + (d.month == 12)}"
        return f"{d.isoformat()}/{(d + timedelta(days=r.randint(1, 60))).isoformat()}"


def shipped_records() -> dict:
    """The shipped dataset's raw records (text as written), read with briefcli's own reader."""
    sys.path.insert(0, str(REPO / "src"))
    from briefcli.load.yamlread import parse, read_text

    value, _ = parse(read_text(str(SHIPPED)), str(SHIPPED))
    return value


def build(n_quotes: int, seed: int = 2017) -> tuple[dict, dict[str, str]]:
    """The raw dataset (as YAML would hold it) and each source's text, by file name."""
    m = Maker(seed)
    r = m.r
    data = shipped_records()
    data["dataset"] = {
        "title": f"Synthetic press coverage of the Global Compact process ({n_quotes:,} quotes)",
        "process": data["dataset"]["process"],
        "as_of": AS_OF.isoformat(),
        "summary": "A generated dataset for briefcli's benchmark: its records are made up, except "
        "those taken from the shipped dataset, and none of them is a real quote.",
    }
    n_sources = max(1, n_quotes // 10)
    n_people = max(4, n_quotes // 8)
    n_events = max(2, n_quotes // 20)
    n_steps = max(3, n_quotes // 30)
    n_orgs = max(3, n_quotes // 200)
    n_places = max(4, n_quotes // 200)
    n_topics = 6 + n_quotes // 1000

    orgs = [
        {"id": f"org-{i}", "name": f"{m.sentence(2, 4)} Office {i}",
         **({"short_name": f"O{i}"} if r.random() < 0.5 else {}),
         **({"part_of": "un"} if r.random() < 0.3 else {})}
        for i in range(n_orgs)
    ]
    countries = [{"id": f"country-{i}", "name": f"Country {i}", "kind": "country"}
                 for i in range(n_places // 2)]
    cities = [{"id": f"city-{i}", "name": f"City {i}, Country {i % len(countries)}",
               "kind": "city", "country": f"country-{i % len(countries)}"}
              for i in range(n_places - len(countries))]
    topics = [{"id": f"topic-{i}", "name": m.sentence(2, 5)} for i in range(n_topics)]

    texts: dict[str, list[str]] = {}
    sources = []
    for i in range(n_sources):
        sid = f"src-{i:06d}"
        published = m.day()
        sources.append({
            "id": sid,
            "title": m.sentence(6, 12),
            "publisher": r.choice(PUBLISHERS),
            "published": published.isoformat(),
            **({"url": f"https://news.example.org/{published.isoformat()}/{sid}"}
               if r.random() < 0.5 else {}),
            "text": f"sources/{sid}.txt",
        })
        texts[sid] = [m.sentence(10, 30) + "."]
    source_ids = [s["id"] for s in sources]

    names: set[str] = set()
    people = []
    for i in range(n_people):
        while True:
            name = f"{r.choice(FIRST)} {r.choice(LAST)}"
            if len(names) > len(FIRST) * len(LAST) // 2:
                name = f"{r.choice(FIRST)} {chr(65 + r.randrange(26))}. {r.choice(LAST)}"
            if name not in names:
                break
        names.add(name)
        ascii_name = slug(name).replace("-", " ").title()
        person = {"id": f"{slug(name)}-{i}", "name": name}
        if r.random() < 0.3:
            person["honorific"] = r.choice(("Mr.", "Ms.", "Dr.", "H.E."))
        if ascii_name.lower() != name.lower() and r.random() < 0.7:
            person["spellings"] = [ascii_name]
        person["roles"] = [
            {"title": f"{r.choice(('Minister', 'Ambassador', 'Director', 'Spokesperson', 'Adviser'))}"
                      f" for {m.sentence(1, 3).lower()}",
             **({"organization": r.choice(orgs)["id"]} if r.random() < 0.7 else {}),
             **({"start": m.when()} if r.random() < 0.1 else {})}
            for _ in range(r.randint(1, 2))
        ]
        if r.random() < 0.6:
            person["country"] = r.choice(countries)["id"]
        person["source"] = r.choice(source_ids)
        people.append(person)

    events = []
    for i in range(n_events):
        event = {"id": f"event-{i:06d}", "name": f"{r.choice(EVENT_KINDS).title()} on {m.sentence(2, 6).lower()}",
                 "kind": r.choice(EVENT_KINDS)}
        if r.random() < 0.9:
            event["when"] = m.when()
        if r.random() < 0.8:
            event["where"] = r.choice(cities)["id"]
        if r.random() < 0.6:
            event["about"] = m.text(12, 30) + "."
        chosen = r.sample(people, k=min(len(people), r.randint(1, 5)))
        event["participants"] = [{"person": p["id"], "part": r.choice(PARTS)} for p in chosen]
        event["source"] = r.choice(source_ids)
        events.append(event)

    # Some people are quoted often and most a few times, as in real coverage.
    weights = [1.0 / (1 + i) ** 0.8 for i in range(n_people)]
    speakers = r.choices(people, weights=weights, k=n_quotes)
    quotes = []
    for i, speaker in enumerate(speakers):
        source = r.choice(source_ids)
        kind = r.choice(KINDS)
        text = m.text(5, 20, sentences=1 if r.random() < 0.75 else 2)
        if kind != "paraphrase":
            texts[source].append(f"{speaker['name']} said: “{text}”")
        quote = {"id": f"q-{i:07d}", "speaker": speaker["id"], "kind": kind, "text": text}
        if r.random() < 0.6:
            quote["context"] = m.text(5, 16) + "."
        if r.random() < 0.95:
            quote["when"] = m.when()
        if r.random() < 0.5:
            quote["event"] = r.choice(events)["id"]
        quote["source"] = source
        quote["topics"] = [t["id"] for t in r.sample(topics, k=r.randint(0, 3))]
        if not quote["topics"]:
            del quote["topics"]
        quotes.append(quote)

    steps = []
    for i in range(n_steps):
        status = r.choice(STATUSES)
        step = {"id": f"step-{i:06d}", "what": m.sentence(4, 12),
                "when": m.when(START, AS_OF + timedelta(days=900))}
        if r.random() < 0.5:
            step["where"] = r.choice(cities)["id"]
        if r.random() < 0.6:
            step["by"] = r.choice(people if r.random() < 0.5 else orgs)["id"]
        step["status"] = status
        if status == "done":
            step["outcome"] = {"what": m.text(8, 20) + ".", "when": m.when(), "source": r.choice(source_ids)}
        step["source"] = r.choice(source_ids)
        steps.append(step)

    for key, records in (("sources", sources), ("organizations", orgs),
                         ("places", countries + cities), ("topics", topics), ("people", people),
                         ("events", events), ("quotes", quotes), ("steps", steps)):
        data[key] = data.get(key, []) + records
    return data, {f"{sid}.txt": "\n\n".join(parts) + "\n" for sid, parts in texts.items()}


# --- writing YAML in the shipped file's style --------------------------------------------------

_PLAIN_START = re.compile(r"[A-Za-z0-9\u00c0-\u024f(]")
_NULLS = {"", "~", "null", "Null", "NULL"}
WIDTH = 96


def _plain_ok(text: str, flow: bool) -> bool:
    if text in _NULLS or not _PLAIN_START.match(text) or text != text.strip():
        return False
    if "\n" in text or ": " in text or " #" in text or text.endswith(":"):
        return False
    return not (flow and any(c in text for c in ",[]{}"))


def scalar(text: str, flow: bool = False) -> str:
    return text if _plain_ok(text, flow) else json.dumps(text, ensure_ascii=False)


def _value_lines(value, indent: int, first_prefix: str) -> list[str]:
    """Lines for ``first_prefix`` (e.g. 'key:' or '-') followed by ``value``."""
    pad = " " * indent
    if isinstance(value, str):
        one = scalar(value)
        if len(first_prefix) + len(one) + indent + 1 <= WIDTH or " " not in value or (
            " ".join(value.split()) != value
        ):
            return [f"{pad}{first_prefix} {one}"]
        body = textwrap.wrap(value, WIDTH - indent - 2, break_long_words=False,
                             break_on_hyphens=False)
        return [f"{pad}{first_prefix} >-"] + [f"{pad}  {line}" for line in body]
    if isinstance(value, list):
        if all(isinstance(v, str) and _plain_ok(v, True) for v in value):
            return [f"{pad}{first_prefix} [{', '.join(value)}]"]
        lines = [f"{pad}{first_prefix}"]
        for item in value:
            lines += _item_lines(item, indent + 2)
        return lines
    if isinstance(value, dict):
        if set(value) == {"text", "date"} and all(_plain_ok(v, True) for v in value.values()):
            return [f"{pad}{first_prefix} {{text: {value['text']}, date: {value['date']}}}"]
        lines = [f"{pad}{first_prefix}"]
        for key, inner in value.items():
            lines += _value_lines(inner, indent + 2, f"{key}:")
        return lines
    raise TypeError(type(value))


def _item_lines(item, indent: int) -> list[str]:
    pad = " " * indent
    if not isinstance(item, dict):
        return _value_lines(item, indent, "-")
    lines = []
    for n, (key, value) in enumerate(item.items()):
        inner = _value_lines(value, indent + 2, f"{key}:")
        if n == 0:
            inner[0] = f"{pad}- " + inner[0][indent + 2:]
        lines += inner
    return lines


def to_yaml(data: dict) -> str:
    lines = [
        "# A generated dataset for briefcli's benchmark (bench/generate.py). Not real coverage.",
        "",
    ]
    for key, section in data.items():
        if isinstance(section, dict):
            lines.append(f"{key}:")
            for inner_key, value in section.items():
                lines += _value_lines(value, 2, f"{inner_key}:")
        else:
            lines.append(f"{key}:")
            for item in section:
                lines += _item_lines(item, 2)
        lines.append("")
    return "\n".join(lines)


def _start(n_quotes: int, out: Path, seed: int) -> dict:
    """The raw dataset, with ``out`` made afresh and its source texts written."""
    data, texts = build(n_quotes, seed)
    if out.exists():
        shutil.rmtree(out)
    (out / "sources").mkdir(parents=True)
    shutil.copy(SHIPPED.parent / "sources" / "un-news-2017-12-07.txt", out / "sources")
    for name, text in texts.items():
        (out / "sources" / name).write_text(text, encoding="utf-8")
    return data


def write(n_quotes: int, out: Path, seed: int = 2017) -> Path:
    """Write the dataset of ``n_quotes`` quotes under ``out``; return the YAML file's path."""
    data = _start(n_quotes, out, seed)
    path = out / "dataset.yaml"
    path.write_text(to_yaml(data), encoding="utf-8")
    (out / "dataset.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def write_folder(n_quotes: int, out: Path, files: int = 100, seed: int = 2017) -> Path:
    """The same dataset as :func:`write`, as a folder of ``files`` YAML files: the i-th file
    holds the i-th slice of every section (the first also the dataset section). Returns the
    folder."""
    data = _start(n_quotes, out, seed)
    for i in range(files):
        part = {"dataset": data["dataset"]} if i == 0 else {}
        for key, section in data.items():
            if key != "dataset":
                size = -(-len(section) // files)
                if section[i * size : (i + 1) * size]:
                    part[key] = section[i * size : (i + 1) * size]
        (out / f"part-{i:03d}.yaml").write_text(to_yaml(part), encoding="utf-8")
    return out


@contextlib.contextmanager
def _generating(root: Path):
    """Held while a dataset under ``root`` is checked for and written: runs started at once (the
    quick benchmark's parts in the tests) would otherwise write the same files at the same time."""
    import fcntl

    root.mkdir(parents=True, exist_ok=True)
    with open(root / ".generating", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def _write_in_a_child(*args: str) -> None:
    """Generate in a process of its own. Building 100,000 quotes takes a few hundred MB, and on
    Linux a process started later by the one that built them reports that peak as its own
    (ru_maxrss is carried across fork and exec): the benchmark's memory figures would be the
    generator's."""
    import subprocess

    subprocess.run([sys.executable, __file__, *args], check=True, stdout=subprocess.DEVNULL)


def ensure_folder(n_quotes: int, files: int = 100, root: Path = HERE / "data") -> Path:
    """The folder dataset of ``n_quotes`` quotes in ``files`` files, generated if not there."""
    out = root / f"q{n_quotes}-in-{files}"
    with _generating(root):
        if not (out / f"part-{files - 1:03d}.yaml").exists():
            _write_in_a_child(str(n_quotes), "--files", str(files), "--out", str(root))
    return out


def dataset_path(n_quotes: int, root: Path = HERE / "data") -> Path:
    return root / f"q{n_quotes}" / "dataset.yaml"


def ensure(n_quotes: int, root: Path = HERE / "data") -> Path:
    """The dataset of ``n_quotes`` quotes, generated if it is not there yet."""
    path = dataset_path(n_quotes, root)
    with _generating(root):
        if not path.exists() or not path.with_suffix(".json").exists():
            _write_in_a_child(str(n_quotes), "--out", str(root))
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("quotes", type=int, nargs="+", help="how many quotes (e.g. 1000 10000 100000)")
    parser.add_argument("--out", type=Path, default=HERE / "data", help="root folder (default bench/data)")
    parser.add_argument("--seed", type=int, default=2017)
    parser.add_argument("--files", type=int, help="write a folder of this many files instead")
    args = parser.parse_args()
    for n in args.quotes:
        if args.files:
            folder = write_folder(n, args.out / f"q{n}-in-{args.files}", args.files, args.seed)
            print(f"{folder}: {args.files} files")
            continue
        path = write(n, args.out / f"q{n}", args.seed)
        print(f"{path}: {os.path.getsize(path):,} bytes")


if __name__ == "__main__":
    main()
