"""``changes.txt``'s "whom to call" section after a replan: for every village and school whose
visit moved, was dropped or was added, the head's or school's contact with phone numbers; for
a homebound resident only that the team calls (``changes.txt`` is an office document: no
resident's name, address or phone); and the teams whose schedules changed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from planner.i18n import t
from planner.model import Homebound, SiteKind
from planner.render import RenderContext
from planner.render.contacts import public_contact
from planner.solve.replan import Change


def _teams_of(changes: Sequence[Change]) -> tuple[list[str], list[str]]:
    """The teams that had the site's changed visits, and those that have them now."""
    before = sorted({c.old.team for c in changes if c.old is not None})
    after = sorted({c.new.team for c in changes if c.new is not None})
    return before, after


def _site_line(ctx: RenderContext, site_id: str, changes: Sequence[Change]) -> str:
    """``Desa Air Bang: kepala desa / kasi pemerintahan: Pak …, telp. 0812… (tim T2 → T1)``."""
    lang = ctx.lang
    before, after = _teams_of(changes)
    site = ctx.site(site_id)
    if isinstance(site, Homebound):
        if after:
            who = t("contacts.resident_call", lang, team=", ".join(after))
        else:
            who = t("contacts.resident_no_team", lang)
        return f"  - {ctx.place(site_id)}: {who}"
    role = ctx.contact_role(site_id)
    contact = public_contact(site, lang)
    if contact:
        who = f"{role}: {contact}"
    else:
        kind = "school" if site is not None and site.site_kind is SiteKind.SCHOOL else "village"
        who = t(f"contacts.no_phone.{kind}", lang, role=role)
    if not after:
        teams = t("contacts.teams_dropped", lang, teams=", ".join(before))
    elif before and before != after:
        teams = t("contacts.teams_of_site", lang, teams=f"{', '.join(before)} → {', '.join(after)}")
    else:
        teams = t("contacts.teams_of_site", lang, teams=", ".join(after))
    return f"  - {ctx.place(site_id)}: {who} ({teams})"


_COUNTS = ("moved", "moved_in", "moved_out", "added", "dropped")


def _team_counts(changes: Sequence[Change]) -> dict[str, Counter[str]]:
    """Per team: visits rescheduled within the team, moved in from or out to another team,
    added and dropped."""
    counts: dict[str, Counter[str]] = {}
    for c in changes:
        old, new = c.old, c.new
        if old is not None and new is not None and old.team == new.team:
            counts.setdefault(old.team, Counter())["moved"] += 1
            continue
        if old is not None:
            kind = "moved_out" if new is not None else "dropped"
            counts.setdefault(old.team, Counter())[kind] += 1
        if new is not None:
            kind = "moved_in" if old is not None else "added"
            counts.setdefault(new.team, Counter())[kind] += 1
    return counts


def _team_lines(ctx: RenderContext, changes: Sequence[Change]) -> list[str]:
    """One line per team with changed visits, in the district's team order."""
    counts = _team_counts(changes)
    lines = []
    for team_id, info in ctx.teams.items():
        count = counts.get(team_id)
        if count:
            parts = [
                t(f"contacts.count.{k}", ctx.lang, count=count[k]) for k in _COUNTS if count[k]
            ]
            lines.append(f"  - {info.label}: {', '.join(parts)}")
    return lines


def call_list_text(changes: Sequence[Change], ctx: RenderContext) -> str:
    """The section's text ('' when nothing changed): whom to call, then which teams."""
    by_site: dict[str, list[Change]] = {}
    for change in changes:
        by_site.setdefault(change.site, []).append(change)
    if not by_site:
        return ""
    sites = sorted(by_site, key=lambda s: (ctx.place(s).casefold(), s))
    lines = ["", t("contacts.call_title", ctx.lang, count=len(sites))]
    lines += [_site_line(ctx, site, by_site[site]) for site in sites]
    teams = _team_lines(ctx, changes)
    lines += ["", t("contacts.teams_title", ctx.lang, count=len(teams)), *teams]
    return "\n".join(lines) + "\n"
