"""Great-circle distance: the one haversine every part uses (validation, travel estimates,
snapping to roads)."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

EARTH_RADIUS_KM = 6371.0088
"""The mean Earth radius (IUGG)."""


def great_circle_km(
    lat1: npt.ArrayLike, lon1: npt.ArrayLike, lat2: npt.ArrayLike, lon2: npt.ArrayLike
) -> npt.NDArray[np.float64]:
    """Great-circle distance in km (haversine), elementwise with numpy broadcasting: pass
    ``lat[:, None], lon[:, None], lat[None, :], lon[None, :]`` for a pairwise matrix."""
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dlat = p1 - p2
    dlon = np.radians(lon1) - np.radians(lon2)
    h = np.sin(dlat / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dlon / 2) ** 2
    result: npt.NDArray[np.float64] = 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(h, 0, 1)))
    return result


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km between two points."""
    return float(great_circle_km(lat1, lon1, lat2, lon2))
