"""What a front end asks of the week's workflow, and what it gets back: typed values, so the
CLI, the multi-district runner and a web page never parse each other's printed output."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from planner.calendar import Week
from planner.errors import Problem
from planner.model import District, Plan
from planner.solve.engines import DEFAULT_ENGINE

Progress = Callable[[str, float], None]
"""``progress(stage, fraction)``: the stage (build, solve, extract, check, render) and how far
it is, 0..1."""


def no_progress(stage: str, fraction: float) -> None:
    """The progress report of a caller that shows none."""


@dataclass(frozen=True, slots=True)
class OpenDistrict:
    """A loaded, validated district folder and the warnings its tables gave."""

    folder: Path
    district: District
    warnings: tuple[Problem, ...] = ()


@dataclass(frozen=True, slots=True)
class PlanRequest:
    """Plan one week of one district (``planner plan``)."""

    week: Week
    out_dir: Path = Path("out")
    """Outputs go to ``out_dir/<week>/``."""
    teams: tuple[str, ...] | None = None
    """Only these team ids (None: every team)."""
    time_limit_s: float | None = None
    """The search's safety net (None: the solver's default for the week's size)."""
    solution_limit: int | None = None
    """Improving solutions before the search stops (None: the solver's default)."""
    seed: int = 0
    engine: str = DEFAULT_ENGINE
    lang: str | None = None
    """Language of outputs (None: the district's setting)."""
    roads: Path | None = None
    """A road network file instead of the district's setting."""
    offline: bool = True
    min_visit_every: int | None = None
    """Raise the value of villages with backlog not visited for this many weeks."""
    fair_reach: bool | None = None
    """Fair reach on/off (None: ``[fairness] enabled`` of planner.toml, on by default)."""
    use_ledger: bool = True


@dataclass(frozen=True, slots=True)
class ReplanRequest:
    """Change the rest of a planned week from ``from_date`` on (``planner replan``)."""

    from_date: dt.date
    out_dir: Path = Path("out")
    plan_path: Path | None = None
    """The plan to change (None: ``out_dir/<week>/plan.json``)."""
    without_teams: tuple[str, ...] = ()
    cancel: tuple[str, ...] = ()
    """Site ids to drop, e.g. ``village:17.02.01.2001``."""
    add_team_days: tuple[str, ...] = ()
    """Extra team-days as ``TEAM:YYYY-MM-DD[:HH:MM-HH:MM]``."""
    keep_notified: bool = True
    time_limit_s: float | None = None
    """The search's safety net (None: the solver's default)."""
    solution_limit: int | None = None
    """Improving solutions before the search stops (None: the solver's default)."""
    seed: int = 0
    roads: Path | None = None
    offline: bool = True
    save: bool = True
    """False: a preview; the outputs are written to ``out_dir`` but the ledger is only read."""


@dataclass(frozen=True, slots=True)
class WeekResult:
    """A week planned (or replanned), checked and written."""

    plan: Plan
    out_week: Path
    """The folder the outputs were written to (``out_dir/<week>``)."""
    paths: tuple[Path, ...]
    """Every file written there."""
    summary: str
    """The summary text (also in ``summary.txt``)."""
    changes: str | None = None
    """For a replan: the change list (also in ``changes.txt``)."""
    warnings: tuple[Problem, ...] = ()
    """What the district's tables warned about (also given when the district was opened)."""

    @property
    def people(self) -> int:
        """People the plan records."""
        return self.plan.totals.people

    @property
    def weighted_people(self) -> float:
        """The plan's value: people weighted by site kind."""
        return self.plan.totals.weighted_people

    @property
    def unserved(self) -> int:
        """Sites with backlog left out, each with its reason in the plan."""
        return len(self.plan.unserved)
