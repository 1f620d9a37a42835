"""What every rule of the checker shares: the ``Violation``, tolerances and message helpers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planner.model import Route

EPSILON = 1e-6
"""Slack for float travel times: the solver rounds each leg up to whole minutes, so a leg of
12.0000000001 min computed over a different point list must not demand 13 min."""

WEEKDAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


@dataclass(frozen=True, slots=True)
class Violation:
    """One broken hard rule: which rule (SPEC numbering 1–7), where, and what is wrong.

    ``team``/``date`` name the route (or only ``date`` for a per-date rule), ``site`` the site
    concerned; all three are None for a rule over the whole plan.
    """

    rule: int
    team: str | None
    date: dt.date | None
    site: str | None
    message: str

    def __str__(self) -> str:
        return f"rule {self.rule}: {self.where}: {self.message}"

    @property
    def where(self) -> str:
        """``T1 2026-11-30``, ``2026-11-30``, a site id or ``plan``: the line's prefix."""
        parts = []
        if self.team is not None:
            parts.append(self.team)
        if self.date is not None:
            parts.append(self.date.isoformat())
        if parts:
            return " ".join(parts)
        return self.site if self.site is not None else "plan"


def at(rule: int, route: Route, message: str, site: str | None = None) -> Violation:
    """A violation of ``rule`` on ``route`` (at ``site`` when one stop is concerned)."""
    return Violation(rule, route.team, route.date, site, message)


def day(date: dt.date) -> str:
    return f"{WEEKDAY_NAMES[date.weekday()]} {date.isoformat()}"
