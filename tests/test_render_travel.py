"""How the outputs show travel: road, estimated and boat legs on the map; crossings and
estimated arrivals in the schedules; the road data's credit."""

from __future__ import annotations

import dataclasses
import io
import json
import re
import runpy
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import openpyxl
import pytest
from pypdf import PdfReader

from planner.model import (
    BoatLine,
    Crossing,
    District,
    Plan,
    Route,
    SiteKind,
    Stop,
    VehicleProfile,
    fmt_hhmm,
    totals_of,
)
from planner.render import render_all
from planner.render._common import OSM_CREDIT, RenderContext, share_text
from planner.render.legs import BOAT_COLOUR, SIMPLIFY_DEG, Piece, joined, simplified
from planner.render.pdf import render_schedule_pdf
from planner.render.schedule import render_schedule_html
from planner.render.webmap import render_map
from planner.travel import LatLon
from planner.travel.base import Segment

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).resolve().parent.parent
fx = SimpleNamespace(**runpy.run_path(str(DATA / "render_district.py")))  # fixture builders

CROSSING = "Bangsal – Gili Air"
HARBOURS = ((-3.45, 102.55), (-3.43, 102.57))
DASHED = "8 7"


def _boat_plan() -> tuple[District, Plan, Route]:
    """The fixture week, timed "mixed": team T2's Monday reaches its first stop by an
    estimated leg, crosses by boat to its second and back home."""
    district, plan = fx.build()
    crossing = Crossing(CROSSING, HARBOURS[0], HARBOURS[1], minutes=30, wait_minutes=10)
    settings = dataclasses.replace(district.settings, crossings=(crossing,))
    district = dataclasses.replace(district, settings=settings)
    old = next(r for r in plan.routes if r.team == "T2" and r.date.weekday() == 0)
    first, second = old.stops
    first = dataclasses.replace(first, estimated=True)
    board = first.end + 20
    boat = BoatLine(CROSSING, board, board + 30)
    start = board + 45
    second = dataclasses.replace(
        second, arrive=start, start=start, end=start + second.end - second.start, boat=(boat,)
    )
    back = BoatLine(CROSSING, second.end + 15, second.end + 45)
    route = dataclasses.replace(
        old,
        stops=(first, second),
        return_=back.land + 15,
        return_boat=(back,),
        return_estimated=True,
        estimated_km=round(old.distance_km / 2, 1),
    )
    routes = tuple(route if r is old else r for r in plan.routes)
    plan = dataclasses.replace(plan, routes=routes, travel_source="mixed")
    return district, plan, route


def _line(boat: BoatLine, lang: str = "id") -> str:
    board, land = fmt_hhmm(boat.board), fmt_hhmm(boat.land)
    if lang == "en":
        return f"{board}–{land} Boat: {CROSSING} (board {board}, land {land})"
    return f"{board}–{land} Kapal: {CROSSING} (naik {board}, tiba {land})"


def polylines(page: str) -> list[tuple[list[list[float]], dict[str, Any]]]:
    """The points and options of every ``L.polyline`` of a folium page."""
    found = re.findall(r"L\.polyline\(\s*(\[.*?\]\]),\s*(\{.*?\})\s*\)", page, flags=re.DOTALL)
    return [(json.loads(points), json.loads(options)) for points, options in found]


# --- schedules ---------------------------------------------------------------------------


def test_schedule_html_has_crossing_lines_and_estimate_marks() -> None:
    """The crossing is a line of its own between the stop before it and the stop it leads to
    (and before the return); an estimated arrival gets ≈ and the day a footnote."""
    district, plan, route = _boat_plan()
    page = render_schedule_html(RenderContext(plan, district))
    ctx = RenderContext(plan, district)
    first, second = route.stops
    day = page[page.index(f'id="day-T2-{route.date.isoformat()}"') :]
    day = day[: day.index('<div class="day"')] if '<div class="day"' in day else day
    crossing = day.index(f'<div class="boat">{_line(second.boat[0])}</div>')
    assert day.index(f'id="stop-{ctx.stop_ref(route, 1)}"') < crossing
    assert crossing < day.index(f'id="stop-{ctx.stop_ref(route, 2)}"')
    back = day.index(f'<div class="boat">{_line(route.return_boat[0])}</div>')
    assert back < day.index('<div class="return">Kembali pukul ≈' + fmt_hhmm(route.return_))
    assert f"Tiba ≈{fmt_hhmm(first.arrive)} · " in day
    assert f"Tiba {fmt_hhmm(second.arrive)} · " in day  # its leg was timed on the roads
    assert "≈ waktu tempuh perkiraan (tidak ada jalan di peta)" in day
    assert page.count("≈ waktu tempuh perkiraan") == 1  # only the day with an estimate
    assert "di tempat lain perkiraan garis lurus" in page  # the cover's note on "mixed"
    assert f"{share_text(plan)} km perkiraan" in page


def test_schedule_english_crossing_line() -> None:
    district, plan, route = _boat_plan()
    page = render_schedule_html(RenderContext(plan, district, "en"))
    assert _line(route.stops[1].boat[0], "en") in page
    assert "≈ estimated travel time (no road on the map)" in page
    assert "Back at ≈" in page


def test_schedule_pdf_has_crossing_lines_and_estimate_marks() -> None:
    district, plan, route = _boat_plan()
    reader = PdfReader(io.BytesIO(render_schedule_pdf(RenderContext(plan, district))))
    text = "\n".join(page.extract_text() for page in reader.pages)
    for boat in (route.stops[1].boat[0], route.return_boat[0]):
        assert _line(boat) in text
    assert f"Tiba ≈{fmt_hhmm(route.stops[0].arrive)}" in text
    assert f"Kembali pukul ≈{fmt_hhmm(route.return_)}" in text
    assert "≈ waktu tempuh perkiraan (tidak ada jalan di peta)" in text
    assert text.index(_line(route.return_boat[0])) < text.index(
        f"Kembali pukul ≈{fmt_hhmm(route.return_)}"
    )


def test_xlsx_team_sheet_has_crossing_rows_and_estimate_marks(tmp_path: Path) -> None:
    """The team's sheet: a row per crossing with board and land times, the estimated legs
    marked, a return row; the "all stops" sheet keeps one row per stop."""
    district, plan, route = _boat_plan()
    render_all(plan, district, tmp_path)
    book = openpyxl.load_workbook(tmp_path / "schedule.xlsx")
    rows = list(book["Tim 2 (T2)"].iter_rows(values_only=True))
    head = rows[0]
    col = {name: head.index(name) for name in ("Mulai", "Selesai", "Perjalanan", "Lokasi")}
    day = [r for r in rows[1:] if r[0] is not None and r[0].date() == route.date]
    texts = [r[col["Lokasi"]] for r in day]
    boat = route.stops[1].boat[0]
    crossing = texts.index(
        f"Kapal: {CROSSING} (naik {fmt_hhmm(boat.board)}, tiba {fmt_hhmm(boat.land)})"
    )
    assert day[crossing][col["Perjalanan"]] == "kapal"
    assert day[crossing][col["Mulai"]].strftime("%H:%M") == fmt_hhmm(boat.board)
    assert day[crossing][col["Selesai"]].strftime("%H:%M") == fmt_hhmm(boat.land)
    assert crossing == 1  # stop 1, the crossing, stop 2
    assert day[0][col["Perjalanan"]] == "≈ perkiraan"
    assert day[2][col["Perjalanan"]] in ("", None)
    assert texts[-2].startswith("Kapal: ")
    assert texts[-1].startswith(f"Kembali pukul ≈{fmt_hhmm(route.return_)} di ")
    assert day[-1][col["Perjalanan"]] == "≈ perkiraan"
    all_stops = list(book.worksheets[0].iter_rows(values_only=True))
    assert len(all_stops) - 1 == sum(len(r.stops) for r in plan.routes)


# --- the map -----------------------------------------------------------------------------


def test_map_without_travel_draws_estimates_dashed_and_boats_dotted() -> None:
    """No travel model: straight lines, dashed where the plan says the leg is an estimate,
    solid where it was timed on the roads, the crossing dotted blue between its harbours with
    a boat marker; the legend gives the estimated share and the road data's credit."""
    district, plan, route = _boat_plan()
    page = render_map(RenderContext(plan, district), offline=True)
    lines = polylines(page)
    kinds = [o["className"].split()[-1] for _, o in lines]
    assert kinds.count("planner-boat") == 2
    boats = [(p, o) for p, o in lines if "planner-boat" in o["className"]]
    for points, options in boats:
        assert options["color"] == BOAT_COLOUR
        assert options["dashArray"] not in (None, DASHED)
        assert {tuple(points[0]), tuple(points[-1])} == set(HARBOURS)
    dashed = [o for _, o in lines if o["dashArray"] == DASHED]
    assert dashed
    assert all("planner-estimate" in o["className"] for o in dashed)
    assert any("planner-road" in o["className"] for _, o in lines)  # T2's timed leg
    boat = route.stops[1].boat[0]
    assert f"Kapal: {CROSSING} (naik {fmt_hhmm(boat.board)}, tiba {fmt_hhmm(boat.land)})" in page
    assert page.count("planner-marker planner-boat") == 2
    assert f"{share_text(plan)} km perkiraan (garis putus-putus)" in page
    assert f"Data jalan: {OSM_CREDIT} (ODbL)" in page
    assert f'addAttribution("{OSM_CREDIT}")' in page  # offline: no tiles to carry it
    english = render_map(RenderContext(plan, district, "en"), offline=True)
    assert f"{share_text(plan)} of km estimated (dashed)" in english
    assert f"Road data: {OSM_CREDIT} (ODbL)" in english
    assert f"Boat: {CROSSING} (board {fmt_hhmm(boat.board)}, land {fmt_hhmm(boat.land)})" in english
    assert "Straight-line estimate (no road on the map)" in english


def test_map_of_an_estimate_plan_has_no_road_credit() -> None:
    """A plan timed without roads: every line dashed, no OpenStreetMap credit (offline or
    online beyond the tiles' own), 100 % estimated."""
    district, plan = fx.build()
    assert plan.travel_source == "estimate"
    for offline in (True, False):
        page = render_map(RenderContext(plan, district), offline=offline)
        assert OSM_CREDIT not in page
        assert 'addAttribution("' not in page
        assert "100 % km perkiraan (garis putus-putus)" in page
        assert {o["dashArray"] for _, o in polylines(page)} == {DASHED}


def test_online_map_credits_osm_on_the_tile_layer() -> None:
    district, plan, _ = _boat_plan()
    page = render_map(RenderContext(plan, district), offline=False)
    assert "tile.openstreetmap.org" in page
    assert "OpenStreetMap\\u003c/a\\u003e contributors" in page  # the tile layer's attribution
    assert f"Data jalan: {OSM_CREDIT} (ODbL)" in page


class _Pieces:
    """A travel model whose every leg goes by road, then boat, then a straight estimate."""

    source = "roads"

    def __init__(self) -> None:
        self.calls: list[tuple[LatLon, LatLon, VehicleProfile]] = []

    def matrices(self, points: object, profile: object) -> object:
        raise AssertionError("rendering needs no matrices")

    def path(self, a: LatLon, b: LatLon, profile: VehicleProfile) -> list[LatLon]:
        raise AssertionError("the map draws segments")

    def segments(self, a: LatLon, b: LatLon, profile: VehicleProfile) -> list[Segment]:
        self.calls.append((a, b, profile))
        return [
            Segment("road", [a, (a[0] + 0.0123, a[1] + 0.0456), HARBOURS[0]]),
            Segment("boat", [HARBOURS[0], HARBOURS[1]]),
            Segment("estimate", [HARBOURS[1], b]),
        ]


def test_map_with_travel_draws_each_segment_in_its_style() -> None:
    """Road pieces solid along their points, boats dotted blue naming the crossing with its
    times, estimates dashed; a leg is asked for once however many routes drive it."""
    district, plan, route = _boat_plan()
    travel = _Pieces()
    page = render_map(RenderContext(plan, district), travel=travel, offline=True)
    assert len(travel.calls) == len(set(travel.calls))
    lines = polylines(page)
    legs = sum(len(r.stops) + 1 for r in plan.routes)
    assert len(lines) == 3 * legs
    roads = [(p, o) for p, o in lines if "planner-road" in o["className"]]
    assert len(roads) == legs
    assert all(len(p) == 3 and o["dashArray"] is None for p, o in roads)
    boats = [o for _, o in lines if o["color"] == BOAT_COLOUR]
    assert len(boats) == legs
    assert len([o for _, o in lines if o["dashArray"] == DASHED]) == legs
    boat = route.stops[1].boat[0]
    assert f"Kapal: {CROSSING} (naik {fmt_hhmm(boat.board)}, tiba {fmt_hhmm(boat.land)})" in page
    # Boats of legs the plan has no BoatLine for are named generically (line and marker).
    assert page.count("Kapal (penyeberangan) · ") == 2 * (legs - 2)


def test_map_of_an_estimate_plan_ignores_road_geometry() -> None:
    """A plan timed without roads is drawn straight even when a travel model is given."""
    district, plan = fx.build()
    travel = _Pieces()
    page = render_map(RenderContext(plan, district), travel=travel, offline=True)
    assert travel.calls == []
    assert all(len(p) >= 2 and o["dashArray"] == DASHED for p, o in polylines(page))


def test_simplified_keeps_the_shape_and_joined_merges_runs() -> None:
    """Points on a straight stretch go, a bend beyond the tolerance stays; consecutive road or
    estimate pieces become one line, boats stay apart."""
    straight = tuple((-3.0, 102.0 + k / 1000) for k in range(11))
    assert simplified(straight) == (straight[0], straight[-1])
    bend = (*straight, (-3.01, 102.01), (-3.01, 102.02))
    assert simplified(bend) == (straight[0], straight[-1], bend[-2], bend[-1])
    wiggle = ((-3.0, 102.0), (-3.0 + SIMPLIFY_DEG / 2, 102.001), (-3.0, 102.002))
    assert simplified(wiggle) == (wiggle[0], wiggle[-1])
    a, b, c, d = ((-3.0, 102.0 + k / 100) for k in range(4))
    pieces = [
        Piece("road", (a, b)),
        Piece("road", (b, c)),
        Piece("boat", (c, d)),
        Piece("boat", (d, c)),
        Piece("estimate", (c, c)),
    ]
    assert joined(pieces) == [Piece("road", (a, b, c)), pieces[2], pieces[3]]


# --- the sample district on its real roads ---------------------------------------------------

SAMPLE_ROADS = ROOT / "maps" / "roads.graphml"


@pytest.mark.skipif(not SAMPLE_ROADS.is_file(), reason="the sample's roads.graphml is missing")
def test_sample_route_in_the_east_follows_the_roads() -> None:
    """A team's day to two eastern villages on the OSM roads: its legs are drawn along the
    road geometry (many points, solid) and the map credits OpenStreetMap."""
    import planner.io
    from planner.travel import travel_model

    district, _ = planner.io.load_district(ROOT / "data")
    travel = travel_model(district)
    team = district.teams[0]
    base = (team.base_lat, team.base_lon)
    villages = list(district.villages)
    m = travel.matrices([base, *((v.lat, v.lon) for v in villages)], team.vehicle)
    # the office is 6 km off the mapped roads, so its legs may be estimates; two eastern
    # villages on the roads are joined by a road leg
    n = len(villages) + 1
    pairs = [
        (i, j) for i in range(1, n) for j in range(1, n) if i != j and not m.is_estimated(i, j)
    ]
    assert pairs, "eastern villages should be joined by the roads"
    a, b = min(pairs, key=lambda p: m.minutes[0, p[0]] + m.minutes[p[0], p[1]] + m.minutes[p[1], 0])
    shift = team.hours_on(fx.MONDAY.weekday())
    assert shift is not None
    hours = shift.start
    clock = hours
    stops = []
    here = 0
    for i in (a, b):
        clock += int(m.minutes[here, i])
        village = villages[i - 1]
        stops.append(
            Stop(
                village.site_id,
                SiteKind.VILLAGE,
                clock,
                clock,
                clock + 60,
                10,
                0,
                estimated=m.is_estimated(here, i),
            )
        )
        clock += 60
        here = i
    km = float(m.km[0, a] + m.km[a, b] + m.km[b, 0])
    route = Route(
        team=team.id,
        date=fx.MONDAY,
        printer=False,
        blanks=0,
        depart=hours,
        return_=clock + int(m.minutes[b, 0]),
        travel_minutes=int(m.minutes[0, a] + m.minutes[a, b] + m.minutes[b, 0]),
        distance_km=round(km, 1),
        stops=tuple(stops),
        return_estimated=m.is_estimated(b, 0),
    )
    _, fixture = fx.build()
    plan = dataclasses.replace(
        fixture,
        district=district.settings.name,
        routes=(route,),
        unserved=(),
        totals=totals_of((route,), district.settings.weights),
        travel_source="mixed",
    )
    page = render_map(RenderContext(plan, district), travel=travel, offline=True)
    lines = polylines(page)
    assert any(len(p) > 2 and o["dashArray"] is None for p, o in lines)
    assert any("planner-road" in o["className"] for _, o in lines)
    assert OSM_CREDIT in page
    assert len(page) < 3_000_000
