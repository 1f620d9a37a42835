"""``planner validate`` (check a district folder, summarise it) and ``planner init DIR``."""

from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from planner.cli._common import data_option, echo_warnings, h, lang, lang_option
from planner.i18n import t
from planner.io import load_district, sample_dir
from planner.io.templates import copy_sample, parse_office, write_blank
from planner.workflow.travel_report import travel_rows
from planner.workflow.validate_report import summary_rows


@click.command(help=h("help.validate"))
@data_option
@lang_option
def validate(data_dir: Path | None) -> None:
    """Check a district folder and summarise what it holds."""
    district, warnings = load_district(data_dir)
    title = t("validate.title", lang(), folder=data_dir or sample_dir())
    table = Table(title=title, show_header=False)
    table.add_column("what", style="bold")
    table.add_column("value", justify="right")
    rows = summary_rows(district, len(warnings), lang())
    rows[-1:-1] = travel_rows(district, data_dir or sample_dir(), lang())
    for label, value in rows:
        table.add_row(label, value)
    Console(soft_wrap=False).print(table)
    echo_warnings(warnings)


@click.command(help=h("help.init"))
@click.argument("directory", type=click.Path(path_type=Path))
@click.option("--blank", is_flag=True, help=h("help.init.blank"))
@click.option("--office", metavar="LAT,LON", default=None, help=h("help.init.office"))
@lang_option
def init(directory: Path, blank: bool, office: str | None) -> None:
    """Make a district folder DIR: a copy of the sample, or blank templates."""
    if office is not None and not blank:
        raise click.UsageError(t("init.office_without_blank", lang()))
    if blank:
        write_blank(directory, parse_office(office) if office is not None else None)
    else:
        copy_sample(sample_dir(), directory)
    click.echo(t("init.wrote", lang(), folder=directory))


COMMANDS = [validate, init]
