"""map.html one day at a time: the per-day grouping of team-days, stop numbers unique within a
team-day (the schedule's order), the day picker, the per-team legend and the print style."""

from __future__ import annotations

import re
import runpy
from pathlib import Path
from types import SimpleNamespace

from planner.i18n import long_date, number
from planner.io.tally_columns import stop_code
from planner.render._common import RenderContext
from planner.render.mapdays import ALL_DAYS, day_views, default_day, team_table
from planner.render.webmap import render_map

DATA = Path(__file__).parent / "data"
fx = SimpleNamespace(**runpy.run_path(str(DATA / "render_district.py")))


def _ctx(lang: str = "id") -> RenderContext:
    district, plan = fx.build()
    return RenderContext(plan, district, lang)


def test_day_views_group_every_route_once_by_date_in_team_order() -> None:
    ctx = _ctx()
    views = day_views(ctx)
    assert [v.date for v in views] == sorted({r.date for r in ctx.plan.routes})
    seen = [td.route for v in views for td in v.team_days]
    assert sorted(id(r) for r in seen) == sorted(id(r) for r in ctx.plan.routes)
    order = list(ctx.teams)
    for view in views:
        assert all(td.route.date == view.date for td in view.team_days)
        teams = [td.team.id for td in view.team_days]
        assert teams == sorted(teams, key=order.index)
        assert len(set(teams)) == len(teams)  # one team-day per team and date
    assert default_day(views) == min(r.date for r in ctx.plan.routes).isoformat()
    assert default_day([]) == ALL_DAYS


def test_stop_numbers_are_unique_within_a_team_day_and_match_the_schedule() -> None:
    """1..n in each team-day, the order the schedule and tally codes (T1-1123-2) use."""
    for view in day_views(_ctx()):
        for team_day in view.team_days:
            numbered = team_day.numbered()
            numbers = [n for n, _ in numbered]
            assert numbers == list(range(1, len(team_day.route.stops) + 1))
            assert [s for _, s in numbered] == list(team_day.route.stops)
            codes = {stop_code(team_day.team.id, view.date, n) for n in numbers}
            assert len(codes) == len(numbers)


def _tooltips(page: str) -> list[str]:
    return re.findall(r"bindTooltip\(\s*`<div>\s*(.*?)\s*</div>`", page, flags=re.DOTALL)


def test_every_marker_is_tied_to_its_team_day_in_class_and_tooltip() -> None:
    ctx = _ctx()
    page = render_map(ctx, offline=True)
    for view in day_views(ctx):
        day = long_date(view.date, "id")
        for team_day in view.team_days:
            classes = f"planner-team-{team_day.team.id} planner-day-{view.key}"
            stops = len(team_day.route.stops)
            # a marker per stop plus the route's line(s), each with its team-day's classes
            assert page.count(f"planner-stop {classes}") == stops
            for order in range(1, stops + 1):
                prefix = f"{team_day.team.label} · {day} · No. {order}: "
                matches = [tip for tip in _tooltips(page) if tip.startswith(prefix)]
                assert len(matches) == 1, prefix
    # every stop tooltip names team, day and number: none is a bare place any more
    stop_tips = [tip for tip in _tooltips(page) if " · No. " in tip]
    assert len(stop_tips) == sum(len(r.stops) for r in ctx.plan.routes)


def test_the_page_has_a_day_picker_and_print_style_and_no_day_layers() -> None:
    ctx = _ctx("en")
    page = render_map(ctx, offline=True)
    views = day_views(ctx)
    buttons = re.findall(r'<button type="button" data-planner-day="([\w-]+)"', page)
    assert buttons == [v.key for v in views] + [ALL_DAYS]
    assert "All days" in page
    assert "@media print" in page
    assert "#planner-days" in page
    # the layer control lists the teams and the unserved sites, no longer a layer per day
    overlays = re.search(r"overlays :\s*\{(.*?)\}", page, flags=re.DOTALL)
    assert overlays is not None
    names = re.findall(r'^\s*"(.*?)" :', overlays.group(1), flags=re.MULTILINE)
    assert len(names) == len(ctx.teams) + 1
    assert not any(long_date(view.date, "en") in name for view in views for name in names)


def test_team_table_has_the_day_shown_and_the_week_per_team() -> None:
    ctx = _ctx()
    views = day_views(ctx)
    teams = [ctx.teams[team_id] for team_id in ctx.teams]
    html = team_table(ctx, teams, views)
    bodies = dict(
        re.findall(r'<tbody data-planner-day="([\w-]+)">(.*?)</tbody>', html, flags=re.DOTALL)
    )
    assert list(bodies) == [v.key for v in views] + [ALL_DAYS]
    first = views[0]
    route = first.team_days[0].route
    team = first.team_days[0].team
    week = [r for r in ctx.plan.routes if r.team == team.id]
    row = next(r for r in bodies[first.key].split("<tr>") if team.label in r)
    cells = re.findall(r'<td class="planner-num">([^<]*)</td>', row)
    assert cells == [
        number(route.distance_km, "id", 1),
        number(route.people, "id"),
        number(route.cards, "id"),
        number(sum(r.distance_km for r in week), "id", 1),
        number(sum(r.people for r in week), "id"),
        number(sum(r.cards for r in week), "id"),
    ]
