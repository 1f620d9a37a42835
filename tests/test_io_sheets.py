"""``planner.io.sheets``: the CSV/XLSX reading shared by the district tables and the tally."""

from __future__ import annotations

import csv
import datetime as dt
import io

import openpyxl
import pytest

from planner.io import sheets


def _workbook(**sheets_rows: list[list[object]]) -> bytes:
    book = openpyxl.Workbook()
    first = book.active
    assert first is not None
    book.remove(first)
    for title, rows in sheets_rows.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_decode_says_when_the_file_was_not_unicode() -> None:
    """UTF-8 (BOM dropped) and UTF-16 are Unicode; anything else reads as Windows-1252."""
    assert sheets.decode("\ufeffkode;nama\n".encode()) == ("kode;nama\n", False)
    assert sheets.decode("kode,nama\n".encode("utf-16")) == ("kode,nama\n", False)
    assert sheets.decode("Désa".encode("cp1252")) == ("Désa", True)


def test_decode_strict_and_lenient_differ_only_on_bytes_no_encoding_knows() -> None:
    """Strict reads cp1252's undefined bytes as latin-1; lenient (the tally) as U+FFFD."""
    assert sheets.decode(b"x\x81") == ("x\x81", True)
    assert sheets.decode(b"x\x81", lenient=True) == ("x\ufffd", True)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("a;b;c,d\n", ";"), ("a\tb\n", "\t"), ("a,b;c\n", ","), ("ab\n", ","), ("\na;b\n", ",")],
)
def test_delimiter_comes_from_the_first_line(text: str, expected: str) -> None:
    """The separator used most in the first line (even a blank one); a comma when none is
    used or on a tie with it."""
    assert sheets.delimiter(text) == expected


def test_csv_rows_keep_blank_rows_and_multi_line_cells_as_one_row() -> None:
    """Row index + 1 is the row a spreadsheet shows: blank lines count, a quoted newline not."""
    rows = sheets.csv_rows('kode;nama\n\n1;"Desa\nBaru"\n2;X\x00\n')
    assert rows == [["kode", "nama"], [], ["1", "Desa\nBaru"], ["2", "X"]]


def test_csv_rows_report_the_line_the_csv_module_refused() -> None:
    """A cell over the csv module's size limit: UnreadableCsv with its message and line."""
    text = "a,b\n1,2\n" + "x" * (csv.field_size_limit() + 1) + "\n"
    with pytest.raises(sheets.UnreadableCsv) as caught:
        sheets.csv_rows(text)
    assert "field larger than field limit" in str(caught.value)
    assert caught.value.line == 3


def test_cell_text_writes_typed_cells_as_a_csv_would() -> None:
    """Dates ISO, times HH:MM, whole floats without .0, booleans yes/no."""
    assert sheets.cell_text(None) == ""
    assert sheets.cell_text(12.0) == "12"
    assert sheets.cell_text(1e20) == "1e+20"
    assert sheets.cell_text(True) == "yes"
    assert sheets.cell_text(dt.datetime(2026, 12, 1)) == "2026-12-01"
    assert sheets.cell_text(dt.datetime(1899, 12, 30, 8, 30)) == "08:30"
    assert sheets.cell_text(dt.time(13, 0)) == "13:00"
    assert sheets.cell_text(dt.timedelta(hours=7, minutes=30)) == "07:30"


def test_xlsx_rows_read_the_named_sheet_else_the_first() -> None:
    """The tally names its sheet; a workbook without it is read from its first sheet."""
    data = _workbook(first=[["a", 1.0]], wanted=[["b", dt.time(8, 0)]])
    assert sheets.xlsx_rows(data) == [["a", "1"]]
    assert sheets.xlsx_rows(data, sheet="wanted") == [["b", "08:00"]]
    assert sheets.xlsx_rows(data, sheet="absent") == [["a", "1"]]
    assert sheets.xlsx_rows(data, sheet="wanted", text=repr) == [["'b'", "datetime.time(8, 0)"]]


def test_xlsx_rows_say_whether_the_workbook_opened() -> None:
    """Not a workbook at all: UnreadableWorkbook, not opened, naming openpyxl's exception."""
    with pytest.raises(sheets.UnreadableWorkbook) as caught:
        sheets.xlsx_rows(b"PK\x03\x04 not really a zip")
    assert not caught.value.opened
    assert caught.value.kind == "BadZipFile"
