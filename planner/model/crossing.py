"""Boat crossings: how a team reaches a place on another island (``[[crossing]]`` in
``planner.toml``, or an OpenStreetMap ferry route in the road file)."""

from __future__ import annotations

from dataclasses import dataclass

from planner.model.base import VehicleProfile, require

LatLonPair = tuple[float, float]


@dataclass(frozen=True, slots=True)
class Crossing:
    """A boat between harbours ``a`` and ``b`` (both ways): ``wait_minutes`` at the harbour on
    average, then ``minutes`` on the water; only ``vehicles`` may board (a motorbike on the
    public boat, a car not), the others cannot use it."""

    name: str
    a: LatLonPair
    b: LatLonPair
    minutes: float
    wait_minutes: float = 30.0
    vehicles: frozenset[VehicleProfile] = frozenset({VehicleProfile.MOTORBIKE})

    def __post_init__(self) -> None:
        require(self.minutes > 0 and self.wait_minutes >= 0, f"{self.name}: bad minutes")
        require(self.a != self.b, f"{self.name}: both harbours at one point")
