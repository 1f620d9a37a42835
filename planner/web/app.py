"""The ``planner serve`` application: routes, sessions, the login and size guards, the local
static assets and the pages' language."""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable
from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from planner.i18n import t
from planner.web import district, plan, record, replan
from planner.web.jobs import Jobs
from planner.web.pages import Config, config, page_language, render
from planner.web.security import (
    MAX_UPLOAD_BYTES,
    BodyLimit,
    LoginRequired,
    checked_form,
    closes_form,
    password_ok,
)

STATIC = Path(__file__).parent / "static"


async def login_page(request: Request) -> Response:
    """GET /login: the password form."""
    return render(request, "login.html")


@closes_form
async def login(request: Request) -> Response:
    """POST /login: a right password marks the session as logged in."""
    form = await checked_form(request)
    expected = config(request).password or ""
    if not password_ok(str(form.get("password") or ""), expected):
        return render(request, "login.html", 403, error=t("web.login.wrong", request.state.lang))
    request.session["auth"] = True
    return RedirectResponse("/", status_code=303)


@closes_form
async def logout(request: Request) -> Response:
    """POST /logout: forget the session."""
    await checked_form(request)
    request.session.clear()
    return RedirectResponse("/login", status_code=303)


async def http_error(request: Request, exc: Exception) -> Response:
    """An HTTP error as a page in the visitor's language (403 CSRF, 404, 413)."""
    assert isinstance(exc, HTTPException)
    if not hasattr(request.state, "lang"):
        request.state.lang = page_language(request)
    return render(request, "error.html", exc.status_code, message=exc.detail)


class Language:
    """ASGI middleware: ``request.state.lang`` for every handler (``?lang=``, cookie, id)."""

    def __init__(self, app: Callable[..., Awaitable[None]]) -> None:
        self.app = app

    async def __call__(self, scope, receive, send):  # type: ignore[no-untyped-def]
        if scope["type"] == "http":
            scope.setdefault("state", {})["lang"] = page_language(Request(scope))
        await self.app(scope, receive, send)


def create_app(
    folder: Path, password: str | None = None, max_upload: int = MAX_UPLOAD_BYTES
) -> Starlette:
    """The web application serving the district in ``folder``."""
    routes = [
        Route("/login", login_page),
        Route("/login", login, methods=["POST"]),
        Route("/logout", logout, methods=["POST"]),
        *district.ROUTES,
        *plan.ROUTES,
        *record.ROUTES,
        *replan.ROUTES,
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
    middleware = [
        Middleware(
            SessionMiddleware,
            secret_key=secrets.token_urlsafe(32),
            session_cookie="planner_session",
            same_site="strict",
        ),
        Middleware(Language),
        Middleware(BodyLimit, limit=max_upload),
        Middleware(LoginRequired, password=password),
    ]
    app = Starlette(
        routes=routes, middleware=middleware, exception_handlers={HTTPException: http_error}
    )
    app.state.config = Config(folder, password, max_upload, Jobs(folder))
    return app
