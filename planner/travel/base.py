"""The travel layer's vocabulary: points, matrices and the ``TravelModel`` interface that the
straight-line estimate and the road network both implement."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np
import numpy.typing as npt

from planner.model import VehicleProfile

LatLon = tuple[float, float]


@dataclass(frozen=True, slots=True)
class BoatHop:
    """One boat crossing on a leg: the harbour is reached ``reach`` minutes after the leg
    starts, then ``wait`` minutes at the quay and ``sail`` on the water."""

    crossing: str
    reach: float
    wait: float
    sail: float
    from_harbour: int
    to_harbour: int
    """Indexes into the travel model's harbours (for drawing the crossing)."""


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of a leg for maps: ``kind`` is "road", "estimate" (straight) or "boat"."""

    kind: str
    points: list[tuple[float, float]]


@dataclass(frozen=True, eq=False)
class Matrices:
    """Travel ``minutes`` and ``km`` between every pair of points (row = from, column = to).

    ``inf`` marks a pair with no way at all (water without a crossing, no coordinates).
    ``estimated`` marks pairs timed by the straight-line estimate (None: all of them when
    ``source`` is "estimate", none otherwise); ``boats`` holds the crossings of pairs that
    take a boat. ``source`` is "roads", "mixed" (some pairs estimated) or "estimate".
    """

    minutes: npt.NDArray[np.float64]
    km: npt.NDArray[np.float64]
    source: str
    estimated: npt.NDArray[np.bool_] | None = None
    boats: Mapping[tuple[int, int], tuple[BoatHop, ...]] = field(default_factory=dict)

    def is_estimated(self, i: int, j: int) -> bool:
        """Whether the leg from point ``i`` to point ``j`` is a straight-line estimate."""
        if self.estimated is None:
            return self.source == "estimate" and i != j
        return bool(self.estimated[i, j])


class TravelModel(Protocol):
    """What the planner needs from a travel layer."""

    source: str

    def matrices(self, points: Sequence[LatLon], profile: VehicleProfile) -> Matrices:
        """Minutes and km between all ``points`` for ``profile``."""
        ...

    def path(self, a: LatLon, b: LatLon, profile: VehicleProfile) -> list[LatLon]:
        """The coordinates a vehicle follows from ``a`` to ``b`` (for maps)."""
        ...

    def segments(self, a: LatLon, b: LatLon, profile: VehicleProfile) -> list[Segment]:
        """The way from ``a`` to ``b`` in pieces: road, estimate (straight) or boat."""
        ...
