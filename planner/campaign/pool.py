"""Simulations side by side: one process per core, results in the order asked.

Each job is independent and deterministic (count-based search stops, a fixed seed), so running
them in parallel changes when they finish, never what they give. A worker loads the district,
its ledger state and travel model once (matrices come from the folder's disk cache).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from multiprocessing import get_context
from pathlib import Path
from typing import TypeVar

from planner.calendar import Week
from planner.campaign.simulate import CampaignState, start_state
from planner.solve.engines.portfolio import cpus
from planner.travel import TravelModel

J = TypeVar("J")
R = TypeVar("R")
_START: dict[tuple[str, str, str], tuple[CampaignState, TravelModel]] = {}


def worker_start(folder: Path, roads: Path | None, week: Week) -> tuple[CampaignState, TravelModel]:
    """The campaign's state before ``week`` (the folder's tables after its ledger, only read)
    and its travel model, loaded once per process: a district does not cross processes (its
    read-only mappings do not pickle), the folder's name does."""
    from planner.io import load_district
    from planner.ledger import Ledger, ledger_path
    from planner.workflow.week import district_travel

    key = (str(folder), str(roads), week.label)
    if key not in _START:
        district, _ = load_district(folder)
        path = ledger_path(folder)
        if path.exists():
            with Ledger.open(path) as ledger:
                state = start_state(district, ledger, week)
        else:
            state = start_state(district, None, week)
        _START[key] = (state, district_travel(folder, district, roads))
    return _START[key]


def cores() -> int:
    """Processes to run side by side: the CPUs this process may use, at most 2 per run."""
    return max(1, min(2, cpus()))


def run_all(
    job: Callable[[J], R],
    jobs: Sequence[J],
    *,
    workers: int | None = None,
    done: Callable[[int, int], None] | None = None,
) -> list[R]:
    """``job`` of every item of ``jobs``, in parallel processes when there are several jobs and
    cores; ``done(finished, total)`` after each. ``job`` must be a module-level function."""
    count = min(len(jobs), workers or cores())
    results: list[R | None] = [None] * len(jobs)
    if count <= 1:
        for i, item in enumerate(jobs):
            results[i] = job(item)
            if done is not None:
                done(i + 1, len(jobs))
        return [r for r in results if r is not None]
    with ProcessPoolExecutor(max_workers=count, mp_context=get_context("spawn")) as pool:
        futures = {pool.submit(job, item): i for i, item in enumerate(jobs)}
        for finished, future in enumerate(as_completed(futures), start=1):
            results[futures[future]] = future.result()
            if done is not None:
                done(finished, len(jobs))
    return [r for r in results if r is not None]
