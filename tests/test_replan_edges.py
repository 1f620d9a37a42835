"""`planner replan` on every date and option, on a copy of the real sample district: the
README's own example, dates with no team-day left, dates outside the week, the plan's first
day, a day with only some teams, every remaining stop cancelled, added team-days (with hours,
carried into the next replan), and printers re-optimised over the remaining days."""

from __future__ import annotations

import datetime as dt
import json
import re
import shlex
import shutil
from pathlib import Path
from typing import Any

import pytest

from planner.cli import cli
from planner.cli._common import run_guarded
from planner.io import sample_dir
from planner.io.templates import copy_sample

ROOT = Path(__file__).resolve().parent.parent
pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("english_messages")]  # English wording

SEARCH = ["--solution-limit", "3", "--time-limit", "60", "--no-progress"]


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A copy of the sample with weeks 2026-W49 and W50 planned once: (district, out)."""
    root = tmp_path_factory.mktemp("replan-sample")
    data, out = root / "district", root / "out"
    copy_sample(sample_dir(), data)
    for week in ("2026-W49", "2026-W50"):
        args = ["plan", "--week", week, "--data", str(data), "--out", str(out), *SEARCH]
        assert run_guarded(cli, args) == 0
    return data, out


@pytest.fixture
def weeks(sample: tuple[Path, Path], tmp_path: Path) -> tuple[Path, Path]:
    """The planned weeks copied for one test (a replan changes its week's folder)."""
    data, out = sample
    mine = tmp_path / "out"
    shutil.copytree(out, mine)
    return data, mine


def replan(data: Path, out: Path, *args: str) -> int:
    return run_guarded(cli, ["replan", *args, "--data", str(data), "--out", str(out), *SEARCH])


def plan_of(out: Path, week: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((out / week / "plan.json").read_text(encoding="utf-8"))
    return data


def folder_bytes(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_readme_replan_example_runs_as_written_and_passes_check(
    weeks: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """The example in README.md, word for word (plus where the district and outputs are):
    exit 0, the added Saturday of T4 recorded in plan.json and used, and `planner check`
    without --data (the plan names its folder) finds every rule kept."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.findall(r"planner replan --from 2026-12-03 [^`\n]*--add-team-day [^`\n]*", readme)
    assert found, "README's replan example"
    args = shlex.split(found[0])[1:]
    assert args == [
        "replan", "--from", "2026-12-03", "--cancel", "village:17.02.06.2005",
        "--add-team-day", "T4:2026-12-05",
    ]  # fmt: skip
    data, out = weeks
    assert replan(data, out, *args[1:]) == 0
    plan = plan_of(out, "2026-W49")
    assert plan["added_team_days"] == [
        {"team": "T4", "date": "2026-12-05", "start": "07:30", "end": "15:30"}
    ]
    assert plan["data_dir"] == str(data.resolve())
    assert any(r["team"] == "T4" and r["date"] == "2026-12-05" for r in plan["routes"])
    later = [s["site"] for r in plan["routes"] if r["date"] >= "2026-12-03" for s in r["stops"]]
    assert "village:17.02.06.2005" not in later
    capsys.readouterr()
    assert run_guarded(cli, ["check", str(out / "2026-W49" / "plan.json")]) == 0
    assert "all 7 rules hold" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "says"),
    [
        # Saturday 2026-12-12 is the sample's example holiday; Sunday no team works.
        (["--from", "2026-12-12"], "no team works from then to the end of the week"),
        (["--from", "2026-12-13", "--without-team", "T1"], "no team works from then"),
        (["--from", "2026-12-11", *[f"--without-team=T{i}" for i in (1, 2, 3, 4)]], "no team"),
        # An added team-day on the holiday, before --from, or after the week.
        (["--from", "2026-12-10", "--add-team-day", "T4:2026-12-12"], "a holiday"),
        (["--from", "2026-12-10", "--add-team-day", "T4:2026-12-09"], "not between --from"),
        (["--from", "2026-12-10", "--add-team-day", "T4:2026-12-14"], "not between --from"),
        (["--from", "2026-12-10", "--add-team-day", "T9:2026-12-11"], "known team"),
        (["--from", "2026-12-10", "--add-team-day", "T1:2026-12-11:15:00-08:00"], "hours"),
        (["--from", "2026-12-10", "--cancel", "village:00.00"], "unknown site"),
        (["--from", "2026-12-10", "--without-team", "T7"], "unknown team"),
        # --from before or after the plan's week, with the plan named.
        (["--from", "2026-12-06", "--plan", "{out}/2026-W50/plan.json"], "plans week 2026-W50"),
        (["--from", "2026-12-14", "--plan", "{out}/2026-W50/plan.json"], "plans week 2026-W50"),
        # ... or without it: that week has no plan.
        (["--from", "2026-11-23"], "no such file"),
    ],
)
def test_refused_requests_exit_2_with_one_message_and_change_nothing(
    weeks: tuple[Path, Path], capsys: pytest.CaptureFixture[str], args: list[str], says: str
) -> None:
    """Every request replan cannot honour ends in exit 2, one message (no traceback) and
    both planned weeks exactly as they were."""
    data, out = weeks
    before = {w: folder_bytes(out / w) for w in ("2026-W49", "2026-W50")}
    capsys.readouterr()
    assert replan(data, out, *(a.replace("{out}", str(out)) for a in args)) == 2
    err = capsys.readouterr().err
    assert says in err
    assert "Traceback" not in err
    assert len([line for line in err.splitlines() if line.startswith("Error")]) == 1
    assert {w: folder_bytes(out / w) for w in ("2026-W49", "2026-W50")} == before


def check_ok(plan_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert run_guarded(cli, ["check", str(plan_file)]) == 0, capsys.readouterr()
    assert "all 7 rules hold" in capsys.readouterr().out


def test_from_the_first_day_replans_the_whole_week(
    weeks: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """From Monday nothing is history: T3 off all week leaves no T3 route, and it checks."""
    data, out = weeks
    assert replan(data, out, "--from", "2026-12-07", "--without-team", "T3") == 0
    plan = plan_of(out, "2026-W50")
    assert plan["version"] == 2
    assert {r["team"] for r in plan["routes"]} == {"T1", "T2", "T4"}
    check_ok(out / "2026-W50" / "plan.json", capsys)


def test_a_day_with_only_some_teams_left(
    weeks: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """From Friday without T2 and T4, only T1 and T3 (both until 11:00) are left."""
    data, out = weeks
    args = ["--from", "2026-12-11", "--without-team", "T2", "--without-team", "T4"]
    assert replan(data, out, *args) == 0
    plan = plan_of(out, "2026-W50")
    friday = [r for r in plan["routes"] if r["date"] == "2026-12-11"]
    assert friday
    assert {r["team"] for r in friday} <= {"T1", "T3"}
    assert all(r["return"] <= "11:00" for r in friday)
    check_ok(out / "2026-W50" / "plan.json", capsys)


def test_cancelling_every_remaining_stop(
    weeks: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """Every site with a stop from Thursday cancelled: none of them is visited from then on,
    each is unserved as cancelled (or visited before), and the plan checks."""
    data, out = weeks
    old = plan_of(out, "2026-W50")
    targets = sorted(
        {s["site"] for r in old["routes"] if r["date"] >= "2026-12-10" for s in r["stops"]}
    )
    assert len(targets) > 10
    args = ["--from", "2026-12-10"] + [f"--cancel={site}" for site in targets]
    assert replan(data, out, *args) == 0
    plan = plan_of(out, "2026-W50")
    later = {s["site"] for r in plan["routes"] if r["date"] >= "2026-12-10" for s in r["stops"]}
    assert not later & set(targets)
    earlier = {s["site"] for r in plan["routes"] if r["date"] < "2026-12-10" for s in r["stops"]}
    codes = {u["site"]: u["reason_code"] for u in plan["unserved"]}
    assert all(codes.get(site) == "cancelled" or site in earlier for site in targets)
    check_ok(out / "2026-W50" / "plan.json", capsys)


def test_added_team_day_with_hours_is_recorded_used_and_kept_by_the_next_replan(
    weeks: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """T1 works Friday 07:30-11:00; an added Friday 07:30-15:30 is recorded with its hours,
    T1's Friday route runs past 11:00 and checks; a later replan keeps the added day."""
    data, out = weeks
    added = {"team": "T1", "date": "2026-12-11", "start": "07:30", "end": "15:30"}
    assert (
        replan(data, out, "--from", "2026-12-10", "--add-team-day", "T1:2026-12-11:07:30-15:30")
        == 0
    )
    plan = plan_of(out, "2026-W50")
    assert plan["added_team_days"] == [added]
    friday = next(r for r in plan["routes"] if (r["team"], r["date"]) == ("T1", "2026-12-11"))
    assert friday["return"] > "11:00"
    check_ok(out / "2026-W50" / "plan.json", capsys)
    assert replan(data, out, "--from", "2026-12-11", "--without-team", "T4") == 0
    again = plan_of(out, "2026-W50")
    assert again["version"] == 3
    assert again["added_team_days"] == [added]
    kept = next(r for r in again["routes"] if (r["team"], r["date"]) == ("T1", "2026-12-11"))

    def times(route: dict[str, Any]) -> list[tuple[str, str, str, int]]:
        return [(s["site"], s["start"], s["end"], s["people"]) for s in route["stops"]]

    # Its notified stops stay (times and people; cards follow the printers, re-chosen).
    assert times(kept) == times(friday)
    check_ok(out / "2026-W50" / "plan.json", capsys)


def test_printers_go_where_they_print_most_after_a_team_drops_out(
    weeks: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """After `--without-team T2` from Thursday (the issue's case), the freed printers and
    cards are used: on every remaining date either both printers go out or no other route
    has a stop that could print, unless the week's blank budget is spent; and changes.txt
    says who hands the printer on, per team what changed."""
    data, out = weeks
    old = plan_of(out, "2026-W49")
    assert replan(data, out, "--from", "2026-12-03", "--without-team", "T2") == 0
    plan = plan_of(out, "2026-W49")
    budget = 773 - 175
    spent = sum(r["blanks"] for r in plan["routes"])
    for date in sorted({r["date"] for r in plan["routes"] if r["date"] >= "2026-12-03"}):
        routes = [r for r in plan["routes"] if r["date"] == date]
        carriers = [r for r in routes if r["printer"]]
        idle = [r for r in routes if not r["printer"] and any(s["people"] for s in r["stops"])]
        assert len(carriers) == 2 or not idle or spent == budget, date
    assert spent >= sum(
        r["blanks"] for r in old["routes"] if r["team"] != "T2" or r["date"] < "2026-12-03"
    )
    changes = (out / "2026-W49" / "changes.txt").read_text(encoding="utf-8")
    assert "Per tim:" in changes
    assert "Tim 2 (mobil): tidak lagi mengunjungi" in changes
    assert "Printer dan blanko:" in changes
    t2_printer_days = {
        r["date"]
        for r in old["routes"]
        if r["team"] == "T2" and r["printer"] and r["date"] >= "2026-12-03"
    }
    for date in t2_printer_days:
        weekday = dt.date.fromisoformat(date)
        assert re.search(
            rf"{weekday.isoformat()}: Tim 2 \(mobil\) (menyerahkan|tidak membawa)", changes
        )
    check_ok(out / "2026-W49" / "plan.json", capsys)
