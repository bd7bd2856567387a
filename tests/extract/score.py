"""How well `briefcli extract` does on the annotated articles in tests/extract/articles/.

Run it to print a table:  python tests/extract/score.py [--set=held-out] [-v]
(or: python -m tests.extract.score); -v lists every difference from the gold.

Each article (.txt or .md) has a gold file (NAME.gold.yaml) written from the article alone:
its people (name, role), its quotes (text, or a list of texts for a quote in several parts;
kind; speaker), the passages in quotation marks that are not quotes (``left_out``), and the
dates of its next steps. Quote spans are found in the article from the gold texts.

Measures, summed over all articles (micro-averaged):

* quote spans, exact: a predicted quote matches a gold quote when their sets of character
  spans are equal. Precision = matched predictions / predictions; recall = matched gold / gold.
* quote spans, overlapping: as above, but a match needs only one overlapping character; each
  prediction and each gold quote is matched at most once.
* speaker accuracy: of the overlapping matches, the share whose speaker is right (names
  compared with case and accents ignored; "no speaker" matches "no speaker").
* kind accuracy, people (precision, recall, role accuracy) and next-step dates (precision and
  recall of their bounds) are reported too.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from briefcli import fuzzydate
from briefcli.extract import reading
from briefcli.text import fold

HERE = Path(__file__).resolve().parent
# 'development': the articles the rules were worked out on; 'held-out': articles written and
# annotated afterwards, and first scored before any rule was changed for them.
SETS = {"development": HERE / "articles", "held-out": HERE / "heldout",
        "wire-tuning": HERE / "wire", "wire-test": HERE / "wire-test",
        "wire-test-2": HERE / "wire-test-2"}
METRICS = ("exact_p", "exact_r", "overlap_p", "overlap_r", "speaker", "kind", "roles")  # roles: first-role accuracy
# The published rule-based news quote extractor the issue names as the reference to beat.
REFERENCE = {"overlap_p": 0.846, "overlap_r": 0.827, "speaker": 0.865}


@dataclass
class Quote:
    spans: list[tuple[int, int]]
    kind: str
    speaker: str | None


@dataclass
class Counts:
    predicted: int = 0
    gold: int = 0
    exact_pred: int = 0
    exact_gold: int = 0
    overlap: int = 0
    speaker_right: int = 0
    kind_right: int = 0
    people_pred: int = 0
    people_gold: int = 0
    people_found: int = 0
    roles_right: int = 0
    steps_pred: int = 0
    steps_gold: int = 0
    steps_found: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: "Counts") -> None:
        for name, value in vars(other).items():
            if isinstance(value, int):
                setattr(self, name, getattr(self, name) + value)
            else:
                getattr(self, name).extend(value)

    def ratio(self, metric: str) -> float:
        top, bottom = {
            "exact_p": (self.exact_pred, self.predicted),
            "exact_r": (self.exact_gold, self.gold),
            "overlap_p": (self.overlap, self.predicted),
            "overlap_r": (self.overlap, self.gold),
            "speaker": (self.speaker_right, self.overlap),
            "kind": (self.kind_right, self.overlap),
            "people_p": (self.people_found, self.people_pred),
            "people_r": (self.people_found, self.people_gold),
            "roles": (self.roles_right, self.people_found),
            "steps_p": (self.steps_found, self.steps_pred),
            "steps_r": (self.steps_found, self.steps_gold),
        }[metric]
        return top / bottom if bottom else 1.0


def articles(folder: Path) -> list[tuple[Path, Path]]:
    """(article, gold) pairs in ``folder``, sorted by name."""
    pairs = []
    for gold in sorted(folder.glob("*.gold.yaml")):
        stem = gold.name[: -len(".gold.yaml")]
        found = [p for p in folder.glob(stem + ".*") if p.suffix in (".txt", ".md")]
        if len(found) != 1:
            raise SystemExit(f"{gold}: expected one article named {stem}.txt or {stem}.md")
        pairs.append((found[0], gold))
    return pairs


def read_gold(article: Path, gold: Path) -> dict:
    text = article.read_text(encoding="utf-8")
    # libyaml where PyYAML has it: what safe_load gives, in a tenth of the time
    data = yaml.load(gold.read_text(encoding="utf-8"),
                     Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506
    quotes = []
    for item in data.get("quotes", []):
        parts = item["text"] if isinstance(item["text"], list) else [item["text"]]
        spans, at = [], 0
        for part in parts:
            # a quote is never in the headline (the first line): look after it first
            start = text.find(part, max(at, text.find("\n") + 1)) if not spans else text.find(part, at)
            if start < 0:
                start = text.find(part, at)
            if start < 0:
                raise SystemExit(f"{gold}: quote text not in the article: {part[:60]!r}")
            spans.append((start, start + len(part)))
            at = start + len(part)
        quotes.append(Quote(spans, item["kind"], item.get("speaker")))
    data["quotes"] = quotes
    return data


def predict(article: Path) -> reading.Extraction:
    return reading.read(article.read_text(encoding="utf-8"))


def _role(text: str | None) -> str:
    text = fold(text or "")
    for det in ("the ", "a ", "an "):
        text = text.removeprefix(det)
    return " ".join(text.split())


def _overlaps(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def score(article: Path, gold_path: Path) -> Counts:
    gold = read_gold(article, gold_path)
    x = predict(article)
    counts = Counts()
    predicted = [
        Quote([x.article.raw_span(p.start, p.end) for p in q.parts], q.kind,
              x.speaker(q).name if x.speaker(q) else None)
        for q in x.quotes
    ]
    counts.predicted, counts.gold = len(predicted), len(gold["quotes"])
    for p in predicted:
        counts.exact_pred += any(p.spans == g.spans for g in gold["quotes"])
    for g in gold["quotes"]:
        counts.exact_gold += any(p.spans == g.spans for p in predicted)
    free = list(range(len(predicted)))
    for g in gold["quotes"]:
        best = max(free, key=lambda i: _overlaps(predicted[i].spans, g.spans), default=None)
        if best is None or _overlaps(predicted[best].spans, g.spans) == 0:
            counts.misses.append(f"{article.name}: missed {_show(article, g)}")
            continue
        free.remove(best)
        p = predicted[best]
        counts.overlap += 1
        same = (p.speaker is None and g.speaker is None) or (
            p.speaker is not None and g.speaker is not None and fold(p.speaker) == fold(g.speaker)
        )
        counts.speaker_right += same
        counts.kind_right += p.kind == g.kind
        if not same:
            counts.misses.append(f"{article.name}: speaker {p.speaker!r} for {_show(article, g)}")
        if p.spans != g.spans:
            counts.misses.append(f"{article.name}: spans {p.spans} for {_show(article, g)}")
        if p.kind != g.kind:
            counts.misses.append(f"{article.name}: kind {p.kind} for {_show(article, g)}")
    for i in free:
        counts.misses.append(f"{article.name}: not a gold quote {_show(article, predicted[i])}")

    names = {fold(p.name): p for p in x.cast.people.values()}
    counts.people_pred, counts.people_gold = len(names), len(gold.get("people", []))
    for person in gold.get("people", []):
        found = names.get(fold(person["name"]))
        if found is None:
            counts.misses.append(f"{article.name}: person missed {person['name']!r}")
            continue
        counts.people_found += 1
        role = found.roles[0] if found.roles else None
        if _role(role) == _role(person.get("role")):
            counts.roles_right += 1
        else:
            counts.misses.append(f"{article.name}: role {role!r} for {person['name']!r}")

    gold_steps = {_bounds(str(s["date"])) for s in gold.get("steps", [])}
    pred_steps = {(s.when.earliest, s.when.latest) for s in x.steps}
    counts.steps_pred, counts.steps_gold = len(pred_steps), len(gold_steps)
    counts.steps_found = len(gold_steps & pred_steps)
    for missing in gold_steps - pred_steps:
        counts.misses.append(f"{article.name}: step date missed {missing}")
    for extra in pred_steps - gold_steps:
        counts.misses.append(f"{article.name}: step date not in gold {extra}")
    return counts


def _bounds(text: str):
    parsed = fuzzydate.parse(text)
    return parsed.earliest, parsed.latest


def _show(article: Path, quote: Quote) -> str:
    text = article.read_text(encoding="utf-8")
    first = text[quote.spans[0][0] : quote.spans[0][1]]
    return repr(first[:50] + ("…" if len(first) > 50 else ""))


def run(sets: list[str] | None = None) -> tuple[dict[str, dict[str, Counts]], Counts]:
    """Counts per set and article, and the total over them all."""
    results: dict[str, dict[str, Counts]] = {}
    total = Counts()
    for name in sets or list(SETS):
        results[name] = {article.name: score(article, gold) for article, gold in articles(SETS[name])}
        for counts in results[name].values():
            total.add(counts)
    return results, total


def table(results: dict[str, dict[str, Counts]], total: Counts) -> str:
    head = f"{'article':40} {'gold':>4} {'pred':>4}" + "".join(f" {m:>9}" for m in METRICS)
    rule = "-" * len(head)
    lines = [head]

    def row(name: str, counts: Counts) -> str:
        return f"{name[:40]:40} {counts.gold:>4} {counts.predicted:>4}" + "".join(
            f" {counts.ratio(m):>9.3f}" for m in METRICS
        )

    for set_name, per_article in results.items():
        lines.append(rule)
        subtotal = Counts()
        for name, counts in per_article.items():
            lines.append(row(name, counts))
            subtotal.add(counts)
        lines.append(row(f"{set_name} set", subtotal))
    lines += [rule, row("ALL (micro-average)", total), ""]
    lines.append(
        "reference (published rule-based extractor): "
        + ", ".join(f"{m} {v:.3f}" for m, v in REFERENCE.items())
    )
    lines.append(
        f"people: precision {total.ratio('people_p'):.3f}, recall {total.ratio('people_r'):.3f}, "
        f"role {total.ratio('roles'):.3f}; step dates: precision {total.ratio('steps_p'):.3f}, "
        f"recall {total.ratio('steps_r'):.3f}"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    sets = [a.split("=", 1)[1] for a in argv if a.startswith("--set=")] or None
    results, total = run(sets)
    print(table(results, total))
    if "-v" in argv or "--verbose" in argv:
        print()
        print("\n".join(total.misses) or "no differences from the gold")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
