"""Sentinel residents through every command: names and NIK only where the team needs them.

Every homebound resident of a copy of the sample district gets a sentinel name, NIK, address,
phone, companion and companion's phone. Then ``plan``, ``render``, ``replan`` (changes.txt),
``status`` (all formats), ``record`` (with a tally made from the rendered schedule.xlsx),
failing runs (a broken tally, a broken homebound table) and an internal error run; afterwards
every file written (outputs, the ledger's bytes, crash logs) and every line printed is searched
for them, the full NIK and the NIK's last 10 digits. Only schedule.pdf/.html, the team sheets
of schedule.xlsx and the team packs (teams/) may name residents (NIK masked) and give their
addresses and phones; the notification letters (surat/) never do.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import stat
import zipfile
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

import planner.ledger.status
from planner.cli import cli
from planner.cli._common import run_guarded
from planner.io import sample_dir
from planner.io.tally_columns import SHEET_COLUMNS, all_stops_sheet
from planner.io.templates import copy_sample

pytestmark = pytest.mark.usefixtures("english_messages")  # pins English wording

WEEK = "2026-W49"
HOMEBOUND = "warga_khusus.csv"
UNSERVED_SHEET = "Tidak terlayani"
ALL_STOPS_SHEET = all_stops_sheet("id")


def _name(n: int) -> str:
    return f"Sentinel Zzyzx-{n:03d}"


def _nik(n: int) -> str:
    return f"17020199{n:08d}"


def _phone(n: int) -> str:
    return f"0877-9{n:03d}-0001"


def _companion_phone(n: int) -> str:
    return f"0878-9{n:03d}-0002"


def _secrets(n: int) -> tuple[str, ...]:
    """A resident's sentinel values other than the name and NIK (the address, the companion's
    name, both phones, and the phones as bare digits)."""
    phones = (_phone(n), _companion_phone(n))
    return (
        f"Jalan Zzyzx {n}",
        f"Pendamping Zzyzx {n}",
        *phones,
        *(p.replace("-", "") for p in phones),
    )


class Session:
    """The copied district, its output folders, and everything the commands printed."""

    def __init__(self, root: Path, capsys: pytest.CaptureFixture[str]):
        self.root = root
        self.district = root / "district"
        self.out = root / "out"
        self.logs = root / "logs"
        self.capsys = capsys
        self.printed: list[tuple[str, str]] = []
        self.count = 0

    def run(self, *args: str) -> tuple[int, str]:
        """Run planner in-process; keep what it printed; return exit code and stderr."""
        code = run_guarded(cli, list(args))
        out, err = self.capsys.readouterr()
        self.printed.append((" ".join(args[:1]), out + err))
        return code, err


@pytest.fixture
def session(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Iterator[Session]:
    """The sample district with sentinel residents; crash logs into the session folder."""
    s = Session(tmp_path, capsys)
    copy_sample(sample_dir(), s.district)
    path = s.district / HOMEBOUND
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for n, row in enumerate(rows, start=1):
        row["nama"], row["nik"] = _name(n), _nik(n)
        row["alamat"], row["pendamping"], row["telepon"], row["telepon_pendamping"] = _secrets(n)[
            :4
        ]
    s.count = len(rows)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    monkeypatch.setenv("PLANNER_LOG_DIR", str(s.logs))
    return s


def _fill_tally(schedule: Path, target: Path, recorded: object = None) -> Path:
    """The "all stops" sheet of ``schedule`` with recorded/printed filled in."""
    book = openpyxl.load_workbook(schedule)
    for name in book.sheetnames:
        if name != ALL_STOPS_SHEET:
            del book[name]
    sheet = book[ALL_STOPS_SHEET]
    people = SHEET_COLUMNS.index("people") + 1
    first = SHEET_COLUMNS.index("recorded") + 1
    for row in range(2, sheet.max_row + 1):
        expected = sheet.cell(row, people).value or 0
        sheet.cell(row, first, expected if recorded is None else recorded)
        sheet.cell(row, first + 1, 0)
    book.save(target)
    return target


def _break_homebound(folder: Path) -> None:
    """Shift two residents' cells: a name where a time goes, a NIK where lat goes, a NIK as id."""
    path = folder / HOMEBOUND
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    header = rows[0]
    rows[1][header.index("mulai")] = _name(1)
    rows[2][header.index("lat")] = _nik(2)
    rows[3][header.index("id")] = _nik(3)
    rows[4] = [rows[4][0], *rows[4][2:]]  # a cell left out: everything shifts left
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)


def _xlsx_sheets(path: Path) -> dict[str, str]:
    book = openpyxl.load_workbook(path)
    return {
        ws.title: "\n".join(str(v) for row in ws.iter_rows(values_only=True) for v in row if v)
        for ws in book.worksheets
    }


def _texts(path: Path) -> dict[str, str]:
    """What a reader of ``path`` sees, per part (sheets of a workbook, text of a PDF), plus
    the raw bytes, so nothing hides in compression or markup."""
    data = path.read_bytes()
    parts = {"bytes": data.decode("utf-8", "replace")}
    if path.suffix == ".pdf":
        parts["text"] = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    elif path.suffix == ".xlsx":
        with zipfile.ZipFile(path) as archive:
            parts["bytes"] = "".join(
                archive.read(n).decode("utf-8", "replace") for n in archive.namelist()
            )
        parts.update({f"sheet {k}": v for k, v in _xlsx_sheets(path).items()})
    return parts


def _may_name_residents(path: Path, part: str) -> bool:
    if path.name in ("schedule.pdf", "schedule.html"):
        return True
    if path.parent.name == "teams" and path.suffix in (".pdf", ".png"):
        return True  # a team's own pack (the letters in surat/ never may)
    if path.name == "schedule.xlsx":
        # The raw parts hold every sheet; which sheet names whom is checked sheet by sheet.
        return part != f"sheet {ALL_STOPS_SHEET}" and part != f"sheet {UNSERVED_SHEET}"
    return False


def _leaks(text: str, count: int, names_allowed: bool) -> list[str]:
    found = []
    for n in range(1, count + 1):
        nik = _nik(n)
        if nik in text or nik[6:] in text:
            found.append(f"NIK {n}")
        if not names_allowed and _name(n) in text:
            found.append(f"name {n}")
        if not names_allowed and any(secret in text for secret in _secrets(n)):
            found.append(f"address or phone {n}")
    if not names_allowed and "Zzyzx" in text:
        found.append("Zzyzx")
    return found


def test_sentinels_stay_in_the_team_schedules(
    session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """plan, render, status, record, failing runs and a crash: names only in the team
    schedules, the NIK nowhere (masked there), folders 0700, files 0600."""
    s = session
    d = str(s.district)
    week_dir = s.out / WEEK
    fast = ("--time-limit", "5", "--solution-limit", "5", "--no-progress")
    assert s.run("plan", "--week", WEEK, "--data", d, "--out", str(s.out), *fast)[0] == 0
    assert s.run("letters", "--week", WEEK, "--data", d, "--out", str(s.out))[0] == 0
    assert len(list((week_dir / "surat").glob("*.pdf"))) > 5
    rendered = tmp_path / "rendered"
    plan_file = str(week_dir / "plan.json")
    assert s.run("render", plan_file, "--data", d, "--out", str(rendered))[0] == 0
    for fmt in ("table", "csv", "json"):
        assert s.run("status", "--data", d, "--format", fmt, "--as-of", WEEK)[0] == 0
    # A replan moves stops: changes.txt (an office document) says whom to call, no resident.
    # It runs on a copy (its ledger then holds version 2, which the tally below is not of).
    replanned, copy = tmp_path / "replanned", tmp_path / "copy"
    shutil.copytree(week_dir, replanned / WEEK)
    shutil.copytree(s.district, copy)
    replan = ("replan", "--from", "2026-12-03", "--without-team", "T2", "--cancel")
    moved = next(
        stop["site"]
        for route in json.loads((week_dir / "plan.json").read_text(encoding="utf-8"))["routes"]
        if route["date"] >= "2026-12-03"
        for stop in route["stops"]
        if stop["kind"] == "homebound"
    )
    assert s.run(*replan, moved, "--data", str(copy), "--out", str(replanned), *fast)[0] == 0
    changes = (replanned / WEEK / "changes.txt").read_text(encoding="utf-8")
    assert "Beri tahu (" in changes
    assert "memberi tahu warga" in changes or "menelepon warga" in changes

    # A tally with a name and a NIK typed into the counts: exit 2, nothing echoed.
    bad = _fill_tally(week_dir / "schedule.xlsx", tmp_path / "bad.xlsx", recorded=_name(7))
    assert s.run("record", "--week", WEEK, str(bad), "--data", d)[0] == 2
    bad = _fill_tally(week_dir / "schedule.xlsx", tmp_path / "nik.xlsx", recorded=_nik(8))
    assert s.run("record", "--week", WEEK, str(bad), "--data", d)[0] == 2
    good = _fill_tally(week_dir / "schedule.xlsx", tmp_path / "tally.xlsx")
    assert s.run("record", "--week", WEEK, str(good), "--data", d)[0] == 0
    assert s.run("status", "--data", d, "--format", "csv", "--as-of", WEEK)[0] == 0

    # A broken homebound table: every problem reported (exit 2), no cell of it quoted.
    broken = tmp_path / "broken"
    shutil.copytree(s.district, broken, ignore=shutil.ignore_patterns(".planner"))
    _break_homebound(broken)
    code, err = s.run("validate", "--data", str(broken))
    assert code == 2
    assert f"{HOMEBOUND}:2:mulai: the value is not a time" in err
    assert f"{HOMEBOUND}:4:id: the id looks like a NIK" in err
    assert s.run("plan", "--week", WEEK, "--data", str(broken), "--out", str(s.out), *fast)[0] == 2

    # An internal error whose exception carries a resident's name and NIK.
    def crash(*args: object, **kwargs: object) -> None:
        raise RuntimeError(f"bug near {_name(5)} / {_nik(5)} / {_phone(5)}")

    monkeypatch.setattr(planner.ledger.status, "campaign_status", crash)
    code, err = s.run("status", "--data", d)
    assert code == 1
    last = err.splitlines()[-1]
    assert last.startswith("Internal error (RuntimeError); this is a bug in planner, details in ")
    (log,) = s.logs.iterdir()
    assert "RuntimeError: bug near [resident] / 170201********** / [phone]" in log.read_text()

    # Every line printed.
    for command, text in s.printed:
        assert "Traceback" not in text, command
        assert _leaks(text, s.count, names_allowed=False) == [], command

    # Every file written: outputs (both folders), the ledger's bytes, the crash log.
    written = [
        p
        for folder in (
            s.out,
            rendered,
            replanned,
            s.district / ".planner",
            copy / ".planner",
            s.logs,
        )
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    ]
    assert {p.name for p in written} >= {
        "plan.json",
        "map.html",
        "changes.txt",
        "ledger.sqlite",
        log.name,
    }
    named = 0
    for path in written:
        for part, text in _texts(path).items():
            allowed = _may_name_residents(path, part)
            assert _leaks(text, s.count, allowed) == [], (path, part)
            named += allowed and "Zzyzx" in text
            if allowed and "Zzyzx" in text and part != "bytes":
                assert "170201" + "*" * 10 in text, (path, part)
    assert named >= 5, "the schedules should name the visited residents (else this is vacuous)"
    schedule = (week_dir / "schedule.html").read_text(encoding="utf-8")
    assert "Telp. warga: 0877-9" in schedule
    assert "telp. 0878-9" in schedule
    assert "Jalan Zzyzx" in schedule

    # Owner-only: the folders planner made and every file in them.
    for folder in (s.out, week_dir, rendered, s.district / ".planner", s.logs):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    for path in written:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
