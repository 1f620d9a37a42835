"""The "all stops" table: one row per planned stop, shared by ``schedule.xlsx`` and ``record``.

The office fills in ``recorded`` and ``printed`` on a copy of this sheet and gives it back to
``planner record``; so the export and the reader must agree on these columns, defined once here.
No personal data: a homebound stop names its category and village, never the resident.
"""

from __future__ import annotations

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
"""Columns of the "all stops" sheet, in order (English header names; ``place`` is the display
name: village or school name, or e.g. "lansia, Desa X" for a homebound visit)."""

RESULT_COLUMNS: tuple[str, ...] = ("recorded", "printed")
"""Columns the office adds to a tally: people actually recorded and cards actually printed
(a blank cell means the stop was not visited)."""

ALL_STOPS_SHEET = "all stops"
