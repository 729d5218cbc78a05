"""How many examples a fuzz test tries: a quick 50 in the normal suite, 300 for a fuzz run.

``HYPOTHESIS_PROFILE=fuzz pytest tests/cli/test_bad_arguments.py tests/files`` runs 300;
``FUZZ_EXAMPLES=N`` sets any other number.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

QUICK_EXAMPLES = 50
FUZZ_EXAMPLES = 300


def fuzz_examples() -> int:
    if os.environ.get("FUZZ_EXAMPLES", "").isdigit():
        return int(os.environ["FUZZ_EXAMPLES"])
    return FUZZ_EXAMPLES if os.environ.get("HYPOTHESIS_PROFILE") == "fuzz" else QUICK_EXAMPLES


def fuzz_settings(**overrides: object) -> settings:
    """Settings for a fuzz test: no deadline (real files and databases), the examples above."""
    return settings(
        max_examples=fuzz_examples(),
        deadline=None,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.function_scoped_fixture,
        ],
        **overrides,
    )
