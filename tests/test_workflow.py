"""The week's workflow as a library (``planner.workflow``): what a front end other than the
CLI gets back, without parsing printed output."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from planner.calendar import Week
from planner.errors import InputError
from planner.io.plan_json import read_plan
from planner.ledger import Ledger, ledger_path
from planner.workflow import (
    PlanRequest,
    ReplanRequest,
    open_district,
    plan_district,
    replan_district,
)

TINY = Path(__file__).parent / "data" / "io_tiny_en"
WEEK = Week.parse("2026-W49")


@pytest.fixture
def district_dir(tmp_path: Path) -> Path:
    """A writable copy of the tiny English district (so it keeps a ledger)."""
    folder = tmp_path / "district"
    shutil.copytree(TINY, folder)
    return folder


def test_plan_district_returns_what_it_wrote(district_dir: Path, tmp_path: Path) -> None:
    """The result names the folder and every file written; its figures are plan.json's; the
    stages were reported in order; the plan is in the ledger with the version plan.json has."""
    stages: list[str] = []
    request = PlanRequest(week=WEEK, out_dir=tmp_path / "out", solution_limit=10)
    result = plan_district(
        open_district(district_dir), request, progress=lambda stage, _: stages.append(stage)
    )
    assert result.out_week == tmp_path / "out" / "2026-W49"
    names = {p.name for p in result.paths}
    assert {"plan.json", "summary.txt", "map.html", "schedule.pdf", "schedule.xlsx"} <= names
    assert all(p.is_file() for p in result.paths)
    written = json.loads((result.out_week / "plan.json").read_text(encoding="utf-8"))
    assert result.people == written["totals"]["people"] > 0
    assert result.weighted_people == written["totals"]["weighted_people"]
    assert result.unserved == len(written["unserved"])
    assert (result.out_week / "summary.txt").read_text(encoding="utf-8") == result.summary
    assert stages.index("build") < stages.index("check") < stages.index("render")
    with Ledger.open(ledger_path(district_dir)) as ledger:
        assert ledger.version_for("2026-W49", json.dumps(written)) == written["version"]


def test_replan_district_keeps_the_old_version_and_lists_changes(
    district_dir: Path, tmp_path: Path
) -> None:
    """A replan writes version 2 beside plan.v1.json and changes.txt, and returns the list."""
    out = tmp_path / "out"
    opened = open_district(district_dir)
    first = plan_district(opened, PlanRequest(week=WEEK, out_dir=out, solution_limit=10))
    team = first.plan.routes[0].team
    result = replan_district(
        opened,
        ReplanRequest(from_date=dt.date(2026, 12, 2), out_dir=out, without_teams=(team,),
                      solution_limit=10),
    )
    assert result.plan.version == 2
    assert read_plan(out / "2026-W49" / "plan.v1.json") == first.plan
    assert result.changes is not None
    assert (out / "2026-W49" / "changes.txt").read_text(encoding="utf-8") == result.changes
    later = [r for r in result.plan.routes if r.date >= dt.date(2026, 12, 2)]
    assert all(r.team != team for r in later)


def test_bad_requests_are_input_errors(district_dir: Path, tmp_path: Path) -> None:
    """Unknown teams and the fairness option without a ledger are the user's to fix."""
    opened = open_district(district_dir)
    with pytest.raises(InputError, match="unknown team id"):
        plan_district(opened, PlanRequest(week=WEEK, out_dir=tmp_path, teams=("T9",)))
    with pytest.raises(InputError, match="needs the campaign ledger"):
        plan_district(
            opened,
            PlanRequest(week=WEEK, out_dir=tmp_path, min_visit_every=2, use_ledger=False),
        )
    assert not (tmp_path / "2026-W49").exists()


def test_the_library_does_not_load_the_cli() -> None:
    """Importing the workflow (the multi-district runner included) loads neither click nor
    planner.cli: another front end can use it as it is."""
    code = (
        "import sys, planner.workflow, planner.workflow.many; "
        "bad = [m for m in sys.modules if m == 'click' or m.startswith('planner.cli')]; "
        "sys.exit(repr(bad) if bad else 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


def test_every_public_name_resolves() -> None:
    """The package's lazily loaded names are the listed ones, and each one loads."""
    import planner.workflow as workflow

    assert set(workflow.__all__) == set(workflow._HOMES)
    for name in workflow.__all__:
        assert getattr(workflow, name) is not None
    with pytest.raises(AttributeError):
        _ = workflow.nothing_here
