"""Ctrl-C during the search, where nothing is being written: the process ends at once.

Front ends pass ``ctrl_c_exits_at_once`` (in the command's language) as the workflow's guard
(``planner plan``, ``planner replan``); it lives in the library so front ends share it.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections.abc import Iterator

from planner import interrupt
from planner.i18n import DEFAULT_LANGUAGE
from planner.workflow.failures import interrupted


def _exit_interrupted(lang: str) -> None:
    if sys.stderr.isatty():
        sys.stderr.write("\x1b[?25h")  # the progress bar hides the cursor
    sys.stderr.write(f"\n{interrupted(lang)}\n")
    sys.stderr.flush()
    os._exit(130)


@contextlib.contextmanager
def ctrl_c_exits_at_once(lang: str = DEFAULT_LANGUAGE) -> Iterator[None]:
    """For the search, where nothing is being written: Ctrl-C ends the process (exit 130),
    saying so in ``lang``.

    Python cannot interrupt the native search: OR-Tools swallows the KeyboardInterrupt raised
    in its solution callback (the search would run on to its time limit and the plan be
    written anyway). So the handler here exits at once, from the next solution callback.
    On leaving, the command's handler (``interrupt.on_sigint``, which raises like Python's
    own) is put back: CP-SAT, with its default ``catch_sigint_signal``, resets SIGINT to the
    system default when it ends (after which Ctrl-C would kill the process with no message).
    """
    try:
        signal.signal(signal.SIGINT, lambda signum, frame: _exit_interrupted(lang))
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, interrupt.on_sigint)
