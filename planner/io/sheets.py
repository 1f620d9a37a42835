"""A file's bytes as rows of text cells: the CSV and XLSX reading every input table shares.

The district's tables (``planner.io.tables``) and the filled-in tally (``planner.io.tally``)
both read through here, so encodings, ``;``-separated CSV from Indonesian Excel and typed
workbook cells are handled once. Nothing here reports a problem: a file that cannot be read
raises ``UnreadableCsv`` or ``UnreadableWorkbook`` and the caller words the message, because
each names its own file and hint. A row is a list of cell texts, unstripped; its index + 1 is
the row number a spreadsheet shows (a quoted multi-line cell is still one row).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import warnings
from collections.abc import Callable

_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


class UnreadableCsv(ValueError):
    """The CSV module refused the text (its message), at physical ``line``."""

    def __init__(self, error: csv.Error, line: int):
        super().__init__(str(error))
        self.line = line


class UnreadableWorkbook(ValueError):
    """openpyxl failed on the workbook: ``kind`` names its exception; ``opened`` says whether
    the workbook opened and only its sheet could not be read."""

    def __init__(self, cause: Exception, opened: bool):
        super().__init__(type(cause).__name__)
        self.kind = type(cause).__name__
        self.opened = opened


def decode(data: bytes, lenient: bool = False) -> tuple[str, bool]:
    """The text of a CSV, and True when it was not Unicode (read as Windows-1252).

    UTF-8 (BOM stripped) or UTF-16 with a BOM; anything else is what Excel on Windows saves
    as "CSV", the ANSI code page. Strict by default, so a broken UTF-16 file is read as
    Windows-1252 (latin-1 for the bytes it leaves undefined) rather than half-decoded;
    ``lenient`` puts U+FFFD in place of bytes neither encoding knows (the tally's rule: its
    ids and numbers are ASCII, so a lossy name cannot change what is recorded).
    """
    if data.startswith(_UTF16_BOMS):
        try:
            return data.decode("utf-16", errors="replace" if lenient else "strict"), False
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8-sig"), False
    except UnicodeDecodeError:
        pass
    if lenient:
        return data.decode("cp1252", errors="replace"), True
    try:
        return data.decode("cp1252"), True
    except UnicodeDecodeError:
        # latin-1 maps every byte, so a file cp1252 rejects (undefined bytes) still reads.
        return data.decode("latin-1"), True


def delimiter(text: str) -> str:
    """Comma, or semicolon/tab when the header uses those (Indonesian Excel writes ``;``)."""
    first = text.split("\n", 1)[0]
    counts = {d: first.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


def csv_rows(text: str) -> list[list[str]]:
    """Every row of a CSV text (NUL characters dropped); UnreadableCsv when the CSV module
    refuses it (e.g. a cell over its size limit)."""
    text = text.replace("\x00", "")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter(text))
    try:
        return list(reader)
    except csv.Error as exc:
        raise UnreadableCsv(exc, reader.line_num) from None


def cell_text(value: object) -> str:
    """A workbook cell as the text a CSV would hold (dates ISO, times HH:MM, 12.0 → 12)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, dt.datetime):
        if (value.hour, value.minute, value.second) == (0, 0, 0):
            return value.date().isoformat()
        if value.date() in (dt.date(1899, 12, 30), dt.date(1899, 12, 31), dt.date(1900, 1, 1)):
            return value.strftime("%H:%M")  # a time typed into a date-formatted cell
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, dt.timedelta):
        minutes = round(value.total_seconds() / 60)
        return f"{minutes // 60:02d}:{minutes % 60:02d}"
    return str(value)


def xlsx_rows(
    data: bytes, sheet: str | None = None, text: Callable[[object], str] = cell_text
) -> list[list[str]]:
    """Every row of the workbook's sheet named ``sheet`` (the first sheet when absent), each
    cell turned into text by ``text``; UnreadableWorkbook when openpyxl fails."""
    import openpyxl  # slow import, only when a workbook is given

    with warnings.catch_warnings():
        # openpyxl warns about styles and extensions it ignores; they do not matter here.
        warnings.simplefilter("ignore")
        try:
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds on a damaged workbook
            raise UnreadableWorkbook(exc, opened=False) from None
        try:
            chosen = book[sheet] if sheet in book.sheetnames else book.worksheets[0]
            return [[text(v) for v in row] for row in chosen.iter_rows(values_only=True)]
        except Exception as exc:  # a broken sheet inside a valid zip
            raise UnreadableWorkbook(exc, opened=True) from None
        finally:
            book.close()
