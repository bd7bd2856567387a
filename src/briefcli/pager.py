"""Long output at a terminal goes through a pager, as git's does.

The pager is ``$BRIEFCLI_PAGER``, else ``$PAGER``, else ``less``, run by the shell (so it may
carry options). ``less`` gets ``LESS=FRX`` unless ``LESS`` is set: it quits when the text fits
on one screen, keeps colours, and leaves the text on the screen. An empty pager, ``cat``, or a
pager that cannot be found means none. Output that fits on the screen, and output that is not
going to a terminal, is written as it is.
"""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import subprocess
from collections.abc import Iterable, Iterator
from itertools import chain


def command() -> str | None:
    """The pager command to run, or None for none."""
    for name in ("BRIEFCLI_PAGER", "PAGER"):
        if name in os.environ:
            chosen = os.environ[name].strip()
            break
    else:
        chosen = "less"
    try:
        words = shlex.split(chosen)
    except ValueError:
        return None
    if not words or words[0] == "cat" or shutil.which(words[0]) is None:
        return None
    return chosen


def page(texts: Iterable[str], stream) -> Iterable[str]:
    """What is left to write to ``stream`` of ``texts`` (the pieces of one text, as they are
    made): nothing if they went through the pager, which they do when ``stream`` is a terminal
    and the text is longer than the screen. Pieces are held only until that is known."""
    try:
        if not stream.isatty():
            return texts
    except (AttributeError, ValueError):
        return texts
    screen = shutil.get_terminal_size().lines
    texts = iter(texts)
    held, lines = [], 0
    for text in texts:
        held.append(text)
        lines += text.count("\n")
        if lines >= screen:
            pager = command()
            if pager is None:
                return chain(held, texts)
            _run(pager, chain(held, texts), stream)
            return ()
    return held


def _run(pager: str, texts: Iterator[str], stream) -> None:
    """Feed ``texts`` to the pager as they are made; stop making them if the person quits."""
    env = dict(os.environ)
    env.setdefault("LESS", "FRX")
    env.setdefault("LV", "-c")
    encoding = getattr(stream, "encoding", None) or "utf-8"
    stream.flush()
    # Ctrl-C belongs to the pager while it runs (less uses it to stop a search).
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        child = subprocess.Popen(pager, shell=True, stdin=subprocess.PIPE, env=env)
        try:
            for text in texts:
                child.stdin.write(text.encode(encoding, errors="replace"))
        except BrokenPipeError:  # the person quit before reading it all
            pass
        finally:  # even if making the text failed: the pager ends at the end of its input
            try:
                child.stdin.close()
            except BrokenPipeError:
                pass
            child.wait()
    finally:
        signal.signal(signal.SIGINT, previous)
