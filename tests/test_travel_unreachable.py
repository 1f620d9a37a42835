"""Property: infinite travel anywhere (random unreachable pairs, as across water or off a
partial network) never crashes planning, checking, rendering or replanning, and every plan
made still obeys every rule."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.calendar import Week
from planner.check import check_plan
from planner.render import render_all
from planner.render.summary import summary_text
from planner.solve import plan_week
from planner.solve.replan import replan_week
from planner.travel import LatLon
from tests import districts as D  # noqa: N812
from tests.fakes import CutTravel

DISTRICT = D.mixed()
PLACES: list[LatLon] = sorted(
    {(s.lat, s.lon) for s in DISTRICT.sites()} | {(t.base_lat, t.base_lon) for t in DISTRICT.teams}
)
PAIRS = [(a, b) for a in PLACES for b in PLACES if a != b]


@settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(cut=st.sets(st.sampled_from(PAIRS), max_size=len(PAIRS) // 2))
def test_random_unreachable_pairs_never_crash(
    cut: set[tuple[LatLon, LatLon]], tmp_path: Path
) -> None:
    travel = CutTravel(DISTRICT.settings, pairs=cut)
    week = Week.parse(D.WEEK)
    plan = plan_week(DISTRICT, week, travel, time_limit_s=60.0, solution_limit=20)  # type: ignore[arg-type]
    assert check_plan(plan, DISTRICT, travel) == []  # type: ignore[arg-type]
    assert summary_text(plan, DISTRICT)
    out = tmp_path / f"r{len(cut)}"
    out.mkdir(exist_ok=True)
    render_all(plan, DISTRICT, out, travel=travel)  # type: ignore[arg-type]
    wednesday = week.monday + dt.timedelta(days=2)
    again, _ = replan_week(
        DISTRICT,
        plan,
        wednesday,
        travel,
        without_teams=[DISTRICT.teams[0].id],  # type: ignore[arg-type]
        time_limit_s=60.0,
        solution_limit=20,
    )
    assert check_plan(again, DISTRICT, travel) == []  # type: ignore[arg-type]
    sites = DISTRICT.site_index()
    teams = {t.id: t for t in DISTRICT.teams}
    for route in (*plan.routes, *again.routes):
        base = (teams[route.team].base_lat, teams[route.team].base_lon)
        stops = [(sites[s.site].lat, sites[s.site].lon) for s in route.stops]
        legs = list(zip([base, *stops], [*stops, base], strict=True))
        assert not any(leg in cut for leg in legs), f"{route.team} {route.date} takes a cut leg"
