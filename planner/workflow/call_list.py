"""``changes.txt``'s "whom to call" section after a replan: for every village and school whose
visit moved, was dropped or was added, the head's or school's contact with phone numbers; for
a homebound resident only that the team calls (``changes.txt`` is an office document: no
resident's name, address or phone). Which team's stops changed is told per team by
``planner.render.replan_notes``.
"""

from __future__ import annotations

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


def call_list_text(changes: Sequence[Change], ctx: RenderContext) -> str:
    """The section's text ('' when nothing changed): whom to call."""
    by_site: dict[str, list[Change]] = {}
    for change in changes:
        by_site.setdefault(change.site, []).append(change)
    if not by_site:
        return ""
    sites = sorted(by_site, key=lambda s: (ctx.place(s).casefold(), s))
    lines = ["", t("contacts.call_title", ctx.lang, count=len(sites))]
    lines += [_site_line(ctx, site, by_site[site]) for site in sites]
    return "\n".join(lines) + "\n"
