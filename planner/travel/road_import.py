"""Putting a road network in a district's maps folder: clip, simplify, save GraphML.

``import_roads`` reads a file offline (an OSM file of any size is first cut down to the
area's roads, streaming, by ``clip.py``), ``fetch_into`` downloads from OpenStreetMap; both
keep the roads inside the area (``area.py``) and write the file atomically.
"""

from __future__ import annotations

import contextlib
import os
import socket
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import networkx as nx
import osmnx as ox

from planner.errors import InputError
from planner.i18n import msg
from planner.travel.area import Boundary
from planner.travel.clip import Progress, clip_roads
from planner.travel.osm import (
    check_file,
    check_graph,
    failure_reason,
    graph_from_osm_xml,
    keep_routable,
    osmnx_settings,
    read_road_file,
    road_error,
    simplify,
)


def check_output_name(name: str) -> None:
    """The output must be a bare file name ending in .graphml (it goes into maps/)."""
    if Path(name).name != name or not name.endswith(".graphml"):
        raise InputError(msg("err.roads_output", name=repr(name)))


def clip(graph: nx.MultiDiGraph, polygon: Boundary, source: Path | str) -> nx.MultiDiGraph:
    """Keep the roads inside ``polygon`` (plus the edges that cross its edge)."""
    try:
        return ox.truncate.truncate_graph_polygon(graph, polygon, truncate_by_edge=True)
    except ValueError as exc:
        raise road_error(
            source,
            "no road of the file lies inside the district boundary (plus margin)",
            hint="is it an extract of the right area?",
        ) from exc


def save_graphml_atomic(graph: nx.MultiDiGraph, path: Path) -> None:
    """Write ``graph`` as GraphML beside ``path`` then rename it into place (never half-written)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    graph.graph.pop("created_date", None)  # the same roads give the same bytes
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        ox.save_graphml(graph, Path(tmp))
        os.chmod(tmp, 0o644)  # mkstemp's 0600 would hide the maps from the office's other users
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def fetch_roads(polygon: Boundary, timeout_s: float = 10.0) -> nx.MultiDiGraph:
    """Download the roads inside ``polygon`` from OpenStreetMap (Overpass) with osmnx.

    Fails fast without internet: one connection attempt of ``timeout_s`` before the download,
    and any network failure becomes a ``RoadNetworkError`` suggesting ``roads import``.
    """
    host = urlparse(ox.settings.overpass_url).hostname or "overpass-api.de"
    offline_hint = (
        "without internet, download an OpenStreetMap extract elsewhere (e.g. a Sumatra "
        ".osm.pbf) and run `planner roads import FILE`"
    )
    try:
        with socket.create_connection((host, 443), timeout=timeout_s):
            pass
    except Exception as exc:  # DNS failure, refused, timeout, or a sandbox that forbids it
        raise road_error(
            "OpenStreetMap", f"cannot reach {host} ({failure_reason(exc)})", hint=offline_hint
        ) from exc
    try:
        with osmnx_settings():
            graph = ox.graph_from_polygon(
                polygon,
                network_type="all",
                simplify=False,
                retain_all=True,
                truncate_by_edge=True,
            )
    except Exception as exc:
        raise road_error(
            "OpenStreetMap", f"downloading roads failed ({failure_reason(exc)})", hint=offline_hint
        ) from exc
    graph = keep_routable(graph)
    check_graph(graph, Path(f"OpenStreetMap ({host})"))
    return graph


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What ``planner roads import``/``fetch`` kept, of what it read, and where it wrote it."""

    nodes_kept: int
    edges_kept: int
    read: str
    """What was read, e.g. ``74,012,345 nodes and 2,345,678 road ways in the file``."""
    path: Path

    def lines(self, where: str, name: str) -> list[str]:
        """What the command prints: what was kept, where it went, the planner.toml line."""
        return [
            f"Kept {self.nodes_kept:,} nodes and {self.edges_kept:,} road edges (of "
            f"{self.read}) inside {where}.",
            f"Wrote {self.path}",
            "To plan with it, add this line to planner.toml (above the first [table]):",
            f'  roads = "{name}"',
        ]


def import_roads(
    source: Path, area: Boundary, out: Path, progress: Progress | None = None
) -> ImportReport:
    """Read ``source`` offline, keep the roads inside ``area``, simplify, save GraphML ``out``.

    An OSM file (any size) is first clipped to the roads touching ``area`` by streaming
    (``progress`` follows that), then osmnx builds the graph of that small file only; the
    exact clip below then keeps the edges with an end inside ``area``. GraphML is read whole.
    """
    kind = check_file(source)
    if kind == "graphml":
        graph = read_road_file(source)
        read = f"{graph.number_of_nodes():,} nodes and {graph.number_of_edges():,} edges read"
        return _save_clipped(graph, area, out, source, read)
    with tempfile.TemporaryDirectory(prefix="planner-roads-") as tmp:
        clipped = Path(tmp) / "roads.osm"
        report = clip_roads(source, area, clipped, progress)
        if progress is not None:
            progress("building the road graph of the district", 1.0)
        graph = graph_from_osm_xml(clipped, source, kind)
    read = f"{report.nodes_read:,} nodes and {report.road_ways_read:,} road ways in the file"
    return _save_clipped(graph, area, out, source, read)


def fetch_into(area: Boundary, out: Path) -> ImportReport:
    """Download the roads inside ``area`` (needs internet), simplify, save GraphML ``out``."""
    graph = fetch_roads(area)
    read = f"{graph.number_of_nodes():,} nodes and {graph.number_of_edges():,} edges downloaded"
    return _save_clipped(graph, area, out, "OpenStreetMap", read)


def _save_clipped(
    graph: nx.MultiDiGraph, area: Boundary, out: Path, source: Path | str, read: str
) -> ImportReport:
    graph = simplify(clip(graph, area, source))
    check_graph(graph, Path(str(source)))
    save_graphml_atomic(graph, out)
    return ImportReport(graph.number_of_nodes(), graph.number_of_edges(), read, out)
