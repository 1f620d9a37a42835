"""A Ctrl-C that Python swallowed (raised inside a callback) still stops the run before it
writes anything (found by test_reliability_kill: Ctrl-C while rendering, exit 0, week written)."""

from __future__ import annotations

import contextlib
import signal
from pathlib import Path

import pytest

from planner import interrupt
from planner.calendar import Week
from planner.solve import plan_week
from planner.travel.haversine import StraightLineTravel
from planner.workflow.publish import publish
from tests import districts as D  # noqa: N812


def test_a_swallowed_ctrl_c_still_stops_publish(tmp_path: Path) -> None:
    district = D.mixed()
    travel = StraightLineTravel(district.settings)
    plan = plan_week(district, Week.parse(D.WEEK), travel, solution_limit=3)
    saved: list[str] = []
    interrupt.install()
    try:
        # What Python does with a KeyboardInterrupt raised in a callback: drops it.
        with contextlib.suppress(KeyboardInterrupt):
            interrupt.on_sigint(signal.SIGINT, None)
        with pytest.raises(KeyboardInterrupt):
            publish(
                tmp_path / "week", plan, district, summary="", travel=travel, commit=saved.append
            )
    finally:
        interrupt.install()  # a fresh command forgets the key press
        signal.signal(signal.SIGINT, signal.default_int_handler)
    assert saved == []  # never saved to the ledger
    assert not (tmp_path / "week").exists()  # and nothing swapped in
