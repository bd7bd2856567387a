"""How many inputs a property test tries, and which.

By default, a fixed set: Hypothesis draws the inputs from a seed derived from the test (its
name and source), so every run tries the same ones. Each count, with its explicit examples,
was chosen with coverage.py (2026-11-29) so that the fixed set reaches every line and branch of
briefcli that three runs of the earlier random inputs reached together:

- the byte fuzz: 150 fixed inputs, against random runs of 500;
- rendering: 100 against 125; exports: 25 against 50;
- the fast reader's two differential fuzzes draw their inputs from ``random.Random`` seeds
  (:func:`seeds`), not from Hypothesis, whose engine took nine tenths of their time: 400
  documents and 400 texts of lines (with six cases written out) reach every line and branch of
  fastread.py and yamlread.py that the Hypothesis sets reached, fixed and in three random runs
  of 500 and 400 (2026-11-29: 231 lines, 321 branch arcs). Three random runs of 400 of each
  reached them too, but for one arc of fastread.py in one run of documents.

The control-character test (300) is newer and checks one function; its inputs draw the refused
characters and their UTF-8 neighbours often. Its set was drawn again when its alphabet stopped
naming codec="utf-8" (the same characters, found without encoding every code point): the same
lines and branches of yamlread.py. The other tests' sets did not change (their 285 inputs
compared one by one). An edit to a test draws a new set for that test:
check its coverage again.

``BRIEFCLI_PROPERTY_EXAMPLES=N`` hunts instead: N new random inputs per test (``share`` of N
for some), different on every run. A failure of a seeded test names its seed;
``BRIEFCLI_PROPERTY_SEED=S`` runs that one input again.
"""

from __future__ import annotations

import os
import random

from hypothesis import HealthCheck, settings


def seeds(default: int) -> list[int]:
    """Seeds of random.Random for a test that draws its own inputs: ``range(default)``, the
    random hunt's N, or the one seed ``BRIEFCLI_PROPERTY_SEED`` names (a failure says which)."""
    if os.environ.get("BRIEFCLI_PROPERTY_SEED"):
        return [int(os.environ["BRIEFCLI_PROPERTY_SEED"])]
    hunt = os.environ.get("BRIEFCLI_PROPERTY_EXAMPLES")
    if hunt:
        return [random.getrandbits(64) for _ in range(int(hunt))]
    return list(range(default))


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
