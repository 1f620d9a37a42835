"""The campaign status for programs: JSON (everything) and CSV (one tidy table).

``planner status`` prints one of these or the text report (``status_text``); the figures come
from ``planner.ledger.status``.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict
from typing import Any

from planner.coverage import CoverageRow
from planner.i18n import t
from planner.ledger.status import Status
from planner.ledger.status_tables import (
    COVERAGE_COLUMNS,
    TABLES,
    as_dicts,
    coverage_cells,
    kecamatan_table,
    table_named,
    villages_table,
    waiting_table,
    weeks_table,
)

STATUS_SCHEMA = "planner.status/2"


def format_status(status: Status, fmt: str, *, lang: str = "id", table: str | None = None) -> str:
    """The status as ``fmt``: "json", "csv" (the table ``table``, default kecamatan) or
    "table" (text tables in ``lang`` for the terminal)."""
    if fmt == "json":
        return status_to_json(status)
    if fmt == "csv":
        return status_to_csv(status, table or "kecamatan", lang)
    from planner.ledger.status_text import render_table

    return render_table(status, lang)


def coverage_dict(row: CoverageRow) -> dict[str, Any]:
    """One coverage row as JSON data (its name, villages and the coverage columns)."""
    keys = [c.key for c in COVERAGE_COLUMNS]
    return {
        "name": row.name,
        "villages": row.villages,
        **dict(zip(keys, coverage_cells(row), strict=True)),
    }


def status_to_dict(status: Status) -> dict[str, Any]:
    """The status as JSON data (schema ``planner.status/2``): every table, keys in English."""
    stock = status.stock
    return {
        "schema": STATUS_SCHEMA,
        "district": status.district,
        "as_of": status.as_of,
        "window_end": status.window_end,
        "weeks": status.weeks,
        "plan_weeks": list(status.plan_weeks),
        "recorded_weeks": list(status.recorded_weeks),
        "planned_week": status.planned_week,
        "coverage": {
            "kecamatan": as_dicts(kecamatan_table(status)),
            "villages": as_dicts(villages_table(status)),
            "total": coverage_dict(status.coverage.total),
        },
        "trend": as_dicts(weeks_table(status)),
        "stock": {
            "start": stock.start,
            "start_kept": stock.start_kept,
            "planner_toml": status.toml_stock,
            "now": stock.now,
            "reserve": stock.reserve,
            "budget": stock.budget,
            "pace_per_week": None if stock.pace is None else round(stock.pace, 1),
            "pace_weeks": list(stock.pace_weeks),
            "weeks_left": stock.weeks_left,
            "weeks": [asdict(w) for w in stock.weeks],
        },
        "not_visited": as_dicts(waiting_table(status)),
    }


def status_to_json(status: Status) -> str:
    """Status as JSON text (UTF-8, indented, newline-terminated)."""
    return json.dumps(status_to_dict(status), ensure_ascii=False, indent=2) + "\n"


def _safe(value: Any) -> Any:
    """Neutralise spreadsheet formulas in text cells (=, +, -, @ start a formula in Excel).

    The same rule as ``planner.render.xlsx.safe_text``, not imported from there because that
    would load every renderer (folium, reportlab) just to print a status.
    """
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return "" if value is None else value


def status_to_csv(status: Status, table: str = "kecamatan", lang: str = "id") -> str:
    """One tidy table of ``TABLES`` as CSV: a header row in ``lang``, then its rows (numbers
    as plain digits, shares in percent with a decimal point, empty for none)."""
    if table not in TABLES:
        raise KeyError(table)
    tidy = table_named(status, table)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([t(f"status.col.{c.key}", lang) for c in tidy.columns])
    for row in tidy.rows:
        writer.writerow([_safe(cell) for cell in row])
    return out.getvalue()
