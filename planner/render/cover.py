"""The schedule cover's blank-card table: teams down, days across, one row per team.

A week of up to 10 teams × 7 days fits on the cover page (a row per team instead of a row
per team-day); a longer one breaks cleanly, its header row repeated on every page. A cell
holds the blank cards the team takes out that day, shaded when the team goes without a
printer, "–" when it has no route; the last column and row are totals.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Table, TableStyle

from planner.i18n import day_name, number, t
from planner.render._common import RenderContext

NO_ROUTE = "–"
_SHADE = colors.HexColor("#d9d9d9")


@dataclass(frozen=True, slots=True)
class BlankGrid:
    """The table's text: header, one row per team with routes, totals; shaded cells."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    no_printer: frozenset[tuple[int, int]]
    """(row, column) of the team-days without a printer (rows count from 0 under the header)."""


def blank_grid(ctx: RenderContext) -> BlankGrid:
    """The blank cards of ``ctx``'s plan by team (rows) and date (columns)."""
    lang = ctx.lang
    dates = ctx.dates()
    header = (
        t("render.team", lang),
        *(f"{day_name(d, lang)[:3]}<br/>{d.day}/{d.month}" for d in dates),
        t("render.total", lang),
    )
    rows: list[tuple[str, ...]] = []
    shaded: set[tuple[int, int]] = set()
    per_date = dict.fromkeys(dates, 0)
    for team, routes in ctx.routes_by_team():
        if not routes:
            continue
        by_date = {r.date: r for r in routes}
        cells = []
        for column, date in enumerate(dates, start=1):
            route = by_date.get(date)
            cells.append(NO_ROUTE if route is None else number(route.blanks, lang))
            if route is not None:
                per_date[date] += route.blanks
                if not route.printer:
                    shaded.add((len(rows), column))
        rows.append((team.label, *cells, number(sum(r.blanks for r in routes), lang)))
    total = sum(per_date.values())
    rows.append(
        (
            t("render.total", lang),
            *(number(v, lang) for v in per_date.values()),
            number(total, lang),
        )
    )
    return BlankGrid(header, tuple(rows), frozenset(shaded))


def blank_table(ctx: RenderContext, para: Callable[[str, str], Paragraph]) -> list[Any]:
    """The cover's flowables for the table: title, table (header repeated), legend.

    ``para(markup, style)`` makes a paragraph in the schedule's styles (``body``, ``bold``,
    ``num``, ``h3``, ``note``); text is escaped here.
    """
    from xml.sax.saxutils import escape

    grid = blank_grid(ctx)
    if len(grid.rows) <= 1:
        return []
    days = len(grid.header) - 2
    day_width = min(22 * mm, (180 * mm - 42 * mm - 20 * mm) / max(days, 1))
    widths = [42 * mm, *([day_width] * days), 20 * mm]
    head = [para(f"<b>{escape(grid.header[0])}</b>", "body")]
    head += [para(f"<b>{h}</b>", "num") for h in grid.header[1:]]  # dates: no user text
    body = [
        [para(escape(row[0]), "bold" if i == len(grid.rows) - 1 else "body")]
        + [para(escape(cell), "num") for cell in row[1:]]
        for i, row in enumerate(grid.rows)
    ]
    table = Table([head, *body], colWidths=widths, repeatRows=1)
    style: list[Any] = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#999999")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
        ("LINEABOVE", (0, -1), (-1, -1), 1.2, colors.black),
    ]
    style += [("BACKGROUND", (c, r + 1), (c, r + 1), _SHADE) for r, c in grid.no_printer]
    table.setStyle(TableStyle(style))
    table.hAlign = "LEFT"
    return [
        para(escape(t("render.blanks_title", ctx.lang)), "h3"),
        table,
        para(escape(t("cover.legend", ctx.lang, none=NO_ROUTE)), "note"),
    ]
