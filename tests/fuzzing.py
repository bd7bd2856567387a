"""How many inputs a property test tries, and which.

By default, a fixed set: Hypothesis draws the inputs from a seed derived from the test (its
name and source), so every run tries the same ones. Each test's count, with its explicit
examples, was chosen with coverage.py (2026-11-29) to reach every line and branch of briefcli
that each of three runs of the earlier random inputs reached: 500 for the byte fuzz (125 for
rendering, 50 for exports), 400 for the fast reader's document fuzz, and 400 with three
explicit examples for its line fuzz (checked 2026-11-29 against three random runs of 400 on
fastread.py and yamlread.py). An edit to a test draws a new set: check its coverage again.

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
