"""Reading one cell: numbers, times, dates, weekdays and yes/no, in English or Indonesian.

Each parser takes the cell's text (already stripped) and returns a value or raises
``CellError`` with a message a coordinator can act on; the caller adds file, row and column.
``Problems`` gathers every error and warning of a load so they are reported together.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
from collections.abc import Mapping
from typing import Any

from planner.errors import Problem
from planner.i18n import Msg, msg
from planner.model import Minutes, parse_hhmm


class CellError(ValueError):
    """A cell that cannot be read; ``hint`` says how to fix it."""

    def __init__(self, message: str | Msg, hint: str | Msg = ""):
        super().__init__(message)
        self.message = message
        self.hint = hint


class Problems:
    """Errors and warnings of one load, in the order found."""

    def __init__(self) -> None:
        self.errors: list[Problem] = []
        self.warnings: list[Problem] = []
        self._once: set[tuple[str, ...]] = set()

    def error(
        self,
        file: str,
        message: str | Msg,
        row: int | None = None,
        column: str | None = None,
        hint: str | Msg = "",
    ) -> None:
        """Record an error: the load fails, after every other problem has been found too."""
        self.errors.append(Problem(file, message, row, column, hint, "error"))

    def warn(self, file: str, message: str | Msg, *where: Any, **named: Any) -> None:
        """Record a warning (same arguments as ``error``): the load goes on, the user is told."""
        problem = Problem(file, message, *where, **named)
        self.warnings.append(dataclasses.replace(problem, severity="warning"))

    def warn_once(self, key: tuple[str, ...], file: str, message: str | Msg, **where: Any) -> None:
        """Warn only the first time ``key`` is seen (one decimal-comma warning per column)."""
        if key in self._once:
            return
        self._once.add(key)
        row = where.get("row")
        column = where.get("column")
        self.warn(
            file,
            message,
            row if isinstance(row, int) else None,
            column if isinstance(column, str) else None,
            where.get("hint", ""),
        )


WEEKDAY_NAMES: Mapping[str, int] = {
    name: day
    for day, names in enumerate(
        [
            ("monday", "mon", "senin", "sen"),
            ("tuesday", "tue", "tues", "selasa", "sel"),
            ("wednesday", "wed", "rabu", "rab"),
            ("thursday", "thu", "thur", "thurs", "kamis", "kam"),
            ("friday", "fri", "jumat", "jum", "jumaat"),
            ("saturday", "sat", "sabtu", "sab"),
            ("sunday", "sun", "minggu", "ahad", "min", "mgg"),
        ]
    )
    for name in names
}
DAY_LABELS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_EVERY_DAY = {
    "daily": range(7),
    "setiap_hari": range(7),
    "tiap_hari": range(7),
    "weekdays": range(5),
    "hari_kerja": range(5),
}
# "Senin s/d Jumat", "Mon to Fri", "Senin sampai Kamis": all mean a range.
_RANGE_WORDS = re.compile(
    r"\s*(?:\bs\s*/\s*d\b\.?|\bs\.d\b\.?|\bsd\b|\bsampai\b|\bhingga\b|\buntil\b|\bthrough\b"
    r"|\bto\b|–|—|-)\s*"
)
_LIST_SPLIT = re.compile(r"[,;/&+\s]+|\b(?:dan|and)\b")
_WEEKDAY_HINT = msg("err.weekday_hint")


def format_days(days: frozenset[int]) -> str:
    """``Mon,Wed,Fri`` for messages."""
    return ",".join(DAY_LABELS[d] for d in sorted(days))


def day_list(days: frozenset[int]) -> Msg:
    """``Senin,Rabu`` / ``Monday,Wednesday``: weekdays inside a ``Msg``."""
    first, *rest = sorted(days)
    head = msg(f"weekday.{first}")
    return msg("err.join", first=head, rest=day_list(frozenset(rest))) if rest else head


def _weekday(token: str, text: str) -> int:
    day = WEEKDAY_NAMES.get(token)
    if day is None:
        raise CellError(msg("err.not_weekday", text=repr(text)), _WEEKDAY_HINT)
    return day


def parse_weekdays(text: str) -> frozenset[int]:
    """Weekdays from ``Mon``, ``Senin``, ``Mon-Fri``, ``Senin s/d Sabtu``, ``Senin;Rabu`` …

    A range may wrap past Sunday (``Sat-Mon``) because some offices count weeks that way.
    """
    cleaned = text.strip().lower().replace("'", "").replace("’", "")
    if cleaned.replace(" ", "_") in _EVERY_DAY:
        return frozenset(_EVERY_DAY[cleaned.replace(" ", "_")])
    cleaned = _RANGE_WORDS.sub("-", cleaned)
    days: set[int] = set()
    for part in _LIST_SPLIT.split(cleaned):
        if not part or part == "-":
            continue
        ends = part.split("-")
        if len(ends) == 1:
            days.add(_weekday(ends[0], text))
        elif len(ends) == 2 and ends[0] and ends[1]:
            first, last = _weekday(ends[0], text), _weekday(ends[1], text)
            span = (last - first) % 7
            days.update((first + i) % 7 for i in range(span + 1))
        else:
            raise CellError(msg("err.not_weekday", text=repr(text)), _WEEKDAY_HINT)
    if not days:
        raise CellError(msg("err.not_weekday", text=repr(text)), _WEEKDAY_HINT)
    return frozenset(days)


def parse_time(text: str) -> Minutes:
    """``HH:MM`` (also ``H:MM``, ``HH.MM``, ``HH:MM:SS``) as minutes since midnight."""
    try:
        return parse_hhmm(text)
    except ValueError:
        raise CellError(msg("err.not_time", text=repr(text)), msg("err.time_hint")) from None


_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")


def parse_date(text: str) -> dt.date:
    """An ISO date ``YYYY-MM-DD``; ``DD/MM/YYYY`` too (how Indonesian spreadsheets show dates)."""
    cleaned = text.strip()
    if len(cleaned) > 10 and cleaned[10:].strip() in ("00:00:00", "00:00", "T00:00:00"):
        cleaned = cleaned[:10]  # a date cell exported with its midnight time
    try:
        return dt.date.fromisoformat(cleaned)
    except ValueError:
        pass
    match = _DMY.match(cleaned)
    if match:
        try:
            return dt.date(int(match[3]), int(match[2]), int(match[1]))
        except ValueError:
            pass
    raise CellError(msg("err.not_date", text=repr(text)), msg("err.date_hint"))


def parse_dates(text: str) -> frozenset[dt.date]:
    """Dates separated by ``;`` (or ``,`` or spaces)."""
    return frozenset(parse_date(part) for part in re.split(r"[;,\s]+", text) if part)


_THOUSANDS = re.compile(r"^\d{1,3}([.,]\d{3})+$")


def parse_count(text: str) -> int:
    """A whole number ≥ 0; ``1.234``/``1,234`` thousands separators and ``12.0`` are fine."""
    cleaned = text.strip().replace(" ", "").replace("\u00a0", "")
    if cleaned.isascii() and cleaned.isdigit():
        return int(cleaned)
    # Thousands separators first: "3.000" in an Indonesian sheet is three thousand.
    if _THOUSANDS.match(cleaned):
        return int(re.sub(r"[.,]", "", cleaned))
    if re.fullmatch(r"\d+\.0+", cleaned):  # Excel wrote a float, e.g. 12.0
        return int(cleaned.split(".")[0])
    if re.fullmatch(r"[-−]\s*\d+([.,]\d+)?", cleaned):
        raise CellError(msg("err.negative", text=text), msg("err.count_hint"))
    raise CellError(msg("err.not_whole", text=repr(text)), msg("err.count_hint"))


def parse_float(text: str) -> tuple[float, bool]:
    """A decimal number, and whether it was written with a decimal comma (``-3,47``)."""
    cleaned = text.strip().replace("−", "-").replace(" ", "")
    comma = False
    if "," in cleaned and "." not in cleaned and cleaned.count(",") == 1:
        cleaned, comma = cleaned.replace(",", "."), True
    if not re.fullmatch(r"[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?", cleaned):
        raise CellError(msg("err.not_number", text=repr(text)), msg("err.decimal_hint"))
    value = float(cleaned)
    if not math.isfinite(value):
        raise CellError(msg("err.not_number", text=repr(text)), msg("err.decimal_hint"))
    return value, comma


_YES = {"yes", "y", "ya", "true", "t", "1", "benar", "bisa", "ada", "tersedia"}
_NO = {"no", "n", "tidak", "tdk", "false", "f", "0", "salah", "tidak_bisa", "tidak_ada"}


def parse_yes_no(text: str) -> bool:
    """``yes``/``no`` in English or Indonesian (``ya``/``tidak``), or true/false, 1/0."""
    cleaned = re.sub(r"\s+", "_", text.strip().lower())
    if cleaned in _YES:
        return True
    if cleaned in _NO:
        return False
    raise CellError(msg("err.not_yes_no", text=repr(text)), msg("err.yes_no_hint"))


def parse_choice(text: str, choices: Mapping[str, str], what: str | Msg) -> str:
    """One of ``choices`` (keys lower-case, spaces as ``_``), mapped to its canonical value."""
    cleaned = re.sub(r"[\s-]+", "_", text.strip().lower())
    if cleaned in choices:
        return choices[cleaned]
    allowed = sorted(set(choices))
    raise CellError(
        msg("err.not_choice", text=repr(text), what=what),
        msg("err.choice_hint", allowed=", ".join(allowed)),
    )
