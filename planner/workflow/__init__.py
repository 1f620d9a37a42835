"""The week's workflow as a library: what ``planner plan`` and ``planner replan`` do, callable
by any front end (the CLI, many districts at once, a web page), with typed results.

- ``requests``: ``PlanRequest``, ``ReplanRequest``, ``OpenDistrict``, ``WeekResult``;
- ``week``: ``open_district``, ``plan_district`` and the steps they share;
- ``replan``: ``replan_district`` and the parsing of its team-day options;
- ``publish``: the staged, all-or-nothing write of a week's outputs;
- ``many``: several districts in parallel processes or on a Dask cluster;
- ``limits``: size limits that fail early with a plain message.
"""

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
