"""``schedule.pdf``: the printed A4 weekly schedule (reportlab, fonts from its wheel).

A cover with the week's totals and the blank cards each team takes out, then each team's week
from a new page, a section per day. Every stop is one boxed block kept on one page
(``KeepTogether``) carrying its reference (``T1-1123-2``) in its head and in its tally line, so
a page break never separates a stop from the place where its results are written. Text is at
least 11 pt. The output is byte-reproducible (reportlab's invariant mode).
"""

from __future__ import annotations

import functools
import io
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from planner.i18n import t
from planner.render._common import RenderContext
from planner.render.cover import blank_table
from planner.render.schedule import (
    DaySheet,
    ScheduleBook,
    StopSheet,
    day_summary,
    schedule_book,
    team_heading,
)

FONT = "Vera"
FONT_BOLD = "VeraBd"
BODY_PT = 11
MARGIN = 15 * mm


@functools.cache
def _register_fonts() -> None:
    """Bitstream Vera ships inside reportlab: embedded TrueType, wider than Latin-1."""
    pdfmetrics.registerFont(TTFont(FONT, "Vera.ttf"))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, "VeraBd.ttf"))
    pdfmetrics.registerFont(TTFont("VeraIt", "VeraIt.ttf"))
    pdfmetrics.registerFont(TTFont("VeraBI", "VeraBI.ttf"))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic="VeraIt", boldItalic="VeraBI"
    )


def x(text: object) -> str:
    """Escape text for reportlab's Paragraph mini-markup (``&``, ``<``, ``>``)."""
    return escape(str(text))


@functools.cache
def _styles() -> dict[str, ParagraphStyle]:
    body = ParagraphStyle("body", fontName=FONT, fontSize=BODY_PT, leading=14.5)
    return {
        "body": body,
        "title": ParagraphStyle("title", parent=body, fontName=FONT_BOLD, fontSize=20, leading=25),
        "h2": ParagraphStyle(
            "h2", parent=body, fontName=FONT_BOLD, fontSize=16, leading=20, spaceAfter=3 * mm
        ),
        "h3": ParagraphStyle(
            "h3",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=13,
            leading=16,
            spaceBefore=4 * mm,
            spaceAfter=1.5 * mm,
        ),
        "bold": ParagraphStyle("bold", parent=body, fontName=FONT_BOLD),
        "note": ParagraphStyle("note", parent=body, textColor=colors.HexColor("#7a3b00")),
        "num": ParagraphStyle("num", parent=body, alignment=2),
        "stopno": ParagraphStyle(
            "stopno", parent=body, fontName=FONT_BOLD, fontSize=16, leading=19, alignment=1
        ),
    }


def _p(text: str, style: str = "body") -> Paragraph:
    """A Paragraph of already-escaped markup."""
    return Paragraph(text, _styles()[style])


def _grid(rows: list[list[Any]], widths: list[float], header: bool = True) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1 if header else 0)
    style = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#999999")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        style.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")))
    table.setStyle(TableStyle(style))
    table.hAlign = "LEFT"
    return table


def _cover(book: ScheduleBook, ctx: RenderContext) -> list[Any]:
    lang = book.lang
    story: list[Any] = [
        _p(x(book.title), "title"),
        Spacer(1, 2 * mm),
        _p(x(book.subtitle)),
        _p(x(t("render.totals", lang)), "h3"),
        _grid([[_p(x(k)), _p(x(v), "num")] for k, v in book.totals], [70 * mm, 35 * mm], False),
        Spacer(1, 2 * mm),
        _p(x(book.travel_note), "note"),
    ]
    return [*story, *blank_table(ctx, _p)]


def _stop_block(stop: StopSheet, lang: str) -> list[Any]:
    """A stop's flowables: a spacer and one boxed table (callers keep them together)."""
    lines = [
        _p(
            f"<b>{x(stop.place)}</b> ({x(stop.kind_label)})"
            f"<br/>{x(t('render.stop_ref', lang))} {x(stop.ref)}"
        )
    ]
    if stop.resident:
        nik = f" · {x(t('render.nik', lang))} {x(stop.nik_masked)}" if stop.nik_masked else ""
        lines.append(_p(f"<b>{x(t('render.resident', lang))}: {x(stop.resident)}</b>{nik}"))
    if stop.resident_contact:
        lines.append(_p(x(stop.resident_contact)))
    if stop.where:
        lines.append(_p(x(stop.where)))
    lines += [
        _p(
            f"{x(t('render.arrive', lang))} <b>{stop.arrive}</b> · {x(t('render.start', lang))} "
            f"<b>{stop.start}</b> · {x(t('render.end', lang))} <b>{stop.end}</b>"
        ),
        _p(f"{x(t('render.contact', lang))}: {x(stop.contact)}"),
        _p(
            f"{x(t('render.people_expected', lang))}: <b>{stop.people}</b> · "
            f"{x(t('render.cards', lang))}: <b>{stop.cards}</b>"
        ),
        Spacer(1, 2 * mm),
        _p(x(t("render.tally", lang, ref=stop.ref))),
        Spacer(1, 5 * mm),
        _p(f"{x(t('render.signature', lang, who=stop.signer))}: ________________________"),
    ]
    box = Table(
        [[_p(str(stop.order), "stopno"), lines]],
        colWidths=[12 * mm, A4[0] - 2 * MARGIN - 12 * mm],
    )
    box.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.8, colors.HexColor("#555555")),
                ("LINEAFTER", (0, 0), (0, 0), 0.5, colors.HexColor("#999999")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    return [Spacer(1, 2 * mm), box]


def _boats(lines: tuple[str, ...]) -> list[Any]:
    """Boat crossings, each a bold line of its own."""
    return [item for line in lines for item in (Spacer(1, 2 * mm), _p(f"<b>{x(line)}</b>"))]


def _day(day: DaySheet, team_label: str, lang: str) -> list[Any]:
    """A day's section: the heading stays with the first stop, the return with the last; a
    crossing stays with the stop it leads to."""
    head = [
        _p(f"{x(day.date_label)} — {x(team_label)}", "h3"),
        _p(x(day_summary(day, lang))),
        Spacer(1, 1 * mm),
        _p(f"<b>{x(t('render.depart', lang, time=day.depart, place=day.base_name))}</b>"),
    ]
    tail = [
        *_boats(day.return_boats),
        Spacer(1, 2 * mm),
        _p(f"<b>{x(t('render.return', lang, time=day.return_, place=day.base_name))}</b>"),
        Spacer(1, 5 * mm),
        _p(
            f"{x(t('render.signature', lang, who=t('render.signature_lead', lang)))}: "
            "________________________"
        ),
    ]
    if day.estimated:
        tail += [Spacer(1, 2 * mm), _p(x(t("render.estimate_footnote", lang)), "note")]
    groups: list[list[Any]] = [
        _boats(stop.boats) + _stop_block(stop, lang) for stop in day.stops
    ] or [[]]
    groups[0] = head + groups[0]
    groups[-1] = groups[-1] + tail
    return [KeepTogether(group) for group in groups]


def render_schedule_pdf(ctx: RenderContext) -> bytes:
    """The bytes of ``schedule.pdf``."""
    _register_fonts()
    book = schedule_book(ctx)
    lang = book.lang
    story = _cover(book, ctx)
    for sheet in book.teams:
        story += [PageBreak(), _p(x(team_heading(sheet.team, lang)), "h2")]
        if not sheet.days:
            story.append(_p(x(t("render.no_routes", lang))))
        for day in sheet.days:
            story += _day(day, sheet.team.label, lang)

    footer = f"{ctx.plan.district} · {t('render.week', lang)} {ctx.plan.week}"

    def on_page(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(FONT, BODY_PT)
        canvas.drawString(MARGIN, 9 * mm, footer[:70])
        canvas.drawRightString(A4[0] - MARGIN, 9 * mm, str(doc.page))
        canvas.restoreState()

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN + 4 * mm,
        title=f"{book.title} — {book.subtitle}",
        author="planner",
        invariant=True,
    )
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)
    return buffer.getvalue()
