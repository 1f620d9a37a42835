"""Where a plan comes from, in ``plan.json``: the district folder it was made from
(``data_dir``) and the team-days ``replan --add-team-day`` added (``added_team_days``).

Both keys are optional (plans written before them stay valid and keep their bytes); the
checker and the renders read them so an added Saturday is a working day and ``check``/
``render`` find the right district without ``--data``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from planner.errors import InputError, Problem
from planner.i18n import msg
from planner.model import AddedTeamDay, Plan, TimeWindow, fmt_hhmm, parse_hhmm

Fail = Callable[[str, str], InputError]
"""``fail(json_path, what)``: the plan reader's error for one bad field."""


def origin_json(plan: Plan) -> dict[str, Any]:
    """``data_dir`` and ``added_team_days``, each only when the plan has them."""
    data: dict[str, Any] = {}
    if plan.data_dir:
        data["data_dir"] = plan.data_dir
    if plan.added_team_days:
        data["added_team_days"] = [
            {
                "team": a.team,
                "date": a.date.isoformat(),
                "start": fmt_hhmm(a.hours.start),
                "end": fmt_hhmm(a.hours.end),
            }
            for a in plan.added_team_days
        ]
    return data


def _text(item: Any, key: str, path: str, fail: Fail) -> str:
    if not isinstance(item, dict):
        raise fail(path, "expected an object")
    value = item.get(key)
    if not isinstance(value, str):
        raise fail(
            f"{path}.{key}", "missing" if value is None else f"expected text, found {value!r:.40}"
        )
    return value


def added_team_days(value: Any, fail: Fail) -> tuple[AddedTeamDay, ...]:
    """``$.added_team_days`` back as ``AddedTeamDay`` values; ``fail`` names a bad field."""
    if not isinstance(value, list):
        raise fail("$.added_team_days", "expected a list of team-days")
    days = []
    for i, item in enumerate(value):
        path = f"$.added_team_days[{i}]"
        try:
            date = dt.date.fromisoformat(_text(item, "date", path, fail))
        except ValueError:
            raise fail(f"{path}.date", "not a date YYYY-MM-DD") from None
        try:
            hours = TimeWindow(
                parse_hhmm(_text(item, "start", path, fail)),
                parse_hhmm(_text(item, "end", path, fail)),
            )
        except ValueError:
            raise fail(path, "start and end must be times HH:MM, start before end") from None
        days.append(AddedTeamDay(_text(item, "team", path, fail), date, hours))
    return tuple(days)


def district_folder(plan: Plan, data_dir: Path | None, plan_file: Path) -> Path | None:
    """The district folder to check or render ``plan`` against: ``--data`` when given, else
    the folder plan.json records (an ``InputError`` when it is gone), else None (the bundled
    sample: plans written before the folder was recorded)."""
    if data_dir is not None or not plan.data_dir:
        return data_dir
    folder = Path(plan.data_dir)
    if not (folder / "planner.toml").is_file():
        raise InputError(
            [
                Problem(
                    file=str(plan_file),
                    column="data_dir",
                    message=msg("origin.folder_gone", folder=str(folder), district=plan.district),
                    hint=msg("origin.folder_gone_hint"),
                )
            ]
        )
    return folder
