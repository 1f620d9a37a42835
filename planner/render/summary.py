"""The plan's summary: what the terminal shows and ``summary.txt`` keeps (no personal data)."""

from __future__ import annotations

from collections import Counter, defaultdict

from planner.calendar import Week
from planner.i18n import long_date, t
from planner.model import District, Plan, SiteKind
from planner.render._common import RenderContext, share_text

MAX_UNSERVED_LINES = 15


def _pct(part: float, whole: float) -> str:
    return f"{100.0 * part / whole:.1f} %" if whole else "–"


def summary_text(plan: Plan, district: District) -> str:
    """The human summary of ``plan``: people by kind and kecamatan, cards, teams, unserved."""
    # The renderers' public names and places: one definition of what may be shown of a site.
    public = RenderContext(plan, district, plan.language)
    lines = _header(plan, district, public)
    lines += _people(plan, district, public)
    lines += _cards_and_teams(plan, district)
    lines += _unserved(plan, district, public)
    return "\n".join(lines) + "\n"


def _travel(plan: Plan, district: District, public: RenderContext) -> list[str]:
    """Where the travel times come from, how the places met the roads, the boats taken."""
    lang = plan.language
    if plan.travel_source == "roads":
        lines = [t("summary.travel_roads", lang)]
    elif plan.travel_source == "mixed":
        lines = [t("summary.travel_mixed", lang, share=share_text(plan))]
    else:
        lines = [t("summary.travel_estimate", lang, detour=district.settings.detour_factor)]
    for joins in plan.road_joins:
        longest = ""
        if joins.longest:
            place = public.join_place(joins.longest)
            longest = t("summary.longest", lang, place=place, km=joins.longest_km)
        lines.append(
            t(
                "summary.joins",
                lang,
                profile=t(f"render.vehicle.{joins.profile}", lang),
                direct=joins.direct,
                by_leg=joins.by_leg,
                estimated=joins.estimated,
                longest=longest,
                join=f"{district.settings.road_join_km:g}",
            )
        )
    boats = sum(len(s.boat) for _, s in plan.stops()) + sum(len(r.return_boat) for r in plan.routes)
    if boats:
        lines.append(t("summary.boat", lang, count=boats))
    return lines


def _header(plan: Plan, district: District, public: RenderContext) -> list[str]:
    """Title with the week's dates, the travel source and the solver run."""
    lang = plan.language
    dates = Week.parse(plan.week).dates
    return [
        t(
            "summary.title",
            lang,
            district=plan.district,
            week=plan.week,
            first=long_date(dates[0], lang),
            last=long_date(dates[-1], lang),
        ),
        *_travel(plan, district, public),
        t(
            "summary.solver",
            lang,
            engine=plan.solver.engine,
            seed=plan.solver.seed,
            stopped=plan.solver.stopped_by or "-",
        ),
        *([t("summary.fallback", lang, note=plan.solver.fallback)] if plan.solver.fallback else []),
        *(
            [t("summary.time_limit", lang, seconds=f"{plan.solver.time_limit_s:g}")]
            if plan.solver.stopped_by == "time_limit"
            else []
        ),
        "",
    ]


def _people(plan: Plan, district: District, public: RenderContext) -> list[str]:
    """People planned against the backlog: in all, by kind of site and by kecamatan."""
    lang = plan.language
    backlog = {
        SiteKind.VILLAGE: sum(v.backlog for v in district.villages),
        SiteKind.SCHOOL: sum(s.students for s in district.schools),
        SiteKind.HOMEBOUND: len(district.homebound),
    }
    total_backlog = sum(backlog.values())
    lines = [
        t(
            "summary.people",
            lang,
            people=f"{plan.totals.people:,}",
            weighted=f"{plan.totals.weighted_people:,.1f}",
            backlog=f"{total_backlog:,}",
            share=_pct(plan.totals.people, total_backlog),
        )
    ]
    by_kind: Counter[SiteKind] = Counter()
    by_kec: Counter[str] = Counter()
    for _, stop in plan.stops():
        by_kind[stop.kind] += stop.people
        by_kec[public.kecamatan(stop.site) or "?"] += stop.people
    lines.append(f"  {t('summary.by_kind', lang)}:")
    for kind in SiteKind:
        lines.append(
            f"    {t(f'kind.{kind}', lang):<14} {by_kind[kind]:>6,} / {backlog[kind]:>7,}"
            f"  ({_pct(by_kind[kind], backlog[kind])})"
        )
    kec_backlog = _kecamatan_backlog(district, public)
    lines.append(f"  {t('summary.by_kecamatan', lang)}:")
    lines.append(
        f"    {t('summary.col_kecamatan', lang):<24} {t('summary.col_backlog', lang):>11} "
        f"{t('summary.col_people', lang):>8} {t('summary.col_share', lang):>8}"
    )
    for kec in sorted(kec_backlog):
        lines.append(
            f"    {kec:<24} {kec_backlog[kec]:>11,} {by_kec[kec]:>8,} "
            f"{_pct(by_kec[kec], kec_backlog[kec]):>8}"
        )
    lines.append("")
    return lines


def _kecamatan_backlog(district: District, public: RenderContext) -> dict[str, int]:
    """Backlog per kecamatan: village backlogs, school students, one per homebound resident."""
    kec_backlog: dict[str, int] = defaultdict(int)
    for v in district.villages:
        kec_backlog[v.district] += v.backlog
    for s in district.schools:
        kec_backlog[public.kecamatan(s.site_id)] += s.students
    for h in district.homebound:
        kec_backlog[public.kecamatan(h.site_id)] += 1
    return kec_backlog


def _cards_and_teams(plan: Plan, district: District) -> list[str]:
    """Cards against the blank stock, then one line per team with routes."""
    lang = plan.language
    settings = district.settings
    lines = [
        t(
            "summary.cards",
            lang,
            cards=plan.totals.cards,
            stock=settings.blank_stock,
            left=settings.blank_stock - plan.totals.cards,
            reserve=settings.blank_reserve,
        ),
        "",
        f"{t('summary.teams', lang)}:",
    ]
    for team in district.teams:
        routes = [r for r in plan.routes if r.team == team.id]
        if not routes:
            continue
        lines.append(
            "  "
            + t(
                "summary.team_line",
                lang,
                team=f"{team.id} {team.name}",
                days=len(routes),
                stops=sum(len(r.stops) for r in routes),
                people=sum(r.people for r in routes),
                km=f"{sum(r.distance_km for r in routes):.1f}",
            )
        )
    lines.append("")
    return lines


def _unserved(plan: Plan, district: District, public: RenderContext) -> list[str]:
    """The unserved sites with their reasons, the first ``MAX_UNSERVED_LINES`` of them."""
    lang = plan.language
    sites = district.site_index()
    lines = [
        t(
            "summary.unserved",
            lang,
            count=len(plan.unserved),
            backlog=f"{sum(u.backlog for u in plan.unserved):,}",
        )
    ]
    for u in plan.unserved[:MAX_UNSERVED_LINES]:
        label = public.place(u.site) if u.site in sites else u.site
        lines.append(f"  - {label} [{u.site}, {u.backlog}]: {u.reason}")
    if len(plan.unserved) > MAX_UNSERVED_LINES:
        lines.append(
            "  " + t("summary.unserved_more", lang, count=len(plan.unserved) - MAX_UNSERVED_LINES)
        )
    return lines
