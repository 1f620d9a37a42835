"""Writing a week's outputs: every file staged in a private folder and swapped in as a whole,
the plan saved to the ledger just before the swap."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from planner.fsutil import staged_dir, write_text_atomic
from planner.interrupt import raise_if_pressed
from planner.io.plan_json import plan_to_json
from planner.model import District, Plan
from planner.travel import TravelModel


def publish(
    out_week: Path,
    plan: Plan,
    district: District,
    *,
    summary: str,
    travel: TravelModel | None = None,
    offline: bool = True,
    extra: Mapping[str, str] | None = None,
    commit: Callable[[str], object] | None = None,
    on_render: Callable[[], None] | None = None,
) -> tuple[Path, ...]:
    """Write plan.json, summary.txt, ``extra`` text files (name → text), every rendered
    output and the papers for the field (``teams/``, ``surat/`` when the district asks for
    letters) into ``out_week`` as one swap; return the paths written there.

    ``commit(plan_json)`` (saving the plan to the ledger) runs once every output is staged,
    just before the swap: a run that fails or is killed before it leaves both the folder and
    the ledger as they were, and only the swap itself lies between the ledger and the folder.
    """
    from planner.render import render_all
    from planner.render.papers import drop_stale_letters

    plan_json = plan_to_json(plan)
    names: list[str] = []
    with staged_dir(out_week) as stage:
        write_text_atomic(stage / "plan.json", plan_json)
        write_text_atomic(stage / "summary.txt", summary)
        names += ["plan.json", "summary.txt"]
        for name, text in (extra or {}).items():
            write_text_atomic(stage / name, text)
            names.append(name)
        if on_render is not None:
            on_render()
        rendered = render_all(
            plan, district, stage, travel=travel, lang=plan.language, offline=offline, papers=True
        )
        drop_stale_letters(stage, district)  # a new plan: letters of the old one are stale
        names += [Path(p).relative_to(stage).as_posix() for p in rendered]
        raise_if_pressed()  # a Ctrl-C Python swallowed while rendering still stops the run
        if commit is not None:
            commit(plan_json)
    return tuple(out_week / name for name in names)
