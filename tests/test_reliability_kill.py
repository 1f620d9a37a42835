"""`planner plan` killed (SIGKILL) or interrupted (SIGINT) at several moments, for real.

A subprocess plans a copy of the sample district into a folder that already holds a complete
earlier week. Whenever it dies, the week folder must be exactly the earlier set (byte for byte)
or a complete new set that passes the checker, never a mix; the ledger must pass
``PRAGMA integrity_check`` and its latest plan of the week must be one complete plan. The run
after the kills cleans up what they left (staging folders) and brings folder and ledger back
in step.
"""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from planner.check import check_plan
from planner.fsutil import PAUSE_HOOK_ENV
from planner.io import load_district, sample_dir
from planner.io.plan_json import plan_from_dict, plan_to_json, read_plan
from planner.io.tally_columns import column_of
from planner.io.templates import copy_sample
from planner.ledger import Ledger, ledger_path, stop_key
from planner.render import OUTPUT_NAMES
from planner.travel import travel_model

pytestmark = [
    pytest.mark.usefixtures("english_messages"),  # pins English wording
    pytest.mark.slow,
    pytest.mark.skipif(os.name != "posix", reason="SIGKILL and SIGINT are POSIX"),
]

WEEK = "2026-W49"
EXPECTED = {"plan.json", "summary.txt", *OUTPUT_NAMES}
FAST = ["--time-limit", "5", "--solution-limit", "5", "--no-progress"]


class Run:
    """One `planner plan` subprocess on the copied district."""

    def __init__(
        self,
        district: Path,
        out: Path,
        seed: int,
        env: dict[str, str] | None = None,
        extra: list[str] | None = None,
    ):
        argv = [
            sys.executable,
            "-c",
            "from planner.__main__ import main; main()",
            "plan",
            "--week",
            WEEK,
            "--data",
            str(district),
            "--out",
            str(out),
            "--seed",
            str(seed),
            *FAST,
            *(extra or []),
        ]
        self.started = time.monotonic()
        self.child = subprocess.Popen(
            argv,
            env={**os.environ, **(env or {})},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def wait_for(self, condition: Callable[[], bool], what: str) -> None:
        """Poll ``condition`` every 10 ms while the child runs."""
        deadline = time.monotonic() + 120
        while not condition():
            assert self.child.poll() is None, f"the run ended before {what}"
            assert time.monotonic() < deadline, f"never reached {what}"
            time.sleep(0.01)

    def after(self, seconds: float) -> Run:
        """Wait until ``seconds`` after the start."""
        self.wait_for(lambda: time.monotonic() - self.started >= seconds, f"{seconds} s")
        return self

    def stop(self, sig: int | None = None) -> tuple[int, str, str]:
        """Send ``sig`` (None: let it finish); return exit code, stdout, stderr."""
        if sig is not None:
            self.child.send_signal(sig)
        out, err = self.child.communicate(timeout=120)
        return self.child.returncode, out, err


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def _stages(out: Path) -> list[Path]:
    return sorted(p for p in out.iterdir() if p.name.endswith(".stage"))


def _xlsx_stop_keys(data: bytes) -> set[str]:
    sheet = openpyxl.load_workbook(io.BytesIO(data), read_only=True).worksheets[0]  # all stops
    rows = list(sheet.iter_rows(values_only=True))
    header = [column_of(str(c)) for c in rows[0]]
    team, date, site = (header.index(n) for n in ("team", "date", "site"))
    return {stop_key(str(r[team]).lstrip("'"), str(r[date])[:10], str(r[site])) for r in rows[1:]}


def _assert_complete_set(district: Path, files: dict[str, bytes]) -> None:
    """Every output is there, the plan passes the checker, and the spreadsheet is of this
    plan (a set rendered from one plan, not two)."""
    assert set(files) == EXPECTED
    plan = plan_from_dict(json.loads(files["plan.json"]))
    tables, _ = load_district(district)
    assert check_plan(plan, tables, travel_model(tables)) == []
    planned = {stop_key(r.team, r.date, s.site) for r, s in plan.stops()}
    assert _xlsx_stop_keys(files["schedule.xlsx"]) == planned


def _ledger_latest(district: Path) -> str:
    with Ledger.open(ledger_path(district)) as ledger:
        assert ledger.integrity_ok()
        plan = ledger.latest_plan(WEEK)
    assert plan is not None
    return plan_to_json(plan)


def _assert_previous_intact(district: Path, week_dir: Path, before: dict[str, bytes]) -> None:
    """The earlier set is there byte for byte, or a complete new set replaced it."""
    now = _files(week_dir)
    if now["plan.json"] == before["plan.json"]:
        assert now == before, "plan.json is the earlier one, but other files changed"
    else:
        _assert_complete_set(district, now)


@pytest.fixture(scope="module")
def district(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the sample district (its ledger grows across the test)."""
    folder = tmp_path_factory.mktemp("kill") / "district"
    copy_sample(sample_dir(), folder)
    return folder


def test_killed_and_interrupted_runs_leave_the_previous_week_whole(
    district: Path, tmp_path: Path
) -> None:
    """SIGKILL at 0.5 s (starting), at 2 s (solving), while rendering, and after the ledger
    commit just before the swap; SIGINT while solving and while rendering (exit 130). After
    each, the previous outputs are intact and the ledger consistent; the next complete run
    removes the stale stages and leaves folder and ledger on the same plan."""
    out = tmp_path / "out"
    week_dir = out / WEEK
    code, _, err = Run(district, out, seed=0).stop()
    assert code == 0, err
    before = _files(week_dir)
    _assert_complete_set(district, before)
    assert _ledger_latest(district) == before["plan.json"].decode()

    # Ctrl-C in a long search (native code that swallows KeyboardInterrupt): out at once.
    long = ["--time-limit", "60", "--solution-limit", "100000"]
    run = Run(district, out, seed=1, extra=long).after(3.0)
    sent = time.monotonic()
    code, _, err = run.stop(signal.SIGINT)
    assert (code, err.strip().splitlines()[-1]) == (130, "Interrupted; nothing was written."), err
    assert time.monotonic() - sent < 10.0
    assert "Traceback" not in err
    assert _files(week_dir) == before
    assert _stages(out) == []

    def staging_has_plan() -> bool:
        return any((s / "plan.json").exists() for s in _stages(out))

    # 1, 2: by the clock (imports and loading; the search).
    for delay in (0.5, 2.0):
        assert Run(district, out, seed=1).after(delay).stop(signal.SIGKILL)[0] == -signal.SIGKILL
        _assert_previous_intact(district, week_dir, before)
        assert _ledger_latest(district) == before["plan.json"].decode()

    # 3: while rendering into the stage (plan.json and summary.txt are staged first).
    run = Run(district, out, seed=1)
    run.wait_for(staging_has_plan, "rendering")
    assert run.stop(signal.SIGKILL)[0] == -signal.SIGKILL
    _assert_previous_intact(district, week_dir, before)
    assert _ledger_latest(district) == before["plan.json"].decode()
    assert _stages(out), "a SIGKILL leaves its stage behind (the next run removes it)"

    # 4: everything staged and the plan saved to the ledger, the swap not yet done.
    marker = tmp_path / "before-swap"
    run = Run(district, out, seed=1, env={PAUSE_HOOK_ENV: str(marker)})
    run.wait_for(marker.exists, "the swap")
    assert run.stop(signal.SIGKILL)[0] == -signal.SIGKILL
    assert _files(week_dir) == before
    staged = [s for s in _stages(out) if (s / "schedule.xlsx").exists()]
    assert len(staged) == 1
    _assert_complete_set(district, _files(staged[0]))
    # The one window left: the ledger has the new plan, the folder the old one.
    assert _ledger_latest(district) == (staged[0] / "plan.json").read_text(encoding="utf-8")

    # 5: Ctrl-C while rendering: exit 130, one line, nothing written. The run removed the
    # stages the kills left (their processes are gone) when it started, and its own on ^C.
    stale = set(_stages(out))
    run = Run(district, out, seed=1)
    run.wait_for(lambda: bool(set(_stages(out)) - stale), "its own stage")
    assert not set(_stages(out)) & stale
    run.wait_for(staging_has_plan, "rendering")
    code, _, err = run.stop(signal.SIGINT)
    assert code == 130, err
    assert "Traceback" not in err
    assert err.strip().splitlines()[-1] == "Interrupted; nothing was written."
    assert _files(week_dir) == before
    assert _stages(out) == []

    # 6: a complete run cleans up and puts the folder and the ledger on one plan.
    code, _, err = Run(district, out, seed=1).stop()
    assert code == 0, err
    assert sorted(p.name for p in out.iterdir()) == [WEEK]
    after = _files(week_dir)
    _assert_complete_set(district, after)
    assert _ledger_latest(district) == after["plan.json"].decode()
    assert read_plan(week_dir / "plan.json").version >= 2
