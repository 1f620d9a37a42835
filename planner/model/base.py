"""Units, kinds and time windows: the vocabulary every other model module uses."""


from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

Minutes = int
"""Minutes since local midnight (times of day) or a duration in minutes."""

WEEKDAYS = range(7)


class SiteKind(StrEnum):
    """What a site is; the prefix of its site id (``village:17.02.01.2001``)."""

    VILLAGE = "village"
    SCHOOL = "school"
    HOMEBOUND = "homebound"


class VehicleProfile(StrEnum):
    """A travel profile: which roads a team can use and how fast."""

    CAR = "car"
    MOTORBIKE = "motorbike"


class HomeboundCategory(StrEnum):
    """Why a resident cannot come to the office."""

    ELDERLY = "elderly"
    DISABLED = "disabled"
    MENTAL = "mental"
    BEDRIDDEN = "bedridden"


def require(condition: bool, message: str) -> None:
    """Raise ``ValueError(message)`` unless ``condition``: a broken model invariant is a bug."""
    if not condition:
        raise ValueError(message)


def fmt_hhmm(minutes: Minutes) -> str:
    """Format minutes since midnight as ``HH:MM`` (24 h)."""
    require(0 <= minutes <= 24 * 60, f"time of day out of range: {minutes} min")
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def parse_hhmm(text: str) -> Minutes:
    """Parse ``HH:MM`` (or ``H:MM``, ``HH.MM``) into minutes since midnight; ValueError if bad."""
    cleaned = text.strip().replace(".", ":")
    parts = cleaned.split(":")
    if len(parts) not in (2, 3) or not all(p.isdigit() for p in parts):
        raise ValueError(f"not a time of day: {text!r}")
    hours, minutes = int(parts[0]), int(parts[1])
    if not (0 <= hours <= 24 and 0 <= minutes < 60) or (hours == 24 and minutes != 0):
        raise ValueError(f"not a time of day: {text!r}")
    return hours * 60 + minutes


@dataclass(frozen=True, slots=True, order=True)
class TimeWindow:
    """A half-open time-of-day interval ``[start, end)`` in minutes since midnight."""

    start: Minutes
    end: Minutes

    def __post_init__(self) -> None:
        require(0 <= self.start < self.end <= 24 * 60, f"bad window {self.start}..{self.end}")

    @property
    def minutes(self) -> Minutes:
        """Length of the window."""
        return self.end - self.start

    def __str__(self) -> str:
        return f"{fmt_hhmm(self.start)}-{fmt_hhmm(self.end)}"


@dataclass(frozen=True, slots=True)
class WeeklyWindow:
    """A window that recurs every week on one weekday (e.g. the village head on Mondays)."""

    weekday: int
    window: TimeWindow

    def __post_init__(self) -> None:
        require(self.weekday in WEEKDAYS, f"bad weekday {self.weekday}")


@dataclass(frozen=True, slots=True)
class DateOverride:
    """One date that replaces the weekly windows: unavailable, or available in ``window``."""

    date: dt.date
    available: bool
    window: TimeWindow | None = None

    def __post_init__(self) -> None:
        require(self.available or self.window is None, "an unavailable date has no window")
