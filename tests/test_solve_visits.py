"""A team-day never leaves a site and comes back unless the site's windows force it
(planner.solve.visits), and the plans made that way pass the checker."""

from __future__ import annotations

from dataclasses import replace

from planner.calendar import Week
from planner.check import check_plan
from planner.model import District, Route, SiteKind, WeeklyWindow
from planner.solve import plan_week
from planner.solve.build import WeekModel, build_week
from planner.solve.timing import DraftStop, build_routes
from planner.solve.visits import merge_site_returns
from planner.travel.haversine import StraightLineTravel
from tests import districts as D  # noqa: N812

A, B = "17.02.09.4001", "17.02.09.4002"


def _model(district: District) -> WeekModel:
    return build_week(district, Week.parse(D.WEEK).dates, StraightLineTravel(district.settings))


def _draft(model: WeekModel, code: str, people: list[int], cards: int = 0) -> DraftStop:
    site = f"village:{code}"
    return DraftStop(site, SiteKind.VILLAGE, model.site_points[site], list(people), cards)


def _a_b_a(district: District) -> tuple[WeekModel, list[list[DraftStop]]]:
    """Monday's first team-day routed A → B → A (two chunks of A split by B)."""
    model = _model(district)
    monday = [
        _draft(model, A, [10], cards=4),
        _draft(model, B, [8]),
        _draft(model, A, [9], cards=3),
    ]
    return model, [monday, *([] for _ in model.team_days[1:])]


def _sites(stops: list[DraftStop]) -> list[tuple[str, list[int], int]]:
    return [(s.site.split(":")[1], s.chunks, s.cards) for s in stops]


def _routes(district: District, model: WeekModel, drafts: list[list[DraftStop]]) -> list[Route]:
    routes, dropped = build_routes(district, model, drafts, [True] * len(drafts))
    assert dropped == 0
    return routes


def test_a_site_split_by_another_stop_becomes_one_visit() -> None:
    """A → B → A becomes A → B: one visit with both chunks and both cards, one setup."""
    district = D.district(
        (D.village(A, 0.02, 0.01, 60), D.village(B, -0.02, 0.01, 30)), (D.team("T1"),)
    )
    model, drafts = _a_b_a(district)
    merged = merge_site_returns(district, model, drafts)
    assert _sites(merged[0]) == [(A, [10, 9], 7), (B, [8], 0)]
    assert _sites(drafts[0]) == [(A, [10], 4), (B, [8], 0), (A, [9], 3)]  # not changed
    (route,) = _routes(district, model, merged)
    assert [(s.site, s.people, s.cards) for s in route.stops] == [
        (f"village:{A}", 19, 7),
        (f"village:{B}", 8, 0),
    ]


def test_the_later_visit_takes_the_chunks_when_only_it_fits() -> None:
    """B is only open early: A's chunks join the later visit (B → A)."""
    district = D.district(
        (
            D.village(A, 0.02, 0.01, 60),
            D.village(B, -0.02, 0.01, 30, weekly={0: ("08:00", "09:45")}),
        ),
        (D.team("T1"),),
    )
    model, drafts = _a_b_a(district)
    drafts[0][0] = _draft(model, A, [3], cards=1)
    merged = merge_site_returns(district, model, drafts)
    assert _sites(merged[0]) == [(B, [8], 0), (A, [9, 3], 4)]
    assert len(_routes(district, model, merged)) == 1


def test_two_visits_stay_when_the_windows_force_them() -> None:
    """The head of A is there 08:00–09:00 and 13:00–14:00 only: both visits stay."""
    windows = (
        WeeklyWindow(0, D.window("08:00", "09:10")),
        WeeklyWindow(0, D.window("13:00", "14:00")),
    )
    head = replace(D.village(A, 0.02, 0.01, 60), head_weekly=windows)
    district = D.district((head, D.village(B, -0.02, 0.01, 30)), (D.team("T1"),))
    model, drafts = _a_b_a(district)
    drafts[0][0].chunks, drafts[0][2].chunks = [5], [5]
    merged = merge_site_returns(district, model, drafts)
    assert _sites(merged[0]) == _sites(drafts[0])
    (route,) = _routes(district, model, merged)
    assert [s.site for s in route.stops] == [f"village:{c}" for c in (A, B, A)]


def test_planned_weeks_have_one_visit_per_site_and_pass_the_checker() -> None:
    """A real search on a district of many small villages: no route visits a site twice
    (their heads are there all day), and the plan passes every hard rule."""
    villages = tuple(
        D.village(f"17.02.09.41{i:02d}", 0.01 * (i % 4), 0.012 * (i // 4), 40 + 7 * i)
        for i in range(8)
    )
    district = D.district(villages, (D.team("T1"), D.team("T2", kits=2)))
    travel = StraightLineTravel(district.settings)
    plan = plan_week(district, Week.parse(D.WEEK), travel, solution_limit=50)
    assert check_plan(plan, district, travel) == []
    for route in plan.routes:
        sites = [s.site for s in route.stops]
        assert len(sites) == len(set(sites)), (route.team, route.date, sites)
