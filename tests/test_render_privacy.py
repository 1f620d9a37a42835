"""Personal data and hostile text: residents named only where the team needs them, NIK masked,
and names that look like HTML or formulas rendered as plain text."""

from __future__ import annotations

import io
import runpy
import zipfile
from pathlib import Path
from types import SimpleNamespace

import openpyxl
import pytest
from pypdf import PdfReader

from planner.fsutil import write_text_atomic
from planner.io.plan_json import plan_to_json
from planner.io.tally_columns import all_stops_sheet
from planner.render import RenderContext, render_all
from planner.render.summary import summary_text
from planner.render.teampack import render_team_packs

DATA = Path(__file__).parent / "data"


fx = SimpleNamespace(**runpy.run_path(str(DATA / "render_district.py")))  # fixture builders


def _pdf_text(path: Path) -> str:
    return _pdf_text_of(path.read_bytes())


def _pdf_text_of(data: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)


def _sheet_text(path: Path, sheet: str) -> str:
    ws = openpyxl.load_workbook(path)[sheet]
    return "\n".join(str(v) for row in ws.iter_rows(values_only=True) for v in row if v)


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture week (with contacts) rendered, with plan.json and summary.txt written as
    the planner does."""
    district, plan = fx.build(contacts=True)
    out = tmp_path_factory.mktemp("plain")
    write_text_atomic(out / "plan.json", plan_to_json(plan))
    write_text_atomic(out / "summary.txt", summary_text(plan, district))
    render_all(plan, district, out)
    return out


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture week with an HTML-like village name and a formula-like resident name."""
    district, plan = fx.build(xss=True)
    out = tmp_path_factory.mktemp("hostile")
    render_all(plan, district, out)
    return out


RESIDENT_SECRETS = (
    *fx.SENTINEL_NAMES,
    *fx.SENTINEL_NIKS,
    *fx.SENTINEL_ADDRESSES,
    *fx.SENTINEL_PHONES,
    *fx.SENTINEL_COMPANION_PHONES,
)


def test_resident_names_and_nik_stay_out_of_maps_plan_and_all_stops(plain: Path) -> None:
    """Sentinel names, NIKs, addresses and phones appear in none of map.html, coverage.html,
    plan.json, summary.txt and the "all stops" sheet; the map shows a homebound stop as
    category and village."""
    public = {
        "map.html": (plain / "map.html").read_text(encoding="utf-8"),
        "coverage.html": (plain / "coverage.html").read_text(encoding="utf-8"),
        "plan.json": (plain / "plan.json").read_text(encoding="utf-8"),
        "summary.txt": (plain / "summary.txt").read_text(encoding="utf-8"),
        "all stops": _sheet_text(plain / "schedule.xlsx", all_stops_sheet("id")),
    }
    for where, text in public.items():
        for secret in RESIDENT_SECRETS:
            assert secret not in text, (where, secret)
            assert secret.replace("-", "") not in text, (where, secret)
        for part in ("Sentinel", "Sentinela", "Sentinelia"):
            assert part not in text, (where, part)
    assert "lansia, Desa Tabarenah" in public["map.html"]
    assert "tirah baring, Desa Dusun Sawah" in public["all stops"]


def test_schedules_name_residents_with_masked_nik_only(plain: Path) -> None:
    """schedule.pdf/.html and the team sheets name the visited residents (the team must find
    them) with the NIK masked after its 6 region digits; the full NIK is in no output file."""
    pdf = _pdf_text(plain / "schedule.pdf")
    page = (plain / "schedule.html").read_text(encoding="utf-8")
    for text in (pdf, page):
        for name, nik in zip(fx.SENTINEL_NAMES, fx.SENTINEL_NIKS, strict=True):
            assert name in text
            assert nik[:6] + "*" * 10 in text
    with zipfile.ZipFile(plain / "schedule.xlsx") as archive:
        xlsx = "".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist())
    team_sheet = _sheet_text(plain / "schedule.xlsx", "Tim 1 (T1)")
    assert fx.SENTINEL_NAMES[0] in team_sheet
    for path in sorted(plain.iterdir()):
        text = {"schedule.pdf": pdf, "schedule.xlsx": xlsx}.get(path.name)
        if text is None:
            text = path.read_text(encoding="utf-8")
        for nik in fx.SENTINEL_NIKS:
            assert nik not in text, (path.name, nik)
            assert nik[6:] not in text, (path.name, nik)


def test_schedules_show_residents_addresses_and_phones(plain: Path) -> None:
    """The team's schedule (PDF, HTML, its sheet of the workbook) gives the visited residents'
    address and phone and the companion's phone; the team finds and calls them."""
    pdf = _pdf_text(plain / "schedule.pdf")
    page = (plain / "schedule.html").read_text(encoding="utf-8")
    sheet = _sheet_text(plain / "schedule.xlsx", "Tim 1 (T1)")  # H1 and H2 are T1's
    for text in (pdf, page, sheet):
        for n in (0, 1):
            assert fx.SENTINEL_ADDRESSES[n] in text
            assert fx.SENTINEL_PHONES[n] in text
            assert fx.SENTINEL_COMPANION_PHONES[n] in text
    assert "Alamat: Jalan Sentinelweg 11 · Telp. warga: 0877-4040-0001" in page
    assert "Pendamping PKH Yuliana, telp. 0878-4040-0001" in page
    assert fx.SENTINEL_PHONES[2] in _sheet_text(plain / "schedule.xlsx", "Tim 2 (T2)")


def test_team_packs_show_residents_addresses_and_phones() -> None:
    """The team pack (the team's own pages) gives its residents' address and phone too, as
    its schedule does."""
    district, plan = fx.build(contacts=True)
    files = render_team_packs(RenderContext(plan, district))
    text = _pdf_text_of(files["T1.pdf"])
    for n in (0, 1):
        assert fx.SENTINEL_ADDRESSES[n] in text
        assert fx.SENTINEL_PHONES[n] in text


def test_html_like_names_are_escaped_in_every_page(hostile: Path) -> None:
    """A village named <img src=x onerror=alert(1)> appears only escaped, never as markup."""
    raw = fx.XSS_VILLAGE
    escaped = "&lt;img src=x onerror=alert(1)&gt;"
    for name in ("map.html", "coverage.html", "schedule.html"):
        page = (hostile / name).read_text(encoding="utf-8")
        assert raw not in page, name
        assert "onerror=alert(1)>" not in page, name
        # coverage.html carries its tooltips in JSON, where & < > are \u escapes as well
        assert escaped in page or escaped.replace("&", "\\u0026") in page, name
    page = (hostile / "map.html").read_text(encoding="utf-8")
    assert 'Tim "1" <b>' not in page
    assert "Tim &quot;1&quot; &lt;b&gt;" in page


def test_hostile_names_are_plain_text_in_the_pdf(hostile: Path) -> None:
    """reportlab's markup is escaped: the names print literally."""
    text = _pdf_text(hostile / "schedule.pdf")
    assert fx.XSS_VILLAGE in text
    assert fx.FORMULA_RESIDENT in text


def test_formula_like_text_is_neutralised_in_the_spreadsheet(hostile: Path) -> None:
    """A resident named =HYPERLINK(...) is stored as text behind an apostrophe; no sheet of
    the workbook holds a formula."""
    wb = openpyxl.load_workbook(hostile / "schedule.xlsx")
    cells = [
        cell
        for ws in wb.worksheets
        for row in ws.iter_rows()
        for cell in row
        if isinstance(cell.value, str) and "HYPERLINK" in cell.value
    ]
    assert cells, "the resident should be on the team sheet"
    for cell in cells:
        assert cell.data_type == "s"
        assert cell.value == "'" + fx.FORMULA_RESIDENT
    with zipfile.ZipFile(hostile / "schedule.xlsx") as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert "<f>" not in archive.read(name).decode("utf-8"), name
