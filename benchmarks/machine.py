"""The speed of the machine a benchmark ran on, and CPU load to put beside a run.

``machine_seconds`` times a fixed pure-Python loop, printed beside every timing so figures
from machines of the same kind (which differ 2–3× in single-core speed) can be compared.
``burning`` keeps other processes busy on the CPUs while a measured run goes on.
"""

from __future__ import annotations

import math
import multiprocessing
import time
from collections.abc import Iterator
from contextlib import contextmanager


def machine_seconds() -> float:
    """Seconds for a fixed pure-Python loop (best of 3): how fast this machine runs Python."""
    best = math.inf
    for _ in range(3):
        start = time.perf_counter()
        total = 0
        for i in range(3_000_000):
            total += i * i % 7
        best = min(best, time.perf_counter() - start)
    return best


def _burn() -> None:
    """Spin forever (a CPU-bound process, stopped by its parent)."""
    total = 0
    while True:
        total = (total + 1) % 1_000_003


@contextmanager
def burning(processes: int) -> Iterator[None]:
    """``processes`` CPU-burning processes run for the duration of the block."""
    context = multiprocessing.get_context("spawn")
    burners = [context.Process(target=_burn, daemon=True) for _ in range(processes)]
    for burner in burners:
        burner.start()
    try:
        yield
    finally:
        for burner in burners:
            burner.terminate()
        for burner in burners:
            burner.join()
