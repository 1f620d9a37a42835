"""``planner stock add|set``: a delivery of blank cards or a recount, checked and stored.

A delivery adds cards, a recount replaces the computed stock (``planner.ledger.stock``); both
are dated, never in the future. The command's whole work is here so the CLI stays a parser.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from planner.errors import InputError, Problem
from planner.i18n import Num, msg, number, t
from planner.io.cells import CellError, parse_count, parse_date
from planner.ledger.schema import ledger_path
from planner.ledger.store import Ledger

ACTIONS = {"add": "delivery", "set": "recount"}
MAX_CARDS = 10_000_000
"""No office holds more blank cards: a larger count is a typo."""
OLDEST_DAYS = 366
"""A movement dated more than a year ago is a typo (2025 for 2026), not a campaign's week."""


def _count(text: str, least: int) -> int:
    try:
        value = parse_count(text)
    except CellError:
        value = -1
    if not least <= value <= MAX_CARDS:
        problem = Problem(
            "",
            msg("stock.bad_count", value=text, least=Num(least)),
            hint=msg("stock.bad_count_hint"),
        )
        raise InputError([problem])
    return value


def _date(text: str, today: dt.date) -> dt.date:
    try:
        date = parse_date(text)
    except CellError:
        problem = Problem("", msg("stock.bad_date", value=text), hint=msg("stock.bad_date_hint"))
        raise InputError([problem]) from None
    if date < today - dt.timedelta(days=OLDEST_DAYS):
        problem = Problem(
            "",
            msg("stock.old_date", date=date.isoformat(), today=today.isoformat()),
            hint=msg("stock.bad_date_hint"),
        )
        raise InputError([problem])
    if date > today:
        problem = Problem(
            "",
            msg("stock.future_date", date=date.isoformat(), today=today.isoformat()),
            hint=msg("stock.future_date_hint"),
        )
        raise InputError([problem])
    return date


def stock_move(
    folder: Path | None, action: str, count: str, date: str, note: str, *, today: dt.date
) -> tuple[list[str], tuple[Problem, ...]]:
    """Check and store ``planner stock add|set`` in the ledger of the district ``folder``
    (None: the sample; the ledger is created when missing, planner.toml's ``blank_stock``
    kept first as the starting stock). Returns the lines to print and the tables' warnings.
    Everything is checked before the ledger is opened: a bad count or date writes nothing."""
    import planner.io

    where = folder if folder is not None else planner.io.sample_dir()
    district, warnings = planner.io.load_district(where)
    settings, lang = district.settings, district.settings.language
    kind = ACTIONS[action]
    cards = _count(count, 1 if kind == "delivery" else 0)
    day = _date(date, today)
    with Ledger.open(ledger_path(where)) as ledger:
        now = ledger.add_stock(kind, day, cards, note.strip(), blank_stock=settings.blank_stock)
    done = "stock.added" if kind == "delivery" else "stock.counted"
    reserve = settings.blank_reserve
    lines = [
        t(done, lang, cards=number(cards, lang), date=day.isoformat()),
        t(
            "stock.now",
            lang,
            now=number(now, lang),
            reserve=number(reserve, lang),
            budget=number(max(0, now - reserve), lang),
        ),
    ]
    return lines, tuple(warnings)
