"""How a failed run is told, for every front end: an exception becomes an exit status and
the lines to show (never a traceback); a bug leaves a private, scrubbed crash log."""

from __future__ import annotations

import datetime as dt
import os
import stat
import sys
import tempfile
import traceback
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from planner.errors import InputError, PlannerError, Problem
from planner.i18n import DEFAULT_LANGUAGE, t
from planner.privacy import scrub


def interrupted(lang: str = DEFAULT_LANGUAGE) -> str:
    """ "Interrupted; nothing was written." in ``lang``."""
    return t("fail.interrupted", lang)


@dataclass(frozen=True, slots=True)
class Failure:
    """What went wrong, as the user sees it: an exit status and message lines (scrubbed)."""

    code: int
    lines: tuple[str, ...]


def warning_lines(warnings: Iterable[Problem], lang: str = DEFAULT_LANGUAGE) -> tuple[str, ...]:
    """Warnings as every front end shows them: ``warning: file:row:column: …`` in ``lang``,
    scrubbed."""
    label = t("fail.warning", lang)
    return tuple(scrub(f"{label}: {w.text(lang)}") for w in warnings)


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


def internal_error(lang: str = DEFAULT_LANGUAGE) -> Failure:
    """A bug (call from an ``except`` block): one line naming a crash log that holds the
    traceback (scrubbed); exit 1."""
    kind = sys.exc_info()[0]
    try:
        where = t("fail.crash_log", lang, path=write_crash_log(traceback.format_exc()))
    except OSError:
        where = t("fail.no_crash_log", lang)
    name = kind.__name__ if kind else "error"
    return Failure(1, (t("fail.internal", lang, name=name, where=where),))


def _from_ctrl_c(exc: BaseException | None) -> bool:
    """``exc`` is Ctrl-C, or an error it caused: a ``KeyboardInterrupt`` raised inside a lazy
    import can come out wrapped (``RuntimeError: Error calling __set_name__`` in matplotlib)."""
    seen = 0
    while exc is not None and seen < 20:
        if isinstance(exc, KeyboardInterrupt):
            return True
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return False


def describe(exc: BaseException, lang: str = DEFAULT_LANGUAGE) -> Failure:
    """The failure the user sees for ``exc`` (call from its ``except`` block): bad input → its
    problems, 2; another expected failure → its message and code; Ctrl-C → 130; an OS error
    on a named path → the path and what to check, 2; anything else → a crash log, 1.
    Every line is in ``lang``."""
    if _from_ctrl_c(exc):
        return Failure(130, (interrupted(lang),))
    label = t("fail.error", lang)
    if isinstance(exc, InputError):
        error = scrub(f"{label}: {exc.render(lang)}")
        return Failure(exc.exit_code, (*warning_lines(exc.warnings, lang), error))
    if isinstance(exc, PlannerError):
        return Failure(exc.exit_code, (scrub(f"{label}: {exc.text(lang)}"),))
    if isinstance(exc, OSError) and exc.filename is not None:
        # A folder that cannot be written, a full disk, a path that is a file: the user's to fix.
        where = exc.filename if exc.filename2 is None else f"{exc.filename} → {exc.filename2}"
        reason = exc.strerror or type(exc).__name__
        message = f"{label}: {where}: {reason} — {t('fail.check_path', lang)}"
        return Failure(2, (scrub(message),))
    return internal_error(lang)
