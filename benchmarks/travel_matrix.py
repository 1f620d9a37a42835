"""Benchmark: a 1,000 × 1,000 road travel matrix on a ~100,000-node graph around Curup.

    /work/venv/bin/python benchmarks/travel_matrix.py [--side 316] [--sites 1000] [--runs 3]

The graph is a perturbed grid (150 m spacing, ±30 % jitter) with 10 % of the streets deleted,
mixed road classes (secondary every 25th line, tertiary every 5th, else residential,
unclassified, service, track, path) and 5 % one-way streets. Sites are random points in the
grid, so snapping is exercised. planner's time is a fresh ``RoadTravel`` (edge table, car
network, SCC, snapping, the matrix) each run; networkx runs ``single_source_dijkstra_path_length``
from a sample of sources on the same weighted graph and is scaled to all sources. The last
line is ``speedup_vs_networkx: X``. Targets: ≤ 15 s for planner, ≥ 20× networkx.
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import time

import networkx as nx
import numpy as np

from planner.model import VehicleProfile
from planner.travel.roads import RoadTravel, haversine_m
from planner.travel.speeds import edge_speed_kph

CURUP = (-3.4707, 102.5237)
SPACING_M = 150.0
CAR = VehicleProfile.CAR


def build_graph(side: int, seed: int = 0) -> nx.MultiDiGraph:
    """A ``side``×``side`` perturbed grid of roads centred on Curup (osmnx-style attributes)."""
    rng = np.random.default_rng(seed)
    dlat = SPACING_M / 111_320.0
    dlon = dlat / math.cos(math.radians(CURUP[0]))
    rows, cols = np.meshgrid(np.arange(side), np.arange(side), indexing="ij")
    lat = CURUP[0] + (rows - side / 2 + rng.uniform(-0.3, 0.3, rows.shape)) * dlat
    lon = CURUP[1] + (cols - side / 2 + rng.uniform(-0.3, 0.3, cols.shape)) * dlon
    graph = nx.MultiDiGraph(crs="epsg:4326")
    ids = np.arange(side * side).reshape(side, side)
    graph.add_nodes_from(
        (int(i), {"y": float(y), "x": float(x)})
        for i, y, x in zip(ids.ravel(), lat.ravel(), lon.ravel(), strict=True)
    )
    minor = np.array(["residential", "unclassified", "service", "track", "path"])
    minor_p = np.array([0.6, 0.2, 0.05, 0.1, 0.05])
    for axis in (0, 1):
        a = ids[:, :-1] if axis == 1 else ids[:-1, :]
        b = ids[:, 1:] if axis == 1 else ids[1:, :]
        line = rows[:, :-1] if axis == 1 else cols[:-1, :]
        for u, v, k in zip(a.ravel(), b.ravel(), line.ravel(), strict=True):
            if rng.random() < 0.10:
                continue
            if k % 25 == 0:
                highway = "secondary"
            elif k % 5 == 0:
                highway = "tertiary"
            else:
                highway = str(rng.choice(minor, p=minor_p))
            length = float(
                haversine_m(
                    graph.nodes[u]["y"],
                    graph.nodes[u]["x"],
                    graph.nodes[v]["y"],
                    graph.nodes[v]["x"],
                )
            )
            oneway = highway == "residential" and rng.random() < 0.05 / 0.6
            attrs = {"highway": highway, "length": length, "oneway": oneway}
            if oneway and rng.random() < 0.5:
                u, v = v, u
            graph.add_edge(int(u), int(v), **attrs)
            if not oneway:
                graph.add_edge(int(v), int(u), **attrs)
    return graph


def networkx_graph(graph: nx.MultiDiGraph) -> nx.DiGraph:
    """The same car network for networkx: minutes per edge, parallel edges → the fastest."""
    simple = nx.DiGraph()
    for u, v, data in graph.edges(data=True):
        speed = edge_speed_kph(data, CAR)
        if speed is None:
            continue
        minutes = data["length"] / 1000.0 / speed * 60.0
        if not simple.has_edge(u, v) or simple[u][v]["minutes"] > minutes:
            simple.add_edge(u, v, minutes=minutes)
    return simple


def main() -> None:
    """Build, time, compare, print; the last line is the speed-up."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--side", type=int, default=316, help="grid side (316² ≈ 100k nodes)")
    parser.add_argument("--sites", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--nx-sources", type=int, default=10)
    args = parser.parse_args()

    t0 = time.perf_counter()
    graph = build_graph(args.side)
    print(
        f"graph: {graph.number_of_nodes():,} nodes, {graph.number_of_edges():,} edges "
        f"(built in {time.perf_counter() - t0:.1f} s)"
    )
    rng = np.random.default_rng(1)
    lats = [graph.nodes[n]["y"] for n in graph.nodes]
    lons = [graph.nodes[n]["x"] for n in graph.nodes]
    sites = list(
        zip(
            rng.uniform(min(lats), max(lats), args.sites).tolist(),
            rng.uniform(min(lons), max(lons), args.sites).tolist(),
            strict=True,
        )
    )

    planner_s = []
    for run in range(args.runs):
        start = time.perf_counter()
        roads = RoadTravel(graph, name="synthetic")
        matrices = roads.matrices(sites, CAR)
        planner_s.append(time.perf_counter() - start)
        print(f"planner run {run + 1}: {planner_s[-1]:.2f} s")
    network = roads.network(CAR)
    print(
        f"car network: {len(network.nodes):,} nodes in the largest strongly connected part, "
        f"{network.csr.nnz:,} edges; finite cells {np.isfinite(matrices.minutes).mean():.1%}"
    )

    simple = networkx_graph(graph)
    snaps = roads._snap(np.array(sites), network)
    site_nodes = [int(network.nodes[i]) for i in snaps.node]
    sample = rng.choice(len(sites), args.nx_sources, replace=False)
    nx_s = []
    worst = 0.0
    for i in sample:
        start = time.perf_counter()
        dist = nx.single_source_dijkstra_path_length(simple, site_nodes[i], weight="minutes")
        nx_s.append(time.perf_counter() - start)
        # same answer? compare road minutes (planner's cell minus the two snap legs)
        leg = snaps.snap_m / 1000.0 * roads.detour_factor / roads.access_speed_kph[CAR] * 60.0
        for j in range(0, len(sites), 50):
            if site_nodes[j] != site_nodes[i]:
                road = matrices.minutes[i, j] - leg[i] - leg[j]
                worst = max(worst, abs(road - dist[site_nodes[j]]))
    nx_scaled = statistics.median(nx_s) * len(sites)
    planner_median = statistics.median(planner_s)
    print(f"networkx per source: median {statistics.median(nx_s):.3f} s over {len(nx_s)} sources")
    print(f"largest difference planner vs networkx: {worst * 60:.2f} s of travel")
    print(f"planner_{len(sites)}x{len(sites)}_median_s: {planner_median:.2f}")
    print(f"networkx_{len(sites)}x{len(sites)}_scaled_s: {nx_scaled:.1f}")
    print(f"speedup_vs_networkx: {nx_scaled / planner_median:.1f}")


if __name__ == "__main__":  # the matrix may start worker processes (spawn imports this file)
    sys.exit(main())
