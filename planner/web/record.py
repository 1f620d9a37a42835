"""Recording a filled tally from the page (every problem at once), and the campaign status:
coverage by kecamatan, the backlog trend, cards and the sites waiting longest, as
``planner status --format json`` builds it."""

from __future__ import annotations

from typing import Any

from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from planner.errors import InputError
from planner.fsutil import write_bytes_atomic
from planner.i18n import t
from planner.ledger.status import folder_status
from planner.ledger.status_output import coverage_dict
from planner.ledger.status_tables import (
    TidyTable,
    kecamatan_table,
    stock_table,
    waiting_table,
    weeks_table,
)
from planner.web import files
from planner.web.pages import WEEK_LABEL, Config, config, planned_weeks, problem_rows, render
from planner.web.security import checked_form, closes_form
from planner.workflow import open_district
from planner.workflow.record import Recorded, record_tally

TALLY_TYPES = (".xlsx", ".csv")


def _form(request: Request, status_code: int = 200, **values: Any) -> Response:
    return render(
        request, "record.html", status_code, weeks=planned_weeks(config(request)), **values
    )


async def record_form(request: Request) -> Response:
    """GET /record: choose the week and the filled tally."""
    return _form(request)


@closes_form
async def record_upload(request: Request) -> Response:
    """POST /record: store the tally under the district folder, record it, show the status."""
    cfg, lang = config(request), request.state.lang
    form = await checked_form(request)
    week = str(form.get("week") or "")
    item = form.get("file")
    if not WEEK_LABEL.match(week) or not isinstance(item, UploadFile) or not item.filename:
        return _form(request, 400, error=t("web.no_file", lang))
    ext = files.extension(item.filename)
    if ext not in TALLY_TYPES:
        return _form(request, 415, error=t("web.bad_type", lang, ext=ext or "?"))
    shown = files.safe_name(item.filename)
    stored = cfg.uploads / f"{week}-{shown}"
    write_bytes_atomic(stored, await item.read())
    try:
        done = record_tally(open_district(cfg.folder), week, stored, lang)
    except InputError as exc:
        names = {str(stored): shown, str(cfg.folder): str(cfg.folder)}
        return _form(
            request,
            422,
            refused=problem_rows(exc.problems, lang, names),
            warnings=problem_rows(exc.warnings, lang, names),
        )
    return _status_page(
        request, outcome=_outcome(done, lang), warnings=problem_rows(done.tally.warnings, lang, {})
    )


def _outcome(done: Recorded, lang: str) -> str:
    """What was recorded, in one sentence."""
    o = done.outcome
    if not o.changed:
        return t("web.record.unchanged", lang, week=o.week)
    return t(
        "web.record.done",
        lang,
        week=o.week,
        version=o.plan_version,
        stops=o.stops_visited,
        people=o.people,
        planned=done.plan.totals.people,
        cards=o.cards,
        left=max(0, o.stock_left),
    )


WAITING_SHOWN = 30
"""Sites waiting longest listed on the page (``planner status --format csv`` lists all)."""


def status_tables(cfg: Config) -> tuple[list[TidyTable], dict[str, Any]] | None:
    """The status tables ``planner status`` shows (the same that ``--format json`` holds) and
    the district's total coverage; None when the district's tables do not load."""
    try:
        status, _warnings = folder_status(cfg.folder, weeks=4)
    except InputError:
        return None
    tables = [
        kecamatan_table(status, total=True),
        weeks_table(status),
        stock_table(status),
        waiting_table(status, limit=WAITING_SHOWN),
    ]
    return tables, coverage_dict(status.coverage.total)


def _status_page(request: Request, **values: Any) -> Response:
    found = status_tables(config(request))
    return render(
        request,
        "status.html",
        tables=found[0] if found else None,
        total=found[1] if found else None,
        **values,
    )


async def status_page(request: Request) -> Response:
    """GET /status: coverage by kecamatan, backlog trend, cards, waiting sites."""
    return _status_page(request)


ROUTES = [
    Route("/record", record_form),
    Route("/record", record_upload, methods=["POST"]),
    Route("/status", status_page),
]
