"""Smoke tests of the benchmarks: they import, Solomon C101 solves, the baseline plan is valid."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests import districts

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import plan_value, solomon  # noqa: E402
from planner.check import check_plan  # noqa: E402
from planner.travel import travel_model  # noqa: E402

C101 = solomon.BENCH_DIR / "instances" / "solomon" / "C101.vrp"


@pytest.mark.skipif(not C101.is_file(), reason="shared benchmark instances not present")
def test_solomon_c101_two_seconds() -> None:
    result = solomon.run_instance(C101, solomon.load_bks(), time_limit_s=2.0)
    assert result.evaluation is not None
    assert result.evaluation.feasible, result.evaluation.problems
    assert result.evaluation.visited == 100
    assert result.gap_pct is not None
    assert result.gap_pct <= 5.0


def test_solomon_evaluation_catches_a_missing_customer() -> None:
    inst = solomon.load_instance(C101) if C101.is_file() else None
    if inst is None:
        pytest.skip("shared benchmark instances not present")
    evaluation = solomon.evaluate(inst, [[c] for c in range(1, 25)])
    assert not evaluation.feasible


@pytest.mark.parametrize("make", [districts.wednesday_afternoon, districts.mixed])
def test_baseline_plan_passes_the_checker(make: object) -> None:
    district = make()  # type: ignore[operator]
    travel = travel_model(district)
    plan = plan_value.baseline_plan(district, districts.WEEK, travel)
    assert plan.routes
    assert plan.totals.people > 0
    assert check_plan(plan, district, travel) == []
