"""Papers for the field on the real sample week: notification letters and team packs.

The bundled sample district is copied and its week 2026-W49 planned once (``planner plan``
writes the team packs), then ``planner letters`` writes the letters. Letters are read back
with ``pdftotext`` (poppler-utils, as a village head's office would read them); the expected
names, dates and windows are derived here from plan.json and the district's tables.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from planner.cli import cli
from planner.cli._common import run_guarded
from planner.io import load_district, sample_dir
from planner.io.templates import copy_sample

pytestmark = pytest.mark.slow

WEEK = "2026-W49"
PDFTOTEXT = shutil.which("pdftotext")
DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
MONTHS = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)


@dataclass
class Week:
    district: Path
    out: Path

    @property
    def folder(self) -> Path:
        return self.out / WEEK

    def plan(self) -> dict:
        return json.loads((self.folder / "plan.json").read_text(encoding="utf-8"))


def _run(*args: str) -> int:
    return run_guarded(cli, list(args))


def _letters(district: Path, out: Path, *args: str) -> int:
    return _run("letters", "--week", WEEK, "--data", str(district), "--out", str(out), *args)


@pytest.fixture(scope="module")
def week(tmp_path_factory: pytest.TempPathFactory) -> Week:
    """The sample's week 2026-W49, planned (with team packs) and its letters written."""
    root = tmp_path_factory.mktemp("papers")
    w = Week(root / "district", root / "out")
    copy_sample(sample_dir(), w.district)
    fast = ("--solution-limit", "20", "--time-limit", "120", "--no-progress")
    assert _run("plan", "--week", WEEK, "--data", str(w.district), "--out", str(w.out), *fast) == 0
    assert _letters(w.district, w.out, "--date", "2026-11-25") == 0
    return w


def pdftotext(path: Path) -> str:
    """The text of a PDF as poppler reads it, whitespace collapsed."""
    if PDFTOTEXT is None:
        if os.environ.get("CI") == "true":
            pytest.fail("pdftotext (poppler-utils) is missing")
        pytest.skip("pdftotext (poppler-utils) is not installed")
    out = subprocess.run([PDFTOTEXT, str(path), "-"], capture_output=True, check=True, text=True)
    return " ".join(out.stdout.split())


def _quarter(minutes: int, up: bool) -> str:
    q = 15 * (-(-minutes // 15) if up else minutes // 15)
    return f"{q // 60:02d}.{q % 60:02d}"


def _hm(text: str) -> int:
    h, m = text.split(":")
    return int(h) * 60 + int(m)


def _expected_visits(w: Week) -> dict[str, dict[str, tuple[int, int]]]:
    """Village and school site → date → (first start, last end), from plan.json."""
    visits: dict[str, dict[str, tuple[int, int]]] = {}
    for route in w.plan()["routes"]:
        for stop in route["stops"]:
            if stop["kind"] not in ("village", "school"):
                continue
            days = visits.setdefault(stop["site"], {})
            start, end = _hm(stop["start"]), _hm(stop["end"])
            old = days.get(route["date"], (start, end))
            days[route["date"]] = (min(old[0], start), max(old[1], end))
    return visits


def test_a_letter_for_each_visited_village_and_school(week: Week) -> None:
    """Each letter names its village (and school), every visit date in Indonesian and the
    time window; one letter per site, all of them in semua.pdf, each on one page."""
    district, _ = load_district(week.district)
    sites = district.site_index()
    visits = _expected_visits(week)
    assert len(visits) >= 10  # the sample week visits many villages and schools
    letters = sorted(p for p in (week.folder / "surat").glob("*.pdf") if p.name != "semua.pdf")
    assert len(letters) == len(visits)
    texts = {p: pdftotext(p) for p in letters}
    kinds = set()
    for site_id, days in visits.items():
        site = sites[site_id]
        village = district.village(site.village_code)
        addressee = (
            f"Yth. Kepala {site.name}"
            if site_id.startswith("school:")
            else f"Yth. {'Lurah' if village.kind == 'kelurahan' else 'Kepala Desa'} {village.name}"
        )
        addressee = " ".join(addressee.split())  # names with double spaces print with one
        found = [t for t in texts.values() if addressee + " " in t]
        assert len(found) == 1, (site_id, addressee)
        (text,) = found
        kinds.add(site_id.split(":")[0])
        assert " ".join(village.name.split()) in text
        assert f"Kecamatan {village.district}" in text
        for date, (start, end) in days.items():
            day = dt.date.fromisoformat(date)
            y, m, d = day.year, day.month, day.day
            assert f"{DAYS[day.weekday()]}, {d} {MONTHS[m - 1]} {y}" in text
            assert f"pukul {_quarter(start, False)} – {_quarter(end, True)} WIB" in text
        assert "Perihal" in text
        assert "Kartu Keluarga (KK)" in text
        assert "Curup, 25 November 2026" in text
        assert re.search(r"470/\d{3}/Dukcapil/XI/2026", text)
        assert "NIP 19710314 199803 1 006" in text
    assert kinds == {"village", "school"}
    assert all(len(PdfReader(p).pages) == 1 for p in letters)
    assert len(PdfReader(week.folder / "surat" / "semua.pdf").pages) == len(letters)


def test_letters_in_english(week: Week, tmp_path: Path) -> None:
    """--lang en: English dates and wording, the same letters."""
    out = tmp_path / "out"
    shutil.copytree(week.out, out)
    assert _letters(week.district, out, "--lang", "en", "--date", "2026-11-25") == 0
    text = pdftotext(out / WEEK / "surat" / "semua.pdf")
    assert "Dear Sir or Madam" in text
    assert re.search(
        r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday), \d+ "
        r"(November|December) 2026",
        text,
    )
    assert "Dengan hormat" not in text


def test_a_team_pack_holds_only_its_team(week: Week) -> None:
    """teams/T1.pdf: a page per T1 day, each naming T1 and its date, none naming another
    team; a phone-sized PNG per team-day, at most 1 MB."""
    plan = week.plan()
    teams = sorted({r["team"] for r in plan["routes"]})
    assert len(teams) >= 2
    folder = week.folder / "teams"
    for team in teams:
        dates = sorted(r["date"] for r in plan["routes"] if r["team"] == team)
        pages = PdfReader(folder / f"{team}.pdf").pages
        assert len(pages) == len(dates)
        for page, date in zip(pages, dates, strict=True):
            text = " ".join(page.extract_text().split())
            assert f"({team})" in text
            assert f"{team} " in text
            others = [o for o in teams if o != team and (f"({o})" in text or f" {o} " in text)]
            assert others == [], (team, date, others)
            y, m, d = (int(x) for x in date.split("-"))
            assert f"{d} {MONTHS[m - 1]} {y}" in text
            assert "geo:" in text
            assert "Koordinat" in text
        for date in dates:
            png = folder / f"{team}-{date}.png"
            assert png.stat().st_size <= 1_000_000, png
            with Image.open(png) as image:
                assert image.width == 1080
                assert image.height >= image.width  # a phone screen, portrait
    assert {p.name for p in folder.iterdir()} == {
        *(f"{t}.pdf" for t in teams),
        *(f"{r['team']}-{r['date']}.png" for r in plan["routes"]),
    }


def test_letters_without_a_plan_say_what_to_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run("letters", "--week", WEEK, "--out", str(tmp_path)) == 2
    err = capsys.readouterr().err
    assert f"planner plan --week {WEEK}" in err
    assert "Traceback" not in err
    assert not (tmp_path / WEEK).exists()


def test_bad_letterhead_settings_are_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bad number pattern, a missing logo and a non-boolean letters: each named with its
    line, exit 2."""
    folder = tmp_path / "d"
    copy_sample(sample_dir(), folder)
    toml = folder / "planner.toml"
    text = toml.read_text(encoding="utf-8")
    text = text.replace(
        'letter_number = "470/{seq:03d}/Dukcapil/{month_roman}/{year}"',
        'letter_number = "470/{nomor}/Dukcapil"\nlogo = "nope.png"',
    )
    text = text.replace("letters = false", 'letters = "ya"')
    toml.write_text(text, encoding="utf-8")
    assert _run("validate", "--data", str(folder)) == 2
    err = capsys.readouterr().err
    lines = text.splitlines()
    row = next(i for i, line in enumerate(lines, 1) if line.startswith("letter_number"))
    assert f"planner.toml:{row}:office.letter_number: " in err
    assert "{seq}" in err
    assert f"planner.toml:{row + 1}:office.logo: " in err
    assert "planner.toml:" in err
    assert ":letters: " in err
    assert "Traceback" not in err


def test_plan_writes_letters_when_asked(tmp_path: Path) -> None:
    """letters = true: plan writes surat/ beside the schedule (a tiny district); a plan made
    without removes them."""
    folder = tmp_path / "d"
    shutil.copytree(Path(__file__).parent / "data" / "io_tiny_en", folder)
    toml = folder / "planner.toml"
    toml.write_text("letters = true\n" + toml.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out"
    plan = ("plan", "--week", WEEK, "--data", str(folder), "--out", str(out), "--no-progress")
    assert _run(*plan, "--solution-limit", "5") == 0
    letters = sorted((out / WEEK / "surat").glob("*.pdf"))
    assert letters
    assert letters[-1].name == "semua.pdf"
    text = " ".join(PdfReader(io.BytesIO(letters[0].read_bytes())).pages[0].extract_text().split())
    assert "Dear Sir or Madam" in text  # the district's language is English
    # Planned again without letters: the old plan's letters would be stale, so they go.
    toml.write_text(
        toml.read_text(encoding="utf-8").replace("letters = true", "letters = false"),
        encoding="utf-8",
    )
    assert _run(*plan, "--solution-limit", "5") == 0
    assert not (out / WEEK / "surat").exists()
    assert (out / WEEK / "teams").is_dir()


def test_letters_without_data_use_the_district_the_plan_was_made_from(
    week: Week, tmp_path: Path
) -> None:
    """Like ``render``, ``letters`` without ``--data`` reads the folder plan.json names, not
    the bundled sample."""
    district = tmp_path / "district"
    shutil.copytree(week.district, district)
    toml = district / "planner.toml"
    government = 'government = "Pemerintah Kabupaten Rejang Lebong"'
    assert government in toml.read_text(encoding="utf-8")
    toml.write_text(
        toml.read_text(encoding="utf-8").replace(government, 'government = "Kabupaten Uji Asal"'),
        encoding="utf-8",
    )
    out = tmp_path / "out"
    (out / WEEK).mkdir(parents=True)
    plan = week.plan()
    plan["data_dir"] = str(district)
    (out / WEEK / "plan.json").write_text(json.dumps(plan), encoding="utf-8")
    assert _run("letters", "--week", WEEK, "--out", str(out), "--date", "2026-11-25") == 0
    first = PdfReader(out / WEEK / "surat" / "semua.pdf").pages[0].extract_text()
    assert "UJI ASAL" in first.upper()


def test_pack_qr_image_holds_the_encoders_modules() -> None:
    """The QR code is drawn as an image, one pixel per module inside a quiet zone: exactly
    the encoder's dark modules, the right way round."""
    from reportlab.graphics.barcode.qr import QrCodeWidget

    from planner.render.teampack import qr_picture

    value = "geo:-3.46200,102.52473"
    widget = QrCodeWidget(value, barLevel="L")
    widget.qr.make()
    modules = widget.qr.modules
    border = int(widget.barBorder)
    picture = qr_picture(value)
    assert picture.size == (len(modules) + 2 * border,) * 2
    assert sum(map(sum, modules)) > 100
    for r, row in enumerate(modules):
        for c, dark in enumerate(row):
            assert picture.getpixel((c + border, r + border)) == (0 if dark else 255)
    assert picture.getpixel((0, 0)) == 255
