"""The teams' printed weekly schedule: what goes on it (``schedule_book``) and its HTML.

``schedule_book`` turns a plan into a cover (the week's totals, blank cards per team and day)
and one sheet per team with a section per day: departure, each stop with times, place, contact,
people and cards, a tally line and a signature line, and the return. A boat crossing is a line
of its own (board and land times) before the stop, or the return, its leg leads to; an arrival
whose travel time is a straight-line estimate is marked ``≈`` and the day carries a footnote.
``schedule.pdf`` (see ``planner.render.pdf``) and ``schedule.html`` print the same book. These
are the only outputs, with the team sheets of ``schedule.xlsx``, that name homebound residents
(NIK masked): the team has to find the person.
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.calendar import Week
from planner.i18n import long_date, t
from planner.model import Route, SiteKind, fmt_hhmm
from planner.render._common import (
    RenderContext,
    TeamInfo,
    approx,
    boat_schedule_line,
    esc,
    travel_note,
)


@dataclass(frozen=True, slots=True)
class StopSheet:
    """One stop as a team reads it."""

    ref: str
    order: int
    kind: SiteKind
    kind_label: str
    place: str
    where: str
    arrive: str
    start: str
    end: str
    people: int
    cards: int
    contact: str
    signer: str
    resident: str | None = None
    nik_masked: str | None = None
    resident_contact: str = ""
    """A homebound resident's address and phone (``Alamat: … · Telp. warga: …``)."""
    boats: tuple[str, ...] = ()
    """The boat crossings on the way here, one schedule line each."""


@dataclass(frozen=True, slots=True)
class DaySheet:
    """A team's day: departure, stops, the crossings of the way back, return."""

    date_label: str
    route: Route
    depart: str
    return_: str
    base_name: str
    stops: tuple[StopSheet, ...]
    return_boats: tuple[str, ...] = ()
    estimated: bool = False
    """Some leg's time is an estimate (the day's ``≈`` footnote is printed)."""


@dataclass(frozen=True, slots=True)
class TeamSheet:
    """A team's week."""

    team: TeamInfo
    days: tuple[DaySheet, ...]


@dataclass(frozen=True, slots=True)
class ScheduleBook:
    """Everything the printed schedule shows, in the plan's language."""

    lang: str
    title: str
    subtitle: str
    totals: tuple[tuple[str, str], ...]
    travel_note: str
    blanks: tuple[tuple[str, str, str, str], ...]
    teams: tuple[TeamSheet, ...]


def _stop_sheet(ctx: RenderContext, route: Route, order: int) -> StopSheet:
    stop = route.stops[order - 1]
    lang = ctx.lang
    village = ctx.village_of(stop.site)
    site = ctx.site(stop.site)
    where_parts = []
    if site is not None and site.site_kind is SiteKind.SCHOOL and village is not None:
        where_parts.append(ctx.village_label(village))
    kecamatan = ctx.kecamatan(stop.site)
    if kecamatan:
        where_parts.append(f"{t('render.kecamatan', lang)} {kecamatan}")
    place = ctx.place(stop.site)
    if stop.kind == SiteKind.VILLAGE and village is not None:
        place = ctx.village_label(village)
    resident, nik = ctx.resident(stop.site)
    return StopSheet(
        ref=ctx.stop_ref(route, order),
        order=order,
        kind=stop.kind,
        kind_label=ctx.kind_label(stop.kind),
        place=place,
        where=", ".join(where_parts),
        arrive=approx(stop.arrive, stop.estimated),
        start=fmt_hhmm(stop.start),
        end=fmt_hhmm(stop.end),
        people=stop.people,
        cards=stop.cards,
        contact=ctx.contact_detail(stop.site, route.date),
        signer=ctx.contact_role(stop.site) or t("render.signature_lead", lang),
        resident=resident,
        nik_masked=nik,
        resident_contact=ctx.resident_contact(stop.site),
        boats=tuple(boat_schedule_line(line, lang) for line in stop.boat),
    )


def _day_sheet(ctx: RenderContext, team: TeamInfo, route: Route) -> DaySheet:
    return DaySheet(
        date_label=long_date(route.date, ctx.lang),
        route=route,
        depart=fmt_hhmm(route.depart),
        return_=approx(route.return_, route.return_estimated),
        base_name=team.base_name,
        stops=tuple(_stop_sheet(ctx, route, i) for i in range(1, len(route.stops) + 1)),
        return_boats=tuple(boat_schedule_line(line, ctx.lang) for line in route.return_boat),
        estimated=route.return_estimated or any(s.estimated for s in route.stops),
    )


def schedule_book(ctx: RenderContext) -> ScheduleBook:
    """The schedule's content for ``ctx``'s plan."""
    plan = ctx.plan
    lang = ctx.lang
    dates = ctx.dates()
    week = Week.from_label(plan.week)
    span = ""
    if dates:
        span = f" ({long_date(dates[0], lang)} – {long_date(dates[-1], lang)})"
    elif week is not None:
        span = f" ({long_date(week.monday, lang)})"
    subtitle = f"{plan.district} · {t('render.week', lang)} {plan.week}{span}"
    totals = (
        (t("render.routes", lang), str(len(plan.routes))),
        (t("render.stops", lang), str(sum(len(r.stops) for r in plan.routes))),
        (t("render.people_expected", lang), f"{plan.totals.people:,}"),
        (t("render.cards", lang), f"{plan.totals.cards:,}"),
        (t("render.blanks", lang), f"{sum(r.blanks for r in plan.routes):,}"),
        (t("render.distance_km", lang), f"{plan.totals.distance_km:.1f}"),
        (t("render.unserved", lang), str(len(plan.unserved))),
    )
    note = travel_note(plan, lang)
    blanks: list[tuple[str, str, str, str]] = []
    teams: list[TeamSheet] = []
    for team, routes in ctx.routes_by_team():
        for route in routes:
            blanks.append(
                (
                    team.label,
                    long_date(route.date, lang),
                    t("render.yes" if route.printer else "render.no", lang),
                    str(route.blanks),
                )
            )
        if routes:
            blanks.append(
                (team.label, t("render.total", lang), "", str(sum(r.blanks for r in routes)))
            )
        days = tuple(_day_sheet(ctx, team, route) for route in routes)
        teams.append(TeamSheet(team=team, days=days))
    return ScheduleBook(
        lang=lang,
        title=t("render.schedule_title", lang),
        subtitle=subtitle,
        totals=totals,
        travel_note=note,
        blanks=tuple(blanks),
        teams=tuple(teams),
    )


def day_summary(day: DaySheet, lang: str) -> str:
    """``Printer: ya · Blanko dibawa: 25 · Orang: 39 · 22.0 km``."""
    route = day.route
    return (
        f"{t('render.printer', lang)}: {t('render.yes' if route.printer else 'render.no', lang)}"
        f" · {t('render.blanks', lang)}: {route.blanks} · {t('render.people', lang)}: "
        f"{route.people} · {t('render.cards_short', lang)}: {route.cards} · "
        f"{route.distance_km:.1f} km"
    )


def team_heading(team: TeamInfo, lang: str) -> str:
    """``Tim 1 (T1) · mobil, 2 alat perekaman``."""
    parts = [team.vehicle] if team.vehicle else []
    parts.append(t("render.kits", lang, kits=team.kits))
    return f"{team.label} · {', '.join(parts)}"


# --- HTML ------------------------------------------------------------------------------------

_CSS = """
@page { size: A4; margin: 15mm; }
body { font: 11.5pt/1.4 "DejaVu Sans", Arial, sans-serif; color: #111; margin: 0 auto;
  max-width: 180mm; padding: 8mm 0; }
h1 { font-size: 18pt; margin: 0 0 2mm; }
h2 { font-size: 15pt; margin: 0 0 3mm; border-bottom: 2px solid #333; padding-bottom: 1mm; }
h3 { font-size: 13pt; margin: 6mm 0 2mm; }
table.grid { border-collapse: collapse; margin: 2mm 0 5mm; }
table.grid th, table.grid td { border: 1px solid #999; padding: 1mm 3mm; text-align: left; }
table.grid td.num { text-align: right; }
.team { break-before: page; page-break-before: always; }
.stop { break-inside: avoid; page-break-inside: avoid; border: 1px solid #777;
  border-radius: 2mm; padding: 2mm 3mm; margin: 2mm 0; }
.stop .head { font-weight: bold; }
.ref { float: right; font-weight: normal; color: #444; }
.tally, .sign { margin-top: 2mm; }
.sign { padding-top: 5mm; }
.depart, .return, .boat { font-weight: bold; margin: 2mm 0; }
.note { color: #7a3b00; }
.resident { font-weight: bold; }
@media screen { .team { border-top: 3px double #666; margin-top: 10mm; padding-top: 5mm; } }
"""


def _html_stop(stop: StopSheet, lang: str) -> str:
    lines = [
        f'<div class="stop" id="stop-{esc(stop.ref)}">',
        f'<div class="head"><span class="ref">{esc(t("render.stop_ref", lang))} '
        f"{esc(stop.ref)}</span>{stop.order}. {esc(stop.place)} ({esc(stop.kind_label)})</div>",
    ]
    if stop.resident:
        lines.append(
            f'<div class="resident">{esc(t("render.resident", lang))}: {esc(stop.resident)}'
            + (f" · {esc(t('render.nik', lang))} {esc(stop.nik_masked)}" if stop.nik_masked else "")
            + "</div>"
        )
    if stop.resident_contact:
        lines.append(f'<div class="resident-contact">{esc(stop.resident_contact)}</div>')
    if stop.where:
        lines.append(f"<div>{esc(stop.where)}</div>")
    lines += [
        f"<div>{esc(t('render.arrive', lang))} {stop.arrive} · {esc(t('render.start', lang))} "
        f"{stop.start} · {esc(t('render.end', lang))} {stop.end}</div>",
        f"<div>{esc(t('render.contact', lang))}: {esc(stop.contact)}</div>",
        f"<div>{esc(t('render.people_expected', lang))}: <b>{stop.people}</b> · "
        f"{esc(t('render.cards', lang))}: <b>{stop.cards}</b></div>",
        f'<div class="tally">{esc(t("render.tally", lang, ref=stop.ref))}</div>',
        f'<div class="sign">{esc(t("render.signature", lang, who=stop.signer))}: '
        "______________________________</div>",
        "</div>",
    ]
    return "\n".join(lines)


def _html_boats(lines: tuple[str, ...]) -> list[str]:
    return [f'<div class="boat">{esc(line)}</div>' for line in lines]


def render_schedule_html(ctx: RenderContext) -> str:
    """The HTML of ``schedule.html``: the same book as the PDF, printable from a browser."""
    book = schedule_book(ctx)
    lang = book.lang
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{esc(lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{esc(book.title)} · {esc(book.subtitle)}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        '<section class="cover">',
        f"<h1>{esc(book.title)}</h1>",
        f"<p>{esc(book.subtitle)}</p>",
        f"<h3>{esc(t('render.totals', lang))}</h3>",
        '<table class="grid">',
    ]
    out += [f'<tr><th>{esc(k)}</th><td class="num">{esc(v)}</td></tr>' for k, v in book.totals]
    out += ["</table>", f'<p class="note">{esc(book.travel_note)}</p>']
    if book.blanks:
        out += [
            f"<h3>{esc(t('render.blanks_title', lang))}</h3>",
            '<table class="grid">',
            "<tr>"
            + "".join(
                f"<th>{esc(t(k, lang))}</th>"
                for k in ("render.team", "render.date", "render.printer", "render.blanks")
            )
            + "</tr>",
        ]
        out += [
            f"<tr><td>{esc(a)}</td><td>{esc(b)}</td><td>{esc(c)}</td>"
            f'<td class="num">{esc(d)}</td></tr>'
            for a, b, c, d in book.blanks
        ]
        out.append("</table>")
    out.append("</section>")
    for sheet in book.teams:
        team = sheet.team
        out += [
            f'<section class="team" id="team-{esc(team.id)}">',
            f"<h2>{esc(team_heading(team, lang))}</h2>",
        ]
        if not sheet.days:
            out.append(f"<p>{esc(t('render.no_routes', lang))}</p>")
        for day in sheet.days:
            out += [
                f'<div class="day" id="day-{esc(team.id)}-{day.route.date.isoformat()}">',
                f"<h3>{esc(day.date_label)} — {esc(team.label)}</h3>",
                f"<div>{esc(day_summary(day, lang))}</div>",
                f'<div class="depart">'
                f"{esc(t('render.depart', lang, time=day.depart, place=day.base_name))}</div>",
            ]
            for stop in day.stops:
                out += [*_html_boats(stop.boats), _html_stop(stop, lang)]
            out += [
                *_html_boats(day.return_boats),
                f'<div class="return">'
                f"{esc(t('render.return', lang, time=day.return_, place=day.base_name))}</div>",
                f'<div class="sign">'
                f"{esc(t('render.signature', lang, who=t('render.signature_lead', lang)))}: "
                "______________________________</div>",
            ]
            if day.estimated:
                out.append(f'<div class="note">{esc(t("render.estimate_footnote", lang))}</div>')
            out.append("</div>")
        out.append("</section>")
    out += ["</body>", "</html>", ""]
    return "\n".join(out)
