"""The campaign status as text tables for the terminal, Indonesian or English.

Every header and label comes from the catalogue (``status.*``); numbers through ``number`` and
``percent``, so an Indonesian report reads ``1.506`` and ``97,7 %``.
"""

from __future__ import annotations

import io
import shutil

from rich import box
from rich.console import Console
from rich.table import Table

from planner.i18n import number, percent, t
from planner.ledger.status import START, Status
from planner.ledger.status_tables import (
    NUMBER,
    PERCENT,
    Cell,
    TidyTable,
    kecamatan_table,
    stock_table,
    weeks_table,
)

TABLE_WAITING_ROWS = 15
"""The text report lists this many waiting sites; csv/json list them all."""

TEXT_COVERAGE = (
    "kecamatan",
    "villages",
    "obliged",
    "recorded",
    "backlog",
    "planned",
    "coverage_now",
    "coverage_after",
)
"""The kecamatan columns the terminal shows (the campaign's start and the backlog after the
plan are in CSV and JSON)."""


def render_table(status: Status, lang: str = "id", width: int | None = None) -> str:
    """The status as text tables (rich, no colour) in ``lang``, ``width`` columns (default:
    the terminal's)."""
    width = width or max(80, shutil.get_terminal_size((100, 24)).columns)
    out = io.StringIO()
    # markup=False: village and kecamatan names are data, "[red]" in one must print as is.
    console = Console(
        file=out, width=width, color_system=None, highlight=False, emoji=False, markup=False
    )
    for line in _head(status, lang):
        console.print(line, soft_wrap=True)
    kecamatan = kecamatan_table(status, total=True)
    console.print(_rich(kecamatan, lang, t("status.table.kecamatan", lang), TEXT_COVERAGE))
    console.print(t("status.coverage_note", lang), soft_wrap=True)
    console.print()
    console.print(_rich(weeks_table(status), lang, t("status.table.weeks", lang)))
    _print_stock(console, status, lang)
    _print_waiting(console, status, lang)
    # Rich pads every line to the full width; trailing blanks only get in the way of diffs.
    return "".join(line.rstrip() + "\n" for line in out.getvalue().splitlines())


def _head(status: Status, lang: str) -> list[str]:
    if status.as_of is None:
        lines = [t("status.title_none", lang, district=status.district)]
    else:
        lines = [t("status.title", lang, district=status.district, week=status.as_of)]
    weeks = ", ".join(status.recorded_weeks) or t("status.none", lang)
    lines.append(t("status.recorded_weeks", lang, weeks=weeks))
    if status.planned_week:
        lines.append(t("status.planned_week", lang, week=status.planned_week))
    else:
        lines.append(t("status.no_plan", lang))
    return lines


def _cell(value: Cell, kind: str, lang: str) -> str:
    if value is None:
        return "-"
    if kind == PERCENT and isinstance(value, int | float):
        return percent(float(value), lang)
    if kind == NUMBER and isinstance(value, int | float):
        return number(value, lang)
    return str(value)


def _rich(tidy: TidyTable, lang: str, title: str, keys: tuple[str, ...] | None = None) -> Table:
    """A tidy table as a rich table: headers translated, numbers formatted; a total row (the
    kecamatan table's last) set apart."""
    wanted = [i for i, c in enumerate(tidy.columns) if keys is None or c.key in keys]
    table = Table(
        title=title, box=box.SIMPLE_HEAD, title_justify="left", collapse_padding=True,
        pad_edge=False,
    )  # fmt: skip
    for i in wanted:
        column = tidy.columns[i]
        header = t(f"status.col.{column.key}", lang)
        table.add_column(
            header,
            justify="left" if column.kind not in (NUMBER, PERCENT) else "right",
            # Never narrower than a header's longest word: rich would cut it, not wrap it.
            min_width=max(len(word) for word in header.split()),
        )
    for n, row in enumerate(tidy.rows):
        cells = [_cell(row[i], tidy.columns[i].kind, lang) for i in wanted]
        if tidy.name == "weeks" and row[0] == START:
            cells[0] = t("status.start_row", lang)
        if tidy.name == "kecamatan" and keys is not None and n == len(tidy.rows) - 1:
            table.add_section()
            cells[0] = t("status.total", lang, name=cells[0])
        table.add_row(*cells)
    return table


def _print_stock(console: Console, status: Status, lang: str) -> None:
    stock = status.stock
    if stock.weeks:
        console.print(_rich(stock_table(status), lang, t("status.table.stock", lang)))
    console.print(
        t(
            "status.stock_now",
            lang,
            start=number(stock.start, lang),
            now=number(max(0, stock.now), lang),
            reserve=number(stock.reserve, lang),
            budget=number(stock.budget, lang),
        ),
        soft_wrap=True,
    )
    if stock.pace and stock.weeks_left is not None:
        weeks = stock.pace_weeks[0] if len(stock.pace_weeks) == 1 else (
            f"{stock.pace_weeks[0]}–{stock.pace_weeks[-1]}"
        )  # fmt: skip
        line = t(
            "status.stock_pace",
            lang,
            pace=number(stock.pace, lang, 1),
            weeks=weeks,
            left=number(stock.weeks_left, lang, 1),
        )
    else:
        line = t("status.stock_no_pace", lang)
    console.print(line, soft_wrap=True)
    if stock.now < 0:
        console.print(t("status.stock_short", lang, cards=number(-stock.now, lang)), soft_wrap=True)
    if stock.start_kept and status.toml_stock != stock.start:
        toml, start = number(status.toml_stock, lang), number(stock.start, lang)
        console.print(t("status.stock_toml", lang, toml=toml, start=start), soft_wrap=True)
    console.print()


def _print_waiting(console: Console, status: Status, lang: str) -> None:
    waiting = status.waiting
    title = t(
        "status.table.waiting",
        lang,
        weeks=status.weeks,
        week=status.window_end,
        count=number(len(waiting), lang),
    )
    table = Table(
        title=title, box=box.SIMPLE_HEAD, title_justify="left", collapse_padding=True,
        pad_edge=False,
    )  # fmt: skip
    for key in ("name", "code", "kind", "kecamatan"):
        table.add_column(t(f"status.col.{key}", lang), no_wrap=key == "code")
    table.add_column(t("status.col.backlog", lang), justify="right")
    table.add_column(t("status.col.last_visit", lang))
    for w in waiting[:TABLE_WAITING_ROWS]:
        if w.kind == "homebound":
            category = t(f"render.category.{w.category}", lang)
            name = t("status.homebound_at", lang, category=category, village=w.village_name)
        else:
            name = w.name
        last = (
            t("status.never", lang)
            if w.last_visit is None
            else t("status.weeks_ago", lang, week=w.last_visit, weeks=w.weeks_waiting)
        )
        kind = t(f"kind.{w.kind}", lang)
        code = w.site.split(":", 1)[1]
        table.add_row(name, code, kind, w.kecamatan, number(w.backlog, lang), last)
    console.print(table)
    if len(waiting) > TABLE_WAITING_ROWS:
        more = len(waiting) - TABLE_WAITING_ROWS
        console.print(t("status.more", lang, count=number(more, lang)))
