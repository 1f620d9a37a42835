"""The tally's columns: their names, their headers in both languages, and the stop code.

``schedule.xlsx`` writes the "all stops" sheet with ``SHEET_COLUMNS`` and each team sheet with
the columns a team needs; both carry the stop code (``Kode``, ``T1-1207-1``: team, month and
day, order of the stop that day, as printed on the PDF tally) and the two columns the office or
the team fills in: ``recorded`` and ``printed``. Headers are written in the plan's language;
``column_of`` reads a header of either language (and the English names of earlier versions, and
a few Indonesian aliases) back to its column name.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from types import MappingProxyType

from planner.i18n import LANGUAGES, t
from planner.io.tables import normalise_header

ALL_STOPS_COLUMNS: tuple[str, ...] = (
    "week",
    "team",
    "date",
    "order",
    "site",
    "kind",
    "place",
    "kecamatan",
    "arrive",
    "start",
    "end",
    "people",
    "cards",
)
"""The plan's columns of a stop on the "all stops" sheet, in order (``place`` is the display
name: village or school name, or e.g. "lansia, Desa X" for a homebound visit; ``people`` and
``cards`` are what the plan expects)."""

RESULT_COLUMNS: tuple[str, ...] = ("recorded", "printed")
"""Columns filled in after the week: people actually recorded and cards actually printed
(blank ``recorded`` and ``printed``: the stop was not visited)."""

SHEET_COLUMNS: tuple[str, ...] = ("code", *ALL_STOPS_COLUMNS, *RESULT_COLUMNS)
"""The "all stops" sheet of schedule.xlsx, in order."""

KEY_COLUMNS: tuple[str, ...] = ("team", "date", "site")
"""What identifies a stop when a row has no code (tallies written before the code existed)."""

_COLUMNS = (*SHEET_COLUMNS,)

_ALIASES: Mapping[str, str] = MappingProxyType(
    {
        "tercatat": "recorded",
        "direkam": "recorded",
        "dicetak": "printed",
        "tim": "team",
        "tanggal": "date",
        "minggu": "week",
        "ref": "code",
        "kode": "code",
        "kode_kunjungan": "code",
        "kartu_dicetak": "cards",
        "cards_printed": "cards",
        "orang": "people",
    }
)
"""Indonesian aliases and the headers of earlier workbooks. Keep it small: every alias is one
more way to be wrong."""


def header(column: str, lang: str) -> str:
    """The header of ``column`` in ``lang`` (``Direkam`` / ``Recorded``)."""
    return t(f"record.col.{column}", lang)


def all_stops_sheet(lang: str) -> str:
    """The name of the "all stops" sheet in ``lang``."""
    return t("record.sheet.all", lang)


def all_stops_names() -> frozenset[str]:
    """The "all stops" sheet's name in every language (and the English one of earlier
    workbooks), lower case."""
    return frozenset({"all stops", *(all_stops_sheet(lang).lower() for lang in LANGUAGES)})


def _header_index() -> Mapping[str, str]:
    index = dict(_ALIASES)
    for column in _COLUMNS:
        index[normalise_header(column)] = column
        for lang in LANGUAGES:
            index.setdefault(normalise_header(header(column, lang)), column)
    return MappingProxyType(index)


_HEADERS = _header_index()


def column_of(text: str) -> str:
    """The column a header names (either language, any case and spacing), or the header
    normalised when it names none of the tally's columns."""
    name = normalise_header(text)
    return _HEADERS.get(name, name)


def stop_code(team: str, date: dt.date, order: int) -> str:
    """A stop's code, printed on the schedule and the tally: ``T1-1207-2`` (team, month and
    day, the stop's order that day from 1). Unique within a week's plan."""
    return f"{team}-{date:%m%d}-{order}"
