"""``planner serve``: the district's web page for the office (``planner.web``)."""

from __future__ import annotations

from pathlib import Path

import click

from planner.cli._common import data_option, h, lang


@click.command("serve", help=h("help.serve"))
@data_option
@click.option("--port", type=click.IntRange(1, 65535), default=8765, show_default=True,
              help=h("help.serve.port"))
@click.option("--host", default="127.0.0.1", show_default=True, help=h("help.serve.host"))
@click.option("--password", default=None, envvar="PLANNER_PASSWORD",
              help=h("help.serve.password"))
def serve(data_dir: Path | None, port: int, host: str, password: str | None) -> None:
    """Serve the district's web page: tables, plans, tallies, status, replans."""
    from planner.io import sample_dir
    from planner.web.server import serve as run

    run(data_dir or sample_dir(), host, port, password, echo=click.echo, lang=lang())


COMMANDS = [serve]
