"""``schedule.xlsx`` for the office: every stop on one sheet, one sheet per team.

The "all stops" sheet (``Semua kunjungan``) has exactly ``planner.io.tally_columns.SHEET_COLUMNS``,
headers in the plan's language, and names no resident: a homebound stop's ``place`` is its
category and village. Every stop sheet carries the stop code (``Kode``, as on the PDF) and the
empty ``recorded``/``printed`` columns: ``planner record`` reads a filled-in copy back, the "all
stops" sheet or a team sheet. The team sheets are the team's own list and may name the
resident, NIK masked; there a
boat crossing is a row of its own (board and land times) before the stop, or the day's return
row, its leg leads to, and a leg whose travel time is an estimate says so. Cells
are typed (dates, times, whole numbers); text that a spreadsheet would run as a formula (it
starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) is stored as text behind an
apostrophe.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from planner.i18n import t
from planner.io.tally_columns import RESULT_COLUMNS, SHEET_COLUMNS, all_stops_sheet, header
from planner.model import BoatLine, Minutes, Route
from planner.render._common import RenderContext, approx, boat_text

Cell = str | int | float | dt.date | dt.time | None

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_HEADER_FILL = PatternFill("solid", fgColor="DDDDDD")
_DATE_FORMAT = "yyyy-mm-dd"
_TIME_FORMAT = "hh:mm"


def safe_text(text: str) -> str:
    """``text`` made inert for spreadsheets: a leading formula character gets an apostrophe."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def _time(minutes: Minutes) -> dt.time:
    if minutes >= 24 * 60:
        return dt.time(23, 59)
    return dt.time(minutes // 60, minutes % 60)


def _sheet(ws: Worksheet, header: Sequence[str], rows: list[list[Cell]]) -> None:
    ws.append([safe_text(h) for h in header])
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(vertical="top")
    widths = [len(h) for h in header]
    for values in rows:
        ws.append([safe_text(v) if isinstance(v, str) else v for v in values])
        for i, value in enumerate(values):
            widths[i] = max(widths[i], _shown_length(value))
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, dt.date):
                cell.number_format = _DATE_FORMAT
            elif isinstance(cell.value, dt.time):
                cell.number_format = _TIME_FORMAT
            elif isinstance(cell.value, str):
                cell.data_type = "s"
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = min(60, max(6, width + 2))
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(header))}{max(1, len(rows) + 1)}"


def _shown_length(value: Cell) -> int:
    if value is None:
        return 0
    if isinstance(value, dt.date):
        return 10
    if isinstance(value, dt.time):
        return 5
    return len(str(value)) + 1


def all_stops_rows(ctx: RenderContext) -> list[list[Cell]]:
    """The "all stops" rows, in ``SHEET_COLUMNS`` order, results blank (no personal data)."""
    rows: list[list[Cell]] = []
    for route in sorted(ctx.plan.routes, key=lambda r: (r.date, r.team)):
        for order, stop in enumerate(route.stops, start=1):
            values: dict[str, Cell] = {
                "code": ctx.stop_ref(route, order),
                "week": ctx.plan.week,
                "team": route.team,
                "date": route.date,
                "order": order,
                "site": stop.site,
                "kind": ctx.kind_label(stop.kind),
                "place": ctx.place(stop.site),
                "kecamatan": ctx.kecamatan(stop.site),
                "arrive": _time(stop.arrive),
                "start": _time(stop.start),
                "end": _time(stop.end),
                "people": stop.people,
                "cards": stop.cards,
            }
            rows.append([values.get(c) for c in SHEET_COLUMNS])
    return rows


def _sheet_title(label: str, taken: set[str]) -> str:
    """A legal, unique worksheet name (≤ 31 characters, none of ``[]:*?/\\``)."""
    base = re.sub(r"[\[\]:*?/\\']", " ", label).strip() or "team"
    base = base[:31]
    title, n = base, 2
    while title.lower() in taken:
        suffix = f" ({n})"
        title = base[: 31 - len(suffix)] + suffix
        n += 1
    taken.add(title.lower())
    return title


def _leg(estimated: bool, lang: str) -> str:
    return t("render.leg_estimate", lang) if estimated else ""


def _line_row(
    route: Route, lang: str, times: tuple[Cell, Cell, Cell], leg: str, text: str
) -> list[Cell]:
    """A row that is no stop (a crossing, the return): date, times, travel and text."""
    row: list[Cell] = [route.date, t(f"weekday.{route.date.weekday()}", lang), None, None]
    row += [*times, leg, text]
    return row + [None] * (6 + len(RESULT_COLUMNS))


def _boat_rows(route: Route, lines: tuple[BoatLine, ...], lang: str) -> list[list[Cell]]:
    leg = t("render.leg_boat", lang)
    return [
        _line_row(route, lang, (None, _time(b.board), _time(b.land)), leg, boat_text(b, lang))
        for b in lines
    ]


def _contact_cell(ctx: RenderContext, site_id: str, date: dt.date) -> str:
    """Whom to meet, and for a resident the address and phone (a team sheet only)."""
    parts = (ctx.contact_detail(site_id, date), ctx.resident_contact(site_id))
    return " · ".join(part for part in parts if part)


def _team_rows(ctx: RenderContext, routes: list[Route]) -> list[list[Cell]]:
    """A team's rows: each day's crossings, stops and return (residents named, NIK masked)."""
    lang = ctx.lang
    rows: list[list[Cell]] = []
    for route in routes:
        weekday = t(f"weekday.{route.date.weekday()}", lang)
        for order, stop in enumerate(route.stops, start=1):
            resident, nik = ctx.resident(stop.site)
            rows += _boat_rows(route, stop.boat, lang)
            rows.append(
                [
                    route.date,
                    weekday,
                    order,
                    ctx.stop_ref(route, order),
                    _time(stop.arrive),
                    _time(stop.start),
                    _time(stop.end),
                    _leg(stop.estimated, lang),
                    ctx.place(stop.site),
                    ctx.kind_label(stop.kind),
                    resident,
                    nik,
                    ctx.kecamatan(stop.site),
                    _contact_cell(ctx, stop.site, route.date),
                    stop.people,
                    stop.cards,
                    None,
                    None,
                ]
            )
        rows += _boat_rows(route, route.return_boat, lang)
        back = approx(route.return_, route.return_estimated)
        text = t("render.return", lang, time=back, place=ctx.teams[route.team].base_name)
        times: tuple[Cell, Cell, Cell] = (_time(route.return_), None, None)
        rows.append(_line_row(route, lang, times, _leg(route.return_estimated, lang), text))
    return rows


def render_schedule_xlsx(ctx: RenderContext) -> bytes:
    """The bytes of ``schedule.xlsx``."""
    lang = ctx.lang
    wb = Workbook()
    wb.properties.creator = "planner"
    wb.properties.title = f"{ctx.plan.district} {ctx.plan.week}"
    ws = wb.active
    assert ws is not None
    ws.title = all_stops_sheet(lang)
    _sheet(ws, [header(c, lang) for c in SHEET_COLUMNS], all_stops_rows(ctx))

    taken = {ws.title.lower()}
    team_header = [
        header("date", lang),
        t("render.day", lang),
        header("order", lang),
        header("code", lang),
        header("arrive", lang),
        header("start", lang),
        header("end", lang),
        t("render.leg", lang),
        header("place", lang),
        header("kind", lang),
        t("render.resident", lang),
        t("render.nik", lang),
        header("kecamatan", lang),
        t("render.contact", lang),
        header("people", lang),
        header("cards", lang),
        *(header(c, lang) for c in RESULT_COLUMNS),
    ]
    for team, routes in ctx.routes_by_team():
        _sheet(
            wb.create_sheet(_sheet_title(team.label, taken)), team_header, _team_rows(ctx, routes)
        )

    if ctx.plan.unserved:
        unserved_header = [
            header("site", lang),
            header("place", lang),
            header("kecamatan", lang),
            t("render.backlog", lang),
            t("render.reason", lang),
        ]
        rows: list[list[Cell]] = [
            [u.site, ctx.place(u.site), ctx.kecamatan(u.site), u.backlog, u.reason]
            for u in ctx.plan.unserved
        ]
        sheet = wb.create_sheet(_sheet_title(t("render.unserved", lang), taken))
        _sheet(sheet, unserved_header, rows)

    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
