"""``planner render``: a plan's outputs drawn again from its plan.json and the district."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path


def rerender(
    plan_file: Path,
    data_dir: Path | None,
    out_dir: Path | None,
    *,
    lang: str | None,
    offline: bool,
    roads: Path | None,
    warn: Callable[[str], None],
) -> list[Path]:
    """Write map.html, coverage.html, schedules and the workbook of ``plan_file`` into
    ``out_dir`` (default: the plan's folder); ``warn`` gets each warning line (the tables'
    own, and tables changed since the plan was made). Returns the files written."""
    import planner.io
    from planner.fsutil import ensure_private_dir
    from planner.io.plan_json import read_plan
    from planner.render import render_all
    from planner.workflow.failures import warning_lines

    plan = read_plan(plan_file)
    district, warnings = planner.io.load_district(data_dir)
    for line in warning_lines(warnings):
        warn(line)
    if district.inputs_sha256 not in ("", plan.inputs_sha256) and plan.inputs_sha256:
        warn(
            "warning: the district's tables changed since this plan was made; "
            "names and places come from the tables as they are now"
        )
    travel = None
    if roads is not None or district.settings.roads:
        from planner.travel import travel_model

        travel = travel_model(district, roads=roads)
    target = out_dir if out_dir is not None else plan_file.resolve().parent
    ensure_private_dir(target)
    return list(render_all(plan, district, target, travel=travel, lang=lang, offline=offline))
