"""``planner render``: (re)draw a plan's maps, schedule and spreadsheet from its plan.json."""

from __future__ import annotations

from pathlib import Path

import click

from planner.cli._common import h, lang, offline_option, plan_data_option


@click.command("render", help=h("help.render"))
@click.argument("plan_file", metavar="PLAN.json", type=click.Path(path_type=Path, dir_okay=False))
@plan_data_option
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help=h("help.render.out"),
)
@click.option(
    "--lang",
    "out_lang",
    type=click.Choice(["id", "en"]),
    default=None,
    help=h("help.opt.lang"),
)
@offline_option
@click.option(
    "--roads",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    default=None,
    help=h("help.opt.roads"),
)
def render(
    plan_file: Path,
    data_dir: Path | None,
    out_dir: Path | None,
    out_lang: str | None,
    offline: bool,
    roads: Path | None,
) -> None:
    """Write a plan's maps, schedules and workbook."""
    from planner.workflow.rerender import rerender

    paths = rerender(plan_file, data_dir, out_dir, lang=out_lang, offline=offline, roads=roads,
                     warn=lambda line: click.echo(line, err=True), message_lang=lang())  # fmt: skip
    click.echo("\n".join(str(path) for path in paths))


COMMANDS = [render]
