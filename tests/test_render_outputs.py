"""render_all and its outputs: files, languages, offline pages, coverage sums, the spreadsheet."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import json
import re
import runpy
import zipfile
from pathlib import Path
from types import SimpleNamespace

import openpyxl
import pytest
from click.testing import CliRunner

from planner.cli import cli
from planner.coverage import coverage_report, planned_people
from planner.io.plan_json import plan_to_json
from planner.io.tally_columns import SHEET_COLUMNS, all_stops_sheet, header
from planner.model import VehicleProfile
from planner.render import OUTPUT_NAMES, render_all
from planner.render._common import RenderContext
from planner.render.coverage import coverage_colour
from planner.render.offline import external_urls
from planner.render.webmap import render_map
from planner.travel import LatLon
from planner.travel.base import Segment

DATA = Path(__file__).parent / "data"


fx = SimpleNamespace(**runpy.run_path(str(DATA / "render_district.py")))  # fixture builders


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture plan rendered once (Indonesian, offline)."""
    district, plan = fx.build()
    out = tmp_path_factory.mktemp("out")
    render_all(plan, district, out)
    return out


def test_render_all_writes_the_five_outputs_atomically(tmp_path: Path) -> None:
    """All five files appear, non-empty, owner-only, with no temporary file left beside them."""
    district, plan = fx.build()
    paths = render_all(plan, district, tmp_path)
    assert [p.name for p in paths] == list(OUTPUT_NAMES)
    for path in paths:
        assert path.stat().st_size > 1000, path
        assert path.stat().st_mode & 0o077 == 0, path
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(OUTPUT_NAMES)


def test_offline_pages_link_nothing_on_the_network(rendered: Path) -> None:
    """Offline map.html and coverage.html carry Leaflet and jQuery inline: no src/href/url()
    in the markup points at http(s), and no CDN host is named anywhere in the files (the
    inlined library code mentions leafletjs.com only in a string the page overrides)."""
    for name in ("map.html", "coverage.html"):
        page = (rendered / name).read_text(encoding="utf-8")
        assert external_urls(page) == [], name
        markup = re.sub(r"<script>.*?</script>", "", page, flags=re.DOTALL)  # inline code
        assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", markup), name
        for host in ("cdn.", "jsdelivr", "unpkg", "cdnjs", "code.jquery", "tile.openstreetmap"):
            assert host not in page, (name, host)
        assert "L.map(" in page
        assert "jQuery" in page


def test_external_urls_finds_what_a_browser_would_fetch() -> None:
    """The offline check itself catches scripts, links, images and CSS url()."""
    page = (
        '<script src="https://a.example/x.js"></script><link href="//b.example/y.css">'
        '<img src="http://c.example/z.png"><div style="background:url(https://d.example/i)">'
        "<style>@import 'https://e.example/s.css';</style>"
    )
    assert len(external_urls(page)) == 5
    assert external_urls('<a href="#x"></a><img src="data:image/png;base64,AA">') == []


def test_online_map_uses_tiles_and_cdn() -> None:
    """--online: OpenStreetMap tiles and Leaflet from its CDN; no bootstrap or font-awesome."""
    district, plan = fx.build()
    page = render_map(RenderContext(plan, district), offline=False)
    assert "tile.openstreetmap.org" in page
    assert "leaflet.js" in page
    assert "bootstrap" not in page
    assert "fontawesome" not in page


def test_map_has_layers_per_team_and_day_and_the_estimate_note(rendered: Path) -> None:
    """Layer control lists each team and each working day; the straight-line note is shown."""
    page = (rendered / "map.html").read_text(encoding="utf-8")
    for label in ("Tim 1 (T1)", "Tim 2 (T2)", "Tim 3 Selupu (T3)"):
        assert label in page
    for day in ("Senin, 23 November 2026", "Jumat, 27 November 2026"):
        assert f'"{day}"' in page  # a layer-control key
    assert "perkiraan dari jarak garis lurus" in page
    assert "Tidak terlayani (3)" in page
    assert page.count("L.polyline(") == 12  # one line per route
    assert page.count("planner-marker planner-") >= 23  # stop markers, office, base


def test_roads_plan_drops_the_note_and_follows_travel_segments() -> None:
    """With travel from roads, lines follow TravelModel.segments (each leg asked once) and the
    estimate note is gone."""
    district, plan = fx.build()
    plan = dataclasses.replace(plan, travel_source="roads")
    calls: list[tuple[LatLon, LatLon, VehicleProfile]] = []

    class Bent:
        source = "roads"

        def matrices(self, points: object, profile: object) -> object:
            raise AssertionError("rendering needs no matrices")

        def path(self, a: LatLon, b: LatLon, profile: VehicleProfile) -> list[LatLon]:
            raise AssertionError("the map draws segments")

        def segments(self, a: LatLon, b: LatLon, profile: VehicleProfile) -> list[Segment]:
            calls.append((a, b, profile))
            return [Segment("road", [a, (a[0] + 0.123456, b[1]), b])]

    page = render_map(RenderContext(plan, district), travel=Bent(), offline=True)
    ctx = RenderContext(plan, district)
    legs = set()
    for route in plan.routes:
        team = ctx.teams[route.team]
        points = [team.base, *(ctx.latlon(s.site) for s in route.stops), team.base]
        legs |= {(a, b, team.profile) for a, b in itertools.pairwise(points)}
    assert sorted(calls) == sorted(legs)
    assert VehicleProfile.MOTORBIKE in {c[2] for c in calls}  # team T2 rides motorbikes
    assert f"{district.settings.office_lat + 0.123456:.5f}" in page  # the bend is drawn
    assert page.count("L.polyline(") == 12  # one solid line per route
    assert '"dashArray": null' in page
    assert '"dashArray": "' not in page  # nothing is drawn dashed: no leg is an estimate
    assert "perkiraan dari jarak garis lurus" not in page
    assert "jaringan jalan" in page


def test_english_labels_and_dates(tmp_path: Path) -> None:
    """lang="en" switches every page's labels and long dates to English."""
    district, plan = fx.build()
    render_all(plan, district, tmp_path, lang="en")
    schedule = (tmp_path / "schedule.html").read_text(encoding="utf-8")
    assert "Monday, 23 November 2026" in schedule
    assert "Senin" not in schedule
    assert "Depart at 07:30 from" in schedule
    assert "village head" in schedule
    assert "Coverage after the plan" in (tmp_path / "coverage.html").read_text(encoding="utf-8")
    assert "Route map" in (tmp_path / "map.html").read_text(encoding="utf-8")


def test_coverage_before_and_after() -> None:
    """After = backlog minus people planned at the village's sites, never below zero; the
    kecamatan totals add up to the district total."""
    district, plan = fx.build()
    report = coverage_report(district, planned_people(plan))
    rows = {r.code: r for r in report.villages}
    tabarenah = rows["17.02.16.2009"]  # a village visit (38) and a homebound resident (1)
    assert tabarenah.planned == 39
    assert tabarenah.backlog_after == tabarenah.backlog - 39
    assert tabarenah.coverage_after is not None
    assert tabarenah.coverage_now is not None
    assert tabarenah.coverage_after > tabarenah.coverage_now
    batu_dewa = rows["17.02.16.2003"]  # only its school (60 students) is visited
    assert batu_dewa.planned == min(60, batu_dewa.backlog)
    untouched = rows["17.02.10.2016"]
    assert untouched.planned == 0
    assert untouched.coverage_after == untouched.coverage_now
    total = report.total
    assert total.villages == len(district.villages) == sum(k.villages for k in report.kecamatan)
    assert (
        total.planned
        == sum(k.planned for k in report.kecamatan)
        == sum(r.planned for r in rows.values())
    )
    assert coverage_colour(None) != coverage_colour(0.99) != coverage_colour(0.5)


def test_coverage_page_has_shapes_circles_toggle_and_table(rendered: Path) -> None:
    """Boundaries from the GeoJSON, circles for the two villages without one, a before/after
    toggle (two base layers) and a kecamatan table with a total row."""
    page = (rendered / "coverage.html").read_text(encoding="utf-8")
    assert page.count("planner-village-circle") == 2 * 2  # two villages, two layers
    assert page.count('"17.02.09.1012"') == 2  # a polygon feature in each layer
    assert "base_layers : {" in page
    assert "Cakupan sebelum rencana" in page
    assert "Cakupan sesudah rencana" in page
    for kecamatan in ("Curup Utara", "Selupu Rejang", "Bermani Ulu"):
        assert f'<td class="txt">{kecamatan}</td>' in page
    assert '<tr class="total"><td class="txt">Jumlah</td><td>22</td>' in page


def test_xlsx_all_stops_sheet_is_typed_and_matches_the_tally_columns(rendered: Path) -> None:
    """The "all stops" sheet: exactly SHEET_COLUMNS with Indonesian headers, one row per stop
    with its code, real dates, times and integers, blank results, frozen header, autofilter;
    one sheet per team besides."""
    _district, plan = fx.build()
    wb = openpyxl.load_workbook(rendered / "schedule.xlsx")
    assert wb.sheetnames[0] == all_stops_sheet("id") == "Semua kunjungan"
    assert {"Tim 1 (T1)", "Tim 2 (T2)", "Tim 3 Selupu (T3)"} <= set(wb.sheetnames)
    ws = wb[all_stops_sheet("id")]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == tuple(header(c, "id") for c in SHEET_COLUMNS)
    assert rows[0][:3] == ("Kode", "Minggu", "Tim")
    assert rows[0][-2:] == ("Direkam", "Dicetak")
    assert len(rows) - 1 == sum(len(r.stops) for r in plan.routes)
    col = {name: i for i, name in enumerate(SHEET_COLUMNS)}
    first_route = min(plan.routes, key=lambda r: (r.date, r.team))
    assert rows[1][col["code"]] == f"{first_route.team}-{first_route.date:%m%d}-1"
    assert all(r[col["recorded"]] is None and r[col["printed"]] is None for r in rows[1:])
    first = rows[1]
    assert isinstance(first[col["date"]], dt.datetime)  # openpyxl reads dates as datetimes
    assert isinstance(first[col["arrive"]], dt.time)
    assert isinstance(first[col["people"]], int)
    assert isinstance(first[col["order"]], int)
    assert first[col["week"]] == "2026-W48"
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref
    assert ws.auto_filter.ref.startswith("A1:")
    homebound = [r for r in rows[1:] if r[col["kind"]] == "warga khusus"]
    assert homebound
    assert all(r[col["place"]].startswith(("lansia", "tirah", "penyandang")) for r in homebound)
    assert ws.column_dimensions["H"].width > 10  # the place


def test_cli_render_writes_outputs_next_to_the_plan(tmp_path: Path) -> None:
    """`planner render PLAN.json --data DIR` renders a plan of the sample district."""
    import planner.io

    district, _ = planner.io.load_district()
    village = next(v for v in district.villages if v.head_weekly)
    plan_dir = tmp_path / "2026-W48"
    plan_dir.mkdir()
    _, fixture_plan = fx.build()
    text = plan_to_json(fixture_plan)
    data = json.loads(text)
    data["district"] = district.settings.name
    data["inputs_sha256"] = district.inputs_sha256
    data["routes"] = data["routes"][:1]
    data["routes"][0]["stops"] = data["routes"][0]["stops"][:1]
    data["routes"][0]["stops"][0]["site"] = village.site_id
    stop = data["routes"][0]["stops"][0]
    data["routes"][0]["blanks"] = stop["cards"]
    data["totals"].update(people=stop["people"], cards=stop["cards"])
    data["unserved"] = []
    (plan_dir / "plan.json").write_text(json.dumps(data), encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["render", str(plan_dir / "plan.json"), "--lang", "en"], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    for name in OUTPUT_NAMES:
        assert (plan_dir / name).is_file()
    assert village.name in (plan_dir / "schedule.html").read_text(encoding="utf-8")


def test_cli_render_bad_plan_is_an_input_error(tmp_path: Path) -> None:
    """A plan file that is not JSON ends in exit status 2 and writes nothing."""
    from planner.cli._common import run_guarded

    bad = tmp_path / "plan.json"
    bad.write_text("{not json", encoding="utf-8")
    assert run_guarded(cli, ["render", str(bad)]) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.json"]


def test_xlsx_is_a_real_zip_without_formulas(rendered: Path) -> None:
    """No sheet of the workbook holds a formula cell."""
    with zipfile.ZipFile(rendered / "schedule.xlsx") as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
        assert len(sheets) == 5  # all stops, three teams, unserved
        for name in sheets:
            assert "<f>" not in archive.read(name).decode("utf-8")


@pytest.mark.parametrize(
    ("stopped_by", "warned"), [("time_limit", True), ("solution_limit", False)]
)
def test_summary_says_when_the_time_limit_decided_the_plan(stopped_by: str, warned: bool) -> None:
    """Only a search stopped by its safety net gets the note that the plan may differ."""
    from planner.render.summary import summary_text

    district, plan = fx.build()
    solver = dataclasses.replace(plan.solver, stopped_by=stopped_by, time_limit_s=600.0)
    plan = dataclasses.replace(plan, solver=solver, language="id")
    text = summary_text(plan, district)
    assert ("batas waktu (600 detik)" in text) is warned
    english = summary_text(dataclasses.replace(plan, language="en"), district)
    assert ("may differ from run to run" in english) is warned


@pytest.mark.parametrize(
    ("stopped_by", "indonesian", "english"),
    [
        ("local_optimum", "berhenti karena optimum lokal", "stopped by local optimum"),
        ("solution_limit", "berhenti karena batas jumlah solusi", "stopped by its solution limit"),
        ("time_limit", "berhenti karena batas waktu", "stopped by the time limit"),
    ],
)
def test_summary_names_what_stopped_the_search_in_words(
    stopped_by: str, indonesian: str, english: str
) -> None:
    """plan.json keeps the code (``local_optimum``); the summary says it in its language."""
    from planner.render.summary import summary_text

    district, plan = fx.build()
    plan = dataclasses.replace(
        plan, solver=dataclasses.replace(plan.solver, stopped_by=stopped_by), language="id"
    )
    text = summary_text(plan, district)
    assert indonesian in text
    assert stopped_by not in text
    assert english in summary_text(dataclasses.replace(plan, language="en"), district)
