"""Benchmark: `planner roads import` of a whole regional OSM extract (≥ 300 MB PBF).

    /work/venv/bin/python benchmarks/roads_import.py [--size-mb 320] [--cache-dir /tmp/...]

The input is made from the real eastern Rejang Lebong extract (``../shared/data/rejang_lebong/
roads/rejang_lebong_east.osm.gz``): the original stays where it is (inside the sample
district), and copies of it are laid on a grid over Sumatra and beyond, each with new ids and
shifted coordinates, none within reach of the district. Every tile, the original too, gets
filler buildings (closed ways of four fresh nodes near its roads) as many nodes as its roads,
so most of the file is data that is not a road or lies outside the district, as in a regional
extract. Ids are spread over the range real OSM ids use (nodes up to ~1.3e10, ways ~1.4e9),
each copy in its own dense block, and the file is written sorted and streaming (one tile in
memory at a time) until it reaches ``--size-mb``; it is kept in ``--cache-dir`` keyed by size.

The import runs as a child process (``planner roads import FILE --data COPY-OF-SAMPLE``), so
the peak memory printed (``ru_maxrss`` of the children) is the import's own. Printed: input
MB, nodes and ways in the file, wall seconds, peak MiB, nodes and edges kept, the same figures
for the original extract alone (they must match), a machine-speed figure (seconds for a fixed
pure-Python loop, to compare runs on other machines) and last ``peak_mib_per_input_mb: X``.
Target: a ≥ 300 MB PBF in < 2 GiB peak memory.
"""

from __future__ import annotations

import argparse
import math
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import osmium
from osmium.osm.mutable import Node, Way

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.machine import machine_seconds  # noqa: E402
from planner.io import sample_dir  # noqa: E402
from planner.io.templates import copy_sample  # noqa: E402

SHARED_EXTRACT = (
    Path(__file__).resolve().parents[2]
    / "shared"
    / "data"
    / "rejang_lebong"
    / "roads"
    / "rejang_lebong_east.osm.gz"
)
NODE_ID_SPAN = 13_000_000_000
"""Copies' node ids are spread up to this (real OSM node ids reach about 1.3e10)."""
WAY_ID_SPAN = 1_400_000_000
SUMATRA_WEST, SUMATRA_SOUTH, SUMATRA_NORTH = 95.0, -6.0, 6.0
FILLER_SIDE_DEG = 0.0001
"""A filler building is a square about 11 m across."""


@dataclass(frozen=True, slots=True)
class Tile:
    """One extract as arrays: its nodes, ways (refs as node indices) and bounds."""

    node_ids: np.ndarray
    lon: np.ndarray
    lat: np.ndarray
    way_ids: np.ndarray
    way_refs: list[np.ndarray]
    way_tags: list[dict[str, str]]

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        """West, south, east, north."""
        return (
            float(self.lon.min()),
            float(self.lat.min()),
            float(self.lon.max()),
            float(self.lat.max()),
        )


def load_tile(source: Path, filler: float = 1.0, seed: int = 0) -> Tile:
    """Read ``source`` (any OSM file) and add filler buildings: ``filler`` × its node count
    of building nodes, four per building, each square beside a random node of the file."""
    ids: list[int] = []
    lons: list[float] = []
    lats: list[float] = []
    way_ids: list[int] = []
    refs: list[list[int]] = []
    tags: list[dict[str, str]] = []
    for obj in osmium.FileProcessor(str(source), osmium.osm.NODE | osmium.osm.WAY):
        if isinstance(obj, osmium.osm.Node):
            ids.append(obj.id)
            lons.append(obj.lon)
            lats.append(obj.lat)
        elif isinstance(obj, osmium.osm.Way):
            way_ids.append(obj.id)
            refs.append([r.ref for r in obj.nodes])
            tags.append({t.k: t.v for t in obj.tags})
    node_ids, lon, lat = np.array(ids, np.int64), np.array(lons), np.array(lats)
    order = np.argsort(node_ids)
    node_ids, lon, lat = node_ids[order], lon[order], lat[order]
    way_refs = [np.searchsorted(node_ids, np.array(r, np.int64)) for r in refs]
    buildings = int(len(node_ids) * filler) // 4
    rng = np.random.default_rng(seed)
    at = rng.integers(0, len(node_ids), buildings)
    corner_lon = np.repeat(lon[at] + FILLER_SIDE_DEG, 4) + np.tile([0, 1, 1, 0], buildings) * (
        FILLER_SIDE_DEG
    )
    corner_lat = np.repeat(lat[at] + FILLER_SIDE_DEG, 4) + np.tile([0, 0, 1, 1], buildings) * (
        FILLER_SIDE_DEG
    )
    first = len(node_ids)
    top_node, top_way = int(node_ids.max()), max(way_ids)
    new_ids = top_node + 1 + np.arange(4 * buildings, dtype=np.int64)
    for b in range(buildings):
        ring = first + 4 * b + np.array([0, 1, 2, 3, 0])
        way_refs.append(ring)
        tags.append({"building": "yes"})
        way_ids.append(top_way + 1 + b)
    return Tile(
        np.concatenate([node_ids, new_ids]),
        np.concatenate([lon, corner_lon]),
        np.concatenate([lat, corner_lat]),
        np.array(way_ids, np.int64),
        way_refs,
        tags,
    )


def grid_offsets(
    tile: Tile, count: int, avoid: tuple[float, float, float, float]
) -> Iterator[tuple[float, float]]:
    """``count`` (dlon, dlat) shifts laying copies of ``tile`` on a grid from Sumatra's
    south-west corner, column by column eastward, skipping cells that overlap ``avoid``
    (west, south, east, north: the district plus a wide margin)."""
    west, south, east, north = tile.bounds
    step_lon, step_lat = (east - west) * 1.1, (north - south) * 1.1
    rows = max(1, int((SUMATRA_NORTH - SUMATRA_SOUTH) / step_lat))
    made, cell = 0, 0
    while made < count:
        col, row = divmod(cell, rows)
        cell += 1
        dlon = SUMATRA_WEST + col * step_lon - west
        dlat = SUMATRA_SOUTH + row * step_lat - south
        a_w, a_s, a_e, a_n = avoid
        if (
            west + dlon <= a_e
            and east + dlon >= a_w
            and south + dlat <= a_n
            and north + dlat >= a_s
        ):
            continue
        made += 1
        yield dlon, dlat


def _blocks(original: np.ndarray, count: int, size: int, span: int) -> list[int]:
    """Start ids of ``count`` blocks of ``size`` ids spread over 1..``span``, none holding an
    id of ``original`` (sorted) and none overlapping another."""
    starts: list[int] = []
    floor = 1
    for k in range(count):
        start = max(floor, 1 + k * (span // max(count, 1)))
        while True:
            hit = int(np.searchsorted(original, start))
            if hit < len(original) and original[hit] < start + size:
                start = int(original[hit]) + 1
                continue
            break
        starts.append(start)
        floor = start + size
    return starts


def write_tiled(
    tile: Tile, out: Path, copies: int, avoid: tuple[float, float, float, float]
) -> None:
    """Write ``tile`` as it is plus ``copies`` shifted copies to ``out`` (any osmium format),
    sorted by type and id, streaming: nodes of every tile, then ways of every tile."""
    shifts = list(grid_offsets(tile, copies, avoid))
    node_base = _blocks(tile.node_ids, copies, len(tile.node_ids), NODE_ID_SPAN)
    way_base = _blocks(tile.way_ids, copies, len(tile.way_ids), WAY_ID_SPAN)
    rank = np.arange(len(tile.node_ids), dtype=np.int64)
    node, way = Node(), Way()
    with osmium.SimpleWriter(str(out), overwrite=True) as writer:

        def originals_below(limit: float, done: int, kind: str) -> int:
            ids = tile.node_ids if kind == "n" else tile.way_ids
            stop = int(np.searchsorted(ids, limit))
            for i in range(done, stop):
                if kind == "n":
                    node.id, node.location = int(ids[i]), (tile.lon[i], tile.lat[i])
                    writer.add_node(node)
                else:
                    way.id, way.tags = int(ids[i]), tile.way_tags[i]
                    way.nodes = tile.node_ids[tile.way_refs[i]].tolist()
                    writer.add_way(way)
            return stop

        done = 0
        for base, (dlon, dlat) in zip(node_base, shifts, strict=True):
            done = originals_below(base, done, "n")
            for i, x, y in zip(
                (base + rank).tolist(), tile.lon + dlon, tile.lat + dlat, strict=True
            ):
                node.id, node.location = i, (x, y)
                writer.add_node(node)
        originals_below(math.inf, done, "n")
        done = 0
        for node_start, start in zip(node_base, way_base, strict=True):
            done = originals_below(start, done, "w")
            for k, (refs, tags) in enumerate(zip(tile.way_refs, tile.way_tags, strict=True)):
                way.id, way.tags, way.nodes = start + k, tags, (node_start + refs).tolist()
                writer.add_way(way)
        originals_below(math.inf, done, "w")


def build_pbf(target_mb: float, cache_dir: Path, area_bounds: tuple[float, ...]) -> Path:
    """The tiled PBF of at least ``target_mb`` MB in ``cache_dir`` (made once per size):
    a trial of a few tiles gives the bytes per tile, then the file is written and, should it
    come out short, written again with more copies."""
    out = cache_dir / f"sumatra-tiled-{target_mb:g}mb.osm.pbf"
    if out.is_file() and out.stat().st_size >= target_mb * 1e6:
        return out
    cache_dir.mkdir(parents=True, exist_ok=True)
    tile = load_tile(SHARED_EXTRACT)
    west, south, east, north = area_bounds
    avoid = (west - 0.5, south - 0.5, east + 0.5, north + 0.5)
    trial = cache_dir / "trial.osm.pbf"
    write_tiled(tile, trial, 8, avoid)
    per_copy = trial.stat().st_size / 9
    trial.unlink()
    copies = math.ceil(target_mb * 1e6 / per_copy)
    partial = out.with_suffix(".partial.pbf")
    while True:
        print(f"writing {copies} copies of the extract to {out} …", file=sys.stderr, flush=True)
        write_tiled(tile, partial, copies, avoid)
        size = partial.stat().st_size
        if size >= target_mb * 1e6:
            partial.replace(out)
            return out
        copies = math.ceil(copies * target_mb * 1e6 / size) + 1


def sample_copy(folder: Path) -> Path:
    """A copy of the sample district with its own maps folder (the import writes there)."""
    copy_sample(sample_dir(), folder)
    return folder


@dataclass(frozen=True, slots=True)
class Run:
    """One ``planner roads import`` child process."""

    seconds: float
    peak_mib: float
    nodes_kept: int
    edges_kept: int
    file_nodes: int
    file_road_ways: int


def run_import(source: Path, district: Path) -> Run:
    """Run ``planner roads import source --data district`` in a child process; its wall time,
    peak memory (``ru_maxrss`` of the children: each run is waited for before the next) and
    what it printed."""
    command = [sys.executable, "-c", "from planner.__main__ import main; main()"]
    command += ["roads", "import", str(source), "--data", str(district), "--no-progress"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"import failed ({done.returncode}):\n{done.stderr}")
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    found = re.search(
        r"Kept ([\d,]+) nodes and ([\d,]+) road edges \(of ([\d,]+) nodes and ([\d,]+) road",
        done.stdout,
    )
    if found is None:
        raise SystemExit(f"unexpected output:\n{done.stdout}")
    kept_nodes, kept_edges, file_nodes, file_ways = (
        int(g.replace(",", "")) for g in found.groups()
    )
    return Run(seconds, peak_kib / 1024, kept_nodes, kept_edges, file_nodes, file_ways)


def main(argv: Sequence[str] | None = None) -> int:
    """Build (or reuse) the tiled PBF, import it and the original extract, print figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=float, default=320.0, help="PBF size to build (MB)")
    parser.add_argument(
        "--cache-dir",
        type=Path,
        default=Path(tempfile.gettempdir()) / "planner-bench-roads",
        help="where the tiled PBF is kept between runs",
    )
    args = parser.parse_args(argv)
    if not SHARED_EXTRACT.is_file():
        print(f"missing {SHARED_EXTRACT}", file=sys.stderr)
        return 1
    from planner.travel.area import road_area

    area = road_area(sample_dir(), 5.0)
    pbf = build_pbf(args.size_mb, args.cache_dir, area.polygon.bounds)
    with tempfile.TemporaryDirectory(prefix="planner-bench-") as tmp:
        # the tiled file first: ru_maxrss of the children is the largest child's so far
        tiled = run_import(pbf, sample_copy(Path(tmp) / "tiled"))
        alone = run_import(SHARED_EXTRACT, sample_copy(Path(tmp) / "alone"))
    size_mb = pbf.stat().st_size / 1e6
    print(f"input: {pbf} ({size_mb:,.1f} MB)")
    print(f"nodes_in_file: {tiled.file_nodes:,}  road_ways_in_file: {tiled.file_road_ways:,}")
    print(f"wall_s: {tiled.seconds:.1f}")
    print(f"peak_mib: {tiled.peak_mib:,.0f}")
    print(f"kept: {tiled.nodes_kept:,} nodes, {tiled.edges_kept:,} edges")
    print(
        f"original extract alone: {alone.nodes_kept:,} nodes, {alone.edges_kept:,} edges, "
        f"{alone.seconds:.1f} s ({'same' if alone.nodes_kept == tiled.nodes_kept else 'DIFFERENT'})"
    )
    print(f"machine_loop_s: {machine_seconds():.2f}")
    print(f"peak_mib_per_input_mb: {tiled.peak_mib / size_mb:.2f}")
    return 0 if (alone.nodes_kept, alone.edges_kept) == (tiled.nodes_kept, tiled.edges_kept) else 1


if __name__ == "__main__":
    sys.exit(main())
