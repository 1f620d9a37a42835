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


def write_letters(
    plan: Plan, district: District, folder: Path, *, date: dt.date, lang: str | None = None
) -> list[Path]:
    """One notification letter per visited village and school, and one PDF with them all,
    dated ``date``, into ``folder``; return the paths (none when nothing is visited)."""
    from planner.render.letters import letter_book
    from planner.render.letters_pdf import render_letters

    book = letter_book(RenderContext(plan, district, lang), date)
    return _rewrite(folder, render_letters(book))


def write_team_packs(
    plan: Plan, district: District, folder: Path, *, lang: str | None = None
) -> list[Path]:
    """Each team's own pages (``T1.pdf``) and one phone-sized PNG per team-day into
    ``folder``; return the paths."""
    from planner.render.teampack import render_team_packs

    return _rewrite(folder, render_team_packs(RenderContext(plan, district, lang)))


def write_field_papers(
    plan: Plan, district: District, out_dir: Path, *, lang: str | None = None
) -> list[Path]:
    """The team packs, and the letters (dated today) when the district asks for them
    (``letters = true``): what ``plan``, ``replan`` and ``render`` write beside the schedule."""
    paths = write_team_packs(plan, district, out_dir / TEAMS_DIR, lang=lang)
    if district.settings.letterhead.letters:
        paths += write_letters(
            plan, district, out_dir / LETTERS_DIR, date=dt.date.today(), lang=lang
        )
    return paths


def drop_stale_letters(plan_dir: Path, district: District) -> None:
    """Remove ``surat/`` of an earlier plan of the week when this plan writes none: its letters
    would announce visits that changed (``planner letters`` writes them again)."""
    folder = plan_dir / LETTERS_DIR
    if not district.settings.letterhead.letters and folder.is_dir():
        shutil.rmtree(folder)
