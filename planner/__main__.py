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


def _interrupted_while_starting(signum: int, frame: FrameType | None) -> None:
    """Say so in ``--lang`` or ``PLANNER_LANG`` (the district's setting is not read yet)."""
    from planner.i18n import t
    from planner.workflow.language import help_language

    language = help_language(sys.argv[1:], os.environ)
    sys.stderr.write("\n" + t("fail.interrupted", language) + "\n")
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
