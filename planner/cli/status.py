"""``planner status``: campaign coverage by kecamatan, backlog trend, cards, waiting sites."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import click
from rich import box
from rich.console import Console
from rich.table import Table

import planner.io
from planner.calendar import Week
from planner.campaign import Coverage, Status, campaign_status, status_to_csv, status_to_json
from planner.cli._common import data_option, echo_warnings
from planner.ledger import Ledger, ledger_path

TABLE_WAITING_ROWS = 15
"""The table lists this many waiting sites; csv/json list them all."""


@click.command("status")
@data_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
    help="table for people; csv or json (to stdout) for other programs.",
)
@click.option(
    "--weeks",
    type=click.IntRange(min=1, max=520),
    default=4,
    show_default=True,
    help="List sites with backlog not visited in the last N weeks.",
)
@click.option(
    "--as-of",
    "as_of",
    default="this",
    show_default=True,
    metavar="YYYY-Www",
    help="The week the --weeks window ends with.",
)
def status(data_dir: Path | None, fmt: str, weeks: int, as_of: str) -> None:
    """Show the campaign: coverage by kecamatan, backlog per week, cards, waiting sites.

    Coverage is recorded / obliged (1 - backlog / obliged) over the villages, from the
    district tables minus everything recorded with 'planner record'. Homebound residents
    appear by id, category and village only.

    \b
    Example:
      planner status --weeks 4
      planner status --format csv > status.csv
    """
    label = Week.parse(as_of, option="--as-of", example="this").label
    folder = data_dir if data_dir is not None else planner.io.sample_dir()
    district, warnings = planner.io.load_district(folder)
    echo_warnings(warnings)
    path = ledger_path(folder)
    # status only reads: a district without a ledger gets an empty one in memory, no file.
    with Ledger.open(path) if path.exists() else Ledger.memory() as ledger:
        result = campaign_status(district, ledger, as_of=label, weeks=weeks)
    if fmt == "json":
        click.echo(status_to_json(result), nl=False)
    elif fmt == "csv":
        click.echo(status_to_csv(result), nl=False)
    else:
        click.echo(render_table(result), nl=False)


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f} %"


def _coverage_row(c: Coverage) -> list[str]:
    return [
        f"{c.name} (district)" if c.level == "district" else c.name,
        str(c.villages),
        f"{c.obliged:,}",
        f"{c.backlog_start:,}",
        f"{c.recorded:,}",
        f"{c.backlog:,}",
        _pct(c.coverage_start_pct),
        _pct(c.coverage_pct),
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
    console.print(table)

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
    console.print(table)

    cards = status.cards
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
    # Rich pads every line to the full width; trailing blanks only get in the way of diffs.
    return "".join(line.rstrip() + "\n" for line in out.getvalue().splitlines())


def _table(title: str) -> Table:
    return Table(
        title=title,
        box=box.SIMPLE_HEAD,
        title_justify="left",
        collapse_padding=True,
        pad_edge=False,
    )


COMMANDS = [status]
