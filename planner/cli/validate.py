"""``planner validate`` (check a district folder, summarise it) and ``planner init DIR``."""

from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from planner.calendar import Week, team_days
from planner.cli._common import data_option, echo_warnings
from planner.io import load_district, sample_dir
from planner.io.templates import copy_sample, parse_office, write_blank
from planner.model import District
from planner.workflow.travel_report import travel_rows


def summary_rows(district: District, warnings: int) -> list[tuple[str, str]]:
    """The validate summary as (label, value) rows: what was loaded, in the user's numbers."""
    week = Week.parse("next")
    days = team_days(district, week.dates)
    villages = district.villages
    prereg = [v.preregistered for v in villages if v.preregistered is not None]
    settings = district.settings
    return [
        ("district", settings.name),
        (
            "villages",
            f"{len(villages):,} ({sum(v.kind == 'desa' for v in villages)} desa, "
            f"{sum(v.kind == 'kelurahan' for v in villages)} kelurahan)",
        ),
        ("obliged (wajib KTP)", f"{sum(v.obliged for v in villages):,}"),
        ("backlog (belum rekam)", f"{sum(v.backlog for v in villages):,}"),
        ("pre-registered", f"{sum(prereg):,} in {len(prereg)} villages"),
        ("schools", f"{len(district.schools):,}"),
        ("students (unrecorded)", f"{sum(s.students for s in district.schools):,}"),
        ("homebound residents", f"{len(district.homebound):,}"),
        ("teams", f"{len(district.teams)} (kits: {sum(t.kits for t in district.teams)})"),
        (f"team-days next week ({week.label})", f"{len(days)}"),
        ("portable printers", f"{settings.printers}"),
        (
            "blank budget",
            f"{settings.blank_budget:,} "
            f"(stock {settings.blank_stock:,} − reserve {settings.blank_reserve:,})",
        ),
        ("warnings", f"{warnings}"),
    ]


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
@click.option(
    "--office",
    metavar="LAT,LON",
    default=None,
    help="With --blank: the office's point (e.g. -3.4707,102.5237); without it planner.toml "
    "holds a placeholder that validate refuses until you set it.",
)
def init(directory: Path, blank: bool, office: str | None) -> None:
    """Make a district folder DIR to start from: a copy of the sample district.

    DIR must be new or empty. The copy has its own maps/ folder. Edit the tables (CSV or
    XLSX, Indonesian or English headers), then check them with `planner validate --data DIR`.

    \b
    Example:
      planner init kab-saya            # the Rejang Lebong sample, to edit
      planner init kab-saya --blank --office -3.4707,102.5237   # empty templates
    """
    if office is not None and not blank:
        raise click.UsageError("--office goes with --blank (the sample has its own office)")
    if blank:
        write_blank(directory, parse_office(office) if office is not None else None)
    else:
        copy_sample(sample_dir(), directory)
    click.echo(f"Wrote {directory}. Next: planner validate --data {directory}")


COMMANDS = [validate, init]
