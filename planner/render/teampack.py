"""Team packs: each team's own pages (``teams/T1.pdf``) and a phone-sized PNG per team-day.

A team gets only its own days, one page each, on a narrow page (100 mm wide, as long as the
day needs) so that the page read on a phone, or forwarded as an image to the team's WhatsApp
group, needs no zooming: the day's heading and totals, a small offline map of the route
(``planner.render.daymap``), the departure, every stop (times, place, contact, people and cards,
its coordinates, a ``geo:`` link and an OpenStreetMap link, and a QR code of the ``geo:``
link for a phone's camera), the return. The
PNGs are rendered from the PDF with pdfium (``pypdfium2``, pip-only), 1080 pixels wide and
palette-compressed.

Like ``schedule.pdf`` these pages name the team's homebound residents (NIK masked): hand each
team its own file only.
"""

from __future__ import annotations

import contextlib
import functools
import io
import re
from collections.abc import Iterator
from typing import Any

from reportlab import rl_config
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Frame, Image, Paragraph, Spacer, Table, TableStyle

from planner.i18n import t
from planner.render._common import LatLon, RenderContext, TeamInfo
from planner.render.daymap import Outline, day_map, outlines
from planner.render.pdf import FONT, FONT_BOLD, _register_fonts, x
from planner.render.schedule import DaySheet, StopSheet, day_summary, schedule_book

PAGE_WIDTH = 100 * mm
MARGIN = 5 * mm
INNER = PAGE_WIDTH - 2 * MARGIN
FOOTER = 7 * mm
MIN_HEIGHT = PAGE_WIDTH * 16 / 9
PNG_WIDTH = 1080
"""Pixels: the width of a common phone screen (full HD)."""
QR_SIZE = 21 * mm


@functools.cache
def _styles() -> dict[str, ParagraphStyle]:
    body = ParagraphStyle("pbody", fontName=FONT, fontSize=10, leading=12.5)
    return {
        "body": body,
        "small": ParagraphStyle("psmall", parent=body, fontSize=8.5, leading=10.5),
        "title": ParagraphStyle("ptitle", parent=body, fontName=FONT_BOLD, fontSize=13, leading=16),
        "bold": ParagraphStyle("pbold", parent=body, fontName=FONT_BOLD),
        "no": ParagraphStyle(
            "pno",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=14,
            leading=17,
            alignment=1,
            textColor=colors.white,
        ),
    }


def _p(text: str, style: str = "body") -> Paragraph:
    return Paragraph(text, _styles()[style])


def osm_link(point: LatLon) -> str:
    """The OpenStreetMap page of a point, marker set: what any phone browser opens."""
    lat, lon = point
    return (
        f"https://www.openstreetmap.org/?mlat={lat:.5f}&mlon={lon:.5f}#map=17/{lat:.5f}/{lon:.5f}"
    )


def geo_uri(point: LatLon) -> str:
    """``geo:-3.47070,102.52370``: opens the phone's map app (RFC 5870)."""
    return f"geo:{point[0]:.5f},{point[1]:.5f}"


def qr_picture(value: str) -> Any:
    """``value``'s QR code as a greyscale PIL image, one pixel per module inside the quiet
    zone."""
    from PIL import Image as Picture

    widget = QrCodeWidget(value, barLevel="L")
    widget.qr.make()
    modules = widget.qr.modules
    border = int(widget.barBorder)
    size = len(modules) + 2 * border
    picture = Picture.new("L", (size, size), 255)
    for r, row in enumerate(modules):
        for c, dark in enumerate(row):
            if dark:
                picture.putpixel((c + border, r + border), 0)
    return picture


def _qr(value: str) -> Image:
    """A QR code ``QR_SIZE`` square, as an image (``qr_picture``): a drawing of a rectangle
    per run of dark modules took a third of the team packs' time."""
    png = io.BytesIO()
    qr_picture(value).save(png, format="PNG")
    png.seek(0)
    return Image(png, width=QR_SIZE, height=QR_SIZE)


def _stop(stop: StopSheet, point: LatLon | None, colour: str, lang: str) -> Table:
    lines: list[Any] = [_p(f"<b>{x(stop.place)}</b> ({x(stop.kind_label)})")]
    if stop.resident:
        nik = f" · {x(t('render.nik', lang))} {x(stop.nik_masked)}" if stop.nik_masked else ""
        lines.append(_p(f"<b>{x(t('render.resident', lang))}: {x(stop.resident)}</b>{nik}"))
    if stop.resident_contact:
        lines.append(_p(x(stop.resident_contact), "small"))
    if stop.where:
        lines.append(_p(x(stop.where), "small"))
    lines += [
        _p(
            f"{x(t('render.arrive', lang))} <b>{stop.arrive}</b> · {x(t('render.start', lang))} "
            f"<b>{stop.start}</b> · {x(t('render.end', lang))} <b>{stop.end}</b>"
        ),
        _p(f"{x(t('render.contact', lang))}: {x(stop.contact)}", "small"),
        _p(
            f"{x(t('render.people_expected', lang))}: <b>{stop.people}</b> · "
            f"{x(t('render.cards', lang))}: <b>{stop.cards}</b>"
        ),
    ]
    qr: Any = ""
    if point is not None:
        lines.append(
            _p(
                f"{x(t('pack.coordinates', lang))}: {point[0]:.5f}, {point[1]:.5f}<br/>"
                f'<a href="{x(geo_uri(point))}" color="blue">{x(geo_uri(point))}</a> · '
                f'<a href="{x(osm_link(point))}" color="blue">{x(t("pack.open_map", lang))}</a>',
                "small",
            )
        )
        qr = _qr(geo_uri(point))
    table = Table(
        [[_p(str(stop.order), "no"), lines, qr]],
        colWidths=[8 * mm, INNER - 8 * mm - QR_SIZE - 2 * mm, QR_SIZE + 2 * mm],
    )
    table.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.6, colors.HexColor("#555555")),
                ("BACKGROUND", (0, 0), (0, 0), colors.HexColor(colour)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), 1),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def _day_story(
    ctx: RenderContext, team: TeamInfo, day: DaySheet, shapes: list[Outline]
) -> list[Any]:
    lang = ctx.lang
    points = [ctx.latlon(s.site) for s in day.route.stops]
    story: list[Any] = [
        _p(x(t("pack.title", lang, team=team.label)), "title"),
        _p(f"<b>{x(day.date_label)}</b>"),
        _p(x(day_summary(day, lang)), "small"),
        Spacer(1, 2 * mm),
    ]
    known = [p for p in points if p is not None]
    if known:
        story += [
            day_map(team.base, known, shapes, team.colour, width=INNER, height=INNER * 0.7),
            Spacer(1, 2 * mm),
        ]
    story.append(_p(f"<b>{x(t('render.depart', lang, time=day.depart, place=day.base_name))}</b>"))
    for stop, point in zip(day.stops, points, strict=True):
        story += [Spacer(1, 1.5 * mm)]
        story += [_p(f"<b>{x(line)}</b>", "small") for line in stop.boats]
        story.append(_stop(stop, point, team.colour, lang))
    story += [Spacer(1, 1.5 * mm)]
    story += [_p(f"<b>{x(line)}</b>", "small") for line in day.return_boats]
    story.append(_p(f"<b>{x(t('render.return', lang, time=day.return_, place=day.base_name))}</b>"))
    if day.estimated:
        story.append(_p(x(t("render.estimate_footnote", lang)), "small"))
    return story


def _height(story: list[Any]) -> float:
    """The height ``story`` takes in the page's frame."""
    total = 0.0
    for flowable in story:
        _, h = flowable.wrap(INNER, 10_000)
        total += h + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return total


@contextlib.contextmanager
def _binary_streams() -> Iterator[None]:
    """ASCII85 text encoding of the page streams took a tenth of the team packs' time; binary
    streams are as valid PDF. reportlab's switch is global, so it is off only while the packs
    are drawn: schedule.pdf and the letters keep their bytes whatever ran before them."""
    before = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = before


def _team_pdf(
    ctx: RenderContext,
    team: TeamInfo,
    days: tuple[DaySheet, ...],
    shapes: list[Outline],
    footer: str,
) -> tuple[bytes, list[int]]:
    """One page per team-day (a day that does not fit goes on over a page of the same size);
    the PDF and the number of pages of each day."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1, pageCompression=1)
    canvas.setTitle(t("pack.title", ctx.lang, team=team.label))
    canvas.setAuthor("planner")
    pages: list[int] = []
    for number, day in enumerate(days, start=1):
        story = _day_story(ctx, team, day, shapes)
        pages.append(0)
        height = max(MIN_HEIGHT, _height(story) + 2 * MARGIN + FOOTER + 6 * mm)
        while story:
            canvas.setPageSize((PAGE_WIDTH, height))
            frame = Frame(
                MARGIN,
                MARGIN + FOOTER,
                INNER,
                height - 2 * MARGIN - FOOTER,
                leftPadding=0,
                rightPadding=0,
                topPadding=0,
                bottomPadding=0,
            )
            frame.addFromList(story, canvas)
            canvas.setFont(FONT, 7.5)
            canvas.drawString(MARGIN, MARGIN, f"{footer} · {team.id} {number}/{len(days)}"[:80])
            canvas.showPage()
            pages[-1] += 1
    canvas.save()
    return buffer.getvalue(), pages


def png_pages(pdf: bytes, groups: list[int], width: int = PNG_WIDTH) -> list[bytes]:
    """PNGs ``width`` pixels wide of ``pdf``'s pages, ``groups[i]`` consecutive pages stacked
    into the i-th image (a palette of 64 colours: small files of sharp text)."""
    import pypdfium2
    from PIL import Image

    document = pypdfium2.PdfDocument(pdf)
    try:
        rendered = []
        for index in range(len(document)):
            page = document[index]
            rendered.append(page.render(scale=width / page.get_width()).to_pil().convert("RGB"))
            page.close()
    finally:
        document.close()
    images = []
    for count in groups:
        parts, rendered = rendered[:count], rendered[count:]
        image = Image.new("RGB", (width, sum(p.height for p in parts)), "white")
        top = 0
        for part in parts:
            image.paste(part, (0, top))
            top += part.height
        out = io.BytesIO()
        image.quantize(64, method=Image.Quantize.FASTOCTREE).save(out, format="PNG")
        images.append(out.getvalue())
    return images


def _safe(name: str) -> str:
    """A team id as a file-name part."""
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", name).strip(".") or "team"


def render_team_packs(ctx: RenderContext) -> dict[str, bytes]:
    """File name → bytes: ``T1.pdf`` per team with routes, ``T1-2026-11-30.png`` per team-day."""
    _register_fonts()
    shapes = outlines(ctx.boundaries)
    footer = f"{ctx.plan.district} · {t('render.week', ctx.lang)} {ctx.plan.week}"
    files: dict[str, bytes] = {}
    for sheet in schedule_book(ctx).teams:
        if not sheet.days:
            continue
        with _binary_streams():
            pdf, pages = _team_pdf(ctx, sheet.team, sheet.days, shapes, footer)
        name = _safe(sheet.team.id)
        files[f"{name}.pdf"] = pdf
        for day, png in zip(sheet.days, png_pages(pdf, pages), strict=True):
            files[f"{name}-{day.route.date.isoformat()}.png"] = png
    return files
