"""Shared pieces of the web tests: a district copy with sentinel residents, a broken villages
table, a filled tally, and a TestClient that reads the CSRF token off a page."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import openpyxl

from planner.io import sample_dir
from planner.io.templates import copy_sample

WEEK = "2026-W49"
HOMEBOUND = "warga_khusus.csv"
RECORDED = ("recorded", "tercatat", "direkam")
PRINTED = ("printed", "dicetak")
CODE = ("kode", "code")


def sentinel_name(n: int) -> str:
    """A resident's sentinel name."""
    return f"Sentinel Qwxyz-{n:03d}"


def sentinel_nik(n: int) -> str:
    """A resident's sentinel NIK (16 digits)."""
    return f"17020188{n:08d}"


def sentinels(count: int) -> list[str]:
    """Every sentinel value a page must not show: names, NIKs and the NIKs' last 10 digits."""
    values: list[str] = []
    for n in range(1, count + 1):
        values += [sentinel_name(n), sentinel_nik(n), sentinel_nik(n)[-10:]]
    return values


def district_copy(folder: Path) -> int:
    """A copy of the sample district in ``folder`` whose residents carry sentinel names and
    NIKs; returns how many residents it has."""
    copy_sample(sample_dir(), folder)
    path = folder / HOMEBOUND
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for n, row in enumerate(rows, start=1):
        row["nama"], row["nik"] = sentinel_name(n), sentinel_nik(n)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return len(rows)


def broken_villages(folder: Path) -> bytes:
    """The district's villages.csv with a bad latitude on data row 3 and a negative backlog on
    row 5 (spreadsheet rows 4 and 6)."""
    rows = list(csv.reader(io.StringIO((folder / "villages.csv").read_text(encoding="utf-8"))))
    header = [h.strip().lower() for h in rows[0]]
    lat = next(i for i, h in enumerate(header) if h in ("lat", "lintang"))
    backlog = next(i for i, h in enumerate(header) if h in ("backlog", "belum_rekam"))
    rows[3][lat] = "tiga koma empat"
    rows[5][backlog] = "-12"
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue().encode("utf-8")


def filled_tally(schedule: bytes) -> bytes:
    """The schedule workbook with only its first sheet that has a recorded column (the
    all-stops sheet), one person recorded and no card printed at every stop."""
    book = openpyxl.load_workbook(io.BytesIO(schedule))
    for sheet in book.worksheets:
        for row in sheet.iter_rows(min_row=1, max_row=10):
            header = [str(c.value or "").strip().lower() for c in row]
            if any(h in RECORDED for h in header):
                break
        else:
            continue
        break
    else:
        raise AssertionError("no sheet with a recorded column")
    for other in [s for s in book.worksheets if s is not sheet]:
        book.remove(other)
    top = row[0].row
    recorded = next(i + 1 for i, h in enumerate(header) if h in RECORDED)
    printed = next(i + 1 for i, h in enumerate(header) if h in PRINTED)
    code = next(i + 1 for i, h in enumerate(header) if h in CODE)
    for number in range(top + 1, sheet.max_row + 1):
        if sheet.cell(number, code).value in (None, ""):
            continue
        sheet.cell(number, recorded, 1)
        sheet.cell(number, printed, 0)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def csrf_of(html: str) -> str:
    """The CSRF token of the first form on a page."""
    match = re.search(r'name="csrf" value="([^"]+)"', html)
    assert match, "no CSRF token on the page"
    return match[1]
