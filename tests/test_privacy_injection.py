"""Hostile names through `planner plan` for real, then into a browser and a spreadsheet.

A district whose villages are named like markup (``<img src=x onerror=alert(1)>``) and whose
residents are named like a formula (``=HYPERLINK("http://x")``) is planned by the CLI; the maps
and the schedule open in headless Chromium with no element made from a name, the spreadsheet
holds the name as text, and no CSV export starts a cell with a formula character.
"""

from __future__ import annotations

import csv
import io
import runpy
import shutil
import zipfile
from pathlib import Path
from types import SimpleNamespace

import openpyxl
import pytest
from pypdf import PdfReader

from planner.cli import cli
from planner.cli._common import run_guarded

pytestmark = pytest.mark.browser

TESTS = Path(__file__).parent
browser = SimpleNamespace(**runpy.run_path(str(TESTS / "test_render_browser.py")))
WEEK = "2026-W49"
IMG = "<img src=x onerror=alert(1)>"
SCRIPT = "<script>document.title='xss'</script>"
FORMULA = '=HYPERLINK("http://x")'
KECAMATAN = ["=SUM(1+1)", "@kec", "-2+3"]


def _rewrite(path: Path, column: str, values: list[str]) -> None:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row, value in zip(rows, values, strict=False):
        row[column] = value
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


@pytest.fixture(scope="module")
def planned(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tiny test district with hostile village and resident names, planned offline."""
    root = tmp_path_factory.mktemp("injection")
    district = Path(shutil.copytree(TESTS / "data" / "io_tiny_en", root / "district"))
    _rewrite(district / "villages.csv", "name", [f"{IMG} 1", f"{SCRIPT} 2", IMG])
    _rewrite(district / "villages.csv", "district", KECAMATAN)
    _rewrite(district / "homebound.csv", "name", [FORMULA, FORMULA])
    _rewrite(district / "teams.csv", "name", ['@Tim "1" <b>', '@Tim "1" <b>', "+Tim 2"])
    out = root / "out"
    args = ["plan", "--week", WEEK, "--data", str(district), "--out", str(out), "--offline"]
    fast = ["--time-limit", "2", "--solution-limit", "2", "--no-progress"]
    assert run_guarded(cli, [*args, *fast]) == 0
    return out / WEEK


def test_markup_names_stay_text_in_the_browser(planned: Path, tmp_path: Path) -> None:
    """Every popup and tooltip of both maps opened: no <img> or injected script element, the
    names shown escaped, no request leaves the page; the schedule page likewise."""
    for name in ("map.html", "coverage.html"):
        page = tmp_path / name
        shutil.copy(planned / name, page)
        dom, requested = browser._open(page, tmp_path)
        assert requested == [], name
        assert dom.tags["img"] == 0, name
        assert "&lt;img src=x onerror=alert(1)&gt;" in dom.text, name
        assert "<title>xss</title>" not in dom.text, name
    page = tmp_path / "schedule.html"
    shutil.copy(planned / "schedule.html", page)
    result = browser._run(page, tmp_path, "--dump-dom")
    assert result.returncode == 0, result.stderr[-2000:]
    dom = browser._Dom()
    dom.feed(result.stdout)
    assert dom.tags["img"] == 0
    assert "&lt;img src=x onerror=alert(1)&gt;" in result.stdout
    assert FORMULA.replace('"', "&quot;") in result.stdout or FORMULA in result.stdout


def test_formula_names_are_text_in_the_spreadsheet_and_the_pdf(planned: Path) -> None:
    """The resident's =HYPERLINK(...) name is a text cell behind an apostrophe on the team
    sheet, team names starting with @ or + likewise; no sheet holds a formula; the PDF prints
    the names literally."""
    book = openpyxl.load_workbook(planned / "schedule.xlsx")
    every = [cell for ws in book.worksheets for row in ws.iter_rows() for cell in row]
    cells = [c for c in every if str(c.value or "").lstrip("'")[:1] in ("=", "+", "-", "@")]
    assert any("HYPERLINK" in str(c.value) for c in cells), "the resident should be visited"
    for cell in cells:
        assert cell.data_type == "s"
        assert str(cell.value).startswith("'"), cell.value
    with zipfile.ZipFile(planned / "schedule.xlsx") as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert "<f>" not in archive.read(name).decode("utf-8"), name
    pdf = "\n".join(
        p.extract_text()
        for p in PdfReader(io.BytesIO((planned / "schedule.pdf").read_bytes())).pages
    )
    assert FORMULA in pdf
    assert IMG in pdf


def test_status_csv_neutralises_hostile_names(
    planned: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`planner status --format csv` of the same district: kecamatan named like formulas are
    written behind an apostrophe; no cell starts a formula."""
    district = planned.parent.parent / "district"
    assert run_guarded(cli, ["status", "--data", str(district), "--format", "csv"]) == 0
    text = capsys.readouterr().out
    cells = [c for row in csv.reader(io.StringIO(text)) for c in row]
    for name in KECAMATAN:
        assert "'" + name in cells
        assert name not in cells
    assert not [c for c in cells if c[:1] in ("=", "+", "@")]
