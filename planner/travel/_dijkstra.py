"""Many-source Dijkstra with scipy, in chunks and (for big jobs) in worker processes.

Kept apart from ``roads.py`` so worker processes import only numpy and scipy. scipy's
``dijkstra`` holds the GIL, so threads do not help; processes roughly halve the time on two
cores for a 1,000-site matrix on a 100k-node graph (measured in benchmarks/travel_matrix.py).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor

import numpy as np
import numpy.typing as npt
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import dijkstra

log = logging.getLogger("planner")

CHUNK_CELLS = 8_000_000
"""Cells of one chunk's (sources × graph nodes) float64 result: 64 MB, whatever the graph."""
PARALLEL_MIN_CELLS = 30_000_000
"""Below this much work (sources × nodes, ≈ 4 s on one core) processes cost more than they
save: starting a worker takes about half a second."""
MAX_WORKERS = 4

_GRAPH: csr_matrix | None = None
_TARGETS: npt.NDArray[np.int64] | None = None


def available_cpus() -> int:
    """CPUs this process may run on (the affinity mask, not the machine's count)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def _init(
    data: npt.NDArray[np.float64],
    indices: npt.NDArray[np.int32],
    indptr: npt.NDArray[np.int32],
    n_nodes: int,
    targets: npt.NDArray[np.int64],
) -> None:
    global _GRAPH, _TARGETS
    _GRAPH = csr_matrix((data, indices, indptr), shape=(n_nodes, n_nodes))
    _TARGETS = targets


def _rows(sources: npt.NDArray[np.int64]) -> npt.NDArray[np.float64]:
    assert _GRAPH is not None
    assert _TARGETS is not None
    return _solve(_GRAPH, sources, _TARGETS)


def _solve(
    graph: csr_matrix, sources: npt.NDArray[np.int64], targets: npt.NDArray[np.int64]
) -> npt.NDArray[np.float64]:
    full = dijkstra(graph, directed=True, indices=sources)
    rows: npt.NDArray[np.float64] = np.ascontiguousarray(full[:, targets])
    return rows


def site_weights(
    graph: csr_matrix, nodes: npt.NDArray[np.int64], workers: int | None = None
) -> npt.NDArray[np.float64]:
    """Shortest-path weights between every pair of ``nodes`` (row = from), ``inf`` if none.

    Runs Dijkstra from the site nodes only, ``CHUNK_CELLS`` at a time so memory stays flat;
    ``workers=None`` picks processes for big jobs, 1 forces a single process.
    """
    n_nodes = graph.shape[0]
    k = len(nodes)
    if k == 0:
        return np.zeros((0, 0))
    if workers is None:
        big = k * n_nodes >= PARALLEL_MIN_CELLS
        workers = min(available_cpus(), MAX_WORKERS) if big else 1
    per_chunk = max(1, min(k, CHUNK_CELLS // max(n_nodes, 1)))
    if workers > 1:
        # several chunks per worker so one slow chunk does not leave a core idle
        per_chunk = max(1, min(per_chunk, -(-k // (workers * 4))))
    chunks = [nodes[i : i + per_chunk] for i in range(0, k, per_chunk)]
    if workers > 1 and len(chunks) > 1:
        try:
            # spawn, not fork: the caller may hold threads (OR-Tools, a GUI) that fork would copy
            context = multiprocessing.get_context("spawn")
            with ProcessPoolExecutor(
                max_workers=min(workers, len(chunks)),
                mp_context=context,
                initializer=_init,
                initargs=(graph.data, graph.indices, graph.indptr, n_nodes, nodes),
            ) as pool:
                return np.vstack(list(pool.map(_rows, chunks)))
        except Exception as exc:  # no processes allowed here: still answer, just slower
            log.warning("parallel Dijkstra failed (%s); continuing in one process", exc)
    return np.vstack([_solve(graph, chunk, nodes) for chunk in chunks])


def predecessors(graph: csr_matrix, source: int) -> npt.NDArray[np.int32]:
    """The shortest-path tree from ``source`` (``-9999`` marks nodes it does not reach)."""
    _, pred = dijkstra(graph, directed=True, indices=source, return_predecessors=True)
    result: npt.NDArray[np.int32] = pred
    return result
