"""ISO weeks, working dates and who is available when: the calendar every part shares."""

from __future__ import annotations

import datetime as dt
import re

from planner.errors import InputError
from planner.model import District, Team, TimeWindow

WEEK_RE = re.compile(r"^(\d{4})-W(\d{2})$")


def parse_week(text: str, today: dt.date | None = None) -> tuple[int, int]:
    """Parse ``YYYY-Www``, ``next`` (the ISO week after today's) or ``this``."""
    today = today or dt.date.today()
    if text in ("next", "this"):
        day = today + dt.timedelta(days=7 if text == "next" else 0)
        year, week, _ = day.isocalendar()
        return year, week
    match = WEEK_RE.match(text.strip())
    if not match:
        raise InputError(f"--week {text!r}: not a week — use YYYY-Www (e.g. 2026-W48) or 'next'")
    year, week = int(match[1]), int(match[2])
    try:
        dt.date.fromisocalendar(year, week, 1)
    except ValueError:
        raise InputError(f"--week {text!r}: {year} has no week {week}") from None
    return year, week


def week_label(year: int, week: int) -> str:
    """``2026-W48``."""
    return f"{year}-W{week:02d}"


def week_dates(year: int, week: int) -> list[dt.date]:
    """Monday … Sunday of an ISO week."""
    monday = dt.date.fromisocalendar(year, week, 1)
    return [monday + dt.timedelta(days=i) for i in range(7)]


def week_of(label: str) -> list[dt.date]:
    """The dates of a week label such as ``2026-W48``."""
    return week_dates(*parse_week(label))


def team_days(district: District, dates: list[dt.date]) -> list[tuple[Team, dt.date, TimeWindow]]:
    """Every (team, date, hours) on which a team works: its shifts, minus holidays."""
    result = []
    for date in dates:
        if district.is_holiday(date):
            continue
        for team in district.teams:
            hours = team.hours_on(date.weekday())
            if hours is not None:
                result.append((team, date, hours))
    return result
