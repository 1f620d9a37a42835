"""Property: every workbook the planner writes can be recorded as printed.

Over generated districts (villages with random head hours, schools, homebound residents, one to
three teams, printers and cards), the week is planned, ``schedule.xlsx`` rendered in Indonesian
or English, and filled in with the planned numbers on the "all stops" sheet, on the team
sheets, or on both, as the office or the teams would. ``record`` must accept it and the ledger
then holds exactly those numbers, stop by stop.
"""

from __future__ import annotations

import io
import os
from collections import Counter
from pathlib import Path

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.calendar import Week
from planner.io.plan_json import plan_to_json
from planner.io.tally import read_tally
from planner.io.tally_columns import all_stops_sheet, header
from planner.ledger import Ledger, stop_key
from planner.ledger.limits import site_limits
from planner.model import District, Homebound, HomeboundCategory, Plan, School, Shift
from planner.render._common import RenderContext
from planner.render.xlsx import render_schedule_xlsx
from planner.solve import plan_week
from planner.travel.haversine import StraightLineTravel
from tests import districts as D  # noqa: N812

HOURS = [("08:00", "12:00"), ("09:00", "11:00"), ("13:00", "15:00"), ("07:30", "15:30")]


@st.composite
def districts(draw: st.DrawFn) -> District:
    """2–5 villages, 0–2 schools, 0–3 homebound residents, 1–3 teams, 0–2 printers."""
    villages = tuple(
        D.village(
            f"17.02.09.50{i:02d}",
            draw(st.floats(-0.1, 0.1)),
            draw(st.floats(-0.1, 0.1)),
            draw(st.integers(0, 120)),
            weekly={
                day: HOURS[draw(st.integers(0, len(HOURS) - 1))]
                for day in draw(st.sets(st.integers(0, 4), min_size=1, max_size=3))
            },
        )
        for i in range(draw(st.integers(2, 5)))
    )
    schools = tuple(
        School(
            npsn=f"107050{i:02d}",
            name=f"SMA {i}",
            village_code=villages[i % len(villages)].code,
            lat=villages[i % len(villages)].lat + 0.003,
            lon=villages[i % len(villages)].lon,
            students=(students := draw(st.integers(1, 80))),
            printable=draw(st.integers(0, students)),
        )
        for i in range(draw(st.integers(0, 2)))
    )
    homebound = tuple(
        Homebound(
            id=f"WK{i}",
            category=draw(st.sampled_from(list(HomeboundCategory))),
            village_code=villages[i % len(villages)].code,
            lat=villages[i % len(villages)].lat - 0.002 * (i + 1),
            lon=villages[i % len(villages)].lon,
        )
        for i in range(draw(st.integers(0, 3)))
    )
    teams = tuple(
        D.team(
            f"T{j}",
            kits=draw(st.integers(1, 2)),
            shifts=(
                Shift(
                    frozenset(draw(st.sets(st.integers(0, 4), min_size=1, max_size=3))),
                    D.window("07:30", "15:30"),
                ),
            ),
        )
        for j in range(1, draw(st.integers(1, 3)) + 1)
    )
    return D.district(
        villages,
        teams,
        schools=schools,
        homebound=homebound,
        printers=draw(st.integers(0, 2)),
        blank_stock=draw(st.integers(0, 80)),
        blank_reserve=0,
    )


def _filled(plan: Plan, district: District, lang: str, where: str) -> bytes:
    """schedule.xlsx of ``plan`` with every stop's planned people and cards written in."""
    book = openpyxl.load_workbook(
        io.BytesIO(render_schedule_xlsx(RenderContext(plan, district, lang)))
    )
    planned = {
        f"{route.team}-{route.date:%m%d}-{order}": (stop.people, stop.cards)
        for route in plan.routes
        for order, stop in enumerate(route.stops, start=1)
    }
    everything = all_stops_sheet(lang)
    teams = [name for name in book.sheetnames if name.endswith(")") and name != everything]
    sheets = {"all": [everything], "teams": teams, "both": [everything, *teams]}[where]
    names = [header(c, lang) for c in ("code", "recorded", "printed")]
    for name in sheets:
        ws = book[name]
        head = [c.value for c in ws[1]]
        if names[0] not in head:
            continue  # the unserved sheet
        code, recorded, printed = (head.index(n) + 1 for n in names)
        for row in range(2, ws.max_row + 1):
            value = planned.get(str(ws.cell(row, code).value))
            if value is not None:
                ws.cell(row, recorded, value[0])
                ws.cell(row, printed, value[1])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


PROPERTY = settings(
    max_examples=int(os.environ.get("PLANNER_PROPERTY_EXAMPLES", "12")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@PROPERTY
@given(
    district=districts(),
    lang=st.sampled_from(["id", "en"]),
    where=st.sampled_from(["all", "teams", "both"]),
)
def test_every_written_workbook_records_as_printed(
    tmp_path: Path, district: District, lang: str, where: str
) -> None:
    """Plan → schedule.xlsx filled with the plan's numbers → record → the ledger holds them."""
    travel = StraightLineTravel(district.settings)
    plan = plan_week(district, Week.parse(D.WEEK), travel, solution_limit=20)
    path = tmp_path / f"tally-{lang}-{where}.xlsx"
    path.write_bytes(_filled(plan, district, lang, where))
    with Ledger.memory() as ledger:
        ledger.save_plan(plan, plan_to_json(plan))
        tally = read_tally(path, plan, site_limits(district, ledger, plan.week))
        assert tally.warnings == ()
        assert tally.not_visited == 0
        ledger.record(district, plan, tally.results, source_sha256="x", source_name=path.name)
        stored = Counter[str]()
        for _, r in ledger.results(plan.week):
            stored[f"{r.key}|recorded"] += r.recorded
            stored[f"{r.key}|printed"] += r.printed
    expected = Counter[str]()
    for route, stop in plan.stops():
        key = stop_key(route.team, route.date, stop.site)
        expected[f"{key}|recorded"] += stop.people
        expected[f"{key}|printed"] += stop.cards
    assert +stored == +expected
