"""One simulated campaign week: plan it with the real planner, then record it as planned.

A simulated week assumes the plan's expected people come (the plan already counts the expected
turnout) and its cards are printed. Nothing is written: the state lives in memory, started from
the ledger (``start_state``), so the forecast, what-if and the fairness benchmark never touch
the district's files.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

from planner.calendar import Week
from planner.campaign.fair import campaign_boost, kecamatan_waited
from planner.ledger import apply_ledger
from planner.ledger.apply import apply_done
from planner.ledger.queries import LedgerQueries
from planner.model import District, Plan
from planner.travel import TravelModel

SIM_SOLUTION_LIMIT = 30
"""Improving solutions per simulated week: a shorter search than a real week's (100)."""


@dataclass(frozen=True, slots=True)
class CampaignState:
    """The district as the simulation stands before planning ``week``."""

    district: District
    week: Week
    last: Mapping[str, str] = field(default_factory=dict)
    """The week each site was last visited (site id → week label)."""
    first: str | None = None
    """The campaign's first week (kecamatan never visited waited since then)."""


@dataclass(frozen=True, slots=True)
class SimOptions:
    """How each simulated week is planned."""

    fair: bool | None = None
    """Fair reach on/off (None: the district's setting)."""
    cap: bool | None = None
    """Value only people who lower a village backlog (None: the district's setting)."""
    solution_limit: int = SIM_SOLUTION_LIMIT
    seed: int = 0
    engine: str = "ortools"
    """One core per simulation: parallel variants use the other."""


def start_state(district: District, ledger: LedgerQueries | None, week: Week) -> CampaignState:
    """The campaign's state before ``week``: the tables after the ledger's recorded weeks."""
    if ledger is None:
        return CampaignState(district, week)
    state = apply_ledger(district, ledger, before_week=week.label)
    first = ledger.first_week()
    return CampaignState(state, week, ledger.last_visits(before_week=week.label), first)


def plan_state(state: CampaignState, travel: TravelModel, options: SimOptions) -> Plan:
    """Plan ``state.week`` from ``state`` with the fair-reach boosts, as ``planner plan`` does."""
    from planner.solve import plan_week

    district = state.district
    waited = kecamatan_waited(district, state.last, state.first, state.week.label)
    boost = campaign_boost(district, waited, fair=options.fair, cap=options.cap)
    return plan_week(
        district,
        state.week,
        travel,
        solution_limit=options.solution_limit,
        seed=options.seed,
        engine=options.engine,
        value_boost=boost or None,
    )


def done_by_site(plan: Plan) -> dict[str, tuple[int, int]]:
    """People and cards of every planned stop, summed per site: the week recorded as planned."""
    done: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for _, stop in plan.stops():
        done[stop.site][0] += stop.people
        done[stop.site][1] += stop.cards
    return {site: (p, c) for site, (p, c) in done.items()}


def record_as_planned(state: CampaignState, plan: Plan) -> CampaignState:
    """The state after ``plan`` was done as planned, and the next week to plan."""
    done = done_by_site(plan)
    after = apply_done(state.district, done, -plan.totals.cards)
    last = dict(state.last)
    for site in done:
        last[site] = state.week.label
    following = Week.of(state.week.monday + dt.timedelta(days=7))
    return CampaignState(after, following, last, state.first or state.week.label)


def simulate(
    state: CampaignState, travel: TravelModel, options: SimOptions, weeks: int
) -> tuple[list[Plan], CampaignState]:
    """``weeks`` weeks planned and recorded as planned, one after the other."""
    plans: list[Plan] = []
    for _ in range(weeks):
        plan = plan_state(state, travel, options)
        plans.append(plan)
        state = record_as_planned(state, plan)
    return plans, state
