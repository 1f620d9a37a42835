"""Large weeks: zones (``planner.solve.decompose``), the printer heuristic and the fast unserved
reasons, on a generated 600-site district (``benchmarks/scale.py``'s generator)."""

from __future__ import annotations

import datetime as dt
import math
import sys
import types
from dataclasses import replace
from functools import cache
from pathlib import Path

import numpy as np
import pytest

from planner.calendar import Week
from planner.check import check_plan
from planner.io.plan_json import plan_to_json
from planner.model import District, Plan, SiteKind, TimeWindow
from planner.solve import decompose, printers, week
from planner.solve.build import (
    TeamDay,
    WeekModel,
    build_week,
    service_minutes,
    working_windows,
)
from planner.solve.explain import explain_unserved
from planner.solve.greedy import best_greedy_routes
from planner.solve.timing import DraftStop, fit_window
from planner.travel.haversine import StraightLineTravel
from tests import districts as D  # noqa: N812

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.scale import WEEK, generate  # noqa: E402

LOW_THRESHOLD = 10_000
"""nodes × team-days above which the test weeks are solved in zones (default 20,000)."""
FAST = {"time_limit_s": 60.0, "solution_limit": 3, "zone_threshold": LOW_THRESHOLD}


@cache
def district600() -> District:
    """600 sites, 4 teams: about 1,800 nodes × 24 team-days."""
    return generate(600, 4)


def count_zones(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """A list that gets the number of zones of every week solved in zones from now on."""
    zones: list[int] = []
    original = week.solve_in_zones

    def spy(*args: object, **kwargs: object) -> tuple[object, int]:
        result = original(*args, **kwargs)  # type: ignore[arg-type]
        zones.append(result[1])
        return result

    monkeypatch.setattr(week, "solve_in_zones", spy)
    return zones


def plan600() -> Plan:
    """Plan the 600-site week in zones."""
    district = district600()
    travel = StraightLineTravel(district.settings)
    return week.plan_week(district, Week.parse(WEEK), travel, **FAST)  # type: ignore[arg-type]


def test_zones_plan_is_valid_explained_and_repeatable(monkeypatch: pytest.MonkeyPatch) -> None:
    """Solved in several zones, the week passes the checker, every site with people is either
    visited or has a reason, and the same inputs give the same bytes (SPEC rule 7)."""
    zones = count_zones(monkeypatch)
    first = plan600()
    district = district600()
    assert zones
    assert zones[0] >= 3
    assert check_plan(first, district, StraightLineTravel(district.settings)) == []
    assert first.solver.stopped_by == "solution_limit"
    visited = {s.site for _, s in first.stops()}
    with_people = {s.site_id for s in district.sites() if s.expected_people(district.settings)}
    unserved = {u.site for u in first.unserved}
    assert visited | unserved == with_people
    assert not visited & unserved
    assert all(u.reason and u.reason_code for u in first.unserved)
    assert {u.reason_code for u in first.unserved} <= {
        "no_time", "not_selected", "head_never", "head_no_workday", "school_closed",
        "window_no_workday", "unreachable",
    }  # fmt: skip
    again = plan600()
    assert plan_to_json(again) == plan_to_json(first)


def _model600() -> WeekModel:
    district = district600()
    return build_week(district, Week.parse(WEEK).dates, StraightLineTravel(district.settings))


def test_zones_partition_the_week() -> None:
    """Every team-day is in exactly one zone, every node in at most one, a chunk's copies in
    the same one, and the greedy routes' stops in their team-day's zone."""
    model = _model600()
    problem = model.core
    routes = best_greedy_routes(problem)
    zones = decompose.make_zones(problem, decompose.plane_km(model.points), routes, 400)
    assert len(zones) >= 3
    vehicles = [v for zone in zones for v in zone.vehicles]
    assert sorted(vehicles) == list(range(len(problem.vehicles)))
    zone_of = {n: z for z, zone in enumerate(zones) for n in zone.nodes}
    assert sum(len(zone.nodes) for zone in zones) == len(zone_of)
    for group in problem.groups:
        assert len({zone_of.get(n) for n in group.nodes}) == 1
    vehicle_zone = {v: z for z, zone in enumerate(zones) for v in zone.vehicles}
    for v, route in enumerate(routes):
        assert all(zone_of[n] == vehicle_zone[v] for n in route)


def test_kmeans_is_repeatable() -> None:
    """Same points and seed, same labels; another seed may cluster otherwise."""
    rng = np.random.default_rng(5)
    xy = rng.normal(size=(300, 2))
    weights = rng.uniform(1, 3, 300)
    labels = decompose.kmeans(xy, weights, 6, seed=0)
    assert np.array_equal(labels, decompose.kmeans(xy, weights, 6, seed=0))
    assert set(labels.tolist()) == set(range(6))


def _oracle_need(model: WeekModel, td: TeamDay, stops: list[tuple]) -> int:
    """The overrun of a day, computed the plain way (the explain module before it was fast)."""
    minutes = model.matrices[td.team.vehicle].minutes
    clock, here, worst = td.hours.start, td.base, 0
    for point, windows, duration in stops:
        arrive = clock + math.ceil(float(minutes[here][point]) - 1e-9)
        start = fit_window(windows, arrive, duration)
        if start is None:
            late = [max(arrive, w.start) + duration - w.end for w in windows] or [10**6]
            worst = max(worst, min(late))
            start = arrive
        clock = start + duration
        here = point
    back = clock + math.ceil(float(minutes[here][td.base]) - 1e-9)
    return max(worst, back - td.hours.end)


def test_no_time_minutes_are_the_least_overrun() -> None:
    """The pruned search for the closest team-day finds exactly the least overrun of every
    insertion and the first team-day (in plan order) that reaches it."""
    district = district600()
    plan = plan600()
    model = _model600()
    sites = district.site_index()
    route_of = {(r.team, r.date): r for r in plan.routes}
    reasons = explain_unserved(district, model, plan.routes, "en")
    checked = 0
    for unserved in reasons[:: max(1, len(reasons) // 40)]:
        if unserved.reason_code != "no_time":
            continue
        site = sites[unserved.site]
        kind = SiteKind(unserved.site.split(":", 1)[0])
        people = site.expected_people(district.settings)
        first = 1 if kind is SiteKind.HOMEBOUND else min(people, 20)
        point = model.site_points[unserved.site]
        best: tuple[int, dt.date, str] | None = None
        for td in model.team_days:
            windows: list[TimeWindow] = working_windows(site, td)
            if not windows:
                continue
            duration = district.settings.setup_minutes + service_minutes(
                first, td.team.kits, district.settings
            )
            route = route_of.get((td.team.id, td.date))
            existing = [
                (model.site_points[s.site], working_windows(sites[s.site], td), s.end - s.start)
                for s in (route.stops if route else ())
            ]
            for pos in range(len(existing) + 1):
                trial = [*existing[:pos], (point, windows, duration), *existing[pos:]]
                need = _oracle_need(model, td, trial)
                if best is None or need < best[0]:
                    best = (need, td.date, td.team.name)
        assert best is not None
        assert f"about {best[0]} more minutes" in unserved.reason
        assert best[2] in unserved.reason
        assert best[1].isoformat() in unserved.reason
        checked += 1
    assert checked >= 10


def _drafts() -> tuple[District, types.SimpleNamespace, list[list[DraftStop]]]:
    """Nine routes over three dates, one printer a date, 30 cards: villages, a school with 8
    printable students on two routes, homebound residents."""
    base = D.mixed()
    school = replace(base.schools[0], printable=8)
    district = D.district(
        base.villages, base.teams, schools=(school,), homebound=base.homebound,
        printers=1, blank_stock=30, blank_reserve=0,
    )  # fmt: skip
    v = [f"village:{x.code}" for x in base.villages]
    h = [f"homebound:{x.id}" for x in base.homebound]
    s = f"school:{school.npsn}"
    village, hb, sch = SiteKind.VILLAGE, SiteKind.HOMEBOUND, SiteKind.SCHOOL
    routes = [
        [DraftStop(v[0], village, 0, [12]), DraftStop(h[0], hb, 0, [1])],
        [DraftStop(s, sch, 0, [10])],
        [DraftStop(v[1], village, 0, [20])],
        [DraftStop(h[1], hb, 0, [1]), DraftStop(h[2], hb, 0, [1])],
        [DraftStop(v[2], village, 0, [15]), DraftStop(s, sch, 0, [6])],
        [],
        [DraftStop(v[3], village, 0, [9])],
        [DraftStop(v[0], village, 0, [18])],
        [DraftStop(s, sch, 0, [5]), DraftStop(v[1], village, 0, [3])],
    ]
    dates = [D.MONDAY + dt.timedelta(days=r // 3) for r in range(len(routes))]
    model = types.SimpleNamespace(team_days=[types.SimpleNamespace(date=d) for d in dates])
    return district, model, routes


def _value(district: District, drafts: list[list[DraftStop]], carried: list[bool]) -> int:
    cards = sum(round(100 * district.settings.weights[s.kind]) * s.cards for r in drafts for s in r)
    return cards - sum(carried)


def test_printer_heuristic_start_reaches_the_exact_choice(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Above ``EXACT_PRINTER_ROUTES`` CP-SAT starts from the heuristic's choice; here both
    reach the exact model's value and keep every rule (printers a date, budget, school)."""
    district, model, exact_drafts = _drafts()
    exact = printers.assign_printers(district, model, exact_drafts)  # type: ignore[arg-type]
    heuristic = printers._printer_heuristic(district, model, _drafts()[2])  # type: ignore[arg-type]
    assert heuristic is not None
    monkeypatch.setattr(printers, "EXACT_PRINTER_ROUTES", 0)
    drafts = _drafts()[2]
    started = printers.assign_printers(district, model, drafts)  # type: ignore[arg-type]
    assert _value(district, drafts, started) == _value(district, exact_drafts, exact)
    assert heuristic[2] <= _value(district, drafts, started)
    for day in range(3):
        assert sum(started[day * 3 : day * 3 + 3]) <= 1
    assert sum(s.cards for r in drafts for s in r) <= 30
    assert sum(s.cards for r in drafts for s in r if s.kind is SiteKind.SCHOOL) <= 8
    for r, stops in enumerate(drafts):
        assert started[r] or not any(s.cards for s in stops)


def test_replan_in_zones_keeps_promised_stops(monkeypatch: pytest.MonkeyPatch) -> None:
    """A replan solved in zones keeps every stop before its date (pinned stops travel with
    their team-day's zone) and passes the checker."""
    from planner.solve.replan import replan_week

    district = district600()
    travel = StraightLineTravel(district.settings)
    old = plan600()
    zones = count_zones(monkeypatch)
    monkeypatch.setattr(week, "in_zones", lambda problem, threshold=0: True)
    wednesday = Week.parse(WEEK).dates[2]
    new, _ = replan_week(district, old, wednesday, travel, without_teams=["T2"], solution_limit=3)
    assert zones
    assert check_plan(new, district, travel) == []
    kept = {(r.team, r.date, s) for r in old.routes if r.date < wednesday for s in r.stops}
    assert kept <= {(r.team, r.date, s) for r in new.routes for s in r.stops}
    assert all(r.team != "T2" for r in new.routes if r.date >= wednesday)
