"""``planner validate`` (check a district folder, summarise it) and ``planner init DIR``."""

from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from planner.cli._common import data_option, echo_warnings
from planner.io import load_district, sample_dir
from planner.io.templates import copy_sample, write_blank
from planner.workflow.district_summary import summary_rows
from planner.workflow.travel_report import travel_rows


@click.command()
@data_option
def validate(data_dir: Path | None) -> None:
    """Check a district folder and summarise what it holds.

    Every problem in every file is listed at once as file:row:column, and the command
    exits with status 2; warnings (e.g. a village the head never attends) do not fail.

    \b
    Example:
      planner validate                       # the bundled sample district
      planner validate --data ~/kab-rejang   # your own district folder
    """
    district, warnings = load_district(data_dir)
    table = Table(title=f"planner validate: {data_dir or sample_dir()}", show_header=False)
    table.add_column("what", style="bold")
    table.add_column("value", justify="right")
    rows = summary_rows(district, len(warnings))
    rows[-1:-1] = travel_rows(district, data_dir or sample_dir())
    for label, value in rows:
        table.add_row(label, value)
    Console(soft_wrap=False).print(table)
    echo_warnings(warnings)


@click.command()
@click.argument("directory", type=click.Path(path_type=Path))
@click.option(
    "--blank",
    is_flag=True,
    help="Write empty templates (a header and one example row each) instead.",
)
def init(directory: Path, blank: bool) -> None:
    """Make a district folder DIR to start from: a copy of the sample district.

    DIR must be new or empty. The copy has its own maps/ folder. Edit the tables (CSV or
    XLSX, Indonesian or English headers), then check them with `planner validate --data DIR`.

    \b
    Example:
      planner init kab-saya            # the Rejang Lebong sample, to edit
      planner init kab-saya --blank    # empty templates, one example row each
    """
    if blank:
        write_blank(directory)
    else:
        copy_sample(sample_dir(), directory)
    click.echo(f"Wrote {directory}. Next: planner validate --data {directory}")


COMMANDS = [validate, init]
