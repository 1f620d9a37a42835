"""Recording a filled tally as a library call, so the CLI and the web page store the same thing
with the same checks (``planner record``)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from planner.errors import InputError
from planner.io.tally import Tally, read_tally, tally_week
from planner.ledger import Ledger, ledger_path
from planner.ledger.limits import site_limits
from planner.ledger.record_text import no_plan_problem
from planner.ledger.records import RecordOutcome
from planner.model import District, Plan
from planner.workflow.requests import OpenDistrict


@dataclass(frozen=True, slots=True)
class Recorded:
    """A tally recorded: what the ledger did, the plan it belonged to and the tally read."""

    outcome: RecordOutcome
    plan: Plan
    tally: Tally
    district: District


def record_tally(opened: OpenDistrict, week: str, results: Path, lang: str) -> Recorded:
    """Record the filled tally ``results`` of ``week`` (a label such as ``2026-W48``) in the
    district's ledger. ``InputError`` lists every problem of the tally, or says (in ``lang``) the
    week has no plan (a district without a ledger gets none created as a side effect)."""
    path = ledger_path(opened.folder)

    def no_plan() -> InputError:
        return InputError([no_plan_problem(week, path, results, tally_week(results), lang)])

    if not path.exists():
        raise no_plan()
    district = opened.district
    with Ledger.open(path) as ledger:
        plan = ledger.latest_plan(week)
        if plan is None:
            raise no_plan()
        tally = read_tally(results, plan, site_limits(district, ledger, week))
        outcome = ledger.record(
            district,
            plan,
            tally.results,
            source_sha256=tally.sha256,
            source_name=results.name,
        )
    return Recorded(outcome, plan, tally, district)
