"""The plan's summary: what the terminal shows and ``summary.txt`` keeps (no personal data)."""

from __future__ import annotations

from collections import Counter

from planner.calendar import Week
from planner.coverage import CoverageReport, coverage_report, planned_people
from planner.i18n import long_date, number, percent, t
from planner.model import District, Plan, SiteKind
from planner.render._common import RenderContext, share_text

MAX_UNSERVED_LINES = 15


def _pct(part: float, whole: float, lang: str) -> str:
    return percent(100.0 * part / whole, lang) if whole else "–"


def _short(value: float, lang: str) -> str:
    """``1`` or ``1,3`` / ``1.3``: a setting as written, in the language's decimal mark."""
    return number(value, lang, 0 if value == int(value) else 1)


def summary_text(plan: Plan, district: District) -> str:
    """The human summary of ``plan``: people by kind and kecamatan, cards, teams, unserved."""
    # The renderers' public names and places: one definition of what may be shown of a site.
    public = RenderContext(plan, district, plan.language)
    lines = _header(plan, district, public)
    lines += _people(plan, district)
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
        detour = _short(district.settings.detour_factor, lang)
        lines = [t("summary.travel_estimate", lang, detour=detour)]
    for joins in plan.road_joins:
        longest = ""
        if joins.longest:
            place = public.join_place(joins.longest)
            km = number(joins.longest_km or 0.0, lang, 1)
            longest = t("summary.longest", lang, place=place, km=km)
        lines.append(
            t(
                "summary.joins",
                lang,
                profile=t(f"render.vehicle.{joins.profile}", lang),
                direct=joins.direct,
                by_leg=joins.by_leg,
                estimated=joins.estimated,
                longest=longest,
                join=_short(district.settings.road_join_km, lang),
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
            stopped=_stopped(plan.solver.stopped_by, lang),
        ),
        *([t("summary.fallback", lang, note=plan.solver.fallback)] if plan.solver.fallback else []),
        *(
            [t("summary.time_limit", lang, seconds=f"{plan.solver.time_limit_s:g}")]
            if plan.solver.stopped_by == "time_limit"
            else []
        ),
        "",
    ]


def _people(plan: Plan, district: District) -> list[str]:
    """People planned: in all and by kind of site, then coverage by kecamatan."""
    lang = plan.language
    report = coverage_report(district, planned_people(plan))
    backlog = {
        SiteKind.VILLAGE: report.total.backlog,
        SiteKind.SCHOOL: sum(s.students for s in district.schools),
        SiteKind.HOMEBOUND: len(district.homebound),
    }
    # Students and homebound residents are part of their village's backlog: the total is the
    # villages' backlog alone (planner.coverage).
    total_backlog = report.total.backlog
    lines = [
        t(
            "summary.people",
            lang,
            people=number(plan.totals.people, lang),
            weighted=number(plan.totals.weighted_people, lang, 1),
            backlog=number(total_backlog, lang),
            share=_pct(plan.totals.people, total_backlog, lang),
        )
    ]
    by_kind: Counter[SiteKind] = Counter()
    for _, stop in plan.stops():
        by_kind[stop.kind] += stop.people
    lines.append(f"  {t('summary.by_kind', lang)}:")
    for kind in SiteKind:
        lines.append(
            f"    {t(f'kind.{kind}', lang):<14} {number(by_kind[kind], lang):>6} / "
            f"{number(backlog[kind], lang):>7}  ({_pct(by_kind[kind], backlog[kind], lang)})"
        )
    lines += coverage_lines(report, lang)
    beyond = plan.totals.people - report.total.planned
    if beyond > 0:
        lines.append("  " + t("coverage.beyond", lang, people=number(beyond, lang)))
    lines.append("")
    return lines


def coverage_lines(report: CoverageReport, lang: str) -> list[str]:
    """The kecamatan coverage table of ``planner.coverage`` (the figures ``coverage.html``
    and ``planner status`` show): obliged, backlog, recorded, planned, coverage now → after."""
    keys = ("kecamatan", "obliged", "backlog", "recorded", "planned")
    heads = [t(f"status.col.{k}", lang) for k in keys]
    now_after = f"{t('status.col.coverage_now', lang)} → {t('status.col.coverage_after', lang)}"
    lines = [
        f"  {t('coverage.summary_title', lang)}:",
        f"    {heads[0]:<24}" + "".join(f" {h:>12}" for h in heads[1:]) + f"  {now_after}",
    ]
    for row in (*report.kecamatan, report.total):
        name = row.name if row.level == "kecamatan" else t("status.total", lang, name=row.name)
        counts = (row.obliged, row.backlog, row.recorded, row.planned)
        lines.append(
            f"    {name:<24}"
            + "".join(f" {number(c, lang):>12}" for c in counts)
            + f"  {_share(row.coverage_now, lang)} → {_share(row.coverage_after, lang)}"
        )
    return lines


def _share(share: float | None, lang: str) -> str:
    return "–" if share is None else percent(100.0 * share, lang)


def _cards_and_teams(plan: Plan, district: District) -> list[str]:
    """Cards against the blank stock, then one line per team with routes."""
    lang = plan.language
    settings = district.settings
    lines = [
        t(
            "summary.cards",
            lang,
            cards=number(plan.totals.cards, lang),
            stock=number(settings.blank_stock, lang),
            left=number(settings.blank_stock - plan.totals.cards, lang),
            reserve=number(settings.blank_reserve, lang),
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
                people=number(sum(r.people for r in routes), lang),
                km=number(sum(r.distance_km for r in routes), lang, 1),
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
            backlog=number(sum(u.backlog for u in plan.unserved), lang),
        )
    ]
    for u in plan.unserved[:MAX_UNSERVED_LINES]:
        label = public.place(u.site) if u.site in sites else u.site
        lines.append(f"  - {label} [{u.site}, {number(u.backlog, lang)}]: {u.reason}")
    if len(plan.unserved) > MAX_UNSERVED_LINES:
        lines.append(
            "  " + t("summary.unserved_more", lang, count=len(plan.unserved) - MAX_UNSERVED_LINES)
        )
    return lines


def _stopped(stopped_by: str, lang: str) -> str:
    """What ended the search, in words (plan.json keeps the code)."""
    known = ("local_optimum", "solution_limit", "time_limit", "empty")
    return t(f"summary.stopped.{stopped_by}", lang) if stopped_by in known else stopped_by or "-"
