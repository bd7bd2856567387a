"""Named points of a run, where the tests of signals send theirs.

A module of its own, importing nothing but the standard library's ``os`` and ``time``: the
command line calls it before anything else is imported, and the dataset layer calls it too.
"""

import os
import time


def checkpoint(stage: str) -> None:
    """For tests of signals, which signal at a known point, never after a guessed delay.

    With ``BRIEFCLI_TELL_AT=STAGE``, say ``briefcli: at STAGE`` on stderr on reaching ``stage``
    and go on; with ``BRIEFCLI_PAUSE_AT=STAGE``, say so and wait there for a signal. Stages:
    ``start`` (handler installed, nothing imported yet), ``command`` (options parsed, before
    the command runs), ``load`` (a dataset is about to be read from its YAML), ``shared`` (a
    helper process works beside this one: see :mod:`briefcli.dataset.helper`).
    """
    environ = os.environ
    if environ.get("BRIEFCLI_TELL_AT") == stage or environ.get("BRIEFCLI_PAUSE_AT") == stage:
        os.write(2, f"briefcli: at {stage}\n".encode())
        if environ.get("BRIEFCLI_PAUSE_AT") == stage:
            wait_for_signal()


def wait_for_signal() -> None:
    """Wait until a signal's handler raises. Not ``signal.pause()``: a signal that arrives
    after the interpreter last looked for one but before ``pause`` starts would leave it
    waiting for another, for ever (the tests signal just as the wait begins). A short sleep
    ends early on a signal, and if the signal came just before it, the loop finds it within
    one step."""
    while True:
        time.sleep(0.05)
