"""Writing the papers for the field: the notification letters (``surat/``) and the team packs
(``teams/``) of a week, each folder rewritten as a whole so no stale letter or page stays."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from planner.fsutil import ensure_private_dir, write_bytes_atomic
from planner.model import District, Plan
from planner.render._common import RenderContext

LETTERS_DIR = "surat"
TEAMS_DIR = "teams"


def _rewrite(folder: Path, files: dict[str, bytes]) -> list[Path]:
    """``folder`` holding exactly ``files`` (name → bytes), each written atomically."""
    ensure_private_dir(folder)
    for old in folder.iterdir():
        if old.is_file() and old.name not in files:
            old.unlink()
    paths = []
    for name, data in files.items():
        path = folder / name
        write_bytes_atomic(path, data)
        paths.append(path)
    return paths


def _letters(ctx: RenderContext, folder: Path, date: dt.date) -> list[Path]:
    from planner.render.letters import letter_book
    from planner.render.letters_pdf import render_letters

    return _rewrite(folder, render_letters(letter_book(ctx, date)))


def write_letters(
    plan: Plan, district: District, folder: Path, *, date: dt.date, lang: str | None = None
) -> list[Path]:
    """One notification letter per visited village and school, and one PDF with them all,
    dated ``date``, into ``folder``; return the paths (none when nothing is visited)."""
    return _letters(RenderContext(plan, district, lang), folder, date)


def write_field_papers(ctx: RenderContext, out_dir: Path) -> list[Path]:
    """Each team's own pages (``T1.pdf``) and one phone-sized PNG per team-day into ``teams/``,
    and the letters (dated today) into ``surat/`` when the district asks for them
    (``letters = true``): what ``plan``, ``replan`` and ``render`` write beside the schedule.
    ``ctx`` is the schedule's own (its boundaries are read once)."""
    from planner.render.teampack import render_team_packs

    paths = _rewrite(out_dir / TEAMS_DIR, render_team_packs(ctx))
    if ctx.district.settings.letterhead.letters:
        paths += _letters(ctx, out_dir / LETTERS_DIR, dt.date.today())
    return paths


def drop_stale_letters(plan_dir: Path, district: District) -> None:
    """Remove ``surat/`` of an earlier plan of the week when this plan writes none: its letters
    would announce visits that changed (``planner letters`` writes them again)."""
    folder = plan_dir / LETTERS_DIR
    if not district.settings.letterhead.letters and folder.is_dir():
        shutil.rmtree(folder)
