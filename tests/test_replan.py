"""Mid-week replanning: what is done and notified stays, the rest is re-optimised, and the
change list says what moved."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from planner.calendar import Week
from planner.check import check_plan
from planner.cli import cli
from planner.cli._common import run_guarded
from planner.model import AddedTeamDay, District, Plan, Route, TimeWindow, totals_of
from planner.solve import plan_week
from planner.solve.replan import changes_text, replan_week
from planner.travel.haversine import StraightLineTravel
from tests import districts as D  # noqa: N812

pytestmark = pytest.mark.usefixtures("english_messages")  # pins English wording

WEDNESDAY = D.MONDAY + dt.timedelta(days=2)


def first_plan() -> tuple[Plan, District]:
    district = D.mixed()
    travel = StraightLineTravel(district.settings)
    plan = plan_week(district, Week.parse(D.WEEK), travel, time_limit_s=20, solution_limit=200)
    return plan, district


def stop_keys(routes: tuple[Route, ...] | list[Route]) -> set[tuple[object, ...]]:
    """Team, day, site, times and people of every stop: what a notified stop keeps (its cards
    follow the printers, which a replan chooses again)."""
    return {(r.team, r.date, s.site, s.start, s.end, s.people) for r in routes for s in r.stops}


def test_team_drops_out_keeps_the_past_and_notified_stops() -> None:
    """T1 is off from Wednesday: Monday and Tuesday stay exactly as they were, every later stop
    of the other teams keeps its team, day and time, and the plan still obeys every rule."""
    old, district = first_plan()
    travel = StraightLineTravel(district.settings)
    assert any(r.team == "T1" and r.date >= WEDNESDAY for r in old.routes), "fixture premise"
    new, changes = replan_week(
        district, old, WEDNESDAY, travel, without_teams=["T1"], solution_limit=200
    )
    assert check_plan(new, district, travel) == []
    assert new.version == old.version + 1
    assert new.based_on == f"{D.WEEK} v1"
    before = [r for r in old.routes if r.date < WEDNESDAY]
    assert [r for r in new.routes if r.date < WEDNESDAY] == before
    kept = [r for r in old.routes if r.date >= WEDNESDAY and r.team != "T1"]
    assert stop_keys(kept) <= stop_keys(list(new.routes)), "notified stops must not move"
    assert not any(r.team == "T1" and r.date >= WEDNESDAY for r in new.routes)
    dropped_or_moved = {c.site for c in changes if c.kind in ("dropped", "moved")}
    t1_sites = {
        s.site for r in old.routes if r.team == "T1" and r.date >= WEDNESDAY for s in r.stops
    }
    assert dropped_or_moved <= t1_sites, "only the absent team's stops change"
    for change in changes:
        if change.kind == "moved":
            assert change.old is not None
            assert change.old.team == "T1"


def test_cancelled_site_is_dropped_and_explained() -> None:
    """A cancelled village disappears from the rest of the week with reason 'cancelled'."""
    old, district = first_plan()
    travel = StraightLineTravel(district.settings)
    later = [
        s.site for r in old.routes if r.date >= WEDNESDAY for s in r.stops if s.kind == "village"
    ]
    target = later[0]
    new, changes = replan_week(
        district, old, WEDNESDAY, travel, cancel=[target], solution_limit=200, lang="en"
    )
    assert check_plan(new, district, travel) == []
    assert all(s.site != target for r in new.routes if r.date >= WEDNESDAY for s in r.stops)
    assert any(c.kind == "dropped" and c.site == target for c in changes)
    text = changes_text(changes, new, {target: "Desa Target"})
    assert "DROPPED Desa Target" in text
    if not any(s.site == target for r in new.routes for s in r.stops):
        assert {u.site: u.reason_code for u in new.unserved}[target] == "cancelled"


def test_added_team_day_is_used() -> None:
    """An extra Saturday for T3 gives the solver a new route to fill."""
    old, district = first_plan()
    travel = StraightLineTravel(district.settings)
    t3 = next(t for t in district.teams if t.id == "T3")
    saturday = D.MONDAY + dt.timedelta(days=5)
    new, _ = replan_week(
        district,
        old,
        WEDNESDAY,
        travel,
        add_team_days=[(t3, saturday, D.window("08:00", "12:00"))],
        solution_limit=200,
    )
    assert check_plan(new, district, travel) == []
    assert new.totals.weighted_people >= old.totals.weighted_people
    assert new.added_team_days == (AddedTeamDay("T3", saturday, D.window("08:00", "12:00")),)


def test_the_checker_honours_an_added_team_day_only_when_recorded() -> None:
    """A T3 route on Saturday (T3 works Monday to Friday) keeps rule 2 when plan.json
    records the added team-day with its hours, and breaks it when it does not."""
    plan, district = first_plan()
    travel = StraightLineTravel(district.settings)
    weekday = next(r for r in plan.routes if r.team == "T3")
    saturday = D.MONDAY + dt.timedelta(days=5)
    routes = (*plan.routes, replace(weekday, date=saturday))
    moved = replace(plan, routes=routes, totals=totals_of(routes, district.settings.weights))
    hours = TimeWindow(weekday.depart, weekday.return_)
    recorded = replace(moved, added_team_days=(AddedTeamDay("T3", saturday, hours),))

    def rule2(p: Plan) -> list[str]:
        return [v.message for v in check_plan(p, district, travel) if v.rule == 2]

    assert rule2(recorded) == []
    assert rule2(moved) == ["team T3 does not work on Sat"]
    late = replace(
        recorded, added_team_days=(AddedTeamDay("T3", saturday, D.window("06:00", "07:00")),)
    )
    assert any("after the team's hours" in m for m in rule2(late))


def test_from_outside_the_week_is_an_input_error() -> None:
    """A --from date outside the plan's week is refused with a clear message."""
    old, district = first_plan()
    from planner.errors import InputError

    with pytest.raises(InputError, match="is not in week"):
        replan_week(
            district, old, D.MONDAY + dt.timedelta(days=9), StraightLineTravel(district.settings)
        )


def test_cli_replan_writes_a_new_version_and_changes(tmp_path: Path) -> None:
    """`planner replan` keeps the previous plan as plan.v1.json, writes changes.txt, and the
    new plan passes `planner check`."""
    data = tmp_path / "district"
    shutil.copytree(Path(__file__).parent / "data" / "io_tiny_en", data)
    out = tmp_path / "out"
    common = ["--data", str(data), "--out", str(out), "--no-progress"]
    assert run_guarded(cli, ["plan", "--week", D.WEEK, *common]) == 0
    assert (
        run_guarded(
            cli, ["replan", "--from", WEDNESDAY.isoformat(), "--without-team", "T2", *common]
        )
        == 0
    )
    week = out / D.WEEK
    assert (week / "plan.v1.json").is_file()
    assert (week / "changes.txt").read_text(encoding="utf-8").startswith("Changes to the plan")
    plan = json.loads((week / "plan.json").read_text(encoding="utf-8"))
    assert plan["version"] == 2
    assert run_guarded(cli, ["check", str(week / "plan.json"), "--data", str(data)]) == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "2026-13-01"], "not a date"),
        (["--from", "2026-12-02"], "no such file"),
    ],
)
def test_cli_replan_bad_options(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    """A bad date or a missing plan ends in exit 2 with a message and no traceback."""
    assert run_guarded(cli, ["replan", *args, "--out", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err


def test_from_a_day_no_team_works_is_refused_and_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """From Saturday (teams work Monday to Friday) no team-day is left: exit 2, a message that
    says so and how to add one, and the week's folder as it was."""
    data = tmp_path / "district"
    shutil.copytree(Path(__file__).parent / "data" / "io_tiny_en", data)
    out = tmp_path / "out"
    common = ["--data", str(data), "--out", str(out), "--no-progress"]
    assert run_guarded(cli, ["plan", "--week", D.WEEK, *common]) == 0
    before = {p.name: p.read_bytes() for p in (out / D.WEEK).rglob("*") if p.is_file()}
    capsys.readouterr()
    saturday = (D.MONDAY + dt.timedelta(days=5)).isoformat()
    assert run_guarded(cli, ["replan", "--from", saturday, *common]) == 2
    err = capsys.readouterr().err
    assert "no team works from then to the end of the week" in err
    assert "--add-team-day" in err
    assert "Traceback" not in err
    assert {p.name: p.read_bytes() for p in (out / D.WEEK).rglob("*") if p.is_file()} == before
    thursday = (D.MONDAY + dt.timedelta(days=3)).isoformat()
    assert (
        run_guarded(
            cli,
            ["replan", "--from", thursday, "--without-team", "T1", "--without-team", "T2", *common],
        )
        == 2
    )
