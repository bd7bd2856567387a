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


def page(text: str, stream) -> bool:
    """Show ``text`` through the pager if ``stream`` is a terminal and ``text`` is longer than
    the screen; whether it did."""
    try:
        if not stream.isatty():
            return False
    except (AttributeError, ValueError):
        return False
    if text.count("\n") < shutil.get_terminal_size().lines:
        return False
    pager = command()
    if pager is None:
        return False
    env = dict(os.environ)
    env.setdefault("LESS", "FRX")
    env.setdefault("LV", "-c")
    stream.flush()
    # Ctrl-C belongs to the pager while it runs (less uses it to stop a search).
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        child = subprocess.Popen(pager, shell=True, stdin=subprocess.PIPE, env=env)
        try:
            child.stdin.write(text.encode(getattr(stream, "encoding", None) or "utf-8",
                                          errors="replace"))
            child.stdin.close()
        except BrokenPipeError:  # the person quit before reading it all
            pass
        child.wait()
    finally:
        signal.signal(signal.SIGINT, previous)
    return True
