"""The campaign ledger: plans, recorded weeks, backlogs and stock over a campaign.

Also home of the tiny district and hand-made plans that test_record*.py and test_status*.py
import (the solver is not needed to test what the ledger does with a plan).
"""

from __future__ import annotations

import csv
import os
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path

import pytest

from planner.calendar import Week
from planner.errors import InputError
from planner.io.plan_json import plan_to_json
from planner.io.tally import ALL_STOPS_COLUMNS
from planner.ledger import (
    PAUSE_HOOK_ENV,
    SCHEMA_VERSION,
    Ledger,
    StopResult,
    apply_ledger,
    ledger_path,
    site_backlogs,
    waiting_weeks,
    weeks_between,
)
from planner.model import (
    DEFAULT_WEIGHTS,
    District,
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
    VehicleProfile,
    Village,
    WeeklyWindow,
    totals_of,
)

TESTS = Path(__file__).resolve().parent

# --------------------------------------------------------------------------------------------
# The tiny district and its plans (shared with test_record.py and test_status.py)

SECRET_NAME = "Siti Rahasia Sentinel"
SECRET_NIK = "1702011234567890"

V1, V2, V3 = "17.02.01.2001", "17.02.01.2002", "17.02.02.2001"
S1 = "10700001"
H1, H2 = "WK1", "WK2"


def tiny_district() -> District:
    """Two kecamatan, three villages (one pre-registered), a school, two homebound residents."""
    heads = (WeeklyWindow(0, TimeWindow(8 * 60, 12 * 60)),)
    villages = (
        Village(V1, "Air Meles", "Curup", "desa", -3.45, 102.52, 1000, 120, 40, heads),
        Village(V2, "Batu Galing", "Curup", "desa", -3.46, 102.53, 500, 30, None, heads),
        Village(V3, "Kota Padang", "Kota Padang", "kelurahan", -3.40, 102.97, 800, 50, None, heads),
    )
    return District(
        settings=Settings(
            name="Tiny",
            office_name="Dinas Dukcapil Tiny",
            office_lat=-3.47,
            office_lon=102.52,
            printers=1,
            blank_stock=100,
            blank_reserve=10,
        ),
        villages=villages,
        schools=(School(S1, "SMA Negeri 1", V1, -3.45, 102.52, students=60, printable=25),),
        homebound=(
            Homebound(
                H1, HomeboundCategory.ELDERLY, V2, -3.46, 102.53, name=SECRET_NAME, nik=SECRET_NIK
            ),
            Homebound(H2, HomeboundCategory.BEDRIDDEN, V3, -3.40, 102.97, name="Budi Sentinel"),
        ),
        teams=(
            Team(
                "T1",
                "Tim 1",
                VehicleProfile.CAR,
                1,
                (Shift(frozenset(range(5)), TimeWindow(450, 930)),),
                -3.47,
                102.52,
            ),
        ),
    )


def site(kind: SiteKind, ident: str) -> str:
    """The site id of a tiny-district site."""
    return f"{kind}:{ident}"


VILLAGE1, VILLAGE2, VILLAGE3 = (site(SiteKind.VILLAGE, c) for c in (V1, V2, V3))
SCHOOL1 = site(SiteKind.SCHOOL, S1)
HOME1, HOME2 = site(SiteKind.HOMEBOUND, H1), site(SiteKind.HOMEBOUND, H2)

PlannedStop = tuple[str, int, str, int, int]
"""(team, weekday 0..6, site id, people, cards)."""


def make_plan(week: str, stops: Sequence[PlannedStop], district: str = "Tiny") -> Plan:
    """A hand-made plan of ``week``: one route per team and day, stops one hour apart."""
    dates = Week.parse(week).dates
    by_route: dict[tuple[str, int], list[Stop]] = {}
    for team, weekday, site_id, people, cards in stops:
        route = by_route.setdefault((team, weekday), [])
        start = 8 * 60 + 60 * len(route)
        kind = SiteKind(site_id.split(":", 1)[0])
        route.append(Stop(site_id, kind, start, start, start + 50, people, cards))
    routes = tuple(
        Route(
            team=team,
            date=dates[weekday],
            printer=True,
            blanks=sum(s.cards for s in route),
            depart=7 * 60 + 30,
            return_=15 * 60,
            travel_minutes=60,
            distance_km=20.0,
            stops=tuple(route),
        )
        for (team, weekday), route in sorted(by_route.items())
    )
    return Plan(
        district=district,
        week=week,
        inputs_sha256="0" * 64,
        solver=SolverInfo(engine="hand", time_limit_s=0.0, seed=0),
        routes=routes,
        unserved=(),
        totals=totals_of(routes, DEFAULT_WEIGHTS),
    )


def results_of(plan: Plan, done: Mapping[str, tuple[int, int]]) -> list[StopResult]:
    """Results for the plan's stops whose site is in ``done`` (site → (recorded, printed))."""
    return [
        StopResult(route.team, route.date, stop.site, *done[stop.site])
        for route, stop in plan.stops()
        if stop.site in done
    ]


def write_tally(
    path: Path,
    plan: Plan,
    done: Mapping[str, tuple[object, object]],
    headers: Sequence[str] = ("recorded", "printed"),
    delimiter: str = ",",
) -> Path:
    """Write a filled-in "all stops" tally of ``plan`` as CSV (sites not in ``done``: blank)."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow([*ALL_STOPS_COLUMNS, *headers])
        for route, stop in plan.stops():
            recorded, printed = done.get(stop.site, ("", ""))
            writer.writerow([*tally_row(plan, route, stop), recorded, printed])
    return path


def tally_row(plan: Plan, route: Route, stop: Stop) -> list[object]:
    """The "all stops" cells of one stop (what schedule.xlsx writes)."""
    order = route.stops.index(stop) + 1
    return [
        plan.week,
        route.team,
        route.date.isoformat(),
        order,
        stop.site,
        str(stop.kind),
        stop.site.split(":", 1)[1],
        "",
        stop.arrive,
        stop.start,
        stop.end,
        stop.people,
        stop.cards,
    ]


WEEK1, WEEK2, WEEK3 = "2026-W48", "2026-W49", "2026-W50"


def week1_plan() -> Plan:
    """Week 1: two villages, the school, a homebound visit."""
    return make_plan(
        WEEK1,
        [
            ("T1", 0, VILLAGE1, 40, 30),
            ("T1", 0, HOME1, 1, 1),
            ("T1", 1, SCHOOL1, 50, 20),
            ("T1", 2, VILLAGE3, 20, 10),
        ],
    )


# --------------------------------------------------------------------------------------------
# Opening, schema, files


def test_open_creates_private_wal_file_with_schema(tmp_path: Path) -> None:
    """A new ledger: folder 0700, file 0600, WAL journal, user_version = SCHEMA_VERSION."""
    path = ledger_path(tmp_path)
    assert path == tmp_path / ".planner" / "ledger.sqlite"
    with Ledger.open(path) as ledger:
        assert ledger.schema_version == SCHEMA_VERSION
        assert ledger.integrity_ok()
    if os.name == "posix":
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.close()


def test_reopen_keeps_plans_and_migrates_an_unversioned_file(tmp_path: Path) -> None:
    """A file at user_version 0 is migrated; data survives closing and reopening."""
    path = tmp_path / "l.sqlite"
    sqlite3.connect(path).close()
    with Ledger.open(path) as ledger:
        assert ledger.save_plan(week1_plan(), plan_to_json(week1_plan())) == 1
    with Ledger.open(path) as ledger:
        assert ledger.schema_version == SCHEMA_VERSION
        assert ledger.plan_weeks() == [WEEK1]


def test_newer_schema_and_foreign_files_are_input_errors(tmp_path: Path) -> None:
    """A ledger from a newer planner, or a file that is no database, gives a clear InputError."""
    newer = tmp_path / "newer.sqlite"
    db = sqlite3.connect(newer)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(InputError, match="newer than this planner"):
        Ledger.open(newer)
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(InputError, match="not a planner ledger"):
        Ledger.open(junk)


# --------------------------------------------------------------------------------------------
# Plans


def test_plan_versions_count_per_week(tmp_path: Path) -> None:
    """Versions start at 1 per week, +1 per different plan; an equal plan keeps its version."""
    plan = week1_plan()
    with Ledger.open(tmp_path / "l.sqlite") as ledger:
        assert ledger.latest_plan(WEEK1) is None
        assert ledger.next_version(WEEK1) == 1
        assert ledger.save_plan(plan, plan_to_json(plan)) == 1
        assert ledger.save_plan(plan, plan_to_json(replace(plan, version=2))) == 1
        replanned = make_plan(WEEK1, [("T1", 0, VILLAGE1, 40, 30)])
        assert ledger.next_version(WEEK1) == 2
        assert ledger.save_plan(replanned, plan_to_json(replanned)) == 2
        other = make_plan(WEEK2, [("T1", 0, VILLAGE2, 10, 0)])
        assert ledger.save_plan(other, plan_to_json(other)) == 1
        latest = ledger.latest_plan(WEEK1)
        assert latest == replace(replanned, version=2)
        assert ledger.plan_weeks() == [WEEK1, WEEK2]


# --------------------------------------------------------------------------------------------
# Applying recorded weeks


def test_empty_ledger_leaves_the_district_unchanged(tmp_path: Path) -> None:
    """With nothing recorded, apply_ledger returns the very same district."""
    district = tiny_district()
    with Ledger.open(tmp_path / "l.sqlite") as ledger:
        ledger.save_plan(week1_plan(), plan_to_json(week1_plan()))
        assert apply_ledger(district, ledger) is district


def _record(ledger: Ledger, district: District, plan: Plan, done: Mapping[str, tuple[int, int]]):
    ledger.save_plan(plan, plan_to_json(plan))
    stored = ledger.latest_plan(plan.week)
    assert stored is not None
    return ledger.record(
        district, stored, results_of(stored, done), source_sha256="f" * 64, source_name="t.csv"
    )


def _backlogs(district: District) -> dict[str, int]:
    return {b.site: b.backlog for b in site_backlogs(tiny_district(), district)}


def test_three_week_campaign_moves_backlogs_and_stock_exactly(tmp_path: Path) -> None:
    """plan → record → plan, three times: every backlog and the stock move exactly as recorded.

    A village backlog shrinks by everyone recorded at its sites — the village visit, its
    school, its homebound residents (planner.coverage: they are part of it) — floored at 0; a
    pre-registration by the village visit's own recordings, never above the backlog left;
    school students by recorded and printable by printed; a recorded homebound resident is
    gone; the blank stock loses every printed card.
    """
    tables = tiny_district()
    with Ledger.open(ledger_path(tmp_path)) as ledger:
        # Week 1, planned on the tables.
        outcome = _record(
            ledger,
            tables,
            week1_plan(),
            {VILLAGE1: (35, 30), HOME1: (1, 1), SCHOOL1: (45, 20), VILLAGE3: (0, 0)},
        )
        assert (outcome.changed, outcome.replaced) == (True, False)
        assert (outcome.people, outcome.cards, outcome.stock_left) == (81, 51, 49)
        d1 = apply_ledger(tables, ledger)
        assert _backlogs(d1) == {
            VILLAGE1: 40,  # 120 - 35 at the village - 45 at its school
            VILLAGE2: 29,  # 30 - its homebound resident
            VILLAGE3: 50,
            SCHOOL1: 15,
            HOME1: 0,
            HOME2: 1,
        }
        assert d1.village(V1).preregistered == 5
        assert (d1.village(V1).recorded, d1.village(V2).recorded) == (80, 1)
        assert d1.schools[0].printable == 5
        assert [h.id for h in d1.homebound] == [H2]
        assert d1.settings.blank_stock == 49
        assert d1.settings.blank_budget == 39

        # Week 2, planned on d1: more than the backlog comes in village 2 (floored at 0).
        plan2 = make_plan(
            WEEK2,
            [("T1", 0, VILLAGE1, 20, 10), ("T1", 0, VILLAGE2, 30, 9), ("T1", 3, SCHOOL1, 15, 5)],
        )
        _record(ledger, tables, plan2, {VILLAGE1: (22, 10), VILLAGE2: (33, 9), SCHOOL1: (15, 5)})
        d2 = apply_ledger(tables, ledger)
        assert _backlogs(d2) == {
            VILLAGE1: 3,  # 40 - 22 - 15 at the school
            VILLAGE2: 0,
            VILLAGE3: 50,
            SCHOOL1: 0,
            HOME1: 0,
            HOME2: 1,
        }
        assert d2.village(V1).preregistered == 0
        assert d2.schools[0].printable == 0
        assert d2.settings.blank_stock == 25

        # Week 3, planned on d2: the last homebound resident and village 3.
        plan3 = make_plan(WEEK3, [("T1", 1, HOME2, 1, 1), ("T1", 1, VILLAGE3, 30, 20)])
        _record(ledger, tables, plan3, {HOME2: (1, 1), VILLAGE3: (28, 20)})
        d3 = apply_ledger(tables, ledger)
        assert _backlogs(d3) == {
            VILLAGE1: 3,
            VILLAGE2: 0,
            VILLAGE3: 21,  # 50 - 28 - its homebound resident
            SCHOOL1: 0,
            HOME1: 0,
            HOME2: 0,
        }
        assert d3.homebound == ()
        assert d3.settings.blank_stock == 4

        # The snapshots hold each week's end state; the tables are unchanged.
        snaps = {(s.week, s.site): s.backlog for s in ledger.snapshots()}
        for week, state in ((WEEK1, d1), (WEEK2, d2), (WEEK3, d3)):
            assert {k[1]: v for k, v in snaps.items() if k[0] == week} == _backlogs(state)
        assert ledger.recorded_weeks() == [WEEK1, WEEK2, WEEK3]
        assert apply_ledger(tables, ledger, before_week=WEEK2) == d1
        assert tables == tiny_district()


def _dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    db = sqlite3.connect(path)
    tables = ("plans", "tallies", "results", "snapshots", "stock_moves")
    dump = {t: sorted(db.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in tables}
    db.close()
    return dump


def test_recording_twice_changes_nothing(tmp_path: Path) -> None:
    """The same results recorded again leave every row of the ledger as it was."""
    tables, plan = tiny_district(), week1_plan()
    path = ledger_path(tmp_path)
    done = {VILLAGE1: (35, 30), SCHOOL1: (45, 20)}
    with Ledger.open(path) as ledger:
        first = _record(ledger, tables, plan, done)
    before = _dump(path)
    with Ledger.open(path) as ledger:
        again = _record(ledger, tables, plan, done)
    assert first.changed
    assert not again.changed
    assert (again.people, again.cards, again.stock_left) == (80, 50, 50)
    assert _dump(path) == before


def test_a_corrected_tally_replaces_the_earlier_one(tmp_path: Path) -> None:
    """A second, different tally of a week replaces the first: nothing is added on top."""
    tables, plan = tiny_district(), week1_plan()
    with Ledger.open(ledger_path(tmp_path)) as ledger:
        _record(ledger, tables, plan, {VILLAGE1: (35, 30), SCHOOL1: (45, 20)})
        fixed = _record(ledger, tables, plan, {VILLAGE1: (25, 20), VILLAGE3: (5, 0)})
        assert fixed.replaced
        assert fixed.changed
        assert (fixed.previous_people, fixed.previous_cards) == (80, 50)
        assert (fixed.people, fixed.cards, fixed.stock_left) == (30, 20, 80)
        state = apply_ledger(tables, ledger)
        assert _backlogs(state)[VILLAGE1] == 95
        assert _backlogs(state)[SCHOOL1] == 60
        assert _backlogs(state)[VILLAGE3] == 45
        assert [(m.kind, m.cards) for m in ledger.stock_moves()] == [("start", 100)]
        assert sum(ledger.printed_by_date().values()) == 20
        assert len(ledger.results(WEEK1)) == 2


def test_correcting_an_early_week_updates_later_snapshots(tmp_path: Path) -> None:
    """Snapshots are cumulative: a corrected week 1 changes week 2's end-of-week backlog."""
    tables = tiny_district()
    plan2 = make_plan(WEEK2, [("T1", 0, VILLAGE1, 20, 0)])
    with Ledger.open(ledger_path(tmp_path)) as ledger:
        _record(ledger, tables, week1_plan(), {VILLAGE1: (35, 0)})
        _record(ledger, tables, plan2, {VILLAGE1: (20, 0)})
        _record(ledger, tables, week1_plan(), {VILLAGE1: (10, 0)})
        snaps = {(s.week, s.site): s.backlog for s in ledger.snapshots()}
    assert snaps[(WEEK1, VILLAGE1)] == 110
    assert snaps[(WEEK2, VILLAGE1)] == 90


def test_stock_deliveries_count_from_their_date(tmp_path: Path) -> None:
    """A delivery adds to the stock the plans of its week and later may use."""
    tables = tiny_district()
    with Ledger.open(ledger_path(tmp_path)) as ledger:
        _record(ledger, tables, week1_plan(), {VILLAGE1: (35, 30)})
        wednesday = Week.parse(WEEK3).dates[2]
        assert ledger.add_stock("delivery", wednesday, 500, "BAST 1", blank_stock=100) == 570
        assert apply_ledger(tables, ledger).settings.blank_stock == 570
        assert apply_ledger(tables, ledger, before_week=WEEK3).settings.blank_stock == 570
        assert apply_ledger(tables, ledger, before_week=WEEK2).settings.blank_stock == 70


# --------------------------------------------------------------------------------------------
# Fairness: weeks waited


def test_waiting_weeks_counts_from_last_visit_or_campaign_start(tmp_path: Path) -> None:
    """Villages with backlog: weeks since their last visit, else since the first plan."""
    tables = tiny_district()
    with Ledger.open(ledger_path(tmp_path)) as ledger:
        assert waiting_weeks(ledger, tables, WEEK1) == dict.fromkeys(
            (VILLAGE1, VILLAGE2, VILLAGE3), 0
        )
        _record(ledger, tables, week1_plan(), {VILLAGE1: (35, 0), VILLAGE3: (0, 0)})
        state = apply_ledger(tables, ledger)
        assert waiting_weeks(ledger, state, "2026-W51") == {
            VILLAGE1: 3,
            VILLAGE2: 3,
            VILLAGE3: 3,
        }
        plan2 = make_plan(WEEK2, [("T1", 0, VILLAGE2, 30, 0)])
        _record(ledger, tables, plan2, {VILLAGE2: (30, 0)})
        state = apply_ledger(tables, ledger)
        # Village 2 has no backlog left, so it no longer waits.
        assert waiting_weeks(ledger, state, WEEK3) == {VILLAGE1: 2, VILLAGE3: 2}
        # Planning week 2 again: its own visits do not count.
        assert waiting_weeks(ledger, tables, WEEK2)[VILLAGE2] == 1
    assert weeks_between("2026-W52", "2027-W01") == 2  # 2026 has 53 ISO weeks
    assert weeks_between("2026-W53", "2027-W01") == 1


# --------------------------------------------------------------------------------------------
# Crash safety

_CHILD = """
import sys
sys.path.insert(0, {tests!r})
from pathlib import Path
from test_ledger import tiny_district, week1_plan, results_of, VILLAGE1, SCHOOL1, VILLAGE3
from planner.ledger import Ledger
with Ledger.open(Path({path!r})) as ledger:
    plan = ledger.latest_plan("2026-W48")
    done = {{VILLAGE1: (30, 20), SCHOOL1: (40, 10), VILLAGE3: (7, 0)}}
    ledger.record(tiny_district(), plan, results_of(plan, done), source_sha256="k" * 64,
                  source_name="killed.csv")
"""


def kill_inside_transaction(argv: Sequence[str], marker: Path) -> None:
    """Run ``argv`` with the ledger's test hook on, SIGKILL it inside record's transaction."""
    marker.unlink(missing_ok=True)
    env = {**os.environ, PAUSE_HOOK_ENV: str(marker)}
    child = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():
            assert child.poll() is None, "the child ended before reaching the test hook"
            assert time.monotonic() < deadline, "the child never reached the test hook"
            time.sleep(0.02)
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL


def _run_and_kill(tmp_path: Path, path: Path) -> None:
    code = _CHILD.format(tests=str(TESTS), path=str(path))
    kill_inside_transaction([sys.executable, "-c", code], tmp_path / "inside-transaction")


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_a_record_killed_mid_transaction_leaves_no_half_week(tmp_path: Path) -> None:
    """SIGKILL inside record's transaction: the week has all or none of its results.

    First on a fresh week (none afterwards), then on a correction of a recorded week (the
    earlier tally stays whole); the file passes PRAGMA integrity_check both times.
    """
    tables, plan = tiny_district(), week1_plan()
    path = ledger_path(tmp_path)
    with Ledger.open(path) as ledger:
        ledger.save_plan(plan, plan_to_json(plan))
    before = _dump(path)

    _run_and_kill(tmp_path, path)
    with Ledger.open(path) as ledger:
        assert ledger.integrity_ok()
        assert ledger.recorded_weeks() == []
        assert ledger.results() == []
        assert apply_ledger(tables, ledger) is tables
    assert _dump(path) == before

    with Ledger.open(path) as ledger:
        _record(ledger, tables, plan, {VILLAGE1: (35, 30), SCHOOL1: (45, 20)})
    recorded = _dump(path)
    _run_and_kill(tmp_path, path)
    with Ledger.open(path) as ledger:
        assert ledger.integrity_ok()
        assert {r.site: r.recorded for _, r in ledger.results()} == {VILLAGE1: 35, SCHOOL1: 45}
    assert _dump(path) == recorded
