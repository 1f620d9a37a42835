"""The campaign status for people and programs: text tables, CSV and JSON.

``planner status`` prints one of these; the figures come from ``planner.ledger.status``.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table

from planner.ledger.status import Cards, Coverage, Status, Waiting

STATUS_SCHEMA = "planner.status/1"

TABLE_WAITING_ROWS = 15
"""The table lists this many waiting sites; csv/json list them all."""


def format_status(status: Status, fmt: str) -> str:
    """The status as ``fmt``: "json", "csv" or "table" (text tables for the terminal)."""
    if fmt == "json":
        return status_to_json(status)
    if fmt == "csv":
        return status_to_csv(status)
    return render_table(status)


def _coverage_dict(c: Coverage) -> dict[str, Any]:
    return {
        **asdict(c),
        "coverage_start_pct": c.coverage_start_pct,
        "coverage_pct": c.coverage_pct,
    }


def status_to_dict(status: Status) -> dict[str, Any]:
    """The status as JSON data (schema ``planner.status/1``)."""
    return {
        "schema": STATUS_SCHEMA,
        "district": status.district,
        "as_of": status.as_of,
        "weeks": status.weeks,
        "plan_weeks": list(status.plan_weeks),
        "recorded_weeks": list(status.recorded_weeks),
        "coverage": [_coverage_dict(c) for c in status.coverage],
        "total": _coverage_dict(status.total),
        "trend": [asdict(t) for t in status.trend],
        "cards": {**asdict(status.cards), "budget": status.cards.budget},
        "not_visited": [asdict(w) for w in status.waiting],
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


def status_to_csv(status: Status) -> str:
    """Status as CSV: one block per section, separated by a blank line.

    Every row starts with its section (``coverage``, ``trend``, ``cards``, ``not_visited``) so a
    reader can filter one section; each block has its own header row.
    """
    data = status_to_dict(status)
    blocks: list[tuple[str, Sequence[dict[str, Any]]]] = [
        ("coverage", [*data["coverage"], data["total"]]),
        ("trend", data["trend"]),
        ("cards", [data["cards"]]),
        ("not_visited", data["not_visited"]),
    ]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for i, (section, rows) in enumerate(blocks):
        if i:
            out.write("\n")
        header = list(rows[0]) if rows else _empty_header(section)
        writer.writerow(["section", *header])
        for row in rows:
            writer.writerow([section, *(_safe(row[k]) for k in header)])
    return out.getvalue()


def _empty_header(section: str) -> list[str]:
    fields: Iterable[str] = Waiting.__dataclass_fields__ if section == "not_visited" else ()
    return list(fields)


# --------------------------------------------------------------------------------------------
# Text tables


def _pct_text(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f} %"


def _coverage_row(c: Coverage) -> list[str]:
    return [
        f"{c.name} (district)" if c.level == "district" else c.name,
        str(c.villages),
        f"{c.obliged:,}",
        f"{c.backlog_start:,}",
        f"{c.recorded:,}",
        f"{c.backlog:,}",
        _pct_text(c.coverage_start_pct),
        _pct_text(c.coverage_pct),
    ]


def render_table(status: Status, width: int | None = None) -> str:
    """The status as text tables (rich, no colour), ``width`` columns (default: terminal)."""
    width = width or max(80, shutil.get_terminal_size((100, 24)).columns)
    out = io.StringIO()
    # markup=False: village and kecamatan names are data, "[red]" in one must print as is.
    console = Console(
        file=out, width=width, color_system=None, highlight=False, emoji=False, markup=False
    )
    recorded = ", ".join(status.recorded_weeks) or "none yet"
    console.print(f"{status.district}: campaign status as of {status.as_of}", soft_wrap=True)
    console.print(f"Recorded weeks: {recorded}", soft_wrap=True)
    console.print(_coverage_table(status))
    console.print(_trend_table(status))
    _print_cards(console, status.cards)
    _print_waiting(console, status)
    # Rich pads every line to the full width; trailing blanks only get in the way of diffs.
    return "".join(line.rstrip() + "\n" for line in out.getvalue().splitlines())


def _coverage_table(status: Status) -> Table:
    table = _table("Coverage by kecamatan")
    table.add_column("kecamatan")
    for name in ("villages", "obliged", "backlog\nbefore", "recorded", "backlog\nnow"):
        table.add_column(name, justify="right")
    table.add_column("coverage\nbefore", justify="right")
    table.add_column("coverage\nnow", justify="right")
    for c in status.coverage:
        table.add_row(*_coverage_row(c))
    table.add_section()
    table.add_row(*_coverage_row(status.total))
    return table


def _trend_table(status: Status) -> Table:
    table = _table("Backlog by week")
    table.add_column("week")
    for name in ("village\nbacklog", "students", "homebound", "stops", "recorded", "printed"):
        table.add_column(name, justify="right")
    table.add_column("cards\nleft", justify="right")
    for t in status.trend:
        table.add_row(
            t.week,
            f"{t.village_backlog:,}",
            f"{t.school_students:,}",
            str(t.homebound_left),
            str(t.stops_visited),
            f"{t.recorded:,}",
            f"{t.printed:,}",
            f"{t.stock:,}",
        )
    return table


def _print_cards(console: Console, cards: Cards) -> None:
    console.print(
        f"Blank cards: {cards.stock_start:,} at the start, {cards.printed:,} printed, "
        f"{cards.refilled:,} refilled, {cards.stock_left:,} left",
        soft_wrap=True,
    )
    console.print(
        f"  the office keeps {cards.reserve:,}; the teams may still print {cards.budget:,}",
        soft_wrap=True,
    )
    console.print()


def _print_waiting(console: Console, status: Status) -> None:
    waiting = status.waiting
    title = f"Not visited in the last {status.weeks} weeks: {len(waiting)} sites with backlog"
    table = _table(title)
    for name in ("site", "kind", "kecamatan"):
        table.add_column(name)
    table.add_column("backlog", justify="right")
    table.add_column("last visit")
    for w in waiting[:TABLE_WAITING_ROWS]:
        last = "never" if w.last_visit is None else f"{w.last_visit} ({w.weeks_waiting} wk)"
        table.add_row(w.site, w.kind, w.kecamatan, f"{w.backlog:,}", last)
    console.print(table)
    if len(waiting) > TABLE_WAITING_ROWS:
        more = len(waiting) - TABLE_WAITING_ROWS
        console.print(f"… and {more} more (see --format csv or json)")


def _table(title: str) -> Table:
    return Table(
        title=title,
        box=box.SIMPLE_HEAD,
        title_justify="left",
        collapse_padding=True,
        pad_edge=False,
    )
