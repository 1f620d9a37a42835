"""A road graph as arrays and one vehicle profile's routable network over it.

``EdgeTable`` turns the osmnx graph into numpy arrays once; ``build_network`` keeps, for one
profile, the edges it may use within the largest strongly connected component, as a CSR matrix
of packed weights (time in the high bits, length in the low bits: see ``pack_weights``) with a
k-d tree of its nodes for snapping. ``RoadTravel`` (``roads.py``) asks the questions.
"""

from __future__ import annotations

import ast
import hashlib
import logging
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
import numpy as np
import numpy.typing as npt
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components
from scipy.spatial import cKDTree

from planner.model import VehicleProfile
from planner.model.geo import EARTH_RADIUS_KM, great_circle_km
from planner.travel.speeds import TAG_KEYS, TagValue

log = logging.getLogger("planner")

EXACT_BELOW = 2**53
"""float64 holds every integer below this exactly: the packed weights must stay under it."""


def haversine_m(
    lat1: npt.ArrayLike, lon1: npt.ArrayLike, lat2: npt.ArrayLike, lon2: npt.ArrayLike
) -> npt.NDArray[np.float64]:
    """Great-circle distance in metres, elementwise (``model.geo``'s haversine)."""
    return great_circle_km(lat1, lon1, lat2, lon2) * 1000.0


def norm_tag(value: Any) -> TagValue:
    """Edge attribute → a hashable tag value (simplified edges hold lists of values)."""
    if value is None:
        return None
    if isinstance(value, str) and value.startswith("[") and value.endswith("]"):
        try:
            value = ast.literal_eval(value)
        except (ValueError, SyntaxError):
            return str(value)
    if isinstance(value, list | tuple | set):
        items = tuple(sorted({str(v) for v in value}))
        return items[0] if len(items) == 1 else items
    return str(value)


@dataclass(frozen=True, eq=False)
class EdgeTable:
    """The graph as arrays: what every profile's network is built from."""

    node_ids: list[Any]
    lat: npt.NDArray[np.float64]
    lon: npt.NDArray[np.float64]
    u: npt.NDArray[np.int64]
    v: npt.NDArray[np.int64]
    key: list[Any]
    length_m: npt.NDArray[np.float64]
    signature: npt.NDArray[np.int64]
    signatures: list[dict[str, TagValue]]

    @classmethod
    def from_graph(cls, graph: nx.MultiDiGraph) -> EdgeTable:
        node_ids = list(graph.nodes)
        index = {n: i for i, n in enumerate(node_ids)}
        lat = np.array([graph.nodes[n]["y"] for n in node_ids], dtype=np.float64)
        lon = np.array([graph.nodes[n]["x"] for n in node_ids], dtype=np.float64)
        n_edges = graph.number_of_edges()
        u = np.empty(n_edges, dtype=np.int64)
        v = np.empty(n_edges, dtype=np.int64)
        length_m = np.empty(n_edges, dtype=np.float64)
        signature = np.empty(n_edges, dtype=np.int64)
        keys: list[Any] = []
        # few distinct tag combinations exist, so speed rules run per combination, not per edge
        seen: dict[tuple[TagValue, ...], int] = {}
        for i, (a, b, k, data) in enumerate(graph.edges(keys=True, data=True)):
            u[i], v[i] = index[a], index[b]
            keys.append(k)
            try:
                length_m[i] = float(data.get("length", "nan"))
            except (TypeError, ValueError):
                length_m[i] = np.nan
            tags = tuple(norm_tag(data.get(t)) for t in TAG_KEYS)
            signature[i] = seen.setdefault(tags, len(seen))
        # an edge without a usable length gets the straight line between its ends
        bad = ~np.isfinite(length_m) | (length_m < 0)
        length_m[bad] = haversine_m(lat[u[bad]], lon[u[bad]], lat[v[bad]], lon[v[bad]])
        signatures = [dict(zip(TAG_KEYS, tags, strict=True)) for tags in seen]
        return cls(node_ids, lat, lon, u, v, keys, length_m, signature, signatures)

    def fingerprint(self) -> str:
        """A sha256 of the graph's content, for caching graphs that did not come from a file."""
        digest = hashlib.sha256()
        for array in (self.lat, self.lon, self.u, self.v, self.length_m, self.signature):
            digest.update(np.ascontiguousarray(array).tobytes())
        digest.update(repr(self.signatures).encode())
        return digest.hexdigest()


def project_m(
    lat: npt.NDArray[np.float64], lon: npt.NDArray[np.float64], lat0: float
) -> npt.NDArray[np.float64]:
    """Local equirectangular metres: good to well under 1% across a district, enough to find
    the nearest node (the reported snap distance is the exact great-circle one)."""
    r = EARTH_RADIUS_KM * 1000.0
    return np.column_stack(
        (np.radians(lon) * np.cos(np.radians(lat0)) * r, np.radians(lat) * r)
    ).astype(np.float64)


@dataclass(eq=False)
class Network:
    """One profile's routable graph: the largest strongly connected component, as CSR."""

    nodes: npt.NDArray[np.int64]  # local index → edge-table node index
    csr: csr_matrix
    tree: cKDTree | None
    length_bits: int
    length_quantum_m: float
    time_quantum_ms: float
    edge_of: dict[tuple[int, int], int] = field(default_factory=dict)  # for path geometry
    dropped_nodes: int = 0

    def decode(
        self, weights: npt.NDArray[np.float64]
    ) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
        """Packed weights → (minutes, km); ``inf`` stays ``inf`` in both."""
        finite = np.isfinite(weights)
        packed = np.where(finite, weights, 0.0)
        scale = float(2**self.length_bits)
        time_q = np.floor(packed / scale)
        length_q = packed - time_q * scale
        minutes = np.where(finite, time_q * self.time_quantum_ms / 60_000.0, np.inf)
        km = np.where(finite, length_q * self.length_quantum_m / 1000.0, np.inf)
        return minutes, km


@dataclass(frozen=True, eq=False)
class Snaps:
    """Where points joined the network: local node (−1 if none) and off-network metres."""

    node: npt.NDArray[np.int64]
    snap_m: npt.NDArray[np.float64]
    nearest_any_m: npt.NDArray[np.float64]  # to any road node at all, for the warning's hint


def pack_weights(
    length_m: npt.NDArray[np.float64], travel_ms: npt.NDArray[np.float64]
) -> tuple[npt.NDArray[np.float64], int, float, float]:
    """Pack time (high bits) and length (low bits) so no path sum can pass 2**53.

    Any shortest-path sum is at most the sum over all edges, so quanta are chosen from those
    totals: 1 m and 1 ms unless the graph is huge, then coarser (time first; the error per edge
    is half a quantum, a fraction of a second for a district).
    """
    length_quantum_m = 1.0
    length_q = np.rint(length_m / length_quantum_m)
    while length_q.sum() >= 2.0**40:
        length_quantum_m *= 10.0
        length_q = np.rint(length_m / length_quantum_m)
    bits = int(length_q.sum()).bit_length()
    time_quantum_ms = 1.0
    time_q = np.maximum(1.0, np.rint(travel_ms / time_quantum_ms))
    while time_q.sum() >= 2.0 ** (53 - bits):
        time_quantum_ms *= 2.0
        time_q = np.maximum(1.0, np.rint(travel_ms / time_quantum_ms))
    return time_q * 2.0**bits + length_q, bits, length_quantum_m, time_quantum_ms


def build_network(
    edges: EdgeTable,
    speed: npt.NDArray[np.float64],
    lat0: float,
    name: str,
    profile: VehicleProfile,
) -> Network:
    """The routable network of ``profile``: ``speed`` is km/h per edge (NaN: barred).

    Keeps the largest strongly connected component of the usable edges, so every kept node
    reaches every other; parallel edges collapse to the lightest. ``name`` labels the log line.
    """
    e = edges
    n_all = len(e.node_ids)
    usable = np.isfinite(speed) & (speed > 0) & (e.u != e.v)
    edge_idx = np.flatnonzero(usable)
    u, v = e.u[edge_idx], e.v[edge_idx]
    touched = np.zeros(n_all, dtype=bool)
    touched[u] = True
    touched[v] = True
    if not len(edge_idx):
        return Network(np.zeros(0, np.int64), csr_matrix((0, 0)), None, 0, 1.0, 1.0)
    structure = csr_matrix((np.ones(len(u)), (u, v)), shape=(n_all, n_all))
    _, labels = connected_components(structure, directed=True, connection="strong")
    biggest = np.bincount(labels[touched]).argmax()
    keep = touched & (labels == biggest)
    nodes = np.flatnonzero(keep)
    local = np.full(n_all, -1, dtype=np.int64)
    local[nodes] = np.arange(len(nodes))
    inside = keep[u] & keep[v]
    edge_idx, lu, lv = edge_idx[inside], local[u[inside]], local[v[inside]]
    length_m = e.length_m[edge_idx]
    travel_ms = length_m / (speed[edge_idx] / 3.6) * 1000.0
    weight, bits, length_quantum_m, time_quantum_ms = pack_weights(length_m, travel_ms)
    # parallel edges: keep the lightest (fastest, then shortest) of each (u, v)
    order = np.lexsort((weight, lv, lu))
    lu, lv, weight, edge_idx = lu[order], lv[order], weight[order], edge_idx[order]
    first = np.ones(len(lu), dtype=bool)
    first[1:] = (lu[1:] != lu[:-1]) | (lv[1:] != lv[:-1])
    lu, lv, weight, edge_idx = lu[first], lv[first], weight[first], edge_idx[first]
    n = len(nodes)
    csr = csr_matrix((weight, (lu, lv)), shape=(n, n))
    tree = cKDTree(project_m(e.lat[nodes], e.lon[nodes], lat0))
    network = Network(
        nodes,
        csr,
        tree,
        bits,
        length_quantum_m,
        time_quantum_ms,
        dropped_nodes=int(touched.sum()) - n,
    )
    network.edge_of = dict(
        zip(zip(lu.tolist(), lv.tolist(), strict=True), edge_idx.tolist(), strict=True)
    )
    if network.dropped_nodes:
        log.info(
            "%s: %s network keeps %d nodes; %d outside its largest strongly connected part",
            name,
            profile,
            n,
            network.dropped_nodes,
        )
    return network


def straight_km(pts: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """Pairwise great-circle km between ``pts`` (rows of lat, lon)."""
    return (
        haversine_m(pts[:, 0][:, None], pts[:, 1][:, None], pts[:, 0][None, :], pts[:, 1][None, :])
        / 1000.0
    )
