"""The printed schedule: PDF sections and page breaks, and schedule.html against a golden file."""

from __future__ import annotations

import io
import os
import re
import runpy
from pathlib import Path
from types import SimpleNamespace

import pytest
from pypdf import PdfReader

from planner.i18n import long_date
from planner.render._common import RenderContext
from planner.render.pdf import _styles, render_schedule_pdf
from planner.render.schedule import render_schedule_html

DATA = Path(__file__).parent / "data"
GOLDEN = DATA / "render_golden_schedule.html"


fx = SimpleNamespace(**runpy.run_path(str(DATA / "render_district.py")))  # fixture builders


@pytest.fixture(scope="module")
def pdf_pages() -> list[str]:
    """Text of each page of the schedule of a busy week (T1 has 12 stops on Monday)."""
    district, plan = fx.build(long_day=True)
    reader = PdfReader(io.BytesIO(render_schedule_pdf(RenderContext(plan, district))))
    return [page.extract_text() for page in reader.pages]


def test_pdf_cover_has_totals_and_blank_cards_per_team(pdf_pages: list[str]) -> None:
    """Page 1: title, week, totals, and the blank cards each team takes out per day."""
    cover = pdf_pages[0]
    assert "Jadwal kunjungan perekaman KTP-el" in cover
    assert "2026-W48" in cover
    assert "Pengambilan blanko per tim" in cover
    for team in ("Tim 1 (T1)", "Tim 2 (T2)", "Tim 3 Selupu (T3)"):
        assert team in cover
    assert "Sen\n23/11" in cover or "Sen 23/11" in cover  # a column per day
    assert not re.search(r"\d-\d{4}-\d", cover)  # no stop on the cover


def test_pdf_has_one_section_per_team_day(pdf_pages: list[str]) -> None:
    """Every route has exactly one day heading; every page after the cover belongs to one team
    (each team's week starts on a new page)."""
    district, plan = fx.build(long_day=True)
    ctx = RenderContext(plan, district)
    text = "\n".join(pdf_pages)
    headings: dict[str, str] = {}
    for route in plan.routes:
        heading = f"{long_date(route.date, 'id')} — {ctx.teams[route.team].label}"
        assert text.count(heading) == 1, heading
        headings[heading] = route.team
    for page in pdf_pages[1:]:
        teams = {team for heading, team in headings.items() if heading in page}
        assert len(teams) <= 1, teams
    assert len(pdf_pages) >= 6


def test_pdf_text_names_teams_and_villages(pdf_pages: list[str]) -> None:
    """Team names and village names are real, extractable text."""
    text = "\n".join(pdf_pages)
    for name in ("Tim 3 Selupu", "Desa Tabarenah", "Kelurahan Air Duku", "SMK NEGERI 1"):
        assert name in text, name
    assert "Berangkat pukul 07:30 dari Dinas Dukcapil" in text
    assert "Kembali pukul" in text


def test_pdf_never_splits_a_stop_across_pages(pdf_pages: list[str]) -> None:
    """Each stop's head (its reference) and its tally line land on the same single page."""
    district, plan = fx.build(long_day=True)
    ctx = RenderContext(plan, district)
    checked = 0
    for route in plan.routes:
        for order in range(1, len(route.stops) + 1):
            ref = ctx.stop_ref(route, order)
            heads = [i for i, page in enumerate(pdf_pages) if f"Kode {ref}\n" in page + "\n"]
            tallies = [i for i, page in enumerate(pdf_pages) if f"Hasil {ref}:" in page]
            assert len(heads) == 1, (ref, heads)
            assert heads == tallies, (ref, heads, tallies)
            checked += 1
    assert checked == sum(len(r.stops) for r in plan.routes) > 30


def test_pdf_text_is_at_least_11_points() -> None:
    """Every paragraph style of the schedule is 11 pt or larger."""
    assert min(style.fontSize for style in _styles().values()) >= 11


def test_pdf_is_reproducible() -> None:
    """The same plan gives the same PDF bytes (no timestamps or random ids)."""
    district, plan = fx.build()
    ctx = RenderContext(plan, district)
    assert render_schedule_pdf(ctx) == render_schedule_pdf(ctx)


def test_pdf_bytes_do_not_depend_on_a_team_pack_drawn_before() -> None:
    """The team packs switch reportlab's (global) stream encoding only while they are drawn:
    schedule.pdf keeps reportlab's default whatever was imported or drawn before."""
    from reportlab import rl_config, rl_settings

    from planner.render.teampack import render_team_packs

    district, plan = fx.build()
    ctx = RenderContext(plan, district)
    assert rl_config.useA85 == rl_settings.useA85
    before = render_schedule_pdf(ctx)
    render_team_packs(ctx)
    assert rl_config.useA85 == rl_settings.useA85
    assert render_schedule_pdf(ctx) == before


def test_schedule_html_matches_golden_file() -> None:
    """schedule.html of the tiny district equals the reviewed golden file.

    Regenerate after an intended change with PLANNER_UPDATE_GOLDEN=1 and review the diff.
    """
    district, plan = fx.tiny()
    page = render_schedule_html(RenderContext(plan, district))
    if os.environ.get("PLANNER_UPDATE_GOLDEN") == "1":
        GOLDEN.write_text(page, encoding="utf-8")
    assert page == GOLDEN.read_text(encoding="utf-8")


def test_schedule_html_is_printable_and_self_contained() -> None:
    """Print CSS: A4 pages, a page break before each team, stops never broken; no links."""
    district, plan = fx.build()
    page = render_schedule_html(RenderContext(plan, district))
    assert "@page { size: A4" in page
    assert "break-inside: avoid" in page
    assert page.count('<section class="team"') == 3
    assert page.count('<div class="stop"') == sum(len(r.stops) for r in plan.routes)
    assert "http" not in page
