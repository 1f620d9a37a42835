"""What every page shares: the server's settings, the language switch, the templates and the
way problems (file, row, column, hint) are shown."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.requests import Request
from starlette.responses import HTMLResponse

from planner.errors import Problem
from planner.i18n import LANGUAGES, number, percent, t, text_of
from planner.privacy import scrub
from planner.web.jobs import Jobs
from planner.web.security import csrf_token

WEEK_LABEL = re.compile(r"^\d{4}-W\d{2}$")
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "frame-src 'self'; frame-ancestors 'self'; form-action 'self'"
)
"""The page's own assets only: no CDN, no inline script (the written maps are served as they
are, inside frames)."""


@dataclass(frozen=True)
class Config:
    """One server's settings: the district folder it serves and how it is protected."""

    folder: Path
    password: str | None
    max_upload: int
    jobs: Jobs

    @property
    def out_dir(self) -> Path:
        """Where the weeks' outputs go: ``<district>/out/<week>/``."""
        return self.folder / "out"

    @property
    def uploads(self) -> Path:
        """Where uploaded tallies are kept, under the district folder."""
        return self.folder / ".planner" / "uploads"


ENV = Environment(
    loader=PackageLoader("planner.web", "templates"),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)


def config(request: Request) -> Config:
    """The server's ``Config``."""
    value: Config = request.app.state.config
    return value


def page_language(request: Request) -> str:
    """``?lang=en`` (remembered in a cookie), else the cookie, else Indonesian."""
    asked = request.query_params.get("lang")
    if asked in LANGUAGES:
        return asked
    cookie = request.cookies.get("lang")
    return cookie if cookie in LANGUAGES else "id"


@dataclass(frozen=True)
class ProblemRow:
    """A problem as a table row: where (file, row, column), what, how to fix; scrubbed."""

    file: str
    row: str
    column: str
    message: str
    hint: str


def problem_rows(problems: Iterable[Problem], lang: str, names: dict[str, str]) -> list[ProblemRow]:
    """Problems as rows in ``lang``; ``names`` maps stored paths to the names users know."""

    def shown(text: str) -> str:
        for stored, known in names.items():
            text = text.replace(stored, known)
        return scrub(text)

    return [
        ProblemRow(
            shown(p.file),
            "" if p.row is None else str(p.row),
            shown(p.column or ""),
            shown(text_of(p.message, lang)),
            shown(text_of(p.hint, lang)),
        )
        for p in problems
    ]


def render(request: Request, template: str, status_code: int = 200, **values: Any) -> HTMLResponse:
    """The page ``template`` in the visitor's language, with the CSRF token for its forms."""
    lang = request.state.lang
    body = ENV.get_template(template).render(
        request=request,
        lang=lang,
        other_lang="en" if lang == "id" else "id",
        _=lambda key, **v: t(key, lang, **v),
        num=lambda x, d=0: number(x, lang, d),
        pct=lambda x: "–" if x is None else percent(x, lang),
        csrf=csrf_token(request),
        logged_in=bool(config(request).password and request.session.get("auth")),
        **values,
    )
    response = HTMLResponse(body, status_code=status_code)
    response.headers["Content-Security-Policy"] = CSP
    if request.query_params.get("lang") in LANGUAGES:
        response.set_cookie("lang", lang, max_age=365 * 86400, samesite="strict")
    return response


def planned_weeks(cfg: Config) -> list[str]:
    """Weeks with a plan in ``out/``, latest first."""
    if not cfg.out_dir.is_dir():
        return []
    weeks = [
        p.name
        for p in cfg.out_dir.iterdir()
        if WEEK_LABEL.match(p.name) and (p / "plan.json").is_file()
    ]
    return sorted(weeks, reverse=True)
