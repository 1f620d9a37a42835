"""Loading district folders: names and headers in both languages, CSV and XLSX, encodings,
cell formats, settings defaults, holidays and the input digest."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import shutil
from pathlib import Path

import openpyxl
import pytest

from planner.errors import InputError
from planner.i18n import text_of
from planner.io import load_district, sample_dir
from planner.io.cells import (
    CellError,
    parse_count,
    parse_date,
    parse_float,
    parse_time,
    parse_weekdays,
    parse_yes_no,
)
from planner.io.load import inputs_sha256, load
from planner.io.national_holidays import default_years, national_holidays
from planner.model import (
    DateOverride,
    HomeboundCategory,
    SiteKind,
    TimeWindow,
    VehicleProfile,
    WeeklyWindow,
)

DATA = Path(__file__).parent / "data"


def without_digest(folder: Path) -> object:
    """The district of ``folder`` with its input digest blanked, for comparisons."""
    district, _ = load(folder)
    return dataclasses.replace(district, inputs_sha256="")


def csv_to_xlsx(source: Path, target: Path) -> None:
    """Write each CSV of ``source`` as an .xlsx of the same name in ``target``.

    Numbers become numbers, times become time cells and dates date cells, as Excel would
    store them after a user typed them in.
    """
    target.mkdir()
    shutil.copyfile(source / "planner.toml", target / "planner.toml")
    for path in sorted(source.glob("*.csv")):
        book = openpyxl.Workbook()
        sheet = book.active
        assert sheet is not None
        text = path.read_text(encoding="utf-8")
        for row in csv.reader(io.StringIO(text)):
            sheet.append([_typed(cell) for cell in row])
        book.save(target / f"{path.stem}.xlsx")


def _typed(cell: str) -> object:
    if not cell:
        return None
    for parse in (int, float):
        try:
            return parse(cell)
        except ValueError:
            pass
    if len(cell) == 5 and cell[2] == ":":
        return dt.time(int(cell[:2]), int(cell[3:]))
    if len(cell) == 10 and cell[4] == "-" and cell[7] == "-":
        return dt.datetime.fromisoformat(cell)
    return cell


def test_english_and_indonesian_folders_give_the_same_district() -> None:
    """File names, headers (any case and spacing), weekday spellings, `;` delimiters,
    decimal commas, thousands dots and setting aliases all mean the same district."""
    assert without_digest(DATA / "io_tiny_en") == without_digest(DATA / "io_tiny_id")


def test_xlsx_tables_give_the_same_district(tmp_path: Path) -> None:
    """The same tables saved as Excel workbooks (typed cells) load to the same district."""
    csv_to_xlsx(DATA / "io_tiny_en", tmp_path / "xlsx")
    assert without_digest(tmp_path / "xlsx") == without_digest(DATA / "io_tiny_en")


def test_tiny_district_contents() -> None:
    """Every table's fields arrive in the model as written (spot checks of each kind)."""
    district, warnings = load(DATA / "io_tiny_en")
    assert warnings == []
    settings = district.settings
    assert (settings.name, settings.language, settings.printers) == ("Tiny", "en", 1)
    assert settings.blank_budget == 80
    assert settings.weights[SiteKind.SCHOOL] == 2.0
    assert settings.speed_kmh[VehicleProfile.MOTORBIKE] == 45
    assert (settings.detour_factor, settings.team_day_capacity, settings.card_value) == (
        1.3,
        120,
        0.5,
    )
    karang = district.village("17.02.07.2001")
    assert (karang.obliged, karang.backlog, karang.preregistered) == (2071, 244, 100)
    assert WeeklyWindow(3, TimeWindow(480, 720)) in karang.head_weekly
    assert len(karang.head_weekly) == 5  # Mon-Thu expands to four rows, plus Friday
    lubuk = district.village("17.02.21.2003")
    assert {w.weekday for w in lubuk.head_weekly} == {0, 2}
    assert lubuk.head_overrides == (DateOverride(dt.date(2026, 12, 2), False),)
    talang = district.village("17.02.09.1025")
    assert talang.head_windows_on(dt.date(2026, 12, 5)) == (TimeWindow(540, 660),)
    first, second = district.schools
    assert first.hours == TimeWindow(450, 780)
    assert first.days == frozenset(range(5))
    assert first.closed == {dt.date(2026, 12, 7), dt.date(2026, 12, 8)}
    assert not first.location_approximate
    assert second.days == frozenset(range(6))
    assert second.hours == TimeWindow(420, 840)
    assert (second.lat, second.lon, second.location_approximate) == (talang.lat, talang.lon, True)
    h1, h2 = district.homebound
    assert h1.category is HomeboundCategory.ELDERLY
    assert h1.location_from_village
    assert (h1.lat, h1.lon) == (karang.lat, karang.lon)
    assert h1.window == TimeWindow(540, 660)
    assert h1.nik_masked == "170207" + "*" * 10
    assert h2.category is HomeboundCategory.BEDRIDDEN
    assert not h2.location_from_village
    t1, t2 = district.teams
    assert t1.kits == 2
    assert t1.base_is_office
    assert len(t1.shifts) == 2
    assert t1.hours_on(4) == TimeWindow(450, 660)
    assert t2.kits == 1
    assert not t2.base_is_office
    assert (t2.base_lat, t2.base_lon) == (-3.4, 102.8)
    assert district.is_holiday(dt.date(2026, 12, 4))
    assert district.is_holiday(dt.date(2026, 12, 25))  # national, from the holidays package


def test_minimal_folder_uses_the_documented_defaults() -> None:
    """Optional tables may be absent and settings take the SPEC's defaults."""
    district, warnings = load(DATA / "io_minimal")
    s = district.settings
    assert (s.recording_minutes, s.setup_minutes, s.print_minutes, s.turnout) == (6, 20, 2, 0.35)
    assert (s.timezone, s.language, s.printers, s.roads) == ("Asia/Jakarta", "id", 0, None)
    assert dict(s.weights) == {SiteKind.VILLAGE: 1.0, SiteKind.SCHOOL: 1.5, SiteKind.HOMEBOUND: 3.0}
    assert district.schools == ()
    assert district.homebound == ()
    team = district.teams[0]
    assert (team.name, team.kits, team.base_is_office) == ("T1", 1, True)
    assert district.boundaries_path is None
    assert [text_of(w.message, "en") for w in warnings] == [
        "no village_heads.csv (kades.csv): no village can be visited (1 have a backlog)"
    ]


def test_sample_district_totals() -> None:
    """The bundled sample holds what data/README.md says, with three unvisitable villages."""
    district, warnings = load_district()
    villages = district.villages
    assert len(villages) == 156
    assert sum(v.kind == "kelurahan" for v in villages) == 34
    assert len({v.district for v in villages}) == 15
    assert sum(v.obliged for v in villages) == 214_600
    assert sum(v.backlog for v in villages) == 11_870
    assert len(district.schools) == 45
    assert sum(s.students for s in district.schools) == 3_000
    assert len(district.homebound) == 150
    assert len(district.teams) == 4
    assert all(h.name and h.name.startswith("Warga Contoh") for h in district.homebound)
    assert all(h.nik and h.nik[6:8] == "99" for h in district.homebound)
    assert [m for w in warnings if "cannot be visited" in (m := text_of(w.message, "en"))] == [
        "no row for 17.02.10.2002 Tebat Tenong Dalam: it cannot be visited",
        "no row for 17.02.22.2006 Talang Belitar: it cannot be visited",
        "no row for 17.02.24.2002 Bandung Marga: it cannot be visited",
    ]
    assert district.boundaries_path is not None
    assert Path(district.boundaries_path) == (sample_dir().parent / "maps" / "desa.geojson")


def test_digest_covers_every_input_file(tmp_path: Path) -> None:
    """Changing one byte of any table or the settings changes ``inputs_sha256``."""
    folder = Path(shutil.copytree(DATA / "io_tiny_en", tmp_path / "d"))
    before = load(folder)[0].inputs_sha256
    assert before == load(DATA / "io_tiny_en")[0].inputs_sha256
    for name in ("holidays.csv", "planner.toml"):
        path = folder / name
        path.write_bytes(path.read_bytes() + b"\n")
        after = load(folder)[0].inputs_sha256
        assert after != before
        before = after


def test_digest_separates_file_boundaries() -> None:
    """Moving bytes from one file to another changes the digest."""
    assert inputs_sha256({"a": b"xy", "b": b""}) != inputs_sha256({"a": b"x", "b": b"y"})


def test_encodings_and_bom(tmp_path: Path) -> None:
    """UTF-8 with a BOM and UTF-16 load silently; cp1252 loads with a warning."""
    folder = Path(shutil.copytree(DATA / "io_tiny_en", tmp_path / "d"))
    villages = folder / "villages.csv"
    text = villages.read_text(encoding="utf-8").replace("Karang Baru", "Karang Barù")
    for encoding, warned in (("utf-8-sig", False), ("utf-16", False), ("cp1252", True)):
        villages.write_bytes(text.encode(encoding))
        district, warnings = load(folder)
        assert district.village("17.02.07.2001").name == "Karang Barù"
        assert any("not UTF-8" in text_of(w.message, "en") for w in warnings) is warned


def test_file_names_are_case_insensitive(tmp_path: Path) -> None:
    """``Desa.CSV`` is the villages table too (Windows users rename freely)."""
    folder = Path(shutil.copytree(DATA / "io_minimal", tmp_path / "d"))
    (folder / "villages.csv").rename(folder / "Desa.CSV")
    district, _ = load(folder)
    assert len(district.villages) == 1


def test_unknown_columns_and_blank_rows_are_ignored(tmp_path: Path) -> None:
    """Extra columns are kept out of the way and blank rows still count for row numbers."""
    folder = Path(shutil.copytree(DATA / "io_minimal", tmp_path / "d"))
    (folder / "teams.csv").write_text(
        "id,vehicle,days,start,end,catatan\n,,,,,\nT1,car,Mon-Fri,08:00,15:00,x\n"
        "T2,boat,Mon,08:00,15:00,\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as info:
        load(folder)
    (problem,) = info.value.problems
    assert (problem.row, problem.column) == (4, "vehicle")


def test_national_holidays_follow_the_years() -> None:
    """National holidays and cuti bersama come for exactly the years asked."""
    days = national_holidays([2026])
    assert {h.date.year for h in days} == {2026}
    assert dt.date(2026, 12, 24) in {h.date for h in days}  # cuti bersama Natal
    assert national_holidays([]) == ()
    assert default_years(dt.date(2026, 11, 23)) == (2025, 2026, 2027)
    district, _ = load(DATA / "io_minimal", years=[2030])
    assert {h.date.year for h in district.holidays} == {2030}


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("Mon", {0}),
        ("Monday", {0}),
        ("Senin", {0}),
        ("sen", {0}),
        ("MINGGU", {6}),
        ("Mon-Fri", {0, 1, 2, 3, 4}),
        ("Senin-Jumat", {0, 1, 2, 3, 4}),
        ("Senin s/d Sabtu", {0, 1, 2, 3, 4, 5}),
        ("Senin sampai Kamis", {0, 1, 2, 3}),
        ("Senin sd Rabu", {0, 1, 2}),
        ("Mon to Wed", {0, 1, 2}),
        ("Mon – Tue", {0, 1}),
        ("Mon,Wed", {0, 2}),
        ("Senin;Rabu", {0, 2}),
        ("Senin dan Kamis", {0, 3}),
        ("Jum'at", {4}),
        ("Sat-Mon", {5, 6, 0}),
        ("Mon-Wed, Fri", {0, 1, 2, 4}),
        ("setiap hari", set(range(7))),
        ("hari kerja", set(range(5))),
    ],
)
def test_weekdays_in_both_languages(text: str, days: set[int]) -> None:
    """Weekday names, ranges and lists in English and Indonesian."""
    assert parse_weekdays(text) == days


@pytest.mark.parametrize("text", ["", "Funday", "Mon-", "-Fri", "Mon--Fri", "1", "Mon-Tue-Wed"])
def test_bad_weekdays(text: str) -> None:
    """Anything else is a CellError with a hint."""
    with pytest.raises(CellError):
        parse_weekdays(text)


def test_cell_parsers() -> None:
    """Counts, decimals, times, dates and yes/no accept what spreadsheets write."""
    assert [parse_count(t) for t in ("12", "12.0", "1.234", "1,234", " 7 ")] == [
        12,
        12,
        1234,
        1234,
        7,
    ]
    assert parse_float("-3,47") == (-3.47, True)
    assert parse_float("102.5") == (102.5, False)
    assert [parse_time(t) for t in ("08:00", "8:05", "13.30", "24:00", "07:30:00")] == [
        480,
        485,
        810,
        1440,
        450,
    ]
    assert parse_date("02/12/2026") == parse_date("2026-12-02") == dt.date(2026, 12, 2)
    assert parse_date("2026-12-02 00:00:00") == dt.date(2026, 12, 2)
    assert [parse_yes_no(t) for t in ("ya", "Tidak", "YES", "no", "1", "0")] == [
        True,
        False,
        True,
        False,
        True,
        False,
    ]
    for parser, bad in (
        (parse_count, "1.5"),
        (parse_count, "-3"),
        (parse_float, "inf"),
        (parse_time, "25:00"),
        (parse_date, "31/02/2026"),
        (parse_yes_no, "mungkin"),
    ):
        with pytest.raises(CellError):
            parser(bad)
