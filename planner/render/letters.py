"""Notification letters (surat pemberitahuan): what each letter says.

One letter per village and school the plan visits, addressed to its village head (lurah) or
principal: the date and time window of every visit there, who should come (the expected
residents, or the students aged 17 and over) and what to bring (the family card, KK), the
office's contact person, and the head of office's signature block. Homebound visits get no
letter, and no letter names or counts a homebound resident: a letter only reads the plan's
village and school stops and the public village and school tables.

The layout (letterhead, number, place and date, Perihal, signature) is drawn by
``planner.render.letters_pdf``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from planner.i18n import long_date, short_date, t
from planner.model import Letterhead, Minutes, Plan, School, SiteKind, Village, fmt_hhmm
from planner.render._common import RenderContext

_ZONES = {
    "Asia/Jakarta": "WIB",
    "Asia/Pontianak": "WIB",
    "Asia/Makassar": "WITA",
    "Asia/Jayapura": "WIT",
}


@dataclass(frozen=True, slots=True)
class LetterVisit:
    """One day of visits to the site: the date and the window from first start to last end."""

    date: dt.date
    start: Minutes
    end: Minutes
    people: int


@dataclass(frozen=True, slots=True)
class Letter:
    """One notification letter, every text already in the letter's language."""

    seq: int
    number: str
    file_stem: str
    site_id: str
    kind: SiteKind
    addressee: str
    place: str
    """``Desa Air Bang`` / ``SMA Negeri 1 Curup``."""
    village: str
    """The village label (for a school: the village it lies in)."""
    kecamatan: str
    visits: tuple[LetterVisit, ...]
    people: int


@dataclass(frozen=True, slots=True)
class LetterBook:
    """Every letter of a week, with what they share (letterhead, date, language)."""

    lang: str
    week: str
    district: str
    date: dt.date
    zone: str
    office: Letterhead
    letters: tuple[Letter, ...]

    @property
    def place_and_date(self) -> str:
        """``Curup, 30 November 2026``."""
        city = self.office.city or self.district
        return f"{city}, {short_date(self.date, self.lang)}"


def time_zone_label(timezone: str) -> str:
    """``WIB``/``WITA``/``WIT`` for an Indonesian time zone ('' for another)."""
    return _ZONES.get(timezone, "")


def letter_time(minutes: Minutes, lang: str, *, up: bool = False) -> str:
    """A time as an official letter writes it, on the quarter hour (the start rounded down,
    the end rounded up, so the window announced holds the visit): ``07.30`` in Indonesian
    (PUEBI writes hours with a dot), ``07:30`` in English."""
    quarter = 15 * (-(-minutes // 15) if up else minutes // 15)
    text = fmt_hhmm(min(quarter, 24 * 60 - 1))
    return text.replace(":", ".") if lang == "id" else text


def time_window(visit: LetterVisit, lang: str) -> str:
    """``07.30 – 08.45``: the visit's window as its letter announces it."""
    return f"{letter_time(visit.start, lang)} – {letter_time(visit.end, lang, up=True)}"


def slug(text: str) -> str:
    """``desa-air-bang``: a file-name part from a place name (ASCII letters, digits, ``-``)."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "site"


def _addressee(site: Village | School, lang: str) -> str:
    if isinstance(site, School):
        return t("letter.to_school", lang, name=site.name)
    key = "letter.to_kelurahan" if site.kind == "kelurahan" else "letter.to_village"
    return t(key, lang, name=site.name)


def _visits(plan: Plan) -> dict[str, list[LetterVisit]]:
    """Village and school stops by site, one ``LetterVisit`` per site and date."""
    days: dict[tuple[str, dt.date], LetterVisit] = {}
    for route in plan.routes:
        for stop in route.stops:
            if stop.kind not in (SiteKind.VILLAGE, SiteKind.SCHOOL):
                continue  # homebound visits get no letter
            key = (stop.site, route.date)
            old = days.get(key)
            days[key] = LetterVisit(
                route.date,
                min(stop.start, old.start) if old else stop.start,
                max(stop.end, old.end) if old else stop.end,
                stop.people + (old.people if old else 0),
            )
    by_site: dict[str, list[LetterVisit]] = {}
    for (site_id, _), visit in sorted(days.items(), key=lambda kv: (kv[1].date, kv[1].start)):
        by_site.setdefault(site_id, []).append(visit)
    return by_site


def letter_book(ctx: RenderContext, date: dt.date) -> LetterBook:
    """The letters of ``ctx``'s plan, dated ``date`` and numbered in visit order."""
    lang = ctx.lang
    office = ctx.district.settings.letterhead
    letters: list[Letter] = []
    for site_id, visits in _visits(ctx.plan).items():
        site = ctx.site(site_id)
        village = ctx.village_of(site_id)
        if not isinstance(site, Village | School) or village is None:
            continue  # a plan naming a site the tables no longer hold
        seq = len(letters) + 1
        village_label = ctx.village_label(village)
        place = village_label if isinstance(site, Village) else site.name
        letters.append(
            Letter(
                seq=seq,
                number=office.number(seq, date, ctx.plan.week),
                file_stem=f"{seq:03d}-{slug(place)}",
                site_id=site_id,
                kind=site.site_kind,
                addressee=_addressee(site, lang),
                place=place,
                village=village_label,
                kecamatan=village.district,
                visits=tuple(visits),
                people=sum(v.people for v in visits),
            )
        )
    return LetterBook(
        lang=lang,
        week=ctx.plan.week,
        district=ctx.plan.district,
        date=date,
        zone=time_zone_label(ctx.district.settings.timezone),
        office=office,
        letters=tuple(letters),
    )


def visit_lines(book: LetterBook, letter: Letter) -> list[tuple[str, str]]:
    """The visit's details as label–value rows: date and time window (one row each, or one
    row per day when the site is visited on several days), then the place."""
    lang = book.lang

    def window(visit: LetterVisit) -> str:
        text = t("letter.time_value", lang, window=time_window(visit, lang), zone=book.zone)
        return text.strip()

    rows: list[tuple[str, str]] = []
    if len(letter.visits) == 1:
        (visit,) = letter.visits
        rows += [
            (t("letter.day_date", lang), long_date(visit.date, lang)),
            (t("letter.time", lang), window(visit)),
        ]
    else:
        label = t("letter.day_date", lang)
        for i, visit in enumerate(letter.visits):
            rows.append(
                (label if i == 0 else "", f"{long_date(visit.date, lang)}, {window(visit)}")
            )
    key = "letter.place_school" if letter.kind is SiteKind.SCHOOL else "letter.place_village"
    rows.append((t("letter.place", lang), t(key, lang, place=letter.place)))
    return rows


def opening(book: LetterBook, letter: Letter) -> str:
    """The first paragraph: who comes, where."""
    lang = book.lang
    agency = book.office.agency
    if book.office.government:
        agency += " " + book.office.government.removeprefix("Pemerintah ").strip()
    key = "letter.opening_school" if letter.kind is SiteKind.SCHOOL else "letter.opening_village"
    return t(
        key,
        lang,
        agency=agency,
        place=letter.place,
        village=letter.village,
        kecamatan=letter.kecamatan,
    )


def requests(book: LetterBook, letter: Letter) -> list[str]:
    """What the village head or principal is asked to do, in order."""
    lang = book.lang
    people = letter.people
    if letter.kind is SiteKind.SCHOOL:
        keys = ["letter.ask_school_students", "letter.ask_kk", "letter.ask_school_staff"]
    else:
        keys = ["letter.ask_village_residents", "letter.ask_kk", "letter.ask_village_head"]
    return [t(k, lang, people=people) for k in [*keys, "letter.ask_room"]]


def contact_sentence(book: LetterBook) -> str:
    """``Informasi lebih lanjut dapat menghubungi …`` ('' when the office names no contact)."""
    contact = book.office.contact
    if not contact.name and not contact.phone:
        return ""
    phone = t("letter.contact_phone", book.lang, phone=contact.phone) if contact.phone else ""
    return t("letter.contact", book.lang, name=contact.name or book.office.agency, phone=phone)


def signer_title(book: LetterBook) -> str:
    """``Kepala Dinas Kependudukan dan Pencatatan Sipil Kabupaten Rejang Lebong,``."""
    office = book.office
    area = office.government.removeprefix("Pemerintah ").strip()
    return " ".join(p for p in (office.head_title, office.agency, area) if p) + ","
