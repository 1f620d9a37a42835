"""The fuzz targets of ``scripts/fuzz.py`` with a few hundred examples each, in every run.

Whole generated tables (wrong types, missing columns, unicode, huge numbers, empty files, BOMs,
UTF-16, semicolons, Excel dates in typed workbook cells) through the district loader; mangled
tallies through ``planner record``; changed plan.json files through ``planner check`` and
``planner render``: never a traceback, only a district/plan/tally or a clear exit 2 (1 for a
plan that breaks a rule). ``python scripts/fuzz.py --examples 5000`` runs thousands.
"""

from __future__ import annotations

import runpy
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import pytest

fuzz = SimpleNamespace(**runpy.run_path(str(Path(__file__).parent.parent / "scripts" / "fuzz.py")))

EXAMPLES = {"tables": 300, "tally": 300, "plan": 150}


@pytest.fixture(scope="module")
def targets(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Callable[[], None]]:
    """The properties, over the tiny district planned once."""
    planned = fuzz.plan_tiny(tmp_path_factory.mktemp("fuzz"))
    return {
        name: fuzz.fuzz_settings(EXAMPLES[name])(prop)
        for name, prop in fuzz.properties(planned).items()
    }


@pytest.mark.parametrize("target", sorted(EXAMPLES))
def test_fuzz_target_never_crashes(targets: dict[str, Callable[[], None]], target: str) -> None:
    """Every generated file ends in a result or a clear input error."""
    targets[target]()
