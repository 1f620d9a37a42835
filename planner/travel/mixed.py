"""Mixed travel: road times where the network reaches, the honest estimate where it does not,
and boats between islands. Every plan uses this model.

The rule, pair by pair (README "Travel times"):

1. Each place joins the road network at its nearest usable node (per vehicle) by an
   off-network leg, timed like the straight-line estimate (straight line × detour factor at
   the profile's estimate speed). A place farther than ``road_join_km`` from every usable
   road does not join.
2. Two joined places with a road route between their nodes travel off-network leg + road
   route + off-network leg. Otherwise the pair uses the estimate and is marked ``estimated``;
   so it does when the estimate is shorter than the two off-network legs alone (places closer
   to each other than to the road), and when either place joins by a leg over ``FAR_JOIN_KM``
   and the estimate is faster than the road way (a long off-network leg means lanes the map
   lacks, so a mapped detour is no evidence that no shorter way exists). Between two places
   on the roads (legs ≤ ``FAR_JOIN_KM``) the road time always holds, however long.
3. Places on different landmasses (``landmass.py``) have no land leg at all (``inf``).
4. Boat crossings (``planner.toml`` ``[[crossing]]``) join harbours: a pair may go by land to
   a harbour, wait, cross, and go on by land from the other harbour, repeatedly; a vehicle
   that may not board never uses the boat. A pair left without any way stays ``inf`` and the
   place is unserved with the reason "needs a boat crossing".

Without a road network every pair is the estimate (``source == "estimate"``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from planner.model import Crossing, Settings, VehicleProfile
from planner.travel.base import BoatHop, LatLon, Matrices, Segment
from planner.travel.haversine import StraightLineTravel
from planner.travel.landmass import Landmasses
from planner.travel.network import Snaps
from planner.travel.roads import RoadTravel

FAR_JOIN_KM = 1.0
"""Off-network legs longer than this are counted apart (and the longest named)."""


@dataclass(frozen=True, slots=True)
class JoinReport:
    """How the places of a district meet the roads, for one vehicle profile."""

    profile: VehicleProfile
    places: int
    direct: int
    """Joined the roads within ``FAR_JOIN_KM``."""
    by_leg: int
    """Joined by an off-network leg over ``FAR_JOIN_KM``."""
    estimated: int
    """Not joined: every trip from or to them is the straight-line estimate."""
    longest: tuple[str, float] | None = None
    """The place with the longest off-network leg (km), when ``by_leg`` > 0."""
    far: tuple[str, ...] = field(default=())
    """The places not joined (first few, for messages)."""


@dataclass(slots=True)
class _Land:
    """Land travel among points (before boats): minutes, km, which pairs are estimates."""

    minutes: npt.NDArray[np.float64]
    km: npt.NDArray[np.float64]
    estimated: npt.NDArray[np.bool_]


class MixedTravel:
    """Travel times for planning: roads + estimate + landmasses + boats (module docstring).

    ``source`` is the kind of model ("roads" when a road network is given, else "estimate");
    each ``Matrices`` says whether its own points needed estimates ("mixed").
    """

    def __init__(
        self,
        settings: Settings,
        roads: RoadTravel | None = None,
        landmasses: Landmasses | None = None,
        crossings: Sequence[Crossing] = (),
    ):
        self.estimate = StraightLineTravel(settings)
        self.roads = roads
        self.landmasses = landmasses
        self.crossings = tuple(crossings)
        self.join_km = settings.road_join_km
        self.source = "roads" if roads is not None else "estimate"
        self.attribution = "© OpenStreetMap contributors" if roads is not None else ""

    # -- matrices ------------------------------------------------------------------------

    def _harbours(self) -> list[LatLon]:
        return [p for c in self.crossings for p in (c.a, c.b)]

    def _land(self, pts: Sequence[LatLon], profile: VehicleProfile) -> _Land:
        est = self.estimate.matrices(pts, profile)
        n = len(pts)
        if self.roads is None or n == 0:
            estimated = np.ones((n, n), dtype=bool)
            minutes, km = est.minutes.copy(), est.km.copy()
        else:
            parts = self.roads.parts(pts, profile)
            leg_km, leg_min = self._legs(parts.snaps, profile)
            with np.errstate(invalid="ignore"):
                road_min = leg_min[:, None] + parts.minutes + leg_min[None, :]
                road_km = leg_km[:, None] + parts.km + leg_km[None, :]
                shortcut = est.minutes < leg_min[:, None] + leg_min[None, :]
                # A long off-network leg means lanes the map lacks: the mapped detour is no
                # evidence against a shorter way, so such a pair takes the faster of the two.
                direct = parts.snaps.snap_m / 1000.0 <= FAR_JOIN_KM
                unsure = ~(direct[:, None] & direct[None, :]) & (est.minutes < road_min)
            use_road = np.isfinite(road_min) & ~shortcut & ~unsure
            minutes = np.where(use_road, road_min, est.minutes)
            km = np.where(use_road, road_km, est.km)
            estimated = ~use_road
        if self.landmasses is not None and n:
            label = self.landmasses.label(np.asarray(pts, dtype=np.float64).reshape(-1, 2))
            known = label >= 0
            apart = (label[:, None] != label[None, :]) & known[:, None] & known[None, :]
            minutes[apart] = np.inf
            km[apart] = np.inf
            estimated[apart] = False
        bad = ~np.isfinite(minutes)
        estimated[bad] = False
        np.fill_diagonal(minutes, 0.0)
        np.fill_diagonal(km, 0.0)
        np.fill_diagonal(estimated, False)
        return _Land(minutes, km, estimated)

    def _legs(
        self, snaps: Snaps, profile: VehicleProfile
    ) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
        """Off-network leg km and minutes per point (``inf`` when it does not join)."""
        snap_km = snaps.snap_m / 1000.0
        joined = (snaps.node >= 0) & (snap_km <= self.join_km)
        leg_km = np.where(joined, snap_km * self.estimate.detour_factor, np.inf)
        leg_min = leg_km / self.estimate.speed_kmh[profile] * 60.0
        return leg_km, leg_min

    def matrices(self, points: Sequence[LatLon], profile: VehicleProfile) -> Matrices:
        """Minutes and km between ``points`` (``inf`` only where water has no crossing), which
        pairs are estimates, and the boat hops of pairs that cross."""
        profile = VehicleProfile(profile)
        points = [(float(a), float(b)) for a, b in points]
        n = len(points)
        harbours = self._harbours()
        land = self._land(points + harbours, profile)
        via = self._relax(land, n, profile)
        boats = {
            (int(i), int(j)): tuple(self._hops(land, via, int(i), int(j)))
            for i, j in zip(*np.nonzero(via[:n, :n] >= 0), strict=True)
        }
        estimated = land.estimated[:n, :n]
        finite = np.isfinite(land.minutes[:n, :n])
        if self.roads is None:
            source = "estimate"
        else:
            source = "mixed" if bool((estimated & finite).any()) else "roads"
        return Matrices(
            minutes=land.minutes[:n, :n].copy(),
            km=land.km[:n, :n].copy(),
            source=source,
            estimated=estimated.copy(),
            boats=boats,
        )

    def _relax(self, land: _Land, n: int, profile: VehicleProfile) -> npt.NDArray[np.int64]:
        """Improve ``land`` through the crossings until nothing changes; per pair, the code
        (2 × crossing + direction) of the last crossing of its best way, −1 for none."""
        size = len(land.minutes)
        via = np.full((size, size), -1, dtype=np.int64)
        usable = [(k, c) for k, c in enumerate(self.crossings) if profile in c.vehicles]
        for _ in range(2 * len(usable) + 2):
            changed = False
            for k, crossing in usable:
                a, b = n + 2 * k, n + 2 * k + 1
                cost = crossing.wait_minutes + crossing.minutes
                for code, (x, y) in ((2 * k, (a, b)), (2 * k + 1, (b, a))):
                    with np.errstate(invalid="ignore"):
                        cand = land.minutes[:, x][:, None] + cost + land.minutes[y, :][None, :]
                        better = cand < land.minutes - 1e-9
                    if not better.any():
                        continue
                    changed = True
                    km = land.km[:, x][:, None] + land.km[y, :][None, :]
                    est = land.estimated[:, x][:, None] | land.estimated[y, :][None, :]
                    land.minutes = np.where(better, cand, land.minutes)
                    land.km = np.where(better, km, land.km)
                    land.estimated = np.where(better, est, land.estimated)
                    via = np.where(better, code, via)
            if not changed:
                break
        return via

    def _ends(self, code: int, n: int) -> tuple[Crossing, int, int]:
        crossing = self.crossings[code // 2]
        a, b = n + code // 2 * 2, n + code // 2 * 2 + 1
        return (crossing, a, b) if code % 2 == 0 else (crossing, b, a)

    def _hops(
        self, land: _Land, via: npt.NDArray[np.int64], i: int, j: int, start: float = 0.0
    ) -> list[BoatHop]:
        """The boat hops of the best way from ``i`` to ``j``, timed from the leg's start."""
        code = int(via[i, j])
        if code < 0:
            return []
        n = len(land.minutes) - 2 * len(self.crossings)
        crossing, x, y = self._ends(code, n)
        before = self._hops(land, via, i, x, start)
        reach = start + float(land.minutes[i, x])
        hop = BoatHop(crossing.name, reach, crossing.wait_minutes, crossing.minutes, x - n, y - n)
        after_start = reach + crossing.wait_minutes + crossing.minutes
        return [*before, hop, *self._hops(land, via, y, j, after_start)]

    # -- geometry ------------------------------------------------------------------------

    def segments(self, a: LatLon, b: LatLon, profile: VehicleProfile) -> list[Segment]:
        """The pieces of the way from ``a`` to ``b``: road (along the roads), estimate
        (straight) and boat (harbour to harbour), in order."""
        profile = VehicleProfile(profile)
        m = self.matrices([a, b], profile)
        if not np.isfinite(m.minutes[0, 1]):
            return [Segment("estimate", [a, b])]
        hops = m.boats.get((0, 1), ())
        if not hops:  # one land piece, whose kind the matrix already says
            return [self._piece(a, b, m.is_estimated(0, 1), profile)]
        harbours = self._harbours()
        out: list[Segment] = []
        here = a
        for hop in hops:
            quay, other = harbours[hop.from_harbour], harbours[hop.to_harbour]
            out.extend(self._land_segments(here, quay, profile))
            out.append(Segment("boat", [quay, other]))
            here = other
        out.extend(self._land_segments(here, b, profile))
        return out

    def _land_segments(self, a: LatLon, b: LatLon, profile: VehicleProfile) -> list[Segment]:
        if a == b:
            return []
        return [self._piece(a, b, bool(self._land([a, b], profile).estimated[0, 1]), profile)]

    def _piece(self, a: LatLon, b: LatLon, estimated: bool, profile: VehicleProfile) -> Segment:
        if self.roads is None or estimated:
            return Segment("estimate", [a, b])
        return Segment("road", self.roads.path(a, b, profile))

    def path(self, a: LatLon, b: LatLon, profile: VehicleProfile) -> list[LatLon]:
        """The coordinates followed from ``a`` to ``b`` (roads, straight lines, boats)."""
        coords: list[LatLon] = []
        for segment in self.segments(a, b, profile):
            coords.extend(segment.points[1:] if coords else segment.points)
        return coords or [a, b]

    # -- reporting -----------------------------------------------------------------------

    def joins(
        self, points: Sequence[LatLon], labels: Sequence[str], profile: VehicleProfile
    ) -> JoinReport:
        """How ``points`` (named by ``labels``) join the roads for ``profile``."""
        profile = VehicleProfile(profile)
        n = len(points)
        if self.roads is None or n == 0:
            return JoinReport(profile, n, 0, 0, n, None, tuple(labels[:5]))
        assert self.roads is not None
        snaps = self.roads.snaps(points, profile)
        leg_km, _ = self._legs(snaps, profile)
        snap_km = snaps.snap_m / 1000.0
        joined = np.isfinite(leg_km)
        far = joined & (snap_km > FAR_JOIN_KM)
        longest = None
        if far.any():
            k = int(np.argmax(np.where(far, snap_km, -1.0)))
            longest = (labels[k], round(float(snap_km[k]), 1))
        not_joined = [labels[int(k)] for k in np.flatnonzero(~joined)]
        return JoinReport(
            profile,
            n,
            int((joined & ~far).sum()),
            int(far.sum()),
            int((~joined).sum()),
            longest,
            tuple(not_joined[:5]),
        )
