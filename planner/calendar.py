"""ISO weeks, working dates and who is available when: the calendar every part shares."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from planner.errors import InputError
from planner.i18n import msg
from planner.model import District, Team, TimeWindow

WEEK_RE = re.compile(r"^(\d{4})-W(\d{2})$")


@dataclass(frozen=True, slots=True, order=True)
class Week:
    """An ISO week: its label (``2026-W48``) and its dates come from one value, so they
    cannot disagree."""

    year: int
    number: int

    def __post_init__(self) -> None:
        dt.date.fromisocalendar(self.year, self.number, 1)  # ValueError: no such week

    @classmethod
    def parse(
        cls, text: str, today: dt.date | None = None, option: str = "--week", example: str = "next"
    ) -> Week:
        """``YYYY-Www``, ``next`` (the ISO week after today's) or ``this``; a bad text is an
        ``InputError`` naming ``option`` and suggesting ``example``."""
        if text in ("next", "this"):
            day = (today or dt.date.today()) + dt.timedelta(days=7 if text == "next" else 0)
            return cls.of(day)
        match = WEEK_RE.match(text.strip())
        if not match:
            raise InputError(msg("err.not_week", option=option, text=repr(text), example=example))
        year, number = int(match[1]), int(match[2])
        try:
            return cls(year, number)
        except ValueError:
            problem = msg(
                "err.no_such_week", option=option, text=repr(text), year=year, week=number
            )
            raise InputError(problem) from None

    @classmethod
    def from_label(cls, label: str) -> Week | None:
        """The week of a label such as ``2026-W48``; None when ``label`` is not one."""
        match = WEEK_RE.match(label)
        if not match:
            return None
        try:
            return cls(int(match[1]), int(match[2]))
        except ValueError:
            return None

    @classmethod
    def of(cls, date: dt.date) -> Week:
        """The ISO week that holds ``date``."""
        year, number, _ = date.isocalendar()
        return cls(year, number)

    @property
    def label(self) -> str:
        """``2026-W48``."""
        return f"{self.year}-W{self.number:02d}"

    @property
    def monday(self) -> dt.date:
        """The week's first day."""
        return dt.date.fromisocalendar(self.year, self.number, 1)

    @property
    def dates(self) -> list[dt.date]:
        """Monday … Sunday."""
        return [self.monday + dt.timedelta(days=i) for i in range(7)]

    def __str__(self) -> str:
        return self.label


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
