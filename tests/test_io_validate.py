"""Every validation message: one mistake in a copy of ``io_tiny_en`` → one precise problem."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from planner.errors import InputError, Problem
from planner.i18n import text_of
from planner.io.load import load

DATA = Path(__file__).parent / "data"


def tiny(tmp_path: Path) -> Path:
    """A writable copy of the English tiny district."""
    return Path(shutil.copytree(DATA / "io_tiny_en", tmp_path / "district"))


def edit(folder: Path, file: str, old: str, new: str) -> None:
    """Replace ``old`` (which must occur) by ``new`` in ``folder/file``."""
    path = folder / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {file}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def errors_of(folder: Path) -> tuple[Problem, ...]:
    """The errors of loading ``folder`` (the load must fail with InputError)."""
    with pytest.raises(InputError) as info:
        load(folder)
    return info.value.problems


def find(problems: tuple[Problem, ...] | list[Problem], fragment: str) -> Problem:
    """The one problem whose text holds ``fragment``."""
    hits = [p for p in problems if fragment in str(p)]
    assert len(hits) == 1, f"{fragment!r} in {[str(p) for p in problems]}"
    return hits[0]


# (file, old text, new text, expected fragment, row, column)
ERRORS = [
    (
        "villages.csv",
        "-3.403291,102.858452",
        "102.858452,-3.403291",
        "102.858452 is outside -11..6 (17.02.07.2001) — did you swap lat and lon?",
        2,
        "lat",
    ),
    (
        "villages.csv",
        "-3.487548,102.794793",
        "-3.487548,150.5",
        "150.5 is outside 95..141 (17.02.21.2003)",
        3,
        "lon",
    ),
    (
        "villages.csv",
        "-3.487548,102.794793",
        "-1.0,102.794793",
        "-1.0, 102.794793 is 276 km from the office (17.02.21.2003)",
        3,
        "lat",
    ),
    (
        "villages.csv",
        "-3.487548,102.794793",
        "3.487548,102.794793",
        "did you drop the minus sign of lat?",
        3,
        "lat",
    ),
    ("villages.csv", "-3.487548,102.794793", "-3.487548,abc", "'abc' is not a number", 3, "lon"),
    ("villages.csv", "-3.487548,102.794793", "-3.487548,nan", "'nan' is not a number", 3, "lon"),
    (
        "villages.csv",
        "17.02.21.2003,",
        "17.02.07.2001,",
        "village code 17.02.07.2001 is already in row 2",
        3,
        "code",
    ),
    (
        "villages.csv",
        "2071,244",
        "2071,banyak",
        "'banyak' is not a whole number (17.02.07.2001)",
        2,
        "backlog",
    ),
    ("villages.csv", "2071,244", "-2071,244", "-2071 is negative (17.02.07.2001)", 2, "obliged"),
    (
        "villages.csv",
        "2071,244",
        "2071,5000",
        "backlog 5000 is more than obliged 2071 (17.02.07.2001) — are backlog and obliged swapped?",
        2,
        "backlog",
    ),
    ("villages.csv", ",desa,-3.403291", ",kota,-3.403291", "'kota' is not a known kind", 2, "kind"),
    ("villages.csv", "Karang Baru,", ",", "name is empty (17.02.07.2001)", 2, "name"),
    (
        "villages.csv",
        "obliged,backlog",
        "obliged,belum",
        "missing column backlog (or belum_rekam)",
        1,
        "backlog",
    ),
    (
        "villages.csv",
        "obliged,backlog",
        "obliged,obliged",
        "appears twice: 'obliged' and 'obliged'",
        1,
        "obliged",
    ),
    (
        "village_heads.csv",
        "Mon-Thu,08:00,12:00",
        "Mon-Thu,12:00,08:00",
        "end 08:00 is not after start 12:00 (17.02.07.2001)",
        2,
        "end",
    ),
    ("village_heads.csv", "Mon-Thu,08:00", "Mon-Thu,8am", "'8am' is not a time", 2, "start"),
    ("village_heads.csv", "Mon-Thu", "Funday", "'Funday' is not a weekday", 2, "weekday"),
    (
        "village_heads.csv",
        "17.02.09.1025,Tuesday",
        "17.02.99.9999,Tuesday",
        "unknown village code 17.02.99.9999 — use a kode from villages.csv",
        6,
        "code",
    ),
    (
        "village_heads.csv",
        "2026-12-02,no",
        "2026-13-02,no",
        "'2026-13-02' is not a date",
        5,
        "date",
    ),
    (
        "village_heads.csv",
        "2026-12-02,no",
        "2026-12-02,",
        "a date row needs available",
        5,
        "available",
    ),
    (
        "village_heads.csv",
        "2026-12-02,no",
        "2026-12-02,maybe",
        "'maybe' is not yes or no",
        5,
        "available",
    ),
    (
        "village_heads.csv",
        ",09:00,11:00,2026-12-05,yes",
        ",,,2026-12-05,yes",
        "start is empty (17.02.09.1025)",
        7,
        "start",
    ),
    (
        "village_heads.csv",
        "17.02.09.1025,Tuesday",
        "17.02.09.1025,",
        "give a weekday or a date",
        6,
        "weekday",
    ),
    (
        "schools.csv",
        "10700671,SMK Tiny 2,17.02.09.1025",
        "10700671,SMK Tiny 2,17.02.00.0000",
        "unknown village code 17.02.00.0000",
        3,
        "village",
    ),
    ("schools.csv", "10700671,", "10700670,", "npsn 10700670 is already in row 2", 3, "npsn"),
    (
        "schools.csv",
        "90,40",
        "90,95",
        "printable 95 is more than students 90 (10700670)",
        2,
        "printable",
    ),
    (
        "schools.csv",
        "2026-12-07;2026-12-08",
        "2026-12-07;besok",
        "'besok' is not a date",
        2,
        "closed",
    ),
    ("schools.csv", "07:00,14:00", "14:00,07:00", "end 07:00 is not after start 14:00", 3, "end"),
    ("schools.csv", "Mon-Sat", "Mon-Xyz", "'Mon-Xyz' is not a weekday", 3, "days"),
    # homebound.csv holds personal data: its messages never quote a cell (it could be a name).
    (
        "homebound.csv",
        "H2,bedridden",
        "H2,child",
        "the value is not a known category",
        3,
        "category",
    ),
    ("homebound.csv", "H2,", "H1,", "id H1 is already in row 2", 3, "id"),
    ("homebound.csv", "-3.4790,102.5210", "-3.4790,", "lon is empty (H2)", 3, "lon"),
    ("homebound.csv", "09:00,11:00", "09:00,", "end is empty but start is given (H1)", 2, "end"),
    (
        "homebound.csv",
        "H2,bedridden,17.02.09.1025",
        "H2,bedridden,",
        "village is empty (H2)",
        3,
        "village",
    ),
    (
        "teams.csv",
        "T2,Team two,motorbike",
        "T2,Team two,bus",
        "'bus' is not a known vehicle",
        4,
        "vehicle",
    ),
    (
        "teams.csv",
        "T1,Team one,car,2,Mon-Thu",
        "T1,Team one,car,0,Mon-Thu",
        "kits 0 must be at least 1 (T1)",
        2,
        "kits",
    ),
    ("teams.csv", "2,Fri,", "2,Thu-Fri,", "T1: Thursday already has hours in row 2", 3, "days"),
    (
        "teams.csv",
        "car,2,Fri",
        "motorbike,2,Fri",
        "team T1: vehicle differs from row 2",
        3,
        "vehicle",
    ),
    (
        "teams.csv",
        "Mon-Fri,08:00,15:00",
        "Mon-Fri,15:00,08:00",
        "end 08:00 is not after start",
        4,
        "end",
    ),
    ("holidays.csv", "2026-12-04", "4 Dec", "'4 Dec' is not a date", 2, "date"),
]


@pytest.mark.parametrize(("file", "old", "new", "fragment", "row", "column"), ERRORS)
def test_each_mistake_gives_one_precise_error(
    tmp_path: Path, file: str, old: str, new: str, fragment: str, row: int, column: str
) -> None:
    """A single mistake is reported once, at its file, spreadsheet row and column."""
    folder = tiny(tmp_path)
    edit(folder, file, old, new)
    problem = find(errors_of(folder), fragment)
    assert (problem.file, problem.row, problem.column) == (file, row, column)
    assert problem.severity == "error"


WARNINGS = [
    (
        "villages.csv",
        "2071,244,100",
        "2071,244,300",
        "preregistered 300 is more than backlog 244 (17.02.07.2001)",
        2,
        "preregistered",
    ),
    (
        "village_heads.csv",
        "17.02.09.1025,Tuesday,08:00,11:00,,\n",
        "",
        "no row for 17.02.09.1025 Talang Rimbo Lama: it cannot be visited",
        None,
        None,
    ),
    ("homebound.csv", "1702079900000001", "12345", "NIK is not 16 digits (H1)", 2, "nik"),
    (
        "planner.toml",
        "printers = 1",
        "printers = 1\nprinter_count = 2",
        "unknown setting 'printer_count' is ignored",
        6,
        "printer_count",
    ),
    (
        "planner.toml",
        "blank_reserve = 20",
        "blank_reserve = 200",
        "blank_reserve is more than blank_stock",
        7,
        "blank_reserve",
    ),
    (
        "planner.toml",
        "school = 2.0",
        "school = 2.0\nkantor = 1.0",
        "unknown key 'kantor' in [weights]",
        21,
        "weights.kantor",
    ),
]


@pytest.mark.parametrize(("file", "old", "new", "fragment", "row", "column"), WARNINGS)
def test_warnings_do_not_fail_the_load(
    tmp_path: Path,
    file: str,
    old: str,
    new: str,
    fragment: str,
    row: int | None,
    column: str | None,
) -> None:
    """Doubtful but usable input loads, with a warning that says where and why."""
    folder = tiny(tmp_path)
    if old == "17.02.09.1025,Tuesday,08:00,11:00,,\n":
        edit(folder, file, "17.02.09.1025,,09:00,11:00,2026-12-05,yes\n", "")
    edit(folder, file, old, new)
    _, warnings = load(folder)
    problem = find(warnings, fragment)
    assert (problem.file, problem.row, problem.column) == (file, row, column)
    assert problem.severity == "warning"


def test_nik_warning_never_shows_the_nik(tmp_path: Path) -> None:
    """Personal data stays out of messages: a bad NIK is named by row, not by value."""
    folder = tiny(tmp_path)
    edit(folder, "homebound.csv", "1702079900000001", "17020799000000019")
    _, warnings = load(folder)
    assert not any("17020799000000019" in str(w) for w in warnings)


TOML_ERRORS = [
    ("printers = 1", 'printers = "two"', "printers = 'two' is not a whole number", 5, "printers"),
    ("printers = 1", "printers = 1.5", "printers = 1.5 is not a whole number", 5, "printers"),
    ("printers = 1", "printers = true", "printers = True is not a whole number", 5, "printers"),
    ("printers = 1", "printers = -1", "printers = -1 must be 0 or more", 5, "printers"),
    (
        "school_turnout = 0.8",
        "school_turnout = 1.8",
        "school_turnout = 1.8 must be",
        8,
        "school_turnout",
    ),
    (
        'timezone = "Asia/Jakarta"',
        'timezone = "Asia/Curup"',
        "unknown timezone 'Asia/Curup'",
        3,
        "timezone",
    ),
    ('language = "en"', 'language = "jv"', "language = 'jv' must be id or en", 4, "language"),
    (
        "village = 1.0",
        "village = -1.0",
        "weights.village = -1.0 must be 0 or more",
        19,
        "weights.village",
    ),
    ("car = 30", "car = 0", "speed_kmh.car = 0 must be between 0 and 200", 24, "speed_kmh.car"),
    (
        "lat = -3.4707",
        "lat = 103.4707",
        "office.lat = 103.4707 must be inside Indonesia",
        15,
        "office.lat",
    ),
    ("lat = -3.4707\n", "", "the office location is missing", None, "office"),
    (
        'name = "Tiny"',
        'name = "Tiny"\nroads = "jalan.osm"',
        "roads file 'jalan.osm' not found",
        3,
        "roads",
    ),
    ('name = "Tiny"', "name = Tiny", "not valid TOML", 2, None),
    ("[weights]", "[weights", "not valid TOML", 18, None),
    ('name = "Tiny"', 'name = "Tiny"\nname = "Again"', "not valid TOML", 3, None),
]


@pytest.mark.parametrize(("old", "new", "fragment", "row", "column"), TOML_ERRORS)
def test_settings_errors_name_the_key_and_line(
    tmp_path: Path, old: str, new: str, fragment: str, row: int | None, column: str | None
) -> None:
    """planner.toml mistakes are reported with the key and the line it is on."""
    folder = tiny(tmp_path)
    edit(folder, "planner.toml", old, new)
    problem = find(errors_of(folder), fragment)
    assert (problem.file, problem.row, problem.column) == ("planner.toml", row, column)


def test_roads_resolves_to_an_absolute_path_under_maps(tmp_path: Path) -> None:
    """``roads`` names a file in maps/; the settings hold its absolute path."""
    folder = tiny(tmp_path)
    (folder / "maps").mkdir()
    (folder / "maps" / "jalan.osm").write_text("<osm/>", encoding="utf-8")
    (folder / "maps" / "desa.geojson").write_text("{}", encoding="utf-8")
    edit(folder, "planner.toml", 'name = "Tiny"', 'name = "Tiny"\nroads = "jalan.osm"')
    district, _ = load(folder)
    assert district.settings.roads == str((folder / "maps" / "jalan.osm").resolve())
    assert district.boundaries_path == str((folder / "maps" / "desa.geojson").resolve())


FILE_ERRORS = [
    ("villages.csv", b"", "villages.csv: the file is empty"),
    (
        "villages.csv",
        b"code,name,district,kind,lat,lon,obliged,backlog\n",
        "villages.csv: has a header but no rows",
    ),
    ("villages.xlsx", b"this is not a workbook", "cannot be read as an Excel workbook"),
    ("desa.xls", b"\xd0\xcf\x11\xe0", "desa.xls: this file type cannot be read"),
    ("planner.toml", b"\xff\xfe\x00bad", "planner.toml: is not UTF-8 text"),
]


@pytest.mark.parametrize(("file", "content", "fragment"), FILE_ERRORS)
def test_unreadable_files(tmp_path: Path, file: str, content: bytes, fragment: str) -> None:
    """Empty, header-only, damaged or unsupported files are errors naming the file."""
    folder = tiny(tmp_path)
    if file.startswith(("villages.xlsx", "desa.xls")):
        (folder / "villages.csv").unlink()
    (folder / file).write_bytes(content)
    find(errors_of(folder), fragment)


def test_missing_required_tables(tmp_path: Path) -> None:
    """Without villages, teams and settings nothing can be planned: all three are named."""
    folder = tiny(tmp_path)
    for name in ("villages.csv", "teams.csv", "planner.toml"):
        (folder / name).unlink()
    problems = errors_of(folder)
    find(problems, "villages.csv (or desa.csv, .xlsx) is missing")
    find(problems, "teams.csv (or tim.csv, .xlsx) is missing")
    find(problems, "planner.toml: missing from")


def test_a_table_given_twice_is_an_error(tmp_path: Path) -> None:
    """villages.csv next to desa.csv: which one is meant is unclear, so say so."""
    folder = tiny(tmp_path)
    shutil.copyfile(folder / "villages.csv", folder / "desa.csv")
    problems = errors_of(folder)
    find(problems, "villages is given twice: villages.csv and desa.csv")
    assert len(problems) == 1, "no 'unknown village code' noise when villages are unreadable"


def test_not_a_folder(tmp_path: Path) -> None:
    """A --data path that is not a folder is an InputError, not an OSError."""
    with pytest.raises(InputError, match="is not a folder"):
        load(tmp_path / "nowhere")


def test_every_problem_of_every_file_is_reported_together(tmp_path: Path) -> None:
    """Mistakes in several files come back in one InputError, in file order."""
    folder = tiny(tmp_path)
    edit(folder, "villages.csv", "2071,244", "2071,x")
    edit(folder, "teams.csv", "T2,Team two,motorbike", "T2,Team two,bus")
    edit(folder, "schools.csv", "90,40", "90,x")
    edit(folder, "planner.toml", "printers = 1", "printers = -1")
    problems = errors_of(folder)
    assert [p.file for p in problems] == [
        "planner.toml",
        "villages.csv",
        "schools.csv",
        "teams.csv",
    ]


def test_a_failed_village_row_does_not_also_make_unknown_codes(tmp_path: Path) -> None:
    """Rows pointing at a village whose own row is bad are not reported a second time."""
    folder = tiny(tmp_path)
    edit(folder, "villages.csv", "2071,244", "2071,x")
    problems = errors_of(folder)
    assert len(problems) == 1
    assert "unknown village" not in str(problems[0])


def test_long_reports_are_capped(tmp_path: Path) -> None:
    """A wholly wrong file lists the first 100 problems and says how many more there are."""
    folder = tiny(tmp_path)
    rows = "".join(f"17.02.07.{i:04d},V,K,desa,x,y,1,1\n" for i in range(200))
    (folder / "villages.csv").write_text(
        "code,name,district,kind,lat,lon,obliged,backlog\n" + rows, encoding="utf-8"
    )
    problems = errors_of(folder)
    assert len(problems) == 101
    assert "more problems not shown" in text_of(problems[-1].message, "en")
