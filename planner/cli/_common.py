"""Shared CLI pieces: the ``--data`` option, console output and error handling."""

from __future__ import annotations

import datetime as dt
import logging
import os
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from planner.errors import InputError, PlannerError

F = TypeVar("F", bound=Callable[..., Any])

log = logging.getLogger("planner")


def data_option(func: F) -> F:
    """``--data DIR``: the district folder (default: the bundled sample district)."""
    return click.option(
        "--data",
        "data_dir",
        type=click.Path(path_type=Path, file_okay=False),
        default=None,
        help="District folder (default: the bundled sample district, Rejang Lebong).",
    )(func)


def log_dir() -> Path:
    """Where crash logs go: ``$PLANNER_LOG_DIR`` or a private folder under the temp dir."""
    configured = os.environ.get("PLANNER_LOG_DIR")
    path = Path(configured) if configured else Path(tempfile.gettempdir()) / "planner-logs"
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def echo_warnings(warnings: Any) -> None:
    """Print warnings (``Problem`` objects) to stderr, one a line."""
    for w in warnings:
        click.echo(f"warning: {w}", err=True)


def run_guarded(group: click.Group, args: list[str] | None = None) -> int:
    """Run ``group``; return the exit code. No traceback ever reaches the user.

    InputError → its message, 2; other PlannerError → message, its code; Ctrl-C → 130;
    anything else → one line naming a log file that holds the traceback, 1.
    """
    try:
        result = group.main(args=args, prog_name="planner", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Interrupted; nothing was written.", err=True)
        return 130
    except KeyboardInterrupt:
        click.echo("Interrupted; nothing was written.", err=True)
        return 130
    except click.ClickException as exc:
        exc.show()
        return 2 if exc.exit_code == 2 else exc.exit_code
    except click.exceptions.Exit as exc:
        return int(exc.exit_code)
    except InputError as exc:
        echo_warnings(exc.warnings)
        click.echo(f"Error: {exc.render()}", err=True)
        return exc.exit_code
    except PlannerError as exc:
        click.echo(f"Error: {exc}", err=True)
        return exc.exit_code
    except BrokenPipeError:
        return 1
    except Exception:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        try:
            path = log_dir() / f"planner-crash-{stamp}-{os.getpid()}.log"
            path.write_text(traceback.format_exc(), encoding="utf-8")
            where = f"details in {path}"
        except OSError:
            where = "and the crash log could not be written"
        kind = sys.exc_info()[0]
        name = kind.__name__ if kind else "error"
        click.echo(f"Internal error ({name}); this is a bug in planner, {where}", err=True)
        return 1
    # standalone_mode=False hands back ctx.exit(code) as the return value.
    return result if isinstance(result, int) else 0
