"""Travel along a road network: osmnx graph, speeds per profile, snapping, scipy matrices.

How a matrix is made (README "Travel times"):

1. every edge gets a speed per profile from its OSM tags (``speeds.py``) or is barred;
2. per profile, only the largest strongly connected component is kept, so every kept node can
   reach every other one (one-way streets and barred roads can cut the rest off);
3. each point snaps to the nearest node of that component; the off-network leg (straight line ×
   detour factor) is counted at a slow access speed, snaps over 1 km are warned about, and a
   point with no node within ``max_snap_km`` is unreachable (``inf`` row and column);
4. ``scipy.sparse.csgraph.dijkstra`` runs from the unique snapped nodes only, on a graph whose
   parallel edges are collapsed to the fastest.

One Dijkstra gives both minutes and km: an edge's weight packs its travel time (integer
quanta, high bits) and length (whole metres, low bits) into one float64 that stays an exact
integer below 2**53, so the fastest route wins and its length rides along.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx
import numpy as np
import numpy.typing as npt
from scipy.spatial import cKDTree

from planner.errors import Problem
from planner.model import Crossing, District, VehicleProfile
from planner.travel._dijkstra import predecessors, site_weights
from planner.travel.base import LatLon, Matrices, Segment
from planner.travel.cache import MatrixCache, cache_key
from planner.travel.network import (
    EdgeTable,
    Network,
    Snaps,
    build_network,
    haversine_m,
    project_m,
    straight_km,
)
from planner.travel.osm import read_road_file, sha256_file
from planner.travel.speeds import ACCESS_SPEED_KPH, SPEEDS_KPH, edge_speed_kph

__all__ = ["RoadParts", "RoadTravel", "haversine_m"]

CACHE_MIN_POINTS = 16
"""Smaller requests (a map's single legs, a check's routes) are computed, not cached: they
take milliseconds and would fill the cache folder with tiny files."""


@dataclass(frozen=True, slots=True, eq=False)
class RoadParts:
    """The road part of travel between points: where each joins the network (``snaps``) and
    the fastest route between the joins (``minutes``, ``km``; ``inf`` without one)."""

    minutes: npt.NDArray[np.float64]
    km: npt.NDArray[np.float64]
    snaps: Snaps


class RoadTravel:
    """Travel times and distances along a road network (``source == "roads"``).

    ``warnings`` collects ``Problem(severity="warning")`` for far snaps and unreachable points
    over every ``matrices`` call (pass ``labels`` to name the points in them).
    """

    source = "roads"

    def __init__(
        self,
        graph: nx.MultiDiGraph,
        *,
        name: str = "road network",
        graph_sha256: str | None = None,
        cache_dir: Path | None = None,
        speeds_kph: Mapping[VehicleProfile, Mapping[str, float]] = SPEEDS_KPH,
        access_speed_kph: Mapping[VehicleProfile, float] = ACCESS_SPEED_KPH,
        detour_factor: float = 1.4,
        warn_snap_km: float = 1.0,
        max_snap_km: float = 5.0,
        workers: int | None = None,
    ):
        self.graph = graph
        self.name = name
        self.speeds_kph = {VehicleProfile(p): dict(s) for p, s in speeds_kph.items()}
        self.access_speed_kph = {VehicleProfile(p): s for p, s in access_speed_kph.items()}
        self.detour_factor = detour_factor
        self.warn_snap_km = warn_snap_km
        self.max_snap_km = max_snap_km
        self.workers = workers
        self.warnings: list[Problem] = []
        self._edges = EdgeTable.from_graph(graph)
        self._graph_sha256 = graph_sha256
        self._cache = MatrixCache(cache_dir) if cache_dir is not None else None
        self._networks: dict[VehicleProfile, Network] = {}
        self._any_tree: cKDTree | None = None
        self._lat0 = float(np.mean(self._edges.lat)) if len(self._edges.lat) else 0.0

    @classmethod
    def from_file(cls, path: Path, district: District, cache_dir: Path | None = None) -> RoadTravel:
        """Load OSM XML/PBF or GraphML offline (``RoadNetworkError`` if unusable)."""
        graph = read_road_file(path)
        return cls(
            graph,
            name=str(path),
            graph_sha256=sha256_file(path),
            cache_dir=cache_dir,
            detour_factor=district.settings.detour_factor,
            access_speed_kph=district.settings.speed_kmh,
            max_snap_km=district.settings.road_join_km,
        )

    def ferry_crossings(self) -> list[Crossing]:
        """The boat crossings of the file's OSM ferry routes (``ferries.py``)."""
        from planner.travel.ferries import ferry_crossings

        return ferry_crossings(self.graph)

    # -- networks ------------------------------------------------------------------------

    def _speeds(self, profile: VehicleProfile) -> npt.NDArray[np.float64]:
        """Speed (km/h, NaN = barred) per tag signature for ``profile``."""
        table = self.speeds_kph[profile]
        speeds = []
        for tags in self._edges.signatures:
            speed = edge_speed_kph(tags, profile, table)
            speeds.append(np.nan if speed is None else speed)
        return np.array(speeds, dtype=np.float64)

    def network(self, profile: VehicleProfile) -> Network:
        """The routable network of ``profile`` (built once, then kept)."""
        profile = VehicleProfile(profile)
        if profile not in self._networks:
            self._networks[profile] = self._build(profile)
        return self._networks[profile]

    def _build(self, profile: VehicleProfile) -> Network:
        e = self._edges
        speed = self._speeds(profile)[e.signature] if len(e.signature) else np.zeros(0)
        return build_network(e, speed, self._lat0, self.name, profile)

    # -- snapping ------------------------------------------------------------------------

    def snaps(self, points: Sequence[LatLon], profile: VehicleProfile) -> Snaps:
        """Where each point joins ``profile``'s network (no routes computed)."""
        pts = np.asarray(points, dtype=np.float64).reshape(-1, 2)
        return self._snap(pts, self.network(VehicleProfile(profile)))

    def _snap(self, points: npt.NDArray[np.float64], network: Network) -> Snaps:
        n = len(points)
        node = np.full(n, -1, dtype=np.int64)
        snap_m = np.full(n, np.inf)
        nearest_any_m = np.full(n, np.inf)
        valid = np.all(np.isfinite(points), axis=1) if n else np.zeros(0, dtype=bool)
        if network.tree is None or not valid.any():
            return Snaps(node, snap_m, nearest_any_m)
        lat, lon = points[valid, 0], points[valid, 1]
        _, local = network.tree.query(project_m(lat, lon, self._lat0))
        local = np.asarray(local, dtype=np.int64)
        g = network.nodes[local]
        dist = haversine_m(lat, lon, self._edges.lat[g], self._edges.lon[g])
        reach = dist <= self.max_snap_km * 1000.0
        node[np.flatnonzero(valid)[reach]] = local[reach]
        snap_m[valid] = dist
        far = np.flatnonzero(valid)[dist > self.warn_snap_km * 1000.0]
        if len(far):
            if self._any_tree is None:
                self._any_tree = cKDTree(project_m(self._edges.lat, self._edges.lon, self._lat0))
            _, anyone = self._any_tree.query(project_m(points[far, 0], points[far, 1], self._lat0))
            anyone = np.asarray(anyone, dtype=np.int64)
            nearest_any_m[far] = haversine_m(
                points[far, 0], points[far, 1], self._edges.lat[anyone], self._edges.lon[anyone]
            )
        return Snaps(node, snap_m, nearest_any_m)

    # -- matrices ------------------------------------------------------------------------

    def _settings_key(self, profile: VehicleProfile) -> dict[str, Any]:
        return {
            "speeds_kph": self.speeds_kph[profile],
            "access_speed_kph": self.access_speed_kph[profile],
            "detour_factor": self.detour_factor,
            "warn_snap_km": self.warn_snap_km,
            "max_snap_km": self.max_snap_km,
        }

    def parts(
        self,
        points: Sequence[LatLon],
        profile: VehicleProfile,
        *,
        labels: Sequence[str] | None = None,
    ) -> RoadParts:
        """Where each point joins the network and the fastest road route between the joins.

        ``minutes``/``km`` are node to node (``inf`` where a point did not join or no route
        exists); the off-network legs are the caller's to add (``matrices`` and
        ``travel.mixed`` time them differently). Kept in the matrix cache when there is one.
        """
        profile = VehicleProfile(profile)
        pts = np.asarray(points, dtype=np.float64).reshape(-1, 2)
        if labels is not None and len(labels) != len(pts):
            raise ValueError(f"{len(labels)} labels for {len(pts)} points")
        key = ""
        cached = None
        cache = self._cache if len(pts) >= CACHE_MIN_POINTS else None
        if cache is not None:
            if self._graph_sha256 is None:
                self._graph_sha256 = self._edges.fingerprint()
            key = cache_key(self._graph_sha256, pts, profile, self._settings_key(profile))
            cached = cache.load(key, profile)
            if cached is not None and not _fits(cached, len(pts)):
                cached = None
        if cached is not None:
            parts = RoadParts(
                cached["minutes"],
                cached["km"],
                Snaps(cached["snap_node"], cached["snap_m"], cached["nearest_any_m"]),
            )
        else:
            parts = self._road_parts(pts, profile)
            if cache is not None:
                cache.store(
                    key,
                    profile,
                    {
                        "minutes": parts.minutes,
                        "km": parts.km,
                        "snap_node": parts.snaps.node,
                        "snap_m": parts.snaps.snap_m,
                        "nearest_any_m": parts.snaps.nearest_any_m,
                    },
                )
        self._warn(pts, profile, parts.snaps, labels)
        return parts

    def matrices(
        self,
        points: Sequence[LatLon],
        profile: VehicleProfile,
        *,
        labels: Sequence[str] | None = None,
    ) -> Matrices:
        """Minutes and km between all ``points`` for ``profile`` (``inf`` where no route).

        Each leg is: off-network leg out + fastest road route + off-network leg in. Two points
        snapped to the same node use the straight line between them at the access speed.
        Far snaps and unreachable points are added to ``warnings``, named by ``labels``.
        """
        profile = VehicleProfile(profile)
        pts = np.asarray(points, dtype=np.float64).reshape(-1, 2)
        parts = self.parts(points, profile, labels=labels)
        node = parts.snaps.node
        leg_km = np.where(node >= 0, parts.snaps.snap_m / 1000.0 * self.detour_factor, np.inf)
        leg_min = leg_km / self.access_speed_kph[profile] * 60.0
        with np.errstate(invalid="ignore"):
            minutes = leg_min[:, None] + parts.minutes + leg_min[None, :]
            km = leg_km[:, None] + parts.km + leg_km[None, :]
        # same node: going out to the road and back is silly; take the straight line
        same = (node[:, None] == node[None, :]) & (node[:, None] >= 0)
        if same.any():
            direct_km = straight_km(pts) * self.detour_factor
            direct_min = direct_km / self.access_speed_kph[profile] * 60.0
            minutes = np.where(same, direct_min, minutes)
            km = np.where(same, direct_km, km)
        minutes = np.where(np.isnan(minutes), np.inf, minutes)
        km = np.where(np.isnan(km), np.inf, km)
        np.fill_diagonal(minutes, 0.0)
        np.fill_diagonal(km, 0.0)
        return Matrices(minutes=minutes, km=km, source=self.source)

    def _road_parts(self, pts: npt.NDArray[np.float64], profile: VehicleProfile) -> RoadParts:
        n = len(pts)
        network = self.network(profile)
        snaps = self._snap(pts, network)
        minutes = np.full((n, n), np.inf)
        km = np.full((n, n), np.inf)
        ok = np.flatnonzero(snaps.node >= 0)
        if len(ok):
            unique, inverse = np.unique(snaps.node[ok], return_inverse=True)
            road_min, road_km = network.decode(site_weights(network.csr, unique, self.workers))
            sub = np.ix_(ok, ok)
            minutes[sub] = road_min[np.ix_(inverse, inverse)]
            km[sub] = road_km[np.ix_(inverse, inverse)]
        return RoadParts(minutes, km, snaps)

    def _warn(
        self,
        pts: npt.NDArray[np.float64],
        profile: VehicleProfile,
        snaps: Snaps,
        labels: Sequence[str] | None,
    ) -> None:
        for i in range(len(pts)):
            snap_m = float(snaps.snap_m[i])
            if snaps.node[i] >= 0 and snap_m <= self.warn_snap_km * 1000.0:
                continue
            lat, lon = pts[i]
            label = labels[i] if labels is not None else f"point {i + 1} ({lat:.5f}, {lon:.5f})"
            if not np.isfinite(lat) or not np.isfinite(lon):
                message = f"{label}: has no coordinates, so no {profile} travel times"
                hint = "give it a lat/lon"
            elif snaps.node[i] < 0 and not np.isfinite(snap_m):
                message = f"{label}: the road network has no road a {profile} may use"
                hint = "import a road network that covers the district"
            elif snaps.node[i] < 0:
                message = (
                    f"{label}: unreachable by {profile}: the nearest usable road is "
                    f"{snap_m / 1000:.1f} km away (limit {self.max_snap_km:g} km)"
                )
                hint = self._hint(snaps, i, "check its lat/lon or import a wider road network")
            else:
                message = (
                    f"{label}: {snap_m / 1000:.1f} km from the nearest road a {profile} may "
                    f"use; that leg is counted at {self.access_speed_kph[profile]:g} km/h"
                )
                hint = self._hint(snaps, i, "check its lat/lon; the map may lack roads near it")
            problem = Problem(file=self.name, message=message, hint=hint, severity="warning")
            if problem not in self.warnings:
                self.warnings.append(problem)

    def _hint(self, snaps: Snaps, i: int, default: str) -> str:
        nearest = float(snaps.nearest_any_m[i])
        if np.isfinite(nearest) and nearest < 0.5 * float(snaps.snap_m[i]):
            return (
                f"the nearest road ({nearest / 1000:.1f} km) is barred to this vehicle or cut "
                "off from the main network (a one-way trap or a separate piece)"
            )
        return default

    # -- geometry ------------------------------------------------------------------------

    def path(self, a: LatLon, b: LatLon, profile: VehicleProfile) -> list[LatLon]:
        """The coordinates of the fastest road route from ``a`` to ``b`` (both included).

        Follows the edges' own geometry where simplification kept one; a straight ``[a, b]``
        when either end is unreachable (the matrix says ``inf`` there anyway).
        """
        network = self.network(VehicleProfile(profile))
        snaps = self._snap(np.array([a, b], dtype=np.float64), network)
        src, dst = int(snaps.node[0]), int(snaps.node[1])
        if src < 0 or dst < 0:
            return [a, b]
        pred = predecessors(network.csr, src)
        chain = [dst]
        while chain[-1] != src:
            prev = int(pred[chain[-1]])
            if prev < 0:
                return [a, b]
            chain.append(prev)
        chain.reverse()
        e = self._edges
        coords: list[LatLon] = [a]
        first = network.nodes[chain[0]]
        coords.append((float(e.lat[first]), float(e.lon[first])))
        for lu, lv in itertools.pairwise(chain):
            coords.extend(self._edge_coords(network, lu, lv)[1:])
        coords.append(b)
        return [c for i, c in enumerate(coords) if i == 0 or c != coords[i - 1]]

    def segments(self, a: LatLon, b: LatLon, profile: VehicleProfile) -> list[Segment]:
        """One piece along the roads (straight when an end is unreachable)."""
        return [Segment("road", self.path(a, b, profile))]

    def _edge_coords(self, network: Network, lu: int, lv: int) -> list[LatLon]:
        e = self._edges
        i = network.edge_of[(lu, lv)]
        ga, gb = int(e.u[i]), int(e.v[i])
        data = self.graph.edges[e.node_ids[ga], e.node_ids[gb], e.key[i]]
        geometry = data.get("geometry")
        if geometry is not None and hasattr(geometry, "coords"):
            coords = [(float(y), float(x)) for x, y in geometry.coords]
            if len(coords) >= 2:
                return coords
        return [(float(e.lat[ga]), float(e.lon[ga])), (float(e.lat[gb]), float(e.lon[gb]))]


def _fits(arrays: Mapping[str, npt.NDArray[Any]], n: int) -> bool:
    """A cached entry has every array, in the shapes ``n`` points need."""
    try:
        return (
            arrays["minutes"].shape == (n, n)
            and arrays["km"].shape == (n, n)
            and arrays["snap_node"].shape == (n,)
            and arrays["snap_m"].shape == (n,)
            and arrays["nearest_any_m"].shape == (n,)
        )
    except KeyError:
        return False
