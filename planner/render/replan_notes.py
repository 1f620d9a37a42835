"""Two sections of ``changes.txt`` after a replan: which team has new or moved stops (a list
per team), and who hands a printer to whom (team, day, place, blanks).

Kept apart from the change list itself (``solve.replan.changes_text``) and from whom to call,
so each part of changes.txt has one home. Sites are named by their public labels only (a
homebound stop is "lansia, Desa X", never the resident).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from planner.i18n import day_name, t
from planner.model import District, Plan, Team, fmt_hhmm

if TYPE_CHECKING:
    from planner.solve.replan import Change, Slot


@dataclass(frozen=True, slots=True)
class Handover:
    """One printer move on ``date`` compared with the plan being changed: ``giver`` (None: a
    printer no team carried that day) hands it to ``taker`` (None: back to the office);
    ``blanks`` the taker carries, or for a team that keeps its printer (giver == taker) its
    new number of blanks, ``before`` the old one."""

    date: dt.date
    giver: str | None
    taker: str | None
    blanks: int
    before: int
    depart: int | None


def _carriers(plan: Plan, date: dt.date) -> dict[str, tuple[int, int]]:
    """Teams carrying a printer on ``date``: (blanks, departure)."""
    return {r.team: (r.blanks, r.depart) for r in plan.routes if r.date == date and r.printer}


def printer_handovers(old: Plan, new: Plan, from_date: dt.date) -> list[Handover]:
    """Every printer that changes hands (or blanks that change) from ``from_date`` on."""
    dates = sorted({r.date for p in (old, new) for r in p.routes if r.date >= from_date})
    moves: list[Handover] = []
    for date in dates:
        before, after = _carriers(old, date), _carriers(new, date)
        givers = sorted(set(before) - set(after))
        takers = sorted(set(after) - set(before))
        for i in range(max(len(givers), len(takers))):
            giver = givers[i] if i < len(givers) else None
            taker = takers[i] if i < len(takers) else None
            blanks, depart = after[taker] if taker else (0, None)
            moves.append(
                Handover(date, giver, taker, blanks, before.get(giver or "", (0,))[0], depart)
            )
        for team in sorted(set(before) & set(after)):
            if before[team][0] != after[team][0]:
                moves.append(
                    Handover(date, team, team, after[team][0], before[team][0], after[team][1])
                )
    return moves


def _place(team: Team | None, district: District, depart: int | None, lang: str) -> str:
    """Where the printer waits: the office, or the giving team's base; and by when."""
    if team is None or team.base_is_office:
        where = t("replan.place_office", lang, office=district.settings.office_name)
    else:
        lat, lon = f"{team.base_lat:.4f}", f"{team.base_lon:.4f}"
        where = t("replan.place_base", lang, team=team.name or team.id, lat=lat, lon=lon)
    if depart is None:
        return where
    return f"{where}, {t('replan.place_before', lang, time=fmt_hhmm(depart))}"


def handover_lines(moves: Sequence[Handover], district: District, lang: str) -> list[str]:
    """The printer section of changes.txt."""
    if not moves:
        return ["", t("replan.printers_same", lang)]
    teams = {team.id: team for team in district.teams}

    def name(team_id: str) -> str:
        return teams[team_id].name if team_id in teams else team_id

    lines = ["", t("replan.printers", lang)]
    for move in moves:
        day = f"{day_name(move.date, lang)} {move.date.isoformat()}"
        where = _place(teams.get(move.giver or ""), district, move.depart, lang)
        if move.giver and move.giver == move.taker:
            key, values = "replan.printer_blanks", {"team": name(move.giver)}
        elif move.giver and move.taker:
            key = "replan.printer_handover"
            values = {"giver": name(move.giver), "taker": name(move.taker), "place": where}
        elif move.taker:
            key, values = "replan.printer_spare", {"taker": name(move.taker), "place": where}
        else:
            office = _place(None, district, None, lang)
            key, values = "replan.printer_back", {"giver": name(move.giver or ""), "place": office}
        text = t(key, lang, blanks=move.blanks, before=move.before, **values)
        lines.append(f"  {day}: {text}")
    return lines


def _when(slot: Slot, lang: str) -> str:
    return (
        f"{day_name(slot.date, lang)} {slot.date.isoformat()} "
        f"{fmt_hhmm(slot.start)}–{fmt_hhmm(slot.end)}"
    )


def team_lines(
    changes: Sequence[Change], district: District, labels: Mapping[str, str], lang: str
) -> list[str]:
    """Per team: its new or moved stops (with where they were before) and the stops it no
    longer makes; teams without a change are left out."""
    lines: list[str] = []
    names = {team.id: team.name or team.id for team in district.teams}
    for team in district.teams:
        gets = sorted(
            ((c.new, c) for c in changes if c.new is not None and c.new.team == team.id),
            key=lambda pair: (pair[0].date, pair[0].start),
        )
        loses = {
            labels.get(c.site, c.site)
            for c in changes
            if c.old is not None
            and c.old.team == team.id
            and (c.new is None or c.new.team != team.id)
        }
        name = team.name or team.id
        if gets:
            lines.append(t("replan.team_new", lang, team=name, count=len(gets)))
        for slot, c in gets:
            item = t(
                "replan.team_item",
                lang,
                when=_when(slot, lang),
                site=labels.get(c.site, c.site),
                people=slot.people,
            )
            if c.old is not None:
                was = names.get(c.old.team, c.old.team)
                item += " " + t("replan.team_before", lang, team=was, when=_when(c.old, lang))
            lines.append(f"    - {item}")
        if loses:
            sites = "; ".join(sorted(loses))
            lines.append(t("replan.team_lost", lang, team=name, count=len(loses), sites=sites))
    return ["", t("replan.teams", lang), *lines] if lines else []


def replan_notes(
    old: Plan,
    new: Plan,
    from_date: dt.date,
    changes: Sequence[Change],
    district: District,
    labels: Mapping[str, str],
) -> str:
    """The per-team and printer sections of changes.txt, in the new plan's language."""
    lang = new.language
    lines = team_lines(changes, district, labels, lang)
    lines += handover_lines(printer_handovers(old, new, from_date), district, lang)
    return "\n".join(lines) + "\n"
