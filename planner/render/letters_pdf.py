"""The notification letters as A4 PDFs, in the usual Indonesian official layout.

Letterhead (optional logo, government, agency, address, a double rule), place and date on the
right, Nomor / Sifat / Lampiran / Perihal, the addressee ("Yth. … di — Tempat"), the body with
the visit's date and time window, the requests, the contact person, the closing, the head of
office's signature block (title, name underlined, rank, NIP) and Tembusan. One PDF per letter
and one with them all; byte-reproducible (reportlab's invariant mode).
"""

from __future__ import annotations

import functools
import io
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import (
    HRFlowable,
    Image,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from planner.i18n import t
from planner.render.letters import (
    Letter,
    LetterBook,
    contact_sentence,
    opening,
    requests,
    signer_title,
    visit_lines,
)
from planner.render.pdf import FONT, FONT_BOLD, _register_fonts, x

MARGIN = 20 * mm
WIDTH = A4[0] - 2 * MARGIN


@functools.cache
def _styles() -> dict[str, ParagraphStyle]:
    body = ParagraphStyle("lbody", fontName=FONT, fontSize=10.5, leading=13, alignment=4)
    return {
        "body": body,
        "left": ParagraphStyle("lleft", parent=body, alignment=0),
        "right": ParagraphStyle("lright", parent=body, alignment=0, leftIndent=WIDTH * 0.55),
        "gov": ParagraphStyle(
            "gov", parent=body, fontName=FONT_BOLD, fontSize=13, leading=16, alignment=1
        ),
        "agency": ParagraphStyle(
            "agency", parent=body, fontName=FONT_BOLD, fontSize=15, leading=19, alignment=1
        ),
        "addr": ParagraphStyle("addr", parent=body, fontSize=9.5, leading=12, alignment=1),
        "sign": ParagraphStyle("sign", parent=body, alignment=0),
    }


def _p(text: str, style: str = "body") -> Paragraph:
    return Paragraph(text, _styles()[style])


def _letterhead(book: LetterBook) -> list[Any]:
    office = book.office
    lines = []
    if office.government:
        lines.append(_p(x(office.government.upper()), "gov"))
    lines.append(_p(x(office.agency.upper()), "agency"))
    lines += [_p(x(text), "addr") for text in (office.address, office.contact_line) if text]
    logo: Any = ""
    if office.logo:
        reader = ImageReader(office.logo)
        w, h = reader.getSize()
        logo = Image(office.logo, width=22 * mm * w / max(h, 1), height=22 * mm)
    side = 26 * mm if office.logo else 0
    head = Table([[logo, lines]], colWidths=[side, WIDTH - side])
    head.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return [
        head,
        HRFlowable(width="100%", thickness=2.2, color=colors.black, spaceBefore=2, spaceAfter=1),
        HRFlowable(width="100%", thickness=0.6, color=colors.black, spaceAfter=4 * mm),
    ]


def _label_rows(rows: list[tuple[str, str]], label_mm: float, bold_last: bool = False) -> Table:
    data = [
        [
            _p(x(k), "left"),
            _p(":" if k else "", "left"),
            _p(f"<b>{x(v)}</b>" if bold_last and i == len(rows) - 1 else x(v), "left"),
        ]
        for i, (k, v) in enumerate(rows)
    ]
    table = _plain(Table(data, colWidths=[label_mm * mm, 4 * mm, None]), 1)
    table.hAlign = "LEFT"
    return table


def _plain(table: Table, below: float) -> Table:
    """A table with no lines and no padding but ``below`` points under each row."""
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), below),
            ]
        )
    )
    return table


def _signature(book: LetterBook) -> list[Any]:
    head = book.office.head
    lines = [_p(x(signer_title(book)), "sign"), Spacer(1, 15 * mm)]
    lines.append(_p(f"<b><u>{x(head.name or '.' * 40)}</u></b>", "sign"))
    if head.rank:
        lines.append(_p(x(head.rank), "sign"))
    if head.nip:
        lines.append(_p(x(t("letter.nip", book.lang, nip=head.nip)), "sign"))
    block = Table([["", lines]], colWidths=[WIDTH * 0.5, WIDTH * 0.5])
    block.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return [Spacer(1, 3 * mm), KeepTogether([block])]


def _numbered(items: list[str]) -> Table:
    rows = [[_p(f"{i}.", "left"), _p(x(text), "left")] for i, text in enumerate(items, start=1)]
    return _plain(Table(rows, colWidths=[8 * mm, None]), 2)


def letter_story(book: LetterBook, letter: Letter) -> list[Any]:
    """One letter's flowables, from the letterhead to the Tembusan."""
    lang = book.lang
    story = _letterhead(book)
    story += [_p(x(book.place_and_date), "right"), Spacer(1, 2 * mm)]
    story.append(
        _label_rows(
            [
                (t("letter.number", lang), letter.number),
                (t("letter.nature", lang), t("letter.nature_value", lang)),
                (t("letter.attachment", lang), "-"),
                (t("letter.subject", lang), t("letter.subject_value", lang)),
            ],
            25,
            bold_last=True,
        )
    )
    at = t("letter.at", lang)
    story += [
        Spacer(1, 4 * mm),
        _p(x(t("letter.to", lang)), "left"),
        _p(f"<b>{x(letter.addressee)}</b>", "left"),
    ]
    story.append(_p(x(at).replace("\n", "<br/>").replace("  ", "&nbsp;&nbsp;"), "left"))
    story += [
        Spacer(1, 4 * mm),
        _p(x(t("letter.greeting", lang)), "left"),
        Spacer(1, 2 * mm),
        _p(x(opening(book, letter))),
        Spacer(1, 2 * mm),
    ]
    visit_table = _label_rows(visit_lines(book, letter), 30)
    visit_table.hAlign = "CENTER"
    story += [Table([[visit_table]], colWidths=[WIDTH - 16 * mm]), Spacer(1, 2 * mm)]
    story += [_p(x(t("letter.requests", lang))), Spacer(1, 1 * mm)]
    story.append(_numbered(requests(book, letter)))
    contact = contact_sentence(book)
    if contact:
        story += [Spacer(1, 2 * mm), _p(x(contact), "left")]
    story += [Spacer(1, 2 * mm), _p(x(t("letter.closing", lang)))]
    story += _signature(book)
    copies = [
        t("letter.copy_camat", lang, kecamatan=letter.kecamatan),
        t("letter.copy_archive", lang),
    ]
    story += [Spacer(1, 4 * mm), _p(f"<u>{x(t('letter.copies', lang))}</u>", "left")]
    story.append(_numbered(copies))
    return story


def _build(book: LetterBook, letters: tuple[Letter, ...], title: str) -> bytes:
    _register_fonts()
    story: list[Any] = []
    for i, letter in enumerate(letters):
        if i:
            story.append(PageBreak())
        story += letter_story(book, letter)
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=10 * mm,
        bottomMargin=12 * mm,
        title=title,
        author=book.office.agency,
        invariant=True,
    )
    doc.build(story)
    return buffer.getvalue()


def render_letters(book: LetterBook) -> dict[str, bytes]:
    """File name → PDF bytes: ``<seq>-<place>.pdf`` per letter and ``semua.pdf`` with all."""
    subject = t("letter.subject_value", book.lang)
    files = {
        f"{letter.file_stem}.pdf": _build(book, (letter,), f"{subject} — {letter.place}")
        for letter in book.letters
    }
    if book.letters:
        files["semua.pdf"] = _build(book, book.letters, f"{subject} — {book.week}")
    return files
