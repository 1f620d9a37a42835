"""The travel layer's vocabulary: points, matrices and the ``TravelModel`` interface that the
straight-line estimate and the road network both implement."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np
import numpy.typing as npt

from planner.model import VehicleProfile

LatLon = tuple[float, float]


@dataclass(frozen=True, eq=False)
class Matrices:
    """Travel ``minutes`` and ``km`` between every pair of points (row = from, column = to).

    ``inf`` marks a pair with no route (road networks only).
    """

    minutes: npt.NDArray[np.float64]
    km: npt.NDArray[np.float64]
    source: str


class TravelModel(Protocol):
    """What the planner needs from a travel layer."""

    source: str

    def matrices(self, points: Sequence[LatLon], profile: VehicleProfile) -> Matrices:
        """Minutes and km between all ``points`` for ``profile``."""
        ...

    def path(self, a: LatLon, b: LatLon, profile: VehicleProfile) -> list[LatLon]:
        """The coordinates a vehicle follows from ``a`` to ``b`` (for maps)."""
        ...
