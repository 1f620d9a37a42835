"""What keeps the office's page safe: loopback unless a password is set, a login session, a
CSRF token on every form, and a cap on the size of what is posted."""

from __future__ import annotations

import functools
import hmac
import ipaddress
import secrets
from collections.abc import Awaitable, Callable

from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from planner.errors import InputError, Problem
from planner.i18n import msg, t

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
"""A district's largest table is far below this; a tally workbook too."""
OPEN_PATHS = ("/login", "/static/")
"""What a visitor who has not logged in may fetch."""


def is_loopback(host: str) -> bool:
    """True for an address only this machine can reach (127.0.0.1, ::1, localhost)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def require_safe_bind(host: str, password: str | None) -> None:
    """Refuse to serve on an address other machines can reach without a password."""
    if not is_loopback(host) and not password:
        raise InputError([Problem("", msg("web.bind_refused", host=host))])


def csrf_token(request: Request) -> str:
    """This session's CSRF token (made on first use); every form sends it back."""
    token = request.session.get("csrf")
    if not isinstance(token, str):
        token = secrets.token_urlsafe(24)
        request.session["csrf"] = token
    return token


async def checked_form(request: Request) -> FormData:
    """The posted form, after its CSRF token is checked against the session's (403 if not)."""
    form = await request.form(max_files=2, max_fields=50)
    sent = form.get("csrf")
    expected = request.session.get("csrf")
    if not (isinstance(sent, str) and isinstance(expected, str)) or not hmac.compare_digest(
        sent, expected
    ):
        raise HTTPException(403, t("web.csrf", request.state.lang))
    return form


def closes_form(
    handler: Callable[[Request], Awaitable[Response]],
) -> Callable[[Request], Awaitable[Response]]:
    """A POST handler whose uploaded files are closed (temporary files removed) once it ends,
    whether it answered or raised (403)."""

    @functools.wraps(handler)
    async def wrapped(request: Request) -> Response:
        try:
            return await handler(request)
        finally:
            await request.close()

    return wrapped


def password_ok(given: str, expected: str) -> bool:
    """Compare a typed password in constant time."""
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


class LoginRequired:
    """ASGI middleware: with a password set, every page but the login form and the static
    assets needs a logged-in session (set by ``SessionMiddleware``, which runs first)."""

    def __init__(self, app: ASGIApp, password: str | None) -> None:
        self.app = app
        self.password = password

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and self.password:
            path = str(scope.get("path", ""))
            if not path.startswith(OPEN_PATHS) and not scope["session"].get("auth"):
                await RedirectResponse("/login", status_code=303)(scope, receive, send)
                return
        await self.app(scope, receive, send)


class BodyLimit:
    """ASGI middleware: a request body over ``limit`` bytes is answered 413 (by its declared
    length before anything is read, or as soon as the bytes read pass the limit)."""

    def __init__(self, app: ASGIApp, limit: int = MAX_UPLOAD_BYTES) -> None:
        self.app = app
        self.limit = limit

    def _message(self, scope: Scope) -> str:
        return t("web.too_large", _lang_of_scope(scope), limit=self.limit // (1024 * 1024))

    def _refusal(self, scope: Scope) -> PlainTextResponse:
        return PlainTextResponse(
            self._message(scope), status_code=413, headers={"Connection": "close"}
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers", []))
        declared = headers.get(b"content-length", b"0").decode("latin-1")
        if declared.isdigit() and int(declared) > self.limit:
            await self._refusal(scope)(scope, receive, send)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise HTTPException(413, self._message(scope))
            return message

        await self.app(scope, counted, send)


def _lang_of_scope(scope: Scope) -> str:
    """The page language ``planner.web.app.Language`` (an outer middleware) chose."""
    lang: str = scope.get("state", {}).get("lang", "id")
    return lang
