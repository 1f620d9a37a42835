"""The district page: tables and row counts, the validation result, and uploads and settings
that are stored only when the district still validates with them."""

from __future__ import annotations

from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from planner.i18n import t
from planner.io.settings import FILE as SETTINGS_FILE
from planner.web import files
from planner.web.pages import config, problem_rows, render
from planner.web.security import checked_form, closes_form


def _page(
    request: Request,
    status_code: int = 200,
    outcome: str = "",
    refused: files.Checked | None = None,
    upload_error: str = "",
    checked: files.Checked | None = None,
) -> Response:
    """The district page; ``checked`` is the folder's validation when the caller has it."""
    cfg, lang = config(request), request.state.lang
    if checked is None:
        checked = files.check(cfg.folder)
    tables = files.tables(cfg.folder)
    names = {str(cfg.folder.resolve()): str(cfg.folder)}
    return render(
        request,
        "district.html",
        status_code,
        folder=cfg.folder,
        tables=tables,
        settings_file=SETTINGS_FILE,
        checked=checked,
        problems=problem_rows(checked.problems, lang, names),
        warnings=problem_rows(checked.warnings, lang, names),
        refused=problem_rows(refused.problems, lang, names) if refused else [],
        outcome=outcome,
        upload_error=upload_error,
        values=checked.settings,
        editable=files.EDITABLE_SETTINGS,
        specs=[info.spec for info in tables],
    )


async def district_page(request: Request) -> Response:
    """GET /: the district's tables, their rows and every problem."""
    return _page(request)


@closes_form
async def upload(request: Request) -> Response:
    """POST /district/upload: replace a table or planner.toml after a staging check."""
    cfg = config(request)
    form = await checked_form(request)
    item = form.get("file")
    if not isinstance(item, UploadFile) or not item.filename:
        return _page(request, 400, upload_error=_t(request, "web.no_file"))
    ext = files.extension(item.filename)
    if not files.accepted(ext):
        return _page(request, 415, upload_error=_t(request, "web.bad_type", ext=ext or "?"))
    key = str(form.get("table") or "")
    data = await item.read()
    remove: tuple[str, ...] = ()
    if ext in files.SETTINGS_TYPES or key == "settings":
        if ext not in files.SETTINGS_TYPES:
            return _page(request, 415, upload_error=_t(request, "web.bad_type", ext=ext))
        name = SETTINGS_FILE
    else:
        spec = files.spec_for(key) if key else files.spec_of_file(item.filename)
        if spec is None:
            shown = files.safe_name(item.filename)
            return _page(request, 400, upload_error=_t(request, "web.unknown_table", name=shown))
        name, remove = files.target_name(cfg.folder, spec, ext)
    result = files.replace_file(cfg.folder, name, data, remove)
    if not result.ok:
        message = _t(request, "web.upload.refused", file=files.safe_name(item.filename))
        return _page(request, 422, outcome=message, refused=result)
    return _page(request, outcome=_t(request, "web.upload.saved", file=name), checked=result)


@closes_form
async def settings(request: Request) -> Response:
    """POST /district/settings: set printers and blank stock in planner.toml, checked first."""
    cfg = config(request)
    form = await checked_form(request)
    values: dict[str, int] = {}
    for key in files.EDITABLE_SETTINGS:
        text = str(form.get(key) or "").strip()
        if not text:
            continue
        if not text.isdigit():
            label = _t(request, f"web.settings.{key}")
            message = _t(request, "web.settings.not_whole", field=label, value=text)
            return _page(request, 400, upload_error=message)
        values[key] = int(text)
    data = files.set_values(files.settings_text(cfg.folder), values).encode("utf-8")
    result = files.replace_file(cfg.folder, SETTINGS_FILE, data)
    if not result.ok:
        message = _t(request, "web.upload.refused", file=SETTINGS_FILE)
        return _page(request, 422, outcome=message, refused=result)
    saved = _t(request, "web.upload.saved", file=SETTINGS_FILE)
    return _page(request, outcome=saved, checked=result)


def _t(request: Request, key: str, **values: object) -> str:
    return t(key, request.state.lang, **values)


ROUTES = [
    Route("/", district_page),
    Route("/district/upload", upload, methods=["POST"]),
    Route("/district/settings", settings, methods=["POST"]),
]
