"""Printers and cards on a replan: kept stops keep their times but not their cards, so freed
printers and blanks go where they print most; and the changes.txt sections that say who hands
a printer to whom and which team has new or moved stops."""

from __future__ import annotations

import datetime as dt
import types
from dataclasses import replace

import pytest

from planner.calendar import Week
from planner.check import check_plan
from planner.model import Plan, Route, SiteKind, SolverInfo, Stop, stop_minutes, totals_of
from planner.render.replan_notes import Handover, printer_handovers, replan_notes
from planner.solve import plan_week, printers
from planner.solve.replan import replan_week
from planner.solve.timing import DraftStop
from planner.travel.haversine import StraightLineTravel
from tests import districts as D  # noqa: N812

VILLAGE, SCHOOL = SiteKind.VILLAGE, SiteKind.SCHOOL


def kept(site: str, kind: SiteKind, people: int, cards: int, minutes: int) -> DraftStop:
    """A kept stop of ``people`` lasting ``minutes`` that printed ``cards`` before."""
    stop = Stop(site, kind, 480, 480, 480 + minutes, people, cards)
    return DraftStop(site, kind, 0, [people], locked=stop)


def setup(kits: int = 1) -> tuple[object, object]:
    """The mixed district with one printer and 100 blanks; two routes on Monday."""
    base = D.mixed()
    district = D.district(
        base.villages, base.teams, schools=base.schools, homebound=base.homebound,
        printers=1, blank_stock=100, blank_reserve=0,
    )  # fmt: skip
    team = types.SimpleNamespace(kits=kits)
    model = types.SimpleNamespace(
        team_days=[types.SimpleNamespace(date=D.MONDAY, team=team) for _ in range(2)]
    )
    return district, model


def test_a_kept_stop_gives_up_its_printer_to_a_new_stop_that_prints_more() -> None:
    """One printer: the kept stop printed 1 card before, a new school stop of 30 on another
    route would print 30; the printer goes to the school (the issue's Thursday case)."""
    district, model = setup()
    v = f"village:{D.mixed().villages[0].code}"
    s = f"school:{D.mixed().schools[0].npsn}"
    drafts = [[kept(v, VILLAGE, 2, 1, 60)], [DraftStop(s, SCHOOL, 0, [30])]]
    carried = printers.assign_printers(district, model, drafts)  # type: ignore[arg-type]
    assert carried == [False, True]
    assert drafts[0][0].cards == 0
    assert drafts[1][0].cards == min(30, D.mixed().schools[0].printable or 30)


def test_a_kept_stop_prints_no_more_than_its_fixed_duration_holds() -> None:
    """A kept stop of 20 people in 50 minutes with four kits (setup 20 + recording 30): a
    printer may give it cards (it had none), but only the 12 that fit 50 minutes by rule 4
    (6 + 12 × 2 = 30 minutes of printing)."""
    district, model = setup(kits=4)
    v = f"village:{D.mixed().villages[0].code}"
    drafts = [[kept(v, VILLAGE, 20, 0, 50)], []]
    carried = printers.assign_printers(district, model, drafts)  # type: ignore[arg-type]
    assert carried[0]
    assert drafts[0][0].cards == 12
    settings = district.settings  # type: ignore[attr-defined]
    assert stop_minutes(20, 12, 4, settings) == 50 < stop_minutes(20, 13, 4, settings)


def test_on_a_tie_the_printer_stays_with_the_route_that_had_it() -> None:
    """Two kept village stops of equal value, one printer: it stays where it was."""
    district, model = setup()
    villages = D.mixed().villages
    for first in (0, 1):
        drafts = [
            [kept(f"village:{villages[0].code}", VILLAGE, 5, 5 if first == 0 else 0, 60)],
            [kept(f"village:{villages[1].code}", VILLAGE, 5, 5 if first == 1 else 0, 60)],
        ]
        carried = printers.assign_printers(district, model, drafts)  # type: ignore[arg-type]
        assert carried == [first == 0, first == 1]


def test_heuristic_also_frees_kept_cards(monkeypatch: pytest.MonkeyPatch) -> None:
    """The large-week path (heuristic start) treats kept stops the same way."""
    district, model = setup()
    monkeypatch.setattr(printers, "EXACT_PRINTER_ROUTES", 0)
    v = f"village:{D.mixed().villages[0].code}"
    s = f"school:{D.mixed().schools[0].npsn}"
    drafts = [[kept(v, VILLAGE, 2, 1, 60)], [DraftStop(s, SCHOOL, 0, [30])]]
    choice = printers._printer_heuristic(district, model, drafts)  # type: ignore[arg-type]
    assert choice[0] == {1}
    carried = printers.assign_printers(district, model, drafts)  # type: ignore[arg-type]
    assert carried == [False, True]


def test_replan_on_a_small_district_uses_freed_cards_and_checks() -> None:
    """A team off from Wednesday: the new plan obeys every rule (cards within each school's
    printable students over the week, the blank budget, printers per date)."""
    district = D.mixed()
    travel = StraightLineTravel(district.settings)
    old = plan_week(district, Week.parse(D.WEEK), travel, solution_limit=100)
    wednesday = D.MONDAY + dt.timedelta(days=2)
    new, _ = replan_week(district, old, wednesday, travel, without_teams=["T1"])
    assert check_plan(new, district, travel) == []


def route(team: str, day: int, printer: bool, blanks: int, depart: int = 450) -> Route:
    stops = (Stop("village:1", VILLAGE, depart + 30, depart + 30, depart + 90, 10, blanks),)
    return Route(
        team, D.MONDAY + dt.timedelta(days=day), printer, blanks, depart, 900, 10, 5.0, stops
    )


def plan_of(*routes: Route) -> Plan:
    solver = SolverInfo("ortools", 10.0, 0)
    return Plan("X", D.WEEK, "", solver, routes, (), totals_of(routes, {VILLAGE: 1.0}))


def test_printer_handovers_pair_givers_and_takers_per_day() -> None:
    """Wednesday T2's printer goes to T3; Thursday T1 keeps it with fewer blanks and T2's
    goes back to the office; Tuesday (before --from) is not listed."""
    old = plan_of(
        route("T2", 1, True, 8), route("T2", 2, True, 9), route("T3", 2, False, 0),
        route("T1", 3, True, 10), route("T2", 3, True, 7),
    )  # fmt: skip
    new = plan_of(
        route("T3", 1, False, 0), route("T3", 2, True, 6, depart=460), route("T1", 3, True, 4),
    )  # fmt: skip
    moves = printer_handovers(old, new, D.MONDAY + dt.timedelta(days=2))
    wed, thu = D.MONDAY + dt.timedelta(days=2), D.MONDAY + dt.timedelta(days=3)
    assert moves == [
        Handover(wed, "T2", "T3", 6, 9, 460),
        Handover(thu, "T2", None, 0, 7, None),
        Handover(thu, "T1", "T1", 4, 10, 450),
    ]


def test_changes_text_sections_name_teams_handovers_and_places() -> None:
    """The per-team section lists T3's moved stop with where it was before and T2's lost
    stop; the printer section says T2 hands the printer to T3 at the office before T3 leaves,
    in the plan's language."""
    from planner.solve.replan import Change, Slot

    district = D.district(D.mixed().villages, (D.team("T2"), D.team("T3")), office_name="Kantor X")
    wed = D.MONDAY + dt.timedelta(days=2)
    old = plan_of(route("T2", 2, True, 9))
    new = replace(plan_of(route("T3", 2, True, 6, depart=460)), language="en")
    changes = [
        Change("moved", "village:1", Slot("T2", wed, 480, 540, 10), Slot("T3", wed, 490, 550, 10))
    ]
    text = replan_notes(old, new, wed, changes, district, {"village:1": "Desa Satu"})
    assert "By team:" in text
    assert "Tim T3: new or moved stops (1)" in text
    moved = "Wednesday 2026-12-02 08:10–09:10 Desa Satu (10 people) — was Tim T2, Wednesday"
    assert f"{moved} 2026-12-02 08:00–09:00" in text
    assert "Tim T2: no longer visits (1): Desa Satu" in text
    handover = "Wednesday 2026-12-02: Tim T2 hands the printer to Tim T3 (6 blanks)"
    assert f"{handover}, at Kantor X, before leaving at 07:40" in text
    indonesian = replan_notes(old, replace(new, language="id"), wed, changes, district, {})
    assert (
        "Tim T2 menyerahkan printer kepada Tim T3 (6 blanko), di Kantor X, sebelum berangkat 07:40"
        in indonesian
    )
