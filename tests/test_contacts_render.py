"""Contacts where the team and the office need them: beside each stop on the team schedule,
and in changes.txt's "whom to call" after a replan (residents: only that the team calls)."""

from __future__ import annotations

import datetime as dt
import io
import runpy
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import openpyxl
from pypdf import PdfReader

from planner.render import RenderContext
from planner.render.pdf import render_schedule_pdf
from planner.render.schedule import render_schedule_html
from planner.render.webmap import render_map
from planner.render.xlsx import render_schedule_xlsx
from planner.solve.replan import Change, Slot
from planner.workflow.call_list import call_list_text

DATA = Path(__file__).parent / "data"
fx = SimpleNamespace(**runpy.run_path(str(DATA / "render_district.py")))

TABARENAH = "village:17.02.16.2009"
AIR_MUNDU = "village:17.02.10.2001"
SCHOOL = "school:10702001"
OTHER_SCHOOL = "school:10702002"
NO_CONTACT = "village:17.02.11.2005"


def _ctx(lang: str = "id") -> RenderContext:
    district, plan = fx.build(contacts=True)
    return RenderContext(replace(plan, language=lang), district)


def _sheet(data: bytes, title: str) -> str:
    ws = openpyxl.load_workbook(io.BytesIO(data))[title]
    return "\n".join(str(v) for row in ws.iter_rows(values_only=True) for v in row if v)


def test_schedule_shows_head_and_school_contacts_beside_the_stop() -> None:
    """PDF, HTML and the team sheet give the head's and the school's name and phone after the
    role, with the hours; a second contact of a village (a deputy on a date row) follows."""
    ctx = _ctx()
    head = (
        "kepala desa / kasi pemerintahan: Kades Contoh Tabarenah, telp. 0812-0000-0009 "
        "(hadir 08:00-14:00)"
    )
    school = "kepala sekolah: Wakasek Kesiswaan Contoh, telp. +62 813 0000 0001"
    two = "Kades Contoh Air Mundu, telp. 0812-0000-0101; Kasi Pemerintahan Contoh"
    page = render_schedule_html(ctx)
    pdf = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(render_schedule_pdf(ctx))).pages)
    sheet = _sheet(render_schedule_xlsx(ctx), "Tim 1 (T1)")
    for text in (page, " ".join(pdf.split()), sheet):
        assert head in text
        assert school in text
        assert two in text
    # A village without contacts keeps the role only.
    assert "kepala desa / kasi pemerintahan (hadir 08:00-14:00)" in _sheet(
        render_schedule_xlsx(ctx), "Tim 2 (T2)"
    )


def test_schedule_contacts_in_english() -> None:
    """The phone label follows the plan's language."""
    page = render_schedule_html(_ctx("en"))
    assert "village head (kepala desa): Kades Contoh Tabarenah, tel. 0812-0000-0009" in page
    assert "Address: Jalan Sentinelweg 11 · Resident&#x27;s phone: 0877-4040-0001" in page


def test_map_shows_no_contact_numbers() -> None:
    """map.html keeps to roles: no head's, school's or resident's phone."""
    page = render_map(_ctx())
    for phone in ("0812-0000-0009", "0813 0000 0001", *fx.SENTINEL_PHONES):
        assert phone not in page


def _slot(team: str, day: int, start: int = 9 * 60) -> Slot:
    return Slot(team, fx.MONDAY + dt.timedelta(days=day), start, start + 60, 20)


CHANGES = (
    Change("dropped", NO_CONTACT, _slot("T2", 1), None),
    Change("moved", TABARENAH, _slot("T1", 0), _slot("T3", 2)),
    Change("moved", SCHOOL, _slot("T1", 1), _slot("T1", 3)),
    Change("added", OTHER_SCHOOL, None, _slot("T3", 4)),
    Change("dropped", "homebound:H3", _slot("T2", 1), None),
    Change("moved", "homebound:H1", _slot("T1", 0), _slot("T3", 2)),
)


def test_call_list_gives_phones_and_teams() -> None:
    """Each changed village or school once, with whom to call and the phone; a missing phone
    says which table to fill; residents: the team calls, no name, address or phone
    (which team's stops changed is replan_notes' section)."""
    text = call_list_text(CHANGES, _ctx())
    lines = text.splitlines()
    assert lines[1] == "Beri tahu (6) — siapa yang ditelepon:"
    assert (
        "  - SMA NEGERI 1 REJANG LEBONG: kepala sekolah: Wakasek Kesiswaan Contoh, "
        "telp. +62 813 0000 0001 (tim T1)" in lines
    )
    assert (
        "  - SMK NEGERI 1 REJANG LEBONG: kepala sekolah: nomor telepon belum ada "
        "(isi kolom telepon di sekolah.csv) (tim T3)" in lines
    )
    assert (
        "  - Suban Ayam: kepala desa / kasi pemerintahan: nomor telepon belum ada "
        "(isi kolom telepon di kades.csv) (batal, tim T2)" in lines
    )
    assert (
        "  - Tabarenah: kepala desa / kasi pemerintahan: Kades Contoh Tabarenah, "
        "telp. 0812-0000-0009 (tim T1 → T3)" in lines
    )
    assert "  - lansia, Desa Tabarenah: tim T3 menelepon warga (nomor ada di jadwal tim)" in lines
    assert (
        "  - penyandang disabilitas, Desa Suban Ayam: kantor memberi tahu warga "
        "(nomor ada di jadwal tim sebelumnya)" in lines
    )
    assert len(lines) == 2 + 6  # the teams' changes are replan_notes' section, not this one
    for secret in (*fx.SENTINEL_NAMES, *fx.SENTINEL_ADDRESSES, *fx.SENTINEL_PHONES):
        assert secret not in text
    for secret in fx.SENTINEL_COMPANION_PHONES:
        assert secret not in text
    assert "Pendamping PKH Yuliana" not in text


def test_call_list_in_english_and_empty() -> None:
    """English labels; nothing at all when nothing changed."""
    text = call_list_text(CHANGES, _ctx("en"))
    assert "Tell (6) — whom to call:" in text
    assert "team T3 calls the resident (the number is on the team's schedule)" in text
    assert call_list_text((), _ctx()) == ""
