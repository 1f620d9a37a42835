"""Searches that run in the background while the page shows their progress: a plan, a replan
preview, a replan. One at a time per district: the lock is a file lock in the district's
``.planner/`` folder, so a second ``planner serve`` on the same folder is refused too.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from planner.errors import InputError, PlannerError, Problem
from planner.fsutil import ensure_private_dir
from planner.workflow.failures import describe
from planner.workflow.requests import Progress, WeekResult

STAGES = {"build": (0.0, 0.1), "solve": (0.1, 0.85), "extract": (0.85, 0.9)}
"""Where each stage of the search sits on the page's one bar (start, end); check and render
follow at 0.9 and 0.95."""
LATER = {"check": 0.9, "render": 0.95}


class Busy(Exception):
    """Another search of this district is running."""


@dataclass
class Job:
    """One background search: its kind, progress, and result or failure."""

    id: str
    kind: str
    """``plan``, ``preview`` or ``replan``."""
    week: str
    params: dict[str, str] = field(default_factory=dict)
    """The form values that started it (a preview's are what its confirm form sends)."""
    stage: str = "start"
    fraction: float = 0.0
    done: bool = False
    result: WeekResult | None = None
    problems: tuple[Problem, ...] = ()
    """Why it failed, when it did (bad input, or a one-line internal error)."""
    warnings: tuple[Problem, ...] = ()

    def report(self, stage: str, fraction: float) -> None:
        """The workflow's progress callback: one overall fraction for the page's bar."""
        self.stage = stage
        if stage in STAGES:
            start, end = STAGES[stage]
            self.fraction = max(self.fraction, start + (end - start) * min(1.0, fraction))
        elif stage in LATER:
            self.fraction = max(self.fraction, LATER[stage])

    @property
    def failed(self) -> bool:
        """True when the job ended without a result."""
        return self.done and self.result is None


class Jobs:
    """The server's background jobs, and the lock that lets one search run per district."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._jobs: dict[str, Job] = {}
        self._guard = threading.Lock()

    def get(self, job_id: str) -> Job | None:
        """The job of that id, or None."""
        return self._jobs.get(job_id)

    def _lock(self) -> IO[str]:
        """Take the district's search lock or raise ``Busy``; the open file holds it."""
        path = self.folder / ".planner" / "search.lock"
        ensure_private_dir(path.parent)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        handle = os.fdopen(fd, "a", encoding="utf-8")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            raise Busy from None
        return handle

    def start(
        self,
        kind: str,
        week: str,
        work: Callable[[Progress], WeekResult],
        params: dict[str, str] | None = None,
    ) -> Job:
        """Run ``work(progress)`` in a background thread as a new job; ``Busy`` when another
        search of this district runs (in this server or another process)."""
        with self._guard:
            handle = self._lock()
            job = Job(secrets.token_urlsafe(12), kind, week, dict(params or {}))
            self._jobs[job.id] = job
        thread = threading.Thread(
            target=self._run, args=(job, work, handle), name=f"planner-{kind}", daemon=True
        )
        thread.start()
        return job

    @staticmethod
    def _run(job: Job, work: Callable[[Progress], WeekResult], handle: IO[str]) -> None:
        try:
            job.result = work(job.report)
            job.warnings = job.result.warnings
            job.fraction, job.stage = 1.0, "done"
        except InputError as exc:
            job.problems, job.warnings = exc.problems, exc.warnings
        except PlannerError as exc:
            job.problems = (Problem("", str(exc)),)
        except Exception as exc:  # a bug: one line naming the crash log, as the CLI says it
            job.problems = tuple(Problem("", line) for line in describe(exc).lines)
        finally:
            job.done = True
            with contextlib.suppress(OSError):
                fcntl.flock(handle, fcntl.LOCK_UN)
            handle.close()
