"""The status as tidy tables: one header, one kind of row each, for CSV and the terminal.

``planner status --format csv --table NAME`` writes one of ``TABLES``; the text report shows
them all (the villages table only in CSV and JSON: it is long). Columns have a machine key
(JSON) and a translated header (``status.col.<key>``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from planner.coverage import CoverageRow
from planner.ledger.status import Status

TABLES = ("kecamatan", "villages", "weeks", "stock", "waiting")
"""Table names for ``--table``."""

NUMBER, PERCENT, TEXT = "number", "percent", "text"

Cell = str | int | float | None


@dataclass(frozen=True, slots=True)
class Column:
    """A column: its key (``status.col.<key>`` is its header) and how its values read."""

    key: str
    kind: str = NUMBER


@dataclass(frozen=True, slots=True)
class TidyTable:
    """A table of rows of one kind under one header."""

    name: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]


COVERAGE_COLUMNS = (
    Column("obliged"),
    Column("backlog_start"),
    Column("recorded"),
    Column("backlog"),
    Column("planned"),
    Column("backlog_after"),
    Column("coverage_start", PERCENT),
    Column("coverage_now", PERCENT),
    Column("coverage_after", PERCENT),
)


def coverage_cells(row: CoverageRow) -> tuple[Cell, ...]:
    """The counted cells of a coverage row, in ``COVERAGE_COLUMNS`` order (shares in %)."""
    return (
        row.obliged,
        row.backlog_start,
        row.recorded,
        row.backlog,
        row.planned,
        row.backlog_after,
        _pct(row.coverage_start),
        _pct(row.coverage_now),
        _pct(row.coverage_after),
    )


def _pct(share: float | None) -> float | None:
    return None if share is None else round(100.0 * share, 2)


def kecamatan_table(status: Status, *, total: bool = False) -> TidyTable:
    """Coverage per kecamatan (with the district total as a last row when ``total``)."""
    rows = [(k.name, k.villages, *coverage_cells(k)) for k in status.coverage.kecamatan]
    if total:
        c = status.coverage.total
        rows.append((c.name, c.villages, *coverage_cells(c)))
    columns = (Column("kecamatan", TEXT), Column("villages"), *COVERAGE_COLUMNS)
    return TidyTable("kecamatan", columns, tuple(rows))


def villages_table(status: Status) -> TidyTable:
    """Coverage per village, with its code and name."""
    columns = (
        Column("code", TEXT),
        Column("village", TEXT),
        Column("kecamatan", TEXT),
        *COVERAGE_COLUMNS,
    )
    rows = tuple(
        (v.code, v.name, v.kecamatan, *coverage_cells(v)) for v in status.coverage.villages
    )
    return TidyTable("villages", columns, rows)


def weeks_table(status: Status) -> TidyTable:
    """The backlog at the end of each recorded week (first row: the tables)."""
    columns = (
        Column("week", TEXT),
        Column("backlog"),
        Column("students"),
        Column("homebound"),
        Column("stops"),
        Column("recorded"),
        Column("printed"),
    )
    rows = tuple(
        (t.week, t.backlog, t.students, t.homebound, t.stops_visited, t.recorded, t.printed)
        for t in status.trend
    )
    return TidyTable("weeks", columns, rows)


def stock_table(status: Status) -> TidyTable:
    """Blank cards per week: start, delivered, printed, counted (a recount), end."""
    columns = (
        Column("week", TEXT),
        Column("stock_start"),
        Column("delivered"),
        Column("printed"),
        Column("counted"),
        Column("stock_end"),
    )
    rows = tuple(
        (w.week, w.start, w.delivered, w.printed, w.counted, w.end) for w in status.stock.weeks
    )
    return TidyTable("stock", columns, rows)


def waiting_table(status: Status, limit: int | None = None) -> TidyTable:
    """Sites with backlog not visited in the window, longest wait first (``kind`` and
    ``category`` are keys the text report translates)."""
    columns = (
        Column("site", TEXT),
        Column("kind", TEXT),
        Column("category", TEXT),
        Column("name", TEXT),
        Column("village_code", TEXT),
        Column("village", TEXT),
        Column("kecamatan", TEXT),
        Column("backlog"),
        Column("last_visit", TEXT),
        Column("weeks_waiting"),
    )
    rows = tuple(
        (
            w.site,
            w.kind,
            w.category,
            w.name,
            w.village,
            w.village_name,
            w.kecamatan,
            w.backlog,
            w.last_visit,
            w.weeks_waiting,
        )
        for w in status.waiting[:limit]
    )
    return TidyTable("waiting", columns, rows)


def table_named(status: Status, name: str) -> TidyTable:
    """One of ``TABLES`` by name (KeyError for another)."""
    builders = {
        "kecamatan": kecamatan_table,
        "villages": villages_table,
        "weeks": weeks_table,
        "stock": stock_table,
        "waiting": waiting_table,
    }
    return builders[name](status)


def as_dicts(table: TidyTable) -> list[dict[str, Cell]]:
    """The rows as dicts keyed by column key (JSON)."""
    keys: Sequence[str] = [c.key for c in table.columns]
    return [dict(zip(keys, row, strict=True)) for row in table.rows]
