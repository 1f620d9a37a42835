"""``planner forecast`` and ``planner whatif`` as library calls: options as the user typed
them in, text (and files) out, so the CLI stays a thin layer of options.

Bad options are ``InputError``s naming the option and how to write it (exit 2, nothing
written). Neither command writes to the ledger.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from planner.calendar import Week
from planner.campaign.simulate import SimOptions
from planner.campaign.variants import Change, parse_team
from planner.errors import InputError, Problem
from planner.i18n import msg, t
from planner.model import District

Done = Callable[[int, int], None]


def _date(text: str, option: str, key: str, hint: str | None = None, shown: str = "") -> dt.date:
    from planner.io.cells import CellError, parse_date

    try:
        return parse_date(text)
    except CellError:
        message = msg(key, value=shown or text)
        raise InputError([Problem(option, message, hint=msg(hint) if hint else "")]) from None


def parse_delivery(text: str) -> tuple[dt.date, int]:
    """``2027-01-10:1000``: a declared delivery of cards on a date."""
    date, _, cards = text.rpartition(":")
    if not re.fullmatch(r"\d{1,7}", cards.strip()):
        message = msg("forecast.bad_delivery", value=text)
        hint = msg("forecast.bad_delivery_hint")
        raise InputError([Problem("--delivery", message, hint=hint)])
    when = _date(date, "--delivery", "forecast.bad_delivery", "forecast.bad_delivery_hint", text)
    return when, int(cards)


def parse_stock_change(text: str) -> int:
    """``+500`` or ``-200`` (or ``500``): cards added to the stock."""
    if not re.fullmatch(r"[+-]?\d{1,7}", text.strip()):
        raise InputError([Problem("--blank-stock", msg("whatif.bad_stock", value=text))])
    return int(text.strip())


@dataclass(frozen=True, slots=True)
class ForecastOptions:
    """``planner forecast``'s options, as typed."""

    target: float
    """Percent, e.g. 98."""
    weeks: int = 26
    by: str | None = None
    deliveries: tuple[str, ...] = ()
    solution_limit: int = 30
    seed: int = 0
    out_dir: Path = Path("out")
    lang: str | None = None


def forecast_command(
    folder: Path | None, options: ForecastOptions, today: dt.date, done: Done | None = None
) -> tuple[str, list[Path]]:
    """Run the forecast from next week; write ``out_dir/forecast/forecast.csv`` and
    ``forecast.html``; return the report and the files written."""
    from planner.campaign.forecast import ForecastRequest, forecast
    from planner.campaign.forecast_output import forecast_csv, forecast_html, forecast_text
    from planner.campaign.pool import worker_start
    from planner.fsutil import ensure_private_dir, write_text_atomic
    from planner.io import sample_dir

    where = folder or sample_dir()
    by = _date(options.by, "--by", "forecast.bad_by") if options.by else None
    deliveries = tuple(parse_delivery(d) for d in options.deliveries)
    request = ForecastRequest(
        start=Week.parse("next", today=today),
        target=options.target / 100,
        weeks=options.weeks,
        by=by,
        deliveries=deliveries,
        options=SimOptions(solution_limit=options.solution_limit, seed=options.seed),
    )
    # Loaded once: forecast() finds this process's state and travel model in worker_start.
    state, _ = worker_start(where, None, request.start)
    lang = options.lang or state.district.settings.language
    result = forecast(where, request, progress=done)
    text = forecast_text(result, lang)
    target = ensure_private_dir(options.out_dir / "forecast")
    paths = [target / "forecast.csv", target / "forecast.html"]
    write_text_atomic(paths[0], forecast_csv(result))
    write_text_atomic(paths[1], forecast_html(result, lang))
    return text + t("forecast.wrote", lang, paths=", ".join(map(str, paths))) + "\n", paths


@dataclass(frozen=True, slots=True)
class WhatifOptions:
    """``planner whatif``'s options, as typed: each given variant is one row."""

    week: str
    printers: int | None = None
    blank_stock: str | None = None
    add_teams: tuple[str, ...] = ()
    saturday: bool = False
    teams: str | None = None
    solution_limit: int = 30
    seed: int = 0
    lang: str | None = None


def whatif_changes(options: WhatifOptions, district: District) -> list[Change]:
    """One change per variant asked for, in the options' order."""
    changes: list[Change] = []
    if options.printers is not None:
        changes.append(Change(printers=options.printers))
    if options.blank_stock is not None:
        changes.append(Change(blank_stock=parse_stock_change(options.blank_stock)))
    for spec in options.add_teams:
        changes.append(Change(add_teams=(parse_team(spec, district),)))
    if options.saturday:
        changes.append(Change(saturday=True))
    if options.teams:
        from planner.workflow.week import check_team_ids

        ids = tuple(x.strip() for x in options.teams.split(",") if x.strip())
        check_team_ids(district, ids, "--teams")
        changes.append(Change(teams=ids))
    return changes


def whatif_command(
    folder: Path | None, options: WhatifOptions, today: dt.date, done: Done | None = None
) -> str:
    """The comparison table of the week as it stands and each variant (nothing written)."""
    from planner.campaign.whatif import comparison_table, whatif
    from planner.io import load_district, sample_dir

    where = folder or sample_dir()
    week = Week.parse(options.week, today=today)
    district, _ = load_district(where)
    changes = whatif_changes(options, district)
    lang = options.lang or district.settings.language
    sim = SimOptions(solution_limit=options.solution_limit, seed=options.seed)
    rows = whatif(where, week, changes, sim, done=done)
    limit = options.solution_limit
    title = t("whatif.title", lang, week=week.label, seed=options.seed, limit=limit)
    return title + "\n\n" + comparison_table(rows, lang)
