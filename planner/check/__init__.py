"""An independent checker of the SPEC's hard rules: does a ``Plan`` obey every one of them?

The solver calls ``check_plan`` before it writes anything (a violation there is a bug) and users
run ``planner check PLAN.json`` on plans they edited or kept. To be a real second opinion it
shares no code with the solver's constraint building: it never imports ``planner.solve`` and
re-derives every window from the District's raw fields, using only the model's helpers that
define what an input means (``Site.windows_on``, ``Site.people_limit``, ``Team.hours_on``,
``stop_minutes``). Each rule is one function that loops over the plan and compares numbers, so
a reader can see it is right.

The checker never trusts the plan's own invariants: a plan may come from a hand-edited file or a
buggy solver, so e.g. ``cards > people`` is checked again although ``Stop`` refuses it.

Modules: ``schedule`` (rules 1, 2, 4), ``travel`` (rule 3), ``capacity`` (rules 5, 6),
``totals`` (rule 7) and ``common`` (``Violation`` and message helpers).
"""

from __future__ import annotations

from planner.check.capacity import rule5_site_caps, rule6_printers_and_cards
from planner.check.common import EPSILON, Violation
from planner.check.schedule import rule1_site_windows, rule2_team_days, rule4_durations
from planner.check.totals import (
    TOTAL_DISTANCE_TOLERANCE_KM,
    TOTAL_WEIGHTED_TOLERANCE,
    rule7_totals,
)
from planner.check.travel import (
    DISTANCE_TOLERANCE_KM,
    DISTANCE_TOLERANCE_SHARE,
    LegTable,
    rule3_travel,
)
from planner.errors import PlanCheckError
from planner.model import District, Plan
from planner.travel import TravelModel

__all__ = [
    "DISTANCE_TOLERANCE_KM",
    "DISTANCE_TOLERANCE_SHARE",
    "EPSILON",
    "TOTAL_DISTANCE_TOLERANCE_KM",
    "TOTAL_WEIGHTED_TOLERANCE",
    "Violation",
    "check_plan",
    "plan_warnings",
    "require_valid",
]


def check_plan(plan: Plan, district: District, travel: TravelModel) -> list[Violation]:
    """Every hard-rule violation in ``plan`` against ``district`` (empty list: the plan is valid).

    ``travel`` must be the model the plan was made with (road network or estimate), otherwise
    rule 3 compares against other travel times. Violations come in rule order, then plan order.
    """
    sites = district.site_index()
    teams = {t.id: t for t in district.teams}
    legs = LegTable(plan, travel, sites, teams)
    found: list[Violation] = []
    found += rule1_site_windows(plan, district, sites)
    found += rule2_team_days(plan, district, teams)
    found += rule3_travel(plan, teams, legs)
    found += rule4_durations(plan, district, teams)
    found += rule5_site_caps(plan, sites)
    found += rule6_printers_and_cards(plan, district, sites)
    found += rule7_totals(plan, district, sites)
    return found


def require_valid(plan: Plan, district: District, travel: TravelModel) -> None:
    """Raise ``PlanCheckError`` listing every violation; for callers that must not go on."""
    violations = check_plan(plan, district, travel)
    if violations:
        raise PlanCheckError([str(v) for v in violations])


def plan_warnings(plan: Plan, district: District, travel: TravelModel | None = None) -> list[str]:
    """Reasons to doubt the check itself: the plan names another district, the inputs changed
    since it was made, or it used other travel times. Not violations: data moves on.
    """
    warnings = []
    if plan.district != district.settings.name:
        warnings.append(
            f"the plan is for district {plan.district!r} but the data folder is "
            f"{district.settings.name!r}"
        )
    if (
        plan.inputs_sha256
        and district.inputs_sha256
        and plan.inputs_sha256 != district.inputs_sha256
    ):
        warnings.append(
            f"the district's inputs changed since the plan was made (inputs_sha256 "
            f"{plan.inputs_sha256[:12]}… in the plan, {district.inputs_sha256[:12]}… now); "
            "the check uses today's inputs"
        )
    # a plan on roads says "roads" or "mixed" (some legs estimated); the model says "roads"
    if travel is not None and (plan.travel_source == "estimate") != (travel.source == "estimate"):
        warnings.append(
            f"the plan was made with travel times from {plan.travel_source!r} but is checked "
            f"with {travel.source!r}; rule 3 may differ (give the same --roads)"
        )
    return warnings
