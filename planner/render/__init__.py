"""What people see: the route map, the coverage map, the printed schedule and the spreadsheet.

``render_all`` writes ``map.html``, ``coverage.html``, ``schedule.html``, ``schedule.pdf`` and
``schedule.xlsx`` for one plan; each renderer reads only the ``Plan`` and the ``District`` (for
names and places). Homebound residents are named only in the team schedules (PDF, HTML and the
xlsx team sheets), with the NIK masked; ``plan.json`` and ``summary.txt`` belong to the caller.
"""

from __future__ import annotations

from pathlib import Path

from planner.fsutil import write_bytes_atomic, write_text_atomic
from planner.model import District, Plan
from planner.render._common import RenderContext
from planner.render.coverage import render_coverage
from planner.render.pdf import render_schedule_pdf
from planner.render.schedule import render_schedule_html
from planner.render.webmap import render_map
from planner.render.xlsx import render_schedule_xlsx
from planner.travel import TravelModel

OUTPUT_NAMES = ("map.html", "coverage.html", "schedule.html", "schedule.pdf", "schedule.xlsx")

__all__ = [
    "OUTPUT_NAMES",
    "RenderContext",
    "render_all",
    "render_coverage",
    "render_map",
    "render_schedule_html",
    "render_schedule_pdf",
    "render_schedule_xlsx",
]


def render_all(
    plan: Plan,
    district: District,
    out_dir: Path,
    *,
    travel: TravelModel | None = None,
    lang: str | None = None,
    offline: bool = True,
    papers: bool = False,
) -> list[Path]:
    """Write the five outputs into ``out_dir`` (which exists), each atomically; return paths.

    With ``papers`` the papers for the field too: the team packs (``teams/``) and, when the
    district asks for them (``letters = true``), the notification letters (``surat/``).

    ``lang`` defaults to the plan's language; with ``travel`` the map follows its road
    geometry, without it routes are straight segments. ``offline`` makes the two maps single
    self-contained files (no tiles, no network); online maps use OpenStreetMap tiles.
    """
    ctx = RenderContext(plan, district, lang)
    # Render everything first, then write: a failure leaves no new file half-made.
    contents: dict[str, str | bytes] = {
        "map.html": render_map(ctx, travel=travel, offline=offline),
        "coverage.html": render_coverage(ctx, offline=offline),
        "schedule.html": render_schedule_html(ctx),
        "schedule.pdf": render_schedule_pdf(ctx),
        "schedule.xlsx": render_schedule_xlsx(ctx),
    }
    paths = []
    for name in OUTPUT_NAMES:
        path = out_dir / name
        content = contents[name]
        if isinstance(content, bytes):
            write_bytes_atomic(path, content)
        else:
            write_text_atomic(path, content)
        paths.append(path)
    if papers:
        from planner.render.papers import write_field_papers

        paths += write_field_papers(ctx, out_dir)
    return paths
