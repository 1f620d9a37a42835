"""The schedule cover's blank-card table: one page for 10 teams × 6 days, clean breaks beyond."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
import runpy
from pathlib import Path
from types import SimpleNamespace

from pypdf import PdfReader

from planner.model import Plan, totals_of
from planner.render._common import RenderContext
from planner.render.cover import blank_grid
from planner.render.pdf import render_schedule_pdf

DATA = Path(__file__).parent / "data"
fx = SimpleNamespace(**runpy.run_path(str(DATA / "render_district.py")))  # fixture builders


def _plan(teams: int, days: int) -> tuple[object, Plan]:
    """The fixture district with a generated plan: ``teams`` teams (T1…) × ``days`` days, each
    route a copy of a fixture route; every third team-day goes without a printer."""
    district, plan = fx.build()
    template = next(r for r in plan.routes if r.printer)
    monday = min(r.date for r in plan.routes)
    routes = []
    for i in range(teams):
        for d in range(days):
            route = dataclasses.replace(
                template, team=f"T{i + 1}", date=monday + dt.timedelta(days=d)
            )
            if (i + d) % 3 == 0:
                stops = tuple(dataclasses.replace(s, cards=0) for s in route.stops)
                route = dataclasses.replace(route, printer=False, blanks=0, stops=stops)
            routes.append(route)
    routes_t = tuple(routes)
    totals = totals_of(routes_t, district.settings.weights)
    return district, dataclasses.replace(plan, routes=routes_t, totals=totals)


def _pages(teams: int, days: int) -> list[str]:
    district, plan = _plan(teams, days)
    pdf = render_schedule_pdf(RenderContext(plan, district))  # type: ignore[arg-type]
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def test_ten_teams_by_six_days_fit_on_the_cover_page() -> None:
    """Every team's row and the totals on page 1; page 2 is the first team's week."""
    pages = _pages(10, 6)
    cover = pages[0]
    for team in range(1, 11):
        assert re.search(rf"\bT{team}\b", cover), team
    assert "Jumlah" in cover
    assert "Pengambilan blanko per tim" not in pages[1]
    assert "Sel abu-abu" in cover  # the legend is on the cover too


def test_the_grid_sums_and_shades_the_days_without_a_printer() -> None:
    district, plan = _plan(10, 6)
    grid = blank_grid(RenderContext(plan, district))  # type: ignore[arg-type]
    assert len(grid.header) == 1 + 6 + 1
    assert len(grid.rows) == 10 + 1
    team_totals = [int(row[-1].replace(".", "")) for row in grid.rows[:-1]]
    assert (
        int(grid.rows[-1][-1].replace(".", ""))
        == sum(team_totals)
        == sum(r.blanks for r in plan.routes)
    )
    row_of = {re.findall(r"T\d+", row[0])[-1]: i for i, row in enumerate(grid.rows[:-1])}
    assert len(row_of) == 10
    monday = plan.routes[0].date
    no_printer = {
        (row_of[r.team], (r.date - monday).days + 1) for r in plan.routes if not r.printer
    }
    assert grid.no_printer == no_printer
    assert all(grid.rows[r][c] == "0" for r, c in grid.no_printer)


def test_a_longer_week_breaks_with_the_header_repeated() -> None:
    """40 teams do not fit: the table goes on over the next page, header row first."""
    pages = _pages(40, 6)
    cover, second = pages[0], pages[1]
    teams_on = [{n for n in range(1, 41) if re.search(rf"\bT{n}\b", page)} for page in pages[:2]]
    assert teams_on[0] | teams_on[1] == set(range(1, 41))
    assert teams_on[0]
    assert teams_on[1]
    header = re.compile(r"Tim\s+Sen\s+23/11\s+Sel\s+24/11")
    assert header.search(cover)
    assert header.search(second)  # the header row again, above the rest of the teams
