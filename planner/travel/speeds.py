"""Which roads each vehicle profile may use, and how fast, from OSM tags.

Speeds are *average travel* speeds in hill country (Rejang Lebong: winding roads, climbs,
market traffic), not speed limits, so they sit well below the posted limits. A tagged
``maxspeed`` lower than the class speed wins. ``None`` means the profile may not use the road.

Rules (documented in README "Travel times"):

- cars keep to roads a car can drive: no footway, path, cycleway, bridleway, pedestrian street,
  steps, and tracks only when graded ``grade1``/``grade2`` (solid); everything else is barred;
- motorbikes may also use tracks, paths, footways, cycleways, bridleways and pedestrian
  streets slowly (village *jalan setapak* are ridden every day), never steps, and never
  motorways (toll roads are closed to motorbikes in Indonesia);
- ``access=no|private`` (and ``vehicle``/``motor_vehicle=no|private``) bar both profiles unless a
  more specific tag (``motor_vehicle``, ``motorcar``, ``motorcycle``) allows them;
  ``motorcar=no`` bars cars, ``motorcycle=no`` bars motorbikes; ``area=yes`` is not a road;
- ``oneway`` applies to both profiles (osmnx already builds one-way streets as one edge).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

from planner.model import VehicleProfile

_CAR: dict[str, float] = {
    "motorway": 70.0,
    "motorway_link": 40.0,
    "trunk": 50.0,
    "trunk_link": 35.0,
    "primary": 45.0,
    "primary_link": 30.0,
    "secondary": 40.0,
    "secondary_link": 30.0,
    "tertiary": 30.0,
    "tertiary_link": 25.0,
    "unclassified": 25.0,
    "road": 20.0,
    "residential": 20.0,
    "service": 15.0,
    "living_street": 10.0,
    "track": 12.0,  # only grade1/grade2, see _track_allowed
}

_MOTORBIKE: dict[str, float] = {
    "trunk": 50.0,
    "trunk_link": 35.0,
    "primary": 45.0,
    "primary_link": 30.0,
    "secondary": 40.0,
    "secondary_link": 30.0,
    "tertiary": 35.0,
    "tertiary_link": 30.0,
    "unclassified": 30.0,
    "road": 25.0,
    "residential": 25.0,
    "service": 15.0,
    "living_street": 12.0,
    "track": 15.0,
    "cycleway": 12.0,
    "bridleway": 10.0,
    "path": 10.0,
    "footway": 8.0,
    "pedestrian": 8.0,
}

SPEEDS_KPH: Mapping[VehicleProfile, Mapping[str, float]] = MappingProxyType(
    {
        VehicleProfile.CAR: MappingProxyType(_CAR),
        VehicleProfile.MOTORBIKE: MappingProxyType(_MOTORBIKE),
    }
)
"""Average speed in km/h per OSM ``highway`` class and profile; a class missing is barred."""

ACCESS_SPEED_KPH: Mapping[VehicleProfile, float] = MappingProxyType(
    {VehicleProfile.CAR: 10.0, VehicleProfile.MOTORBIKE: 15.0}
)
"""Speed of the off-network leg between a site and its snapped road node (unmapped lanes)."""

ROUTABLE_HIGHWAYS: frozenset[str] = frozenset(_CAR) | frozenset(_MOTORBIKE)
"""Every class some profile may use: ``planner roads import`` keeps only these."""

TAG_KEYS: tuple[str, ...] = (
    "highway",
    "tracktype",
    "access",
    "vehicle",
    "motor_vehicle",
    "motorcar",
    "motorcycle",
    "maxspeed",
    "area",
    "route",
    "duration",
)
"""The way tags that decide access and speed (osmnx must keep them on edges)."""

_SOLID_TRACKS = frozenset({"grade1", "grade2"})
_DENY = frozenset({"no", "private"})
_ALLOW = frozenset({"yes", "designated", "permissive", "destination", "customers"})
_SPECIFIC = {VehicleProfile.CAR: "motorcar", VehicleProfile.MOTORBIKE: "motorcycle"}

TagValue = str | tuple[str, ...] | None
"""A tag value as stored on an edge: one string, several (merged by simplification), or none."""


def _values(value: TagValue) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, tuple):
        return value
    return (value,)


def _first(value: TagValue) -> str | None:
    values = _values(value)
    return values[0] if values else None


def parse_maxspeed_kph(value: TagValue) -> float | None:
    """The lowest numeric ``maxspeed`` in km/h (``"40"``, ``"30 mph"``), or None if unusable."""
    speeds = []
    for text in _values(value):
        match = re.match(r"\s*(\d+(?:\.\d+)?)\s*(mph)?", text)
        if match:
            kph = float(match.group(1)) * (1.609344 if match.group(2) else 1.0)
            if kph > 0:
                speeds.append(kph)
    return min(speeds) if speeds else None


def _allowed_by_access(tags: Mapping[str, TagValue], profile: VehicleProfile) -> bool:
    """Most specific tag wins: motorcar/motorcycle, then motor_vehicle, vehicle, access."""
    for key in (_SPECIFIC[profile], "motor_vehicle", "vehicle", "access"):
        value = _first(tags.get(key))
        if value in _DENY:
            return False
        if value in _ALLOW:
            return True
    return True


def _class_speed_kph(
    highway: str, tracktype: TagValue, profile: VehicleProfile, table: Mapping[str, float]
) -> float | None:
    speed = table.get(highway)
    if speed is None:
        return None
    if (
        highway == "track"
        and profile is VehicleProfile.CAR
        and not (set(_values(tracktype)) and set(_values(tracktype)) <= _SOLID_TRACKS)
    ):
        return None
    return speed


def edge_speed_kph(
    tags: Mapping[str, TagValue],
    profile: VehicleProfile,
    speeds_kph: Mapping[str, float] | None = None,
) -> float | None:
    """Average speed on a road with these OSM ``tags`` for ``profile``; None when barred.

    ``speeds_kph`` replaces the profile's row of ``SPEEDS_KPH`` (a class it lacks is barred).

    An edge that simplification merged from several classes (``highway`` is a tuple) is barred
    if any part is barred (the vehicle cannot pass that part) and otherwise gets the harmonic
    mean of the parts' speeds (equal lengths assumed).
    """
    if _first(tags.get("area")) == "yes" or not _allowed_by_access(tags, profile):
        return None
    classes = _values(tags.get("highway"))
    if not classes:
        return None
    speeds = []
    for highway in classes:
        table = SPEEDS_KPH[profile] if speeds_kph is None else speeds_kph
        speed = _class_speed_kph(highway, tags.get("tracktype"), profile, table)
        if speed is None:
            return None
        speeds.append(speed)
    speed_kph = len(speeds) / sum(1.0 / s for s in speeds)
    limit = parse_maxspeed_kph(tags.get("maxspeed"))
    return min(speed_kph, limit) if limit is not None else speed_kph
