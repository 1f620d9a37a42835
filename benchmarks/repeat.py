"""Benchmark: the same plan on a loaded machine — the sample week three times, byte for byte.

    .venv/bin/python benchmarks/repeat.py [--week 2026-W49] [--burners 2]

Runs ``planner plan --week W`` as a new user would (the console command in a child process,
on a fresh copy of the bundled sample made by ``planner init``) three times: two on their own,
one with ``--burners`` CPU-burning processes beside it. Printed per run: wall seconds, what
stopped the search (plan.json ``solver.stopped_by``), weighted people and the plan.json
sha256; then the machine-speed figure (``machine_loop_s``: seconds of a fixed Python loop) and
last ``identical: yes`` only when all three plan.json files are byte-identical (exit 1 if not).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.machine import burning, machine_seconds  # noqa: E402

PLANNER = [sys.executable, "-c", "from planner.__main__ import main; main()"]


@dataclass(frozen=True, slots=True)
class Run:
    """One ``planner plan`` run: how long, what stopped it, what it wrote."""

    label: str
    wall_s: float
    plan_bytes: bytes

    @property
    def digest(self) -> str:
        """sha256 of plan.json (first 16 hex digits)."""
        return hashlib.sha256(self.plan_bytes).hexdigest()[:16]

    def row(self) -> str:
        """The run as one printed line."""
        plan = json.loads(self.plan_bytes)
        return (
            f"{self.label:<16} {self.wall_s:>7.1f} {plan['solver']['stopped_by']:<15} "
            f"{plan['totals']['weighted_people']:>9.1f}  {self.digest}"
        )


def plan_once(week: str, work: Path, label: str) -> Run:
    """``planner init`` a fresh sample copy, then time ``planner plan`` on it. Every run's
    copy is at the same path, since plan.json records the district folder (``data_dir``)."""
    data, out = work / "data", work / label / "out"
    shutil.rmtree(data, ignore_errors=True)
    subprocess.run([*PLANNER, "init", str(data)], check=True, capture_output=True)
    started = time.perf_counter()
    subprocess.run(
        [*PLANNER, "plan", "--week", week, "--data", str(data), "--out", str(out)],
        check=True,
        capture_output=True,
    )
    wall_s = time.perf_counter() - started
    return Run(label, wall_s, (out / week / "plan.json").read_bytes())


def main(argv: Sequence[str] | None = None) -> int:
    """Three runs, one under load; exit 1 unless their plan.json are byte-identical."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--week", default="2026-W49", help="ISO week (fixed for repeatability)")
    parser.add_argument("--burners", type=int, default=2, help="CPU burners beside run 2")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="planner-repeat-") as tmp:
        work = Path(tmp)
        runs = [plan_once(args.week, work, "alone-1")]
        with burning(args.burners):
            runs.append(plan_once(args.week, work, f"beside-{args.burners}-burners"))
        runs.append(plan_once(args.week, work, "alone-2"))
    print(f"week={args.week}")
    print(f"{'run':<16} {'wall_s':>7} {'stopped_by':<15} {'weighted':>9}  plan.json sha256")
    for run in runs:
        print(run.row())
    print(f"machine_loop_s: {machine_seconds():.2f}")
    same = len({run.plan_bytes for run in runs}) == 1
    print(f"identical: {'yes' if same else 'no'}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
