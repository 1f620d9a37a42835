"""``planner serve``: the district's web page for the office (``planner.web``)."""

from __future__ import annotations

from pathlib import Path

import click

from planner.cli._common import data_option


@click.command("serve")
@data_option
@click.option("--port", type=click.IntRange(1, 65535), default=8765, show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; any but this computer's needs --password.")
@click.option("--password", default=None, envvar="PLANNER_PASSWORD",
              help="Password the page asks for (or $PLANNER_PASSWORD).")
def serve(data_dir: Path | None, port: int, host: str, password: str | None) -> None:
    """Serve the district's web page: tables, plans, tallies, status, replans.

    \b
    Example:
      planner serve --data ./rejang-lebong    # then open http://127.0.0.1:8765/
    """
    from planner.io import sample_dir
    from planner.web.server import serve as run

    run(data_dir or sample_dir(), host, port, password, echo=click.echo)


COMMANDS = [serve]
