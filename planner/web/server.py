"""Starting ``planner serve``: the bind check, the address printed, uvicorn."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from planner.i18n import t
from planner.web.security import require_safe_bind


def serve(
    folder: Path,
    host: str = "127.0.0.1",
    port: int = 8765,
    password: str | None = None,
    echo: Callable[[str], None] = print,
    lang: str = "id",
) -> None:
    """Serve the district in ``folder`` until Ctrl-C; a non-loopback ``host`` needs a
    ``password`` (``InputError`` otherwise, before anything starts)."""
    require_safe_bind(host, password)
    import uvicorn

    from planner.web.app import create_app

    app = create_app(folder, password)
    shown = f"[{host}]" if ":" in host else host
    echo(t("web.serving", lang, url=f"http://{shown}:{port}/", folder=folder))
    uvicorn.run(app, host=host, port=port, log_level="warning")
