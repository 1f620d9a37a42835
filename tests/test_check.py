"""The independent checker of the SPEC's hard rules (``planner.check``) and ``planner check``.

One tiny district built from the model classes and one hand-made valid plan (week 2026-W48,
travel from the straight-line estimate); each test breaks exactly one rule and asserts that
rule, and only it, is reported in a readable line.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib.util
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.check import Violation, check_plan, plan_warnings, require_valid
from planner.cli import cli
from planner.cli._common import run_guarded
from planner.errors import PlanCheckError
from planner.io.plan_json import plan_to_json
from planner.model import (
    DateOverride,
    District,
    Holiday,
    Homebound,
    HomeboundCategory,
    Plan,
    Route,
    School,
    Settings,
    Shift,
    SiteKind,
    SolverInfo,
    Stop,
    Team,
    TimeWindow,
    Unserved,
    VehicleProfile,
    Village,
    WeeklyWindow,
    parse_hhmm,
    totals_of,
)
from planner.travel import LatLon, Matrices, TravelModel
from planner.travel.haversine import StraightLineTravel
from tests.fakes import CutTravel

pytestmark = pytest.mark.usefixtures("english_messages")  # pins English wording

MON = dt.date(2026, 11, 23)
TUE = dt.date(2026, 11, 24)
WED = dt.date(2026, 11, 25)
THU = dt.date(2026, 11, 26)
FRI = dt.date(2026, 11, 27)

V1 = "village:17.02.01.2001"
V2 = "village:17.02.01.2002"
V3 = "village:17.02.01.2003"
S1 = "school:10700670"
H1 = "homebound:H1"


def t(text: str) -> int:
    """``HH:MM`` → minutes, to keep the fixture readable."""
    return parse_hhmm(text)


def window(start: str, end: str) -> TimeWindow:
    return TimeWindow(t(start), t(end))


def make_district() -> District:
    """Three villages (two windows with a gap; a date override; no head at all), a school with
    a closed date, a resident with a window, a car team with 2 kits and a motorbike team with
    its own base, one holiday, one printer and a blank budget of 80."""
    settings = Settings(
        name="Test Kabupaten",
        office_name="Dinas Dukcapil",
        office_lat=-3.47,
        office_lon=102.52,
        printers=1,
        blank_stock=100,
        blank_reserve=20,
    )
    villages = (
        Village(
            code="17.02.01.2001",
            name="Air Bang",
            district="Curup",
            kind="desa",
            lat=-3.50,
            lon=102.52,
            obliged=900,
            backlog=40,
            head_weekly=(
                WeeklyWindow(0, window("08:00", "10:00")),
                WeeklyWindow(0, window("11:00", "14:00")),
                WeeklyWindow(1, window("08:00", "12:00")),
            ),
        ),
        Village(
            code="17.02.01.2002",
            name="Talang Rimbo",
            district="Curup",
            kind="kelurahan",
            lat=-3.52,
            lon=102.55,
            obliged=2000,
            backlog=100,
            preregistered=25,
            head_weekly=(
                WeeklyWindow(0, window("08:00", "14:00")),
                WeeklyWindow(1, window("08:00", "14:00")),
            ),
            head_overrides=(DateOverride(THU, True, window("09:00", "11:00")),),
        ),
        Village(
            code="17.02.01.2003",
            name="Dusun Curup",
            district="Curup",
            kind="desa",
            lat=-3.48,
            lon=102.60,
            obliged=300,
            backlog=12,
        ),
    )
    school = School(
        npsn="10700670",
        name="SMAN 1 Rejang Lebong",
        village_code="17.02.01.2002",
        lat=-3.51,
        lon=102.54,
        students=60,
        printable=10,
        closed=frozenset({FRI}),
    )
    resident = Homebound(
        id="H1",
        category=HomeboundCategory.ELDERLY,
        village_code="17.02.01.2001",
        lat=-3.49,
        lon=102.53,
        window=window("14:00", "16:00"),
        name="Ibu Contoh",
        nik="1702010101010001",
    )
    teams = (
        Team(
            id="T1",
            name="Tim 1",
            vehicle=VehicleProfile.CAR,
            kits=2,
            shifts=(
                Shift(frozenset(range(5)), window("08:00", "15:00")),
                Shift(frozenset({5}), window("08:00", "12:00")),
            ),
            base_lat=-3.47,
            base_lon=102.52,
        ),
        Team(
            id="T2",
            name="Tim 2",
            vehicle=VehicleProfile.MOTORBIKE,
            kits=1,
            shifts=(Shift(frozenset(range(5)), window("07:30", "16:00")),),
            base_lat=-3.45,
            base_lon=102.50,
            base_is_office=False,
        ),
    )
    return District(
        settings=settings,
        villages=villages,
        schools=(school,),
        homebound=(resident,),
        teams=teams,
        holidays=(Holiday(WED, "Libur daerah"),),
        inputs_sha256="a" * 64,
    )


def stop(site: str, arrive: str, start: str, end: str, people: int, cards: int = 0) -> Stop:
    return Stop(
        site=site,
        kind=SiteKind(site.split(":")[0]),
        arrive=t(arrive),
        start=t(start),
        end=t(end),
        people=people,
        cards=cards,
    )


# Travel (straight line × 1.4; car 35 km/h, motorbike 40 km/h), rounded up per leg:
#   office→S1 12 min 6.96 km, S1→V1 6 min 3.48 km, V1→H1 4 min 2.20 km, H1→office 6 min 3.48 km
#   T2 base→V2 21 min 13.38 km (motorbike), office→V2 16 min 9.07 km (car)
ROUTE_A = Route(
    team="T1",
    date=MON,
    printer=True,
    blanks=20,
    depart=t("08:30"),
    return_=t("14:40"),
    travel_minutes=28,
    distance_km=16.1,
    stops=(
        stop(S1, "08:45", "08:45", "10:45", 30, 8),  # needs 20 + 30×6/2 = 110 min
        stop(V1, "10:55", "11:00", "12:30", 20, 10),  # needs 20 + 20×6/2 = 80 min
        stop(H1, "12:40", "14:00", "14:30", 1, 1),  # needs 20 + max(3, 6 + 2) = 28 min
    ),
)
ROUTE_B = Route(
    team="T2",
    date=MON,
    printer=False,
    blanks=0,
    depart=t("07:45"),
    return_=t("11:05"),
    travel_minutes=42,
    distance_km=26.8,
    stops=(stop(V2, "08:10", "08:10", "10:40", 20),),  # needs 20 + 20×6/1 = 140 min
)
ROUTE_C = Route(
    team="T1",
    date=THU,
    printer=False,
    blanks=0,
    depart=t("09:00"),
    return_=t("10:20"),
    travel_minutes=32,
    distance_km=18.1,
    stops=(stop(V2, "09:20", "09:20", "10:00", 5),),  # the override window 09:00-11:00
)


def make_plan(routes: Sequence[Route] = (ROUTE_A, ROUTE_B, ROUTE_C), **changes: object) -> Plan:
    """The valid plan (or ``routes`` in its place), totals recomputed, ``changes`` applied."""
    district = make_district()
    plan = Plan(
        district="Test Kabupaten",
        week="2026-W48",
        inputs_sha256="a" * 64,
        solver=SolverInfo(engine="hand", time_limit_s=0, seed=0),
        routes=tuple(routes),
        unserved=(Unserved(V3, 12, "no village head availability", "no_head"),),
        totals=totals_of(tuple(routes), district.settings.weights),
    )
    return dataclasses.replace(plan, **changes)  # type: ignore[arg-type]


def replace_stop(route: Route, index: int, **changes: object) -> Route:
    stops = list(route.stops)
    stops[index] = dataclasses.replace(stops[index], **changes)  # type: ignore[arg-type]
    return dataclasses.replace(route, stops=tuple(stops))


def check(plan: Plan, district: District | None = None) -> list[Violation]:
    district = district or make_district()
    return check_plan(plan, district, StraightLineTravel(district.settings))


def rules(violations: list[Violation]) -> set[int]:
    return {v.rule for v in violations}


def only(violations: list[Violation], rule: int) -> Violation:
    """The single violation, asserting it is of ``rule``."""
    assert [v.rule for v in violations] == [rule], [str(v) for v in violations]
    return violations[0]


# --------------------------------------------------------------------------------------------
# The valid plan


def test_valid_plan_has_no_violations() -> None:
    """The hand-made plan obeys every rule, including a site exactly at its pre-registered cap,
    a stop waiting for its window, and the date-override window."""
    assert check(make_plan()) == []
    require_valid(make_plan(), make_district(), StraightLineTravel(make_district().settings))


def test_empty_plan_has_no_violations() -> None:
    """A week with no routes breaks nothing."""
    assert check(make_plan(routes=())) == []


def test_require_valid_raises_plan_check_error_listing_violations() -> None:
    """The solver's guard raises PlanCheckError (exit 1) with one line per violation."""
    plan = make_plan(routes=(dataclasses.replace(ROUTE_B, depart=t("07:00")), ROUTE_A, ROUTE_C))
    district = make_district()
    with pytest.raises(PlanCheckError) as err:
        require_valid(plan, district, StraightLineTravel(district.settings))
    assert err.value.exit_code == 1
    assert err.value.violations == (
        "rule 2: T2 2026-11-23: departs 07:00, before the team's hours 07:30-16:00",
    )


# --------------------------------------------------------------------------------------------
# Rule 1


def test_rule1_stop_outside_head_window() -> None:
    """A village visit starting in the gap between the head's two windows is rule 1."""
    route = replace_stop(ROUTE_A, 1, start=t("10:58"))
    v = only(check(make_plan(routes=(route, ROUTE_B, ROUTE_C))), 1)
    assert (v.team, v.date, v.site) == ("T1", MON, V1)
    assert str(v) == (
        "rule 1: T1 2026-11-23: village:17.02.01.2001 visited 10:58-12:30, outside the village "
        "head's windows on Mon 2026-11-23: 08:00-10:00, 11:00-14:00"
    )


def test_rule1_stop_spanning_two_windows() -> None:
    """A stop must fit inside one window, not straddle a gap between two."""
    # office→V1 takes 9 min (4.67 km) each way.
    spanning = Route(
        "T1",
        MON,
        False,
        0,
        t("08:45"),
        t("12:39"),
        18,
        9.3,
        (stop(V1, "09:00", "09:00", "12:30", 20),),
    )
    v = only(check(make_plan(routes=(spanning,))), 1)
    assert v.message.endswith(
        "outside the village head's windows on Mon 2026-11-23: 08:00-10:00, 11:00-14:00"
    )


def test_rule1_head_unavailable_on_date() -> None:
    """An override saying the head is away wins over the weekly rows."""
    district = make_district()
    v2 = district.villages[1]
    v2 = dataclasses.replace(v2, head_overrides=(*v2.head_overrides, DateOverride(MON, False)))
    district = dataclasses.replace(
        district, villages=(district.villages[0], v2, *district.villages[2:])
    )
    v = only(check(make_plan(), district), 1)
    assert str(v) == (
        "rule 1: T2 2026-11-23: village:17.02.01.2002 visited 08:10-10:40, but the village head "
        "is not available on Mon 2026-11-23"
    )


def test_rule1_school_visited_on_closed_date() -> None:
    """A school's closed date (exams) is rule 1 even on an open weekday."""
    district = make_district()
    school = dataclasses.replace(district.schools[0], closed=frozenset({MON}))
    v = only(check(make_plan(), dataclasses.replace(district, schools=(school,))), 1)
    assert str(v) == (
        "rule 1: T1 2026-11-23: school:10700670 visited on Mon 2026-11-23, a day the school is "
        "closed"
    )


def test_rule1_school_outside_hours() -> None:
    """A school visit running past school hours is rule 1."""
    district = make_district()
    school = dataclasses.replace(district.schools[0], hours=window("07:30", "10:30"))
    v = only(check(make_plan(), dataclasses.replace(district, schools=(school,))), 1)
    assert "outside school hours 07:30-10:30" in v.message


def test_rule1_resident_outside_window() -> None:
    """A home visit outside the resident's window is rule 1."""
    route = replace_stop(ROUTE_A, 2, start=t("13:00"), end=t("13:30"))
    v = only(check(make_plan(routes=(route, ROUTE_B, ROUTE_C))), 1)
    assert (
        v.message == "homebound:H1 visited 13:00-13:30, outside the resident's window 14:00-16:00"
    )


def test_rule1_unknown_site() -> None:
    """A stop at a site the district does not have is rule 1 (and nothing else crashes)."""
    route = replace_stop(ROUTE_C, 0, site="village:99.99.99.9999")
    v = only(check(make_plan(routes=(ROUTE_A, ROUTE_B, route))), 1)
    assert v.message == "village:99.99.99.9999 is not a site of this district"


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_rule1_property_shift_into_head_gap_is_caught(data: st.DataObject) -> None:
    """Moving any village stop's start earlier to a minute outside every head window of that
    date is always reported as rule 1 for that stop."""
    district = make_district()
    plan = make_plan()
    places = [
        (r, s)
        for r in range(len(plan.routes))
        for s in range(len(plan.routes[r].stops))
        if plan.routes[r].stops[s].kind is SiteKind.VILLAGE
    ]
    r, s = data.draw(st.sampled_from(places))
    route = plan.routes[r]
    original = route.stops[s]
    windows = district.village(original.site.split(":")[1]).head_windows_on(route.date)
    new_start = data.draw(
        st.integers(0, original.start - 1).filter(
            lambda m: not any(w.start <= m < w.end for w in windows)
        )
    )
    shifted = replace_stop(route, s, start=new_start, arrive=min(original.arrive, new_start))
    routes = list(plan.routes)
    routes[r] = shifted
    found = check(make_plan(routes=routes), district)
    assert any(v.rule == 1 and v.site == original.site for v in found), [str(v) for v in found]


def test_rule1_school_on_a_holiday() -> None:
    """A school is not visited on a district holiday (rule 1 for the school, 2 for routes)."""
    district = dataclasses.replace(make_district(), holidays=(Holiday(MON, "Libur"),))
    found = check(make_plan(), district)
    assert [v.rule for v in found] == [1, 2, 2]
    assert found[0].message == "school:10700670 visited on Mon 2026-11-23, a holiday"


# --------------------------------------------------------------------------------------------
# Rule 2


def test_rule2_route_on_holiday() -> None:
    """No team works on a holiday."""
    district = make_district()
    district = dataclasses.replace(district, holidays=(Holiday(THU, "Cuti bersama"),))
    v = only(check(make_plan(), district), 2)
    assert str(v) == "rule 2: T1 2026-11-26: Thu 2026-11-26 is a holiday (Cuti bersama)"


def test_rule2_route_before_team_start() -> None:
    """Departing before the team's working hours is rule 2."""
    route = dataclasses.replace(ROUTE_B, depart=t("07:15"))
    v = only(check(make_plan(routes=(ROUTE_A, route, ROUTE_C))), 2)
    assert str(v) == "rule 2: T2 2026-11-23: departs 07:15, before the team's hours 07:30-16:00"


def test_rule2_route_after_team_end() -> None:
    """Coming back after the team's working hours is rule 2."""
    route = dataclasses.replace(ROUTE_A, return_=t("15:10"))
    v = only(check(make_plan(routes=(route, ROUTE_B, ROUTE_C))), 2)
    assert v.message == "returns 15:10, after the team's hours 08:00-15:00"


def test_rule2_team_off_that_weekday_and_unknown_team() -> None:
    """A team that does not work that weekday, or is not in the district, is rule 2."""
    sunday = dataclasses.replace(ROUTE_B, date=dt.date(2026, 11, 29), stops=())
    sunday = dataclasses.replace(sunday, travel_minutes=0, distance_km=0)
    assert only(check(make_plan(routes=(sunday,))), 2).message == "team T2 does not work on Sun"
    ghost = dataclasses.replace(ROUTE_C, team="T9")
    found = check(make_plan(routes=(ROUTE_A, ROUTE_B, ghost)))
    assert only(found, 2).message == "team T9 is not a team of this district"


def test_rule2_two_routes_for_one_team_on_one_date() -> None:
    """One route per team and date (the model refuses it; an edited object need not)."""
    plan = make_plan()
    second = dataclasses.replace(ROUTE_C, date=MON, stops=(), travel_minutes=0, distance_km=0)
    object.__setattr__(plan, "routes", (*plan.routes, second))
    v = only(check(plan), 2)
    assert str(v) == "rule 2: T1 2026-11-23: a second route for team T1 on this date"


def test_rule2_route_outside_plan_week() -> None:
    """Every route's date lies in the plan's ISO week."""
    found = check(make_plan(week="2026-W49"))
    assert rules(found) == {2}
    assert len(found) == 3
    assert found[0].message == "2026-11-23 is not in week 2026-W49"


# --------------------------------------------------------------------------------------------
# Rule 3


def test_rule3_too_little_travel_between_stops() -> None:
    """Arriving before the previous stop's end plus the (rounded-up) travel time is rule 3."""
    route = replace_stop(ROUTE_A, 1, arrive=t("10:50"))
    v = only(check(make_plan(routes=(route, ROUTE_B, ROUTE_C))), 3)
    assert str(v) == (
        "rule 3: T1 2026-11-23: 10:45 leave school:10700670 → 10:50 arrive "
        "village:17.02.01.2001, but travel takes 6 min"
    )
    assert v.site == V1


def test_rule3_too_little_travel_from_and_to_base() -> None:
    """The first leg from the base and the last leg home count too."""
    early = replace_stop(ROUTE_C, 0, arrive=t("09:10"))
    late = dataclasses.replace(ROUTE_B, return_=t("10:50"))
    found = check(make_plan(routes=(ROUTE_A, late, early)))
    assert [str(v) for v in found] == [
        "rule 3: T2 2026-11-23: 10:40 leave village:17.02.01.2002 → 10:50 return to base, but "
        "travel takes 21 min",
        "rule 3: T1 2026-11-26: 09:00 depart base → 09:10 arrive village:17.02.01.2002, but "
        "travel takes 16 min",
    ]


def test_rule3_exact_rounded_travel_passes() -> None:
    """Arriving exactly leave + ceil(travel) is allowed; one minute less is not."""
    exact = replace_stop(ROUTE_A, 1, arrive=t("10:51"), start=t("11:00"))
    assert check(make_plan(routes=(exact, ROUTE_B, ROUTE_C))) == []
    short = replace_stop(ROUTE_A, 1, arrive=t("10:50"))
    assert rules(check(make_plan(routes=(short, ROUTE_B, ROUTE_C)))) == {3}


def test_rule3_route_sums_must_match_legs() -> None:
    """travel_minutes and distance_km of a route must add up from its legs."""
    route = dataclasses.replace(ROUTE_A, travel_minutes=40, distance_km=30.0)
    found = check(make_plan(routes=(route, ROUTE_B, ROUTE_C)))
    assert [v.message for v in found] == [
        "travel_minutes is 40 but its 4 legs take 28 min",
        "distance_km is 30.0 but its 4 legs add up to 16.1 km",
    ]
    assert rules(found) == {3}


def test_rule3_unreachable_site() -> None:
    """A leg with no road (inf travel) is rule 3, never a pass."""
    district = make_district()
    travel: TravelModel = CutTravel(district.settings, points=[(-3.52, 102.55)])
    found = check_plan(make_plan(routes=(ROUTE_C,)), district, travel)
    assert [str(v) for v in found] == [
        "rule 3: T1 2026-11-26: no road from base to village:17.02.01.2002 for a car",
        "rule 3: T1 2026-11-26: no road from village:17.02.01.2002 to base for a car",
    ]


def test_matrices_are_computed_once_per_profile() -> None:
    """The checker asks the travel model for one matrix per vehicle profile, not per leg."""
    district = make_district()
    calls: list[tuple[int, VehicleProfile]] = []
    inner = StraightLineTravel(district.settings)

    class Counting:
        source = "estimate"

        def matrices(self, points: Sequence[LatLon], profile: VehicleProfile) -> Matrices:
            calls.append((len(points), profile))
            return inner.matrices(points, profile)

        def path(self, a: LatLon, b: LatLon, profile: VehicleProfile) -> list[LatLon]:
            return [a, b]

    assert check_plan(make_plan(), district, Counting()) == []
    assert sorted(calls) == [(6, VehicleProfile.CAR), (6, VehicleProfile.MOTORBIKE)]


# --------------------------------------------------------------------------------------------
# Rule 4


def test_rule4_stop_shorter_than_formula() -> None:
    """A stop shorter than setup + recording (+ printing) is rule 4, naming the numbers."""
    route = replace_stop(ROUTE_A, 2, end=t("14:20"))
    v = only(check(make_plan(routes=(route, ROUTE_B, ROUTE_C))), 4)
    assert str(v) == (
        "rule 4: T1 2026-11-23: homebound:H1 lasts 20 min (14:00-14:20), but 1 people and "
        "1 cards with 2 kit(s) need at least 28 min"
    )


def test_rule4_uses_the_teams_kits() -> None:
    """The same 80-minute visit of 20 people suits a 2-kit team but not a 1-kit team."""
    visit = stop(V2, "08:30", "08:30", "09:50", 20)
    car = Route("T1", TUE, False, 0, t("08:00"), t("10:06"), 32, 18.1, (visit,))
    assert check(make_plan(routes=(car,))) == []
    bike = Route("T2", TUE, False, 0, t("08:00"), t("10:11"), 42, 26.8, (visit,))
    v = only(check(make_plan(routes=(bike,))), 4)
    assert v.message.endswith("with 1 kit(s) need at least 140 min")


# --------------------------------------------------------------------------------------------
# Rule 5


def test_rule5_people_over_backlog() -> None:
    """People planned at a village over the week never exceed its backlog."""
    district = make_district()
    v1 = dataclasses.replace(district.villages[0], backlog=15)
    district = dataclasses.replace(district, villages=(v1, *district.villages[1:]))
    v = only(check(make_plan(), district), 5)
    assert str(v) == (
        "rule 5: village:17.02.01.2001: 20 people planned over the week, more than the backlog 15"
    )


def test_rule5_people_over_preregistered_summed_over_the_week() -> None:
    """Two visits of one village add up; the pre-registered count (25) caps them."""
    more = replace_stop(ROUTE_C, 0, people=6, end=t("10:05"))
    more = dataclasses.replace(more, return_=t("10:25"))
    v = only(check(make_plan(routes=(ROUTE_A, ROUTE_B, more))), 5)
    assert v.message == "26 people planned over the week, more than the pre-registered count 25"


def test_rule5_homebound_is_one_person() -> None:
    """A home visit records one resident."""
    district = make_district()
    found = check(make_plan(routes=(replace_stop(ROUTE_A, 2, people=2),)), district)
    assert only(found, 5).message == "2 people planned over the week, more than the one resident 1"


# --------------------------------------------------------------------------------------------
# Rule 6


def test_rule6_two_printers_on_one_date() -> None:
    """With one printer, two routes on a date cannot both carry one."""
    route = dataclasses.replace(ROUTE_B, printer=True)
    v = only(check(make_plan(routes=(ROUTE_A, route, ROUTE_C))), 6)
    assert str(v) == (
        "rule 6: 2026-11-23: 2 routes carry a printer (T1, T2), but the district owns 1"
    )


def test_rule6_cards_over_blank_budget() -> None:
    """Cards over the week never exceed blank_stock − blank_reserve."""
    district = make_district()
    district = dataclasses.replace(
        district, settings=dataclasses.replace(district.settings, blank_reserve=90)
    )
    v = only(check(make_plan(), district), 6)
    assert str(v) == (
        "rule 6: plan: 19 cards printed over the week, more than the blank budget 10 "
        "(blank_stock 100 − blank_reserve 90)"
    )


def test_rule6_cards_on_route_without_printer() -> None:
    """A hand-edited plan printing cards on a route without a printer is caught.

    ``Route`` refuses such a route, so the test edits one past its checks, as a buggy writer
    or hand-edited file could."""
    with_cards = replace_stop(dataclasses.replace(ROUTE_C, printer=True, blanks=3), 0, cards=3)
    object.__setattr__(with_cards, "printer", False)
    found = check(make_plan(routes=(ROUTE_A, ROUTE_B, with_cards)))
    assert [str(v) for v in found] == [
        "rule 6: T1 2026-11-26: village:17.02.01.2002 prints 3 cards, but the route carries no "
        "printer",
        "rule 6: T1 2026-11-26: carries 3 blanks but no printer",
    ]


def test_rule6_cards_over_people_and_blanks() -> None:
    """cards ≤ people at each stop and blanks ≥ cards on each route, even past the model."""
    route = replace_stop(ROUTE_A, 0, cards=8)
    object.__setattr__(route.stops[0], "cards", 31)
    object.__setattr__(route, "blanks", 20)
    plan = make_plan(routes=(ROUTE_B,))
    object.__setattr__(plan, "routes", (route, ROUTE_B, ROUTE_C))
    object.__setattr__(plan, "totals", totals_of(plan.routes, make_district().settings.weights))
    district = make_district()
    school = dataclasses.replace(district.schools[0], printable=None)
    found = check(plan, dataclasses.replace(district, schools=(school,)))
    assert [v.message for v in found] == [
        "school:10700670 prints 31 cards for 30 people",
        "carries 20 blanks but prints 42 cards",
    ]


def test_rule6_school_cards_over_printable() -> None:
    """Cards printed at a school never exceed its students already old enough (printable)."""
    route = replace_stop(dataclasses.replace(ROUTE_A, blanks=25), 0, cards=12)
    v = only(check(make_plan(routes=(route, ROUTE_B, ROUTE_C))), 6)
    assert str(v) == (
        "rule 6: school:10700670: 12 cards printed over the week, more than the 10 students "
        "old enough for a card (printable)"
    )


# --------------------------------------------------------------------------------------------
# Rule 7


def test_rule7_wrong_totals() -> None:
    """plan.totals must equal the sums over the routes (within rounding)."""
    plan = make_plan()
    wrong = dataclasses.replace(plan.totals, distance_km=plan.totals.distance_km + 1.0)
    v = only(check(dataclasses.replace(plan, totals=wrong)), 7)
    assert str(v) == "rule 7: plan: totals.distance_km is 62.0, the routes add up to 61.0"
    wrong = dataclasses.replace(plan.totals, weighted_people=90.0)
    v = only(check(dataclasses.replace(plan, totals=wrong)), 7)
    assert v.message == "totals.weighted_people is 90.00, the routes add up to 93.00"
    within = dataclasses.replace(plan.totals, distance_km=plan.totals.distance_km + 0.05)
    assert check(dataclasses.replace(plan, totals=within)) == []


def test_rule7_wrong_people_total_in_an_edited_plan() -> None:
    """Totals of people and cards are compared exactly (the model refuses a mismatch, a
    hand-edited object need not)."""
    plan = make_plan()
    object.__setattr__(plan, "totals", dataclasses.replace(plan.totals, people=70))
    assert only(check(plan), 7).message == "totals.people is 70, the routes add up to 76"


def test_rule7_unserved_must_be_known_and_unvisited() -> None:
    """An unserved entry names a real site that no route visits."""
    plan = make_plan(
        unserved=(
            Unserved(S1, 60, "x", "x"),
            Unserved("school:00000000", 5, "x", "x"),
            Unserved(V3, 12, "x", "x"),
        )
    )
    found = check(plan)
    assert [str(v) for v in found] == [
        "rule 7: school:10700670: unserved school:10700670 has a stop in the plan",
        "rule 7: school:00000000: unserved school:00000000 is not a site of this district",
    ]


def test_violations_come_in_rule_order() -> None:
    """Several broken rules are all reported, sorted by rule number."""
    a = replace_stop(ROUTE_A, 2, end=t("14:20"))
    b = dataclasses.replace(ROUTE_B, depart=t("07:15"), printer=True)
    found = check(make_plan(routes=(a, b, ROUTE_C)))
    assert [v.rule for v in found] == [2, 4, 6]


# --------------------------------------------------------------------------------------------
# Warnings


def test_plan_warnings_for_other_district_inputs_and_travel() -> None:
    """A plan made for other inputs warns (the district moved on) but is no violation."""
    district = make_district()
    assert plan_warnings(make_plan(), district, StraightLineTravel(district.settings)) == []
    plan = make_plan(district="Lebong", inputs_sha256="b" * 64, travel_source="roads")
    warnings = plan_warnings(plan, district, StraightLineTravel(district.settings))
    assert len(warnings) == 3
    assert "'Lebong'" in warnings[0]
    assert "'Test Kabupaten'" in warnings[0]
    assert "inputs changed" in warnings[1]
    assert "'roads'" in warnings[2]
    assert check(plan) == []


# --------------------------------------------------------------------------------------------
# The command


@pytest.fixture
def tiny_loader(monkeypatch: pytest.MonkeyPatch) -> None:
    """``planner check`` loads the tiny district instead of a folder."""
    import planner.cli.check as command

    def load(folder: Path | None = None) -> tuple[District, list[object]]:
        return make_district(), []

    monkeypatch.setattr(command, "load_district", load)


@pytest.mark.usefixtures("tiny_loader")
def test_cli_ok(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A valid plan: exit 0 and one summary line."""
    path = tmp_path / "plan.json"
    path.write_text(plan_to_json(make_plan()), encoding="utf-8")
    assert run_guarded(cli, ["check", str(path)]) == 0
    out = capsys.readouterr()
    assert out.out == "plan OK: 3 routes, 5 stops, all 7 rules hold\n"
    assert out.err == ""


@pytest.mark.usefixtures("tiny_loader")
def test_cli_violation_exits_1_and_names_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A plan with a violation: exit 1, every violation on its own line, then a summary."""
    route = replace_stop(ROUTE_A, 2, end=t("14:20"))
    path = tmp_path / "plan.json"
    path.write_text(plan_to_json(make_plan(routes=(route, ROUTE_B, ROUTE_C))), encoding="utf-8")
    assert run_guarded(cli, ["check", str(path)]) == 1
    out = capsys.readouterr()
    assert out.out.splitlines() == [
        "rule 4: T1 2026-11-23: homebound:H1 lasts 20 min (14:00-14:20), but 1 people and "
        "1 cards with 2 kit(s) need at least 28 min",
    ]
    assert out.err == (
        "Error: the plan breaks rule(s) 4: 1 violation(s) listed above (3 routes, 5 stops)\n"
    )


@pytest.mark.usefixtures("tiny_loader")
def test_cli_warns_about_other_inputs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Warnings go to stderr and do not change the exit status."""
    path = tmp_path / "plan.json"
    path.write_text(plan_to_json(make_plan(inputs_sha256="b" * 64)), encoding="utf-8")
    assert run_guarded(cli, ["check", str(path)]) == 0
    assert "warning: the district's inputs changed" in capsys.readouterr().err


@pytest.mark.usefixtures("tiny_loader")
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"schema": "planner.plan/1", "routes": [', "not valid JSON"),
        ('{"schema": "planner.plan/9"}', "unknown schema"),
        ('{"schema": "planner.plan/1", "solver": {}, "routes": [{"team": "T1"}]}', "missing"),
    ],
)
def test_cli_bad_plan_file_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, expected: str
) -> None:
    """A corrupt or wrong-schema plan file: exit 2, one message naming the file, no traceback."""
    path = tmp_path / "broken-plan.json"
    path.write_text(text, encoding="utf-8")
    assert run_guarded(cli, ["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Error: ")
    assert str(path) in err
    assert expected in err
    assert "Traceback" not in err


def test_cli_missing_plan_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A plan path that does not exist: exit 2 naming it."""
    path = tmp_path / "nope.json"
    assert run_guarded(cli, ["check", str(path)]) == 2
    assert str(path) in capsys.readouterr().err


@pytest.mark.skipif(
    importlib.util.find_spec("planner.io.load") is None,
    reason="planner.io.load (the district loader) is not written yet",
)
def test_cli_with_the_real_loader_on_the_sample(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """End to end through the real loader: an empty plan for the sample district holds."""
    from planner.io import load_district

    district, _ = load_district()
    plan = Plan(
        district=district.settings.name,
        week="2026-W48",
        inputs_sha256=district.inputs_sha256,
        solver=SolverInfo(engine="hand", time_limit_s=0, seed=0),
        routes=(),
        unserved=(),
        totals=totals_of((), district.settings.weights),
    )
    path = tmp_path / "plan.json"
    path.write_text(plan_to_json(plan), encoding="utf-8")
    assert run_guarded(cli, ["check", str(path)]) == 0
    assert capsys.readouterr().out == "plan OK: 0 routes, 0 stops, all 7 rules hold\n"


def test_no_solver_import() -> None:
    """The checker is independent of the solver: it never imports planner.solve."""
    package = Path(__file__).parent.parent / "planner" / "check"
    for module in sorted(package.glob("*.py")):
        source = module.read_text(encoding="utf-8")
        assert "planner.solve" not in source.replace("``planner.solve``", ""), module


@pytest.mark.parametrize("value", [None, "3 km", True])
def test_a_route_estimate_that_is_not_a_number_is_an_input_error(value: object) -> None:
    """Found by the fuzzer: ``estimated_km: null`` crashed the reader (TypeError)."""
    import json

    from planner.calendar import Week
    from planner.errors import InputError
    from planner.io.plan_json import plan_from_dict
    from planner.solve import plan_week
    from tests import districts as D  # noqa: N812

    district = D.mixed()
    travel = StraightLineTravel(district.settings)
    data = json.loads(plan_to_json(plan_week(district, Week.parse(D.WEEK), travel)))
    assert data["routes"], "the mixed district plans at least one route"
    data["routes"][0]["estimated_km"] = value
    with pytest.raises(InputError, match=r"\$\.routes\[0\]\.estimated_km: expected"):
        plan_from_dict(data)
