"""``planner render``: a plan's outputs drawn again from its plan.json and the district."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from planner.i18n import DEFAULT_LANGUAGE, t


def rerender(
    plan_file: Path,
    data_dir: Path | None,
    out_dir: Path | None,
    *,
    lang: str | None,
    offline: bool,
    roads: Path | None,
    warn: Callable[[str], None],
    message_lang: str = DEFAULT_LANGUAGE,
) -> list[Path]:
    """Write map.html, coverage.html, schedules, the workbook and the papers (teams/, and
    surat/ with ``letters = true``) of ``plan_file`` into ``out_dir`` (default: the plan's
    folder). The district is ``data_dir``, else the folder the plan was made from. ``warn``
    gets each warning line in ``message_lang`` (the tables' own, and tables changed since the
    plan was made). Returns the files written."""
    import planner.io
    from planner.fsutil import ensure_private_dir
    from planner.io.plan_json import read_plan
    from planner.io.plan_origin import district_folder
    from planner.render import render_all
    from planner.workflow.failures import warning_lines

    plan = read_plan(plan_file)
    district, warnings = planner.io.load_district(district_folder(plan, data_dir, plan_file))
    for line in warning_lines(warnings, message_lang):
        warn(line)
    if district.inputs_sha256 not in ("", plan.inputs_sha256) and plan.inputs_sha256:
        label = t("fail.warning", message_lang)
        warn(f"{label}: {t('render.tables_changed', message_lang)}")
    travel = None
    if roads is not None or district.settings.roads:
        from planner.travel import travel_model

        travel = travel_model(district, roads=roads)
    target = out_dir if out_dir is not None else plan_file.resolve().parent
    ensure_private_dir(target)
    return list(
        render_all(plan, district, target, travel=travel, lang=lang, offline=offline, papers=True)
    )
