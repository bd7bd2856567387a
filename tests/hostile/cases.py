"""Crafted hostile datasets, one builder per case.

Each builder writes its dataset under a folder and returns the path to give as --data.
"""

from __future__ import annotations

import os
import random
import shutil
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data"
BASE = (DATA / "valid" / "minimal.yaml").read_text(encoding="utf-8")

# What a hostile web page might put in a name or a quote.
EVIL = (
    r'"\e[31mRED\e]8;;http://evil.example/\e\\click\e]8;;\e\\ \a\0 \x9b2J \u202eevil\u202c'
    r' \u2066iso\u2069 \u2028 [link=file:///etc/passwd]x[/link] [/bold] [black on black]hid'
    r' :skull: <script>alert(1)</script> | [x](javascript:alert(1)) \x85\x1b'
    r' in\u200bvis\u200e\u200f\u061c\ufeffi\xadble\U000E0041\u3164"'
)


def _with_sources(folder: Path) -> None:
    shutil.copytree(DATA / "valid" / "sources", folder / "sources", dirs_exist_ok=True)


def write(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def alias_bomb(folder: Path) -> Path:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    previous = "a"
    for name in "bcdefghi":
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
        previous = name
    return write(folder, "bomb.yaml", "\n".join(lines) + "\n")


def deep_lists(folder: Path) -> Path:
    return write(folder, "deep.yaml", "dataset: " + "[" * 10_000 + "]" * 10_000 + "\n")


def deep_mappings(folder: Path) -> Path:
    return write(folder, "deep.yaml", "dataset: " + "{a: " * 10_000 + "x" + "}" * 10_000 + "\n")


def deep_block(folder: Path) -> Path:
    lines = [" " * i + "- " for i in range(0, 400, 2)]
    return write(folder, "deep.yaml", "quotes:\n" + "\n".join(lines) + "x\n")


def sixty_megabytes(folder: Path) -> Path:
    path = folder / "big.yaml"
    with open(path, "wb") as handle:  # sparse: the size is checked before anything is read
        handle.truncate(60 * 1024 * 1024)
    return path


def dev_zero(folder: Path) -> Path:
    return Path("/dev/zero")


def fifo(folder: Path) -> Path:
    path = folder / "pipe.yaml"
    os.mkfifo(path)
    return path


def folder_without_yaml(folder: Path) -> Path:
    (folder / "empty").mkdir()
    write(folder / "empty", "notes.txt", "not a dataset")
    return folder / "empty"


def random_bytes(folder: Path) -> Path:
    return write(folder, "random.yaml", random.Random(4).randbytes(4096))


def latin1(folder: Path) -> Path:
    return write(folder, "latin1.yaml", BASE.replace("Ana Ortiz", "Ana Ortíz").encode("latin-1"))


def raw_nul(folder: Path) -> Path:
    return write(folder, "nul.yaml", BASE.replace("Ana Ortiz", "Ana\x00Ortiz"))


def raw_escape(folder: Path) -> Path:
    return write(folder, "esc.yaml", BASE.replace("Ana Ortiz", "Ana\x1b[2JOrtiz"))


def duplicate_keys(folder: Path) -> Path:
    return write(folder, "dup.yaml", BASE.replace("  as_of:", "  title: Again\n  as_of:"))


def python_tag(folder: Path) -> Path:
    return write(folder, "tag.yaml", "dataset: !!python/object/apply:os.system ['echo pwned']\n")


def hostile_file_name(folder: Path) -> Path:
    return write(folder, "evil\x1b[2J\x07.yaml", "- not a mapping\n")


def huge_date(folder: Path) -> Path:
    _with_sources(folder)
    return write(folder, "date.yaml", BASE.replace("    when: before the end of April 2018\n",
                                                    "    when: " + "x" * 1_000_000 + "\n"))


def huge_quote_not_in_source(folder: Path) -> Path:
    _with_sources(folder)
    text = "road " * 19_000
    return write(folder, "quote.yaml", BASE.replace(
        "    text: We have a long road ahead, but the road is open,\n", f"    text: {text}\n"))


def many_problems(folder: Path) -> Path:
    _with_sources(folder)
    quotes = "".join(
        f"  - id: q{i}\n    speaker: who{i}\n    kind: paraphrase\n    text: x\n"
        f"    source: article\n"
        for i in range(2_000)
    )
    return write(folder, "many.yaml", BASE.replace("steps:\n", quotes + "\nsteps:\n"))


def hostile_field_name(folder: Path) -> Path:
    _with_sources(folder)
    return write(folder, "field.yaml", BASE.replace("    honorific: Ms.\n",
                                                     '    "\\e[2J\\e]8;;x\\a": 1\n'))


def source_elsewhere(folder: Path) -> Path:
    return write(folder, "elsewhere.yaml", BASE.replace("sources/article.txt", "/etc/passwd"))


def source_is_fifo(folder: Path) -> Path:
    os.mkfifo(folder / "article.txt")
    return write(folder, "fifo-source.yaml", BASE.replace("sources/article.txt", "article.txt"))


def not_a_mapping(folder: Path) -> Path:
    return write(folder, "scalar.yaml", "just a line of text\n")


def evil_strings(folder: Path) -> Path:
    """A valid dataset whose text is full of terminal and markup attacks."""
    _with_sources(folder)
    text = (
        BASE.replace("    name: Ana Ortiz\n", f"    name: Ana Ortiz\n    spellings: [{EVIL}]\n")
        .replace("  summary: Talks resumed in Geneva.", f"  summary: {EVIL}")
        .replace("    name: Geneva round\n", f"    name: {EVIL}\n")
        .replace("    what: The next round of talks\n", f"    what: {EVIL}\n")
        .replace("    name: Geneva\n", f"    name: {EVIL}\n")
        .replace("    title: Chair of the talks\n", f"    title: {EVIL}\n")
    )
    return write(folder, "evil.yaml", text)
