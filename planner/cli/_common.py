"""Shared CLI pieces: the ``--data`` option, console output and error handling."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import signal
import stat
import sys
import tempfile
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import click

from planner.errors import InputError, PlannerError
from planner.privacy import forget_all, scrub

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
    """Where crash logs go: ``$PLANNER_LOG_DIR``, else a private per-user folder in the temp dir.

    The temp dir is shared: a folder there that is not ours (or is a symlink) is never used, so
    another user cannot plant it to read our logs.
    """
    configured = os.environ.get("PLANNER_LOG_DIR")
    if configured:
        path = Path(configured)
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        return path
    uid = os.getuid() if hasattr(os, "getuid") else 0
    path = Path(tempfile.gettempdir()) / f"planner-logs-{uid}"
    path.mkdir(exist_ok=True, mode=0o700)
    info = os.lstat(path)
    if stat.S_ISLNK(info.st_mode) or (hasattr(os, "getuid") and info.st_uid != uid):
        raise OSError(f"{path} is not a private folder of this user")
    path.chmod(0o700)
    return path


def write_crash_log(text: str) -> Path:
    """Write ``text`` (scrubbed of residents' names and NIK) to a new owner-only log file."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    path = log_dir() / f"planner-crash-{stamp}-{os.getpid()}.log"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    with os.fdopen(os.open(path, flags, 0o600), "w", encoding="utf-8") as handle:
        handle.write(scrub(text))
    return path


INTERRUPTED = "Interrupted; nothing was written."


def _exit_interrupted() -> None:
    if sys.stderr.isatty():
        sys.stderr.write("\x1b[?25h")  # the progress bar hides the cursor
    sys.stderr.write(f"\n{INTERRUPTED}\n")
    sys.stderr.flush()
    os._exit(130)


@contextlib.contextmanager
def ctrl_c_exits_at_once() -> Iterator[None]:
    """For the search, where nothing is being written: Ctrl-C ends the process (exit 130).

    Python cannot interrupt the native search: OR-Tools swallows the KeyboardInterrupt raised
    in its solution callback (the search would run on to its time limit and the plan be
    written anyway). So the handler here exits at once, from the next solution callback.
    On leaving, Python's own handler is put back: CP-SAT, with its default
    ``catch_sigint_signal``, resets SIGINT to the system default when it ends (after which
    Ctrl-C would kill the process with no message).
    """
    try:
        signal.signal(signal.SIGINT, lambda signum, frame: _exit_interrupted())
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, signal.default_int_handler)


def echo_warnings(warnings: Any) -> None:
    """Print warnings (``Problem`` objects) to stderr, one a line."""
    for w in warnings:
        click.echo(scrub(f"warning: {w}"), err=True)


def run_guarded(group: click.Group, args: list[str] | None = None) -> int:
    """Run ``group``; return the exit code. No traceback ever reaches the user.

    InputError → its message, 2; other PlannerError → message, its code; Ctrl-C → 130;
    anything else → one line naming a log file that holds the traceback, 1.
    """
    forget_all()  # residents remembered for scrubbing are this command's own
    try:
        result = group.main(args=args, prog_name="planner", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo(INTERRUPTED, err=True)
        return 130
    except KeyboardInterrupt:
        click.echo(INTERRUPTED, err=True)
        return 130
    except click.ClickException as exc:
        exc.show()
        return 2 if exc.exit_code == 2 else exc.exit_code
    except click.exceptions.Exit as exc:
        return int(exc.exit_code)
    except InputError as exc:
        echo_warnings(exc.warnings)
        click.echo(scrub(f"Error: {exc.render()}"), err=True)
        return exc.exit_code
    except PlannerError as exc:
        click.echo(scrub(f"Error: {exc}"), err=True)
        return exc.exit_code
    except BrokenPipeError:
        return 1
    except OSError as exc:
        if exc.filename is None:
            return _internal_error()
        # A folder that cannot be written, a full disk, a path that is a file: the user's to fix.
        where = exc.filename if exc.filename2 is None else f"{exc.filename} → {exc.filename2}"
        reason = exc.strerror or type(exc).__name__
        click.echo(
            scrub(f"Error: {where}: {reason} — check the path, its permissions and free space"),
            err=True,
        )
        return 2
    except Exception:
        return _internal_error()
    # standalone_mode=False hands back ctx.exit(code) as the return value.
    return result if isinstance(result, int) else 0


def _internal_error() -> int:
    """A bug: one line naming a crash log that holds the traceback (scrubbed); exit 1."""
    kind = sys.exc_info()[0]
    try:
        where = f"details in {write_crash_log(traceback.format_exc())}"
    except OSError:
        where = "and the crash log could not be written"
    name = kind.__name__ if kind else "error"
    click.echo(f"Internal error ({name}); this is a bug in planner, {where}", err=True)
    return 1
