"""Benchmark: ``planner forecast --target 98 --weeks 26`` on the sample, timed.

    .venv/bin/python benchmarks/forecast.py [--weeks 26] [--by 2027-03-31] [--today 2026-12-02]

Runs the console command as a user would (a child process, on a fresh copy of the sample made
by ``planner init``, ``PLANNER_TODAY`` fixing "next week") and prints its wall seconds (target:
at most 300 on this 2-core machine), the machine-speed figure (``machine_loop_s``), the load
average, the week the district reaches the target and where the CSV and HTML went. With
``--by`` the deadline's changes are simulated too, in parallel processes (one per core).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.machine import machine_seconds  # noqa: E402

PLANNER = [sys.executable, "-c", "from planner.cli import main; main()"]
TARGET_S = 300.0


def main(argv: list[str] | None = None) -> int:
    """Time the forecast; exit 1 when it fails or takes more than 5 minutes."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--weeks", type=int, default=26)
    parser.add_argument("--target", default="98")
    parser.add_argument("--by", default=None)
    parser.add_argument("--today", default="2026-12-02")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="forecast-bench-"))
    env = {**os.environ, "PLANNER_TODAY": args.today, "PYTHONPATH": str(ROOT)}
    subprocess.run([*PLANNER, "init", str(work / "kab")], check=True, env=env,
                   capture_output=True)  # fmt: skip
    command = [*PLANNER, "forecast", "--target", args.target, "--weeks", str(args.weeks),
               "--data", str(work / "kab"), "--out", str(work / "out"), "--lang", "en"]  # fmt: skip
    if args.by:
        command += ["--by", args.by]
    start = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    print(done.stdout)
    if done.returncode != 0:
        print(done.stderr[-2000:], file=sys.stderr)
    print(f"forecast_weeks: {args.weeks}")
    print(f"wall_s: {wall:.1f} (target ≤ {TARGET_S:.0f})")
    print(f"load_average_1min: {os.getloadavg()[0]:.2f}")
    print(f"machine_loop_s: {machine_seconds():.2f}")
    return 0 if done.returncode == 0 and wall <= TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
