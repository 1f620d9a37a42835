"""The week's workflow as a library: what ``planner plan`` and ``planner replan`` do, callable
by any front end (the CLI, many districts at once, a web page), with typed results.

- ``requests``: ``PlanRequest``, ``ReplanRequest``, ``OpenDistrict``, ``WeekResult``;
- ``week``: ``open_district``, ``plan_district`` and the steps they share;
- ``replan``: ``replan_district`` and the parsing of its team-day options;
- ``publish``: the staged, all-or-nothing write of a week's outputs;
- ``many``: several districts in parallel processes or on a Dask cluster;
- ``limits``: size limits that fail early with a plain message.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from planner.workflow.replan import replan_district
    from planner.workflow.requests import (
        OpenDistrict,
        PlanRequest,
        Progress,
        ReplanRequest,
        WeekResult,
        no_progress,
    )
    from planner.workflow.week import open_district, plan_district

_HOMES = {
    "replan_district": "replan",
    "OpenDistrict": "requests",
    "PlanRequest": "requests",
    "Progress": "requests",
    "ReplanRequest": "requests",
    "WeekResult": "requests",
    "no_progress": "requests",
    "open_district": "week",
    "plan_district": "week",
}
"""Where each public name lives. They are loaded on first use, so that a front end importing
one small module (``workflow.failures`` at every CLI start) does not load the solver, the
checker and pandas."""

__all__ = [
    "OpenDistrict",
    "PlanRequest",
    "Progress",
    "ReplanRequest",
    "WeekResult",
    "no_progress",
    "open_district",
    "plan_district",
    "replan_district",
]


def __getattr__(name: str) -> Any:
    """``planner.workflow.NAME``: imported from its module on first use (PEP 562)."""
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_HOMES[name]}"), name)
