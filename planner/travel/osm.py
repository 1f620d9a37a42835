"""Road network files: read OSM XML / PBF / GraphML offline and keep the usable roads.

Everything a user can get wrong about a road file ends here in one ``RoadNetworkError`` naming
the file and what is wrong; osmnx and osmium never leak a traceback. ``planner roads import``
takes OSM files of any size (``clip.py`` cuts them to the district first, streaming). A file
named directly in planner.toml (``roads = "x.osm"``) is read whole by osmnx at plan time, which
needs about 8-10 bytes of RAM per byte of OSM XML, so such files are size-checked before
parsing and a large one is sent to ``planner roads import``.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import tempfile
import warnings
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import networkx as nx
import osmnx as ox

from planner.errors import Problem, RoadNetworkError
from planner.i18n import Msg, msg
from planner.travel.speeds import ROUTABLE_HIGHWAYS, TAG_KEYS

log = logging.getLogger("planner")

MB = 1024 * 1024
MAX_XML_BYTES = 500 * MB
"""Largest plain OSM XML file read whole at plan time (osmnx needs roughly 8-10× its size)."""
MAX_COMPRESSED_XML_BYTES = 50 * MB
"""Largest ``.osm.gz``/``.osm.bz2`` read whole at plan time (about 10× that decompressed)."""
MAX_PBF_BYTES = 100 * MB
"""Largest ``.osm.pbf`` read whole at plan time (``planner roads import`` takes any size)."""
MAX_GRAPHML_BYTES = 500 * MB
"""Largest GraphML file read (a simplified district network is a few MB)."""


def road_error(path: Path | str, message: str | Msg, hint: str | Msg = "") -> RoadNetworkError:
    """A ``RoadNetworkError`` about ``path`` (shown as ``path: message — hint``)."""
    return RoadNetworkError([Problem(file=str(path), message=message, hint=hint)])


def sha256_file(path: Path) -> str:
    """The file's sha256 (hex), read in chunks: the cache key of a road network."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _human(size_bytes: int) -> str:
    if size_bytes >= 1024 * MB:
        return f"{size_bytes / (1024 * MB):.1f} GB"
    return f"{size_bytes / MB:.0f} MB" if size_bytes >= MB else f"{size_bytes} bytes"


def file_kind(path: Path) -> str:
    """``"xml"``, ``"pbf"`` or ``"graphml"`` from the name, else by sniffing the first bytes."""
    name = path.name.lower()
    if name.endswith(".pbf"):
        return "pbf"
    if name.endswith(".graphml"):
        return "graphml"
    if name.endswith((".osm", ".osm.gz", ".osm.bz2", ".osm.xml")):
        return "xml"
    with path.open("rb") as handle:
        head = handle.read(4096)
    if b"<graphml" in head:
        return "graphml"
    if b"<osm" in head:
        return "xml"
    if b"OSMHeader" in head[:64]:
        return "pbf"
    raise road_error(path, msg("err.roads.unknown_kind"))


def _limit(path: Path, kind: str) -> int:
    if kind == "pbf":
        return MAX_PBF_BYTES
    if kind == "graphml":
        return MAX_GRAPHML_BYTES
    if path.suffix.lower() in (".gz", ".bz2"):
        return MAX_COMPRESSED_XML_BYTES
    return MAX_XML_BYTES


def check_file(path: Path) -> str:
    """Check ``path`` exists and is not empty; return its kind (``file_kind``)."""
    if not path.exists():
        raise road_error(path, msg("err.roads.not_found"))
    if not path.is_file():
        raise road_error(path, msg("err.roads.not_a_file"))
    try:
        if path.stat().st_size == 0:
            raise road_error(path, msg("err.roads.empty"))
        return file_kind(path)
    except OSError as exc:
        raise road_error(path, msg("err.roads.unreadable", reason=str(exc))) from exc


def check_readable(path: Path) -> str:
    """``check_file``, and the size limit of a file read whole; return its kind.

    The size is checked before anything is parsed, so a 2 GB country extract named in
    planner.toml fails in milliseconds with the limit it met instead of exhausting memory.
    """
    kind = check_file(path)
    size_bytes = path.stat().st_size
    limit = _limit(path, kind)
    if size_bytes > limit:
        raise road_error(
            path,
            f"the file is {_human(size_bytes)}, over planner's limit of {_human(limit)} for "
            f"{kind_name(kind)} road files read at plan time (reading it whole would need far "
            "more memory than a laptop has)",
            hint=f"import it instead: `planner roads import {path.name}` keeps the district's "
            "roads (from a file of any size) in maps/roads.graphml; then set "
            'roads = "roads.graphml"',
        )
    return kind


@contextlib.contextmanager
def osmnx_settings() -> Iterator[None]:
    """Keep the tags our speed rules read, and never touch the network or the CWD cache."""
    saved = (ox.settings.useful_tags_way, ox.settings.use_cache, ox.settings.log_console)
    ox.settings.useful_tags_way = sorted(set(ox.settings.useful_tags_way) | set(TAG_KEYS))
    ox.settings.use_cache = False
    ox.settings.log_console = False
    try:
        yield
    finally:
        ox.settings.useful_tags_way, ox.settings.use_cache, ox.settings.log_console = saved


def _pbf_to_xml(path: Path, xml_path: Path) -> None:
    """Copy the routable ways of a PBF (and the nodes they use) into an OSM XML file.

    Two streaming passes (ways, then everything with the tracked ids) keep memory to the roads
    only; osmium's BackReferenceWriter would do it in one call but leaks a temp dir on error.
    """
    import osmium

    tracker = osmium.IdTracker()
    for way in osmium.FileProcessor(str(path), osmium.osm.WAY):
        if way.tags.get("highway") in ROUTABLE_HIGHWAYS:
            tracker.add_way(way.id)
            tracker.add_references(way)
    with osmium.SimpleWriter(str(xml_path)) as writer:
        for obj in osmium.FileProcessor(str(path), osmium.osm.NODE | osmium.osm.WAY).with_filter(
            tracker.id_filter()
        ):
            if isinstance(obj, osmium.osm.Node):
                writer.add_node(obj)
            elif isinstance(obj, osmium.osm.Way):
                writer.add_way(obj)


def _graph_from_xml(path: Path) -> nx.MultiDiGraph:
    with warnings.catch_warnings():
        # Extracts saved by osmnx (as the shared sample's) read fine; its warning that this
        # "use case is not supported" would reach the user as a library traceback line.
        warnings.filterwarnings("ignore", message=".*generated by OSMnx", category=UserWarning)
        graph = ox.graph_from_xml(path, simplify=False, retain_all=True)
    return keep_routable(graph)


@contextlib.contextmanager
def reading(path: Path, kind: str) -> Iterator[None]:
    """Turn any failure of the reading inside into one ``RoadNetworkError`` naming ``path``
    (osmnx, networkx, osmium and XML errors all mean "unusable file")."""
    try:
        yield
    except RoadNetworkError:
        raise
    except MemoryError as exc:
        raise road_error(path, "ran out of memory reading the road network") from exc
    except Exception as exc:
        msg = f"cannot read it as {kind_name(kind)}: {failure_reason(exc)}"
        raise road_error(path, msg) from exc


def graph_from_osm_xml(xml_path: Path, source: Path, kind: str) -> nx.MultiDiGraph:
    """The usable roads of OSM XML ``xml_path``, not simplified; ``xml_path`` was cut from
    ``source`` (of ``kind``), which errors name."""
    with reading(source, kind), osmnx_settings():
        graph = _graph_from_xml(xml_path)
    check_graph(graph, source)
    return graph


def read_road_file(path: Path) -> nx.MultiDiGraph:
    """Load a road network offline, whole: OSM XML (.osm, .osm.gz), .osm.pbf or GraphML.

    OSM files keep only roads some profile may use and are simplified (osmnx) so the matrix
    graph stays small; GraphML is taken as saved (``planner roads import`` wrote it so).
    Raises ``RoadNetworkError`` naming the file and the problem, never another exception.
    """
    kind = check_readable(path)
    with reading(path, kind), osmnx_settings():
        if kind == "graphml":
            graph = ox.load_graphml(path)
        elif kind == "pbf":
            with tempfile.TemporaryDirectory(prefix="planner-pbf-") as tmp:
                xml_path = Path(tmp) / "roads.osm"
                _pbf_to_xml(path, xml_path)
                graph = _graph_from_xml(xml_path)
        else:
            graph = _graph_from_xml(path)
    check_graph(graph, path)
    return graph if kind == "graphml" else simplify(graph)


def kind_name(kind: str) -> str:
    """``OSM XML``, ``OSM PBF`` or ``GraphML``: a ``file_kind`` in a message."""
    return {"xml": "OSM XML", "pbf": "OSM PBF", "graphml": "GraphML"}[kind]


def failure_reason(exc: BaseException) -> str:
    """What went wrong, in one line a coordinator can act on (osmnx errors are cryptic)."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    if "No data elements" in text:
        return "it holds no OSM nodes or ways"
    if "missing nodes" in text or isinstance(exc, KeyError):
        return f"a way or edge refers to a node missing from the file ({type(exc).__name__})"
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def keep_routable(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Drop every edge that is not a road some profile may use (buildings, rivers, steps, …)
    or a ferry route, and the nodes left without edges."""
    drop = [
        (u, v, k)
        for u, v, k, data in graph.edges(keys=True, data=True)
        if (not _routable(data.get("highway")) or data.get("area") == "yes") and not is_ferry(data)
    ]
    graph.remove_edges_from(drop)
    graph.remove_nodes_from([n for n in list(graph.nodes) if graph.degree(n) == 0])
    return graph


def is_ferry(data: Mapping[str, Any]) -> bool:
    """An OSM ferry route (``route=ferry``): kept for boat crossings, never driven."""
    route = data.get("route")
    return "ferry" in (route if isinstance(route, list) else [route])


def _routable(highway: Any) -> bool:
    values = highway if isinstance(highway, list) else [highway]
    return bool(values) and all(v in ROUTABLE_HIGHWAYS for v in values)


def simplify(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Merge chains of degree-2 nodes (osmnx), never across a change of road class or access,
    so every merged edge keeps one set of tags and so one speed."""
    if graph.graph.get("simplified") or graph.number_of_edges() == 0:
        return graph
    return ox.simplify_graph(graph, edge_attrs_differ=list(TAG_KEYS))


def check_graph(graph: nx.MultiDiGraph, path: Path) -> None:
    """Refuse graphs the travel model cannot use: no roads, projected or missing coordinates."""
    if graph.number_of_edges() == 0:
        raise road_error(path, msg("err.roads.no_roads"))
    crs = str(graph.graph.get("crs", "epsg:4326")).lower()
    if crs not in ("epsg:4326", "wgs84", "wgs 84", "+proj=longlat +datum=wgs84 +no_defs"):
        raise road_error(
            path, f"the graph is projected ({crs}); save it in longitude/latitude (EPSG:4326)"
        )
    bad = 0
    for _, data in graph.nodes(data=True):
        x, y = data.get("x"), data.get("y")
        if not (
            isinstance(x, int | float)
            and isinstance(y, int | float)
            and -180 <= x <= 180
            and -90 <= y <= 90
        ):
            bad += 1
    if bad:
        raise road_error(
            path, f"{bad} of {graph.number_of_nodes()} nodes lack a valid x (lon) / y (lat)"
        )
