"""The notification letters of a planned week (``planner letters``), as one library call."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path

from planner.calendar import Week
from planner.errors import InputError, Problem
from planner.fsutil import staged_dir
from planner.i18n import msg, t


def week_letters(
    week_text: str,
    data_dir: Path | None,
    out_dir: Path,
    lang: str | None = None,
    date: dt.date | None = None,
    warn: Callable[[Sequence[Problem]], None] = lambda problems: None,
) -> str:
    """Write ``out_dir/<week>/surat/`` (a letter per visited village and school, and
    ``semua.pdf``) from the week's plan.json, dated ``date`` (today); the folder is replaced as
    a whole. The district is ``data_dir``, else the folder the plan was made from. Return the
    line to show. ``warn`` receives the district's warnings."""
    from planner.io import load_district
    from planner.io.plan_json import read_plan
    from planner.io.plan_origin import district_folder
    from planner.render.papers import LETTERS_DIR, write_letters

    week = Week.parse(week_text, today=dt.date.today())
    plan_path = out_dir / week.label / "plan.json"
    if not plan_path.is_file():
        problem = Problem(
            str(plan_path),
            msg("letters.no_plan", week=week.label, path=plan_path),
            hint=msg("letters.no_plan_hint", week=week.label),
        )
        raise InputError([problem])
    plan = read_plan(plan_path)
    district, warnings = load_district(district_folder(plan, data_dir, plan_path))
    warn(warnings)
    language = lang or plan.language or district.settings.language
    target = out_dir / week.label / LETTERS_DIR
    with staged_dir(target) as stage:
        paths = write_letters(plan, district, stage, date=date or dt.date.today(), lang=language)
    if not paths:
        return t("letters.none", language, week=week.label)
    return t("letters.written", language, count=len(paths) - 1, folder=target)
