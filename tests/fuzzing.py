"""How many inputs a property test tries, and which.

By default, a fixed set: Hypothesis draws the inputs from a seed derived from the test (its
name and source), so every run tries the same ones. Each count, with its explicit examples,
was chosen with coverage.py (2026-11-29) so that the fixed set reaches every line and branch of
briefcli that three runs of the earlier random inputs reached together:

- the byte fuzz: 150 fixed inputs, against random runs of 500;
- rendering: 100 against 125; exports: 25 against 50;
- the fast reader's document fuzz: 200 against 400;
- its line fuzz: 400 with six explicit examples, against 400 (on fastread.py and
  yamlread.py; checked again after yamlread.py changed, the same day, and again when each
  line became one draw: the same 214 lines and 83 branches as the earlier fixed set).

The control-character test (300) is newer and checks one function; its inputs draw the refused
characters and their UTF-8 neighbours often. Its set was drawn again when its alphabet stopped
naming codec="utf-8" (the same characters, found without encoding every code point): the same
lines and branches of yamlread.py. The other tests' sets did not change (their 285 inputs
compared one by one). An edit to a test draws a new set for that test:
check its coverage again.

``BRIEFCLI_PROPERTY_EXAMPLES=N`` hunts instead: N new random inputs per test (``share`` of N
for some), different on every run.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings


def fuzz(default: int, share: float = 1.0) -> settings:
    """Settings for a property test: ``default`` inputs from its fixed seed, or a random hunt."""
    hunt = os.environ.get("BRIEFCLI_PROPERTY_EXAMPLES")
    return settings(
        max_examples=max(1, int(int(hunt) * share)) if hunt else default,
        derandomize=not hunt,
        database=None,  # nothing carried over from an earlier run
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
