"""Clip an OSM file of any size to the roads of an area, streaming, in bounded memory.

``planner roads import`` takes a whole regional extract (a Geofabrik Sumatra PBF is hundreds
of MB): osmnx would build all of it in memory, so the file is first cut down here to the
roads that matter, written as a small OSM XML file osmnx then reads. Kept: every way tagged
``highway`` with a class some profile may use (``ROUTABLE_HIGHWAYS``) or ``route=ferry`` that
has at least one node inside the area, whole (a way crossing the boundary keeps its outer
nodes), and every node those ways use.

Two passes over the file (pyosmium reads .osm.pbf, .osm, .osm.gz and .osm.bz2):

1. nodes, then ways: a node inside the area's bounding box waits in a batch for the vectorised
   point-in-polygon test (shapely); the ids found inside are kept in a sorted numpy array. The
   ways (osmium's C++ key filter lets only ``highway``/``route`` ways reach Python) are tested
   in batches against that array; the kept ones stay in memory.
2. nodes: the nodes the kept ways use are copied to the output, then the kept ways.

What is held is proportional to the area, never to the file: the ids of the nodes inside the
area, the kept ways and, in pass 2, the ids of their nodes. osmium's own id sets are bitmaps
of 4 MiB per 2**25 ids touched (up to 1.5 GiB for today's node ids); pass 2 uses one to filter
in C++ only while the ids it needs touch few enough chunks (``IDSET_BUDGET_BYTES``), else it
tests each node in Python (slower, same result). Input must be sorted as OSM files are (nodes
before ways).
"""

from __future__ import annotations

import contextlib
import os
from array import array
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import osmium
import osmium.filter
import shapely

from planner.travel.osm import check_file, reading, road_error
from planner.travel.speeds import ROUTABLE_HIGHWAYS

Progress = Callable[[str, float], None]
"""``progress(stage, fraction)``: what is being done and how far along the whole clip (0-1)."""

IdArray = npt.NDArray[np.int64]

PASSES = 2
NODE_BATCH = 65_536
"""Nodes of the bounding box tested against the polygon at once."""
WAY_BATCH = 8_192
"""Road ways tested against the inside nodes at once."""
POLL_EVERY = 1 << 16
"""Objects between two progress reports (a count, not a clock: runs repeat exactly)."""
IDSET_BUDGET_BYTES = 256 * 1024 * 1024
"""Most memory pass 2 may give osmium's id bitmap (4 MiB per 2**25 node ids touched)."""
_IDSET_CHUNK_SHIFT = 25
_IDSET_CHUNK_BYTES = 1 << 22
NO_ROADS = "no road of the file lies inside the district boundary (plus margin)"


@dataclass(frozen=True, slots=True)
class KeptWay:
    """A road way kept for the output: its id, node ids and tags (copied out of osmium)."""

    id: int
    refs: IdArray
    tags: dict[str, str]


@dataclass(frozen=True, slots=True)
class ClipReport:
    """What a clip read and wrote."""

    nodes_read: int
    road_ways_read: int
    ways_kept: int
    nodes_kept: int


def is_road(tags: Any) -> bool:
    """A way some profile may drive or ride (``ROUTABLE_HIGHWAYS``), or a ferry route."""
    return tags.get("highway") in ROUTABLE_HIGHWAYS or tags.get("route") == "ferry"


class _Reporter:
    """Turns pass and bytes read into ``progress(stage, fraction)`` calls.

    pyosmium does not tell how far its reader is; on Linux the position of the reader's file
    descriptor (``/proc/self/fdinfo``) does, elsewhere the bar moves pass by pass.
    """

    def __init__(self, progress: Progress | None, path: Path) -> None:
        self.progress = progress
        self.path = str(path.resolve())
        self.total = max(path.stat().st_size, 1)
        self.step, self.what, self.fd = 0, "", -1

    def start(self, step: int, what: str) -> None:
        """A new pass begins."""
        self.step, self.what, self.fd = step, what, -1
        self._report(0)

    def poll(self) -> None:
        """Report how far the current pass has read (when that can be known)."""
        if self.progress is not None:
            self._report(self._position())

    def finish(self) -> None:
        """The current pass is done."""
        self._report(self.total)

    def _report(self, done: int) -> None:
        if self.progress is None:
            return
        done = min(max(done, 0), self.total)
        mb = 1024 * 1024
        stage = (
            f"pass {self.step} of {PASSES}, {self.what}: "
            f"{done / mb:,.0f} of {self.total / mb:,.0f} MB"
        )
        self.progress(stage, (self.step - 1 + done / self.total) / PASSES)

    def _position(self) -> int:
        with contextlib.suppress(OSError, ValueError):
            if self.fd < 0:
                for name in os.listdir("/proc/self/fd"):
                    if os.readlink(f"/proc/self/fd/{name}") == self.path:
                        self.fd = int(name)
            if self.fd >= 0:
                with open(f"/proc/self/fdinfo/{self.fd}", encoding="ascii") as info:
                    for line in info:
                        if line.startswith("pos:"):
                            return int(line.split()[1])
        return 0


class _Inside:
    """Pass 1's nodes: those in the area's bounding box wait here for the polygon test."""

    def __init__(self, area: Any) -> None:
        self.area = area
        shapely.prepare(area)
        self.ids, self.lon, self.lat = array("q"), array("d"), array("d")
        self.found: list[IdArray] = []

    def flush(self) -> None:
        """Test the waiting nodes; keep the ids of those inside (or on) the polygon."""
        if not self.ids:
            return
        ids = np.frombuffer(self.ids, dtype=np.int64)
        lon, lat = np.frombuffer(self.lon), np.frombuffer(self.lat)
        self.found.append(ids[shapely.intersects_xy(self.area, lon, lat)].copy())
        self.ids, self.lon, self.lat = array("q"), array("d"), array("d")

    def sorted_ids(self) -> IdArray:
        """Every id found inside, sorted (for ``np.searchsorted``)."""
        self.flush()
        found = np.unique(np.concatenate(self.found)) if self.found else np.empty(0, np.int64)
        self.found = [found]
        return found


class _Ways:
    """Pass 1's road ways: tested in batches against the sorted ids of the inside nodes."""

    def __init__(self) -> None:
        self.batch: list[KeptWay] = []
        self.kept: list[KeptWay] = []
        self.read = 0

    def add(self, way: Any) -> None:
        """Queue ``way`` (still osmium's object: copied out now) for the inside test; a way
        of fewer than two nodes is no road."""
        self.read += 1
        refs = np.array([r.ref for r in way.nodes], dtype=np.int64)
        if len(refs) >= 2:
            self.batch.append(KeptWay(way.id, refs, {t.k: t.v for t in way.tags}))

    def flush(self, inside: IdArray) -> None:
        """Keep the queued ways with a node in ``inside`` (sorted ids)."""
        if self.batch and len(inside):
            refs = np.concatenate([w.refs for w in self.batch])
            at = np.minimum(np.searchsorted(inside, refs), len(inside) - 1)
            starts = np.cumsum([0] + [len(w.refs) for w in self.batch[:-1]])
            touch = np.logical_or.reduceat(inside[at] == refs, starts)
            self.kept.extend(w for w, hit in zip(self.batch, touch, strict=True) if hit)
        self.batch = []


def _find_roads(source: Path, area: Any, reporter: _Reporter) -> tuple[_Ways, int]:
    """Pass 1: the road ways with a node inside ``area``, and how many nodes were read."""
    inside = _Inside(area)
    west, south, east, north = area.bounds
    ways, ids = _Ways(), None
    keys = osmium.filter.KeyFilter("highway", "route")
    keys.enable_for(osmium.osm.WAY)
    nodes = 0
    reporter.start(1, "finding the roads")
    reader = osmium.FileProcessor(str(source), osmium.osm.NODE | osmium.osm.WAY)
    for seen, obj in enumerate(reader.with_filter(keys), 1):
        if not seen % POLL_EVERY:
            reporter.poll()
        if type(obj) is osmium.osm.Node:
            if ids is not None:
                raise road_error(
                    source,
                    "its nodes do not all come before its ways (an unsorted file)",
                    hint="sort it first: `osmium sort FILE -o sorted.osm.pbf`",
                )
            nodes += 1
            location = obj.location
            lon = location.lon
            if west <= lon <= east:
                lat = location.lat
                if south <= lat <= north:
                    inside.ids.append(obj.id)
                    inside.lon.append(lon)
                    inside.lat.append(lat)
                    if len(inside.ids) >= NODE_BATCH:
                        inside.flush()
        elif is_road(obj.tags):
            if ids is None:
                ids = inside.sorted_ids()
            ways.add(obj)
            if len(ways.batch) >= WAY_BATCH:
                ways.flush(ids)
    ways.flush(inside.sorted_ids())
    reporter.finish()
    return ways, nodes


def _idset_fits(ids: IdArray) -> bool:
    """Whether osmium's bitmap of ``ids`` stays within ``IDSET_BUDGET_BYTES`` (and holds them:
    it takes no negative id, as files edited in JOSM may have)."""
    if not len(ids) or ids[0] < 0:
        return False
    chunks = len(np.unique(ids >> _IDSET_CHUNK_SHIFT))
    return chunks * _IDSET_CHUNK_BYTES <= IDSET_BUDGET_BYTES


def _write(source: Path, out: Path, ways: list[KeptWay], reporter: _Reporter) -> int:
    """Pass 2: copy the nodes ``ways`` use, then ``ways``, to ``out``; return nodes written."""
    needed = np.unique(np.concatenate([w.refs for w in ways]))
    reader = osmium.FileProcessor(str(source), osmium.osm.NODE)
    wanted: set[int] | None = None
    poll_every = POLL_EVERY
    if _idset_fits(needed):  # only the wanted nodes reach Python: report more often
        reader.with_filter(osmium.filter.IdFilter(needed.tolist()))
        poll_every = 256
    else:
        wanted = set(needed.tolist())
    written = 0
    reporter.start(2, "copying their nodes")
    with osmium.SimpleWriter(str(out), overwrite=True) as writer:
        for seen, node in enumerate(reader, 1):
            if not seen % poll_every:
                reporter.poll()
            if wanted is None or node.id in wanted:
                writer.add_node(node)
                written += 1
        for way in ways:
            writer.add_way(
                osmium.osm.mutable.Way(id=way.id, nodes=way.refs.tolist(), tags=way.tags)
            )
    reporter.finish()
    return written


def clip_roads(source: Path, area: Any, out: Path, progress: Progress | None = None) -> ClipReport:
    """Write to ``out`` (OSM XML, or PBF by its name) the road ways of OSM file ``source``
    with a node inside ``area`` (a shapely polygon in lon/lat), and the nodes they use.

    Raises ``RoadNetworkError`` naming ``source`` when it is not an OSM file, cannot be read or
    holds no road in the area; never another exception.
    """
    kind = check_file(source)
    if kind == "graphml":
        raise road_error(source, "is GraphML, not an OpenStreetMap file")
    reporter = _Reporter(progress, source)
    with reading(source, kind):
        ways, nodes_read = _find_roads(source, area, reporter)
        if not ways.kept:
            raise road_error(source, NO_ROADS, hint="is it an extract of the right area?")
        written = _write(source, out, ways.kept, reporter)
    return ClipReport(nodes_read, ways.read, len(ways.kept), written)
