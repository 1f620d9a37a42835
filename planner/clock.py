"""Today's date, injectable: ``PLANNER_TODAY=YYYY-MM-DD`` fixes it (tests, a replayed
campaign); otherwise the system's date. Warnings about past and future weeks and the checks on
stock dates ask here, never ``datetime.date.today()`` directly."""

from __future__ import annotations

import datetime as dt
import os

from planner.calendar import Week
from planner.errors import Problem
from planner.i18n import msg

TODAY_ENV = "PLANNER_TODAY"


def today() -> dt.date:
    """Today: ``$PLANNER_TODAY`` when set (ISO date), else the system's local date."""
    fixed = os.environ.get(TODAY_ENV, "").strip()
    if fixed:
        try:
            return dt.date.fromisoformat(fixed)
        except ValueError:
            pass  # a broken override is ignored rather than failing every command
    return dt.date.today()


def week_warnings(action: str, week: Week, day: dt.date | None = None) -> list[Problem]:
    """A warning when ``action`` "plan" is for a week already started (today is after its
    Monday) or "record" is for a week that has not started yet; else none."""
    now = day or today()
    values = {"week": week.label, "monday": week.monday.isoformat(), "today": now.isoformat()}
    if action == "plan" and now > week.monday:
        return [Problem("--week", msg("week.started", **values), severity="warning")]
    if action == "record" and now < week.monday:
        return [Problem("--week", msg("week.future", **values), severity="warning")]
    return []
