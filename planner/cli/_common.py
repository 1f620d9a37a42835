"""Shared CLI pieces: the ``--data`` option, console output and error handling."""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from planner import interrupt
from planner.i18n import t
from planner.i18n.click_text import speak_click
from planner.privacy import forget_all
from planner.workflow.ctrl_c import ctrl_c_exits_at_once as _exits_at_once
from planner.workflow.failures import describe, interrupted, warning_lines
from planner.workflow.language import command_language, help_language

if TYPE_CHECKING:
    from planner.errors import Problem
    from planner.workflow import OpenDistrict

F = TypeVar("F", bound=Callable[..., Any])

log = logging.getLogger("planner")

HELP_LANG = help_language(sys.argv[1:], os.environ)
"""click builds help texts at import: their language is chosen from ``--lang`` in the command
line or ``PLANNER_LANG``, before click parses anything (Indonesian by default)."""
_lang = {"now": HELP_LANG}


def h(key: str) -> str:
    """A help text of the catalogue in the help language."""
    return t(key, HELP_LANG)


def lang() -> str:
    """The language of the running command (``run_guarded`` decides it once, before parsing)."""
    return _lang["now"]


speak_click(lang)


def data_option(func: F, help_key: str = "help.opt.data") -> F:
    """``--data DIR``: the district folder (default: the bundled sample district)."""
    return click.option(
        "--data",
        "data_dir",
        type=click.Path(path_type=Path, file_okay=False),
        default=None,
        help=h(help_key),
    )(func)


def plan_data_option(func: F) -> F:
    """``--data DIR`` of the commands that read a plan: default the folder it was made from."""
    return data_option(func, "help.opt.data_plan")


def lang_option(func: F) -> F:
    """``--lang id|en``: accepted here, already applied by ``run_guarded`` (see ``lang()``)."""
    choice = click.Choice(["id", "en"])
    return click.option("--lang", type=choice, expose_value=False, help=h("help.opt.lang"))(func)


def offline_option(func: F) -> F:
    """``--offline/--online``: self-contained maps (the default) or OpenStreetMap tiles."""
    return click.option(
        "--offline/--online", default=True, show_default=True, help=h("help.opt.offline")
    )(func)


def search_options(func: F) -> F:
    """``--time-limit``, ``--solution-limit`` and ``--seed`` of the commands that solve a week
    (listed in this order: click shows the last decorator applied first)."""
    func = click.option(
        "--seed", type=click.IntRange(min=0), default=0, show_default=True, help=h("help.opt.seed")
    )(func)
    func = click.option(
        "--solution-limit",
        type=click.IntRange(min=1),
        default=None,
        help=h("help.opt.solution_limit"),
    )(func)
    return click.option(
        "--time-limit", type=click.FloatRange(min=1.0), default=None, help=h("help.opt.time_limit")
    )(func)


def ctrl_c_exits_at_once() -> contextlib.AbstractContextManager[None]:
    """The search's guard: Ctrl-C ends the process at once, in the command's language."""
    return _exits_at_once(lang())


def echo_warnings(warnings: Iterable[Problem]) -> None:
    """Print warnings (``Problem`` objects) to stderr, one a line."""
    for line in warning_lines(warnings, lang()):
        click.echo(line, err=True)


def run_guarded(group: click.Group, args: list[str] | None = None) -> int:
    """Run ``group``; return the exit code. No traceback ever reaches the user.

    InputError → its message, 2; other PlannerError → message, its code; Ctrl-C → 130;
    anything else → one line naming a log file that holds the traceback, 1.
    """
    forget_all()  # residents remembered for scrubbing are this command's own
    interrupt.install()
    _lang["now"] = command_language(sys.argv[1:] if args is None else args, os.environ)
    try:
        result = group.main(args=args, prog_name="planner", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo(interrupted(lang()), err=True)
        return 130
    except click.ClickException as exc:
        exc.show()
        return 2 if exc.exit_code == 2 else exc.exit_code
    except click.exceptions.Exit as exc:
        return int(exc.exit_code)
    except BrokenPipeError:
        return 1
    except (Exception, KeyboardInterrupt) as exc:  # Ctrl-C: 130, see ``describe``
        failure = describe(exc, lang())
        for line in failure.lines:
            click.echo(line, err=True)
        return failure.code
    # standalone_mode=False hands back ctx.exit(code) as the return value.
    return result if isinstance(result, int) else 0


@contextlib.contextmanager
def progress_bar(enabled: bool, title: str) -> Iterator[Callable[[str, float], None]]:
    """A rich progress bar on stderr; yields ``report(stage, fraction)`` for the workflow's
    progress callback (silent when disabled)."""
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    console = Console(stderr=True)
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TimeElapsedColumn(),
        console=console,
        disable=not enabled,
        transient=True,
    ) as bar:
        task = bar.add_task(title, total=1.0)

        def report(stage: str, fraction: float) -> None:
            bar.update(task, description=stage, completed=fraction)

        yield report


def open_echoing(folder: Path | None) -> OpenDistrict:
    """Open the district folder and print its warnings."""
    from planner.workflow import open_district

    opened = open_district(folder)
    echo_warnings(opened.warnings)
    return opened
