"""The ``planner`` command: a thin click group; each sub-module adds its commands.

Every module in this package except those starting with ``_`` defines ``COMMANDS``, a list of
click commands, and is discovered here, so commands live beside each other without one file
listing them all. Library code raises ``PlannerError``; ``main`` is the only place that turns
errors into messages and exit codes.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys

import click

from planner import __version__
from planner.cli._common import h, lang_option, run_guarded


@click.group(
    help=h("help.planner"),
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(__version__, prog_name="planner")
@lang_option
def cli() -> None:
    """The ``planner`` group (help: ``help.planner`` in the catalogue)."""


def _discover() -> None:
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        for command in getattr(module, "COMMANDS", []):
            cli.add_command(command)


_discover()


def main() -> None:
    """Console entry point: run the group, map errors to exit codes (2 input, 1 bug, 130 ^C)."""
    sys.exit(run_guarded(cli))
