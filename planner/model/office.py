"""The office as its letters present it: letterhead, numbering, contact and head of office.

Read from ``[office]`` in ``planner.toml`` (``planner.io.office``); used by the notification
letters (``planner.render.letters``). Everything has a neutral default, so a district without
these keys still gets a letter, only a plainer one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

DEFAULT_NUMBER_PATTERN = "470/{seq:03d}/Dukcapil/{month_roman}/{year}"
"""Indonesian official numbering: classification code (470 = population affairs), sequence,
unit, month in Roman numerals, year."""

NUMBER_FIELDS = ("seq", "month", "month_roman", "year", "week")

_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def roman_month(month: int) -> str:
    """``XI`` for November: the month as official letter numbers write it."""
    return _ROMAN[month - 1]


@dataclass(frozen=True, slots=True)
class Person:
    """Someone the letter names: the head of office (name, NIP, rank) or a contact (phone)."""

    name: str = ""
    nip: str = ""
    rank: str = ""
    phone: str = ""


@dataclass(frozen=True, slots=True)
class Letterhead:
    """What an official letter of the office shows besides the visit itself."""

    government: str = ""
    """The first letterhead line, e.g. ``PEMERINTAH KABUPATEN REJANG LEBONG``."""
    agency: str = "Dinas Kependudukan dan Pencatatan Sipil"
    address: str = ""
    contact_line: str = ""
    """Telephone, e-mail, web site: the letterhead's last line."""
    city: str = ""
    """Where letters are signed (``Curup, 30 November 2026``)."""
    logo: str | None = None
    """An image file (absolute path) printed left of the letterhead."""
    number_pattern: str = DEFAULT_NUMBER_PATTERN
    head_title: str = "Kepala"
    """Put before the agency's name in the signature block (``Kepala Dinas …``)."""
    head: Person = Person()
    contact: Person = Person()
    letters: bool = False
    """``plan`` writes the letters too (``letters = true``)."""

    def number(self, seq: int, date: dt.date, week: str) -> str:
        """The letter number for the ``seq``-th letter dated ``date``."""
        return self.number_pattern.format(
            seq=seq,
            month=date.month,
            month_roman=roman_month(date.month),
            year=date.year,
            week=week,
        )
