"""``planner`` (the console script) and ``python -m planner``.

The command's own Ctrl-C handling (``planner.interrupt``, installed by ``run_guarded``) starts
only once the CLI is imported, which takes a second or more on a slow machine. A Ctrl-C before
that would end in a traceback from deep inside an import; this entry point catches it first and
ends like any other interrupted run: one line, exit 130 (nothing has been written yet).
"""

from __future__ import annotations

import os
import signal
import sys
from types import FrameType


def _starting_language() -> str:
    """``--lang`` or ``PLANNER_LANG`` (the district's setting is not read yet), else ``id``."""
    args = sys.argv[1:]
    for i, arg in enumerate(args):
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
        if arg == "--lang" and i + 1 < len(args):
            return args[i + 1]
    return os.environ.get("PLANNER_LANG", "id")


def _interrupted_while_starting(signum: int, frame: FrameType | None) -> None:
    from planner.i18n import t

    language = _starting_language()
    sys.stderr.write("\n" + t("fail.interrupted", language if language in ("id", "en") else "id"))
    sys.stderr.write("\n")
    sys.stderr.flush()
    os._exit(130)


def main() -> None:
    """Run the ``planner`` command; a Ctrl-C while it is still starting exits 130 at once."""
    previous = signal.getsignal(signal.SIGINT)
    if previous is signal.default_int_handler:
        signal.signal(signal.SIGINT, _interrupted_while_starting)
    from planner.cli import main as cli_main

    cli_main()


if __name__ == "__main__":
    main()
