"""Boat crossings from OpenStreetMap ferry routes (``route=ferry`` ways) in a road file.

Each ferry way becomes a ``Crossing`` between its two ends. Its minutes come from the
``duration`` tag (``HH:MM``, ``HH:MM:SS`` or minutes), else from its length at
``FERRY_KPH``; the wait is ``FERRY_WAIT_MINUTES``. Vehicles follow the access tags: a car only
where ``motorcar``/``motor_vehicle`` says yes, a motorbike unless ``motorcycle``/
``motor_vehicle`` says no (public boats in Indonesia take motorbikes, rarely cars). A ferry no
team vehicle may board is left out.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import networkx as nx

from planner.model import Crossing, VehicleProfile
from planner.travel.osm import is_ferry

FERRY_KPH = 15.0
FERRY_WAIT_MINUTES = 30.0
_YES = {"yes", "designated", "permissive"}


def _tag(data: Mapping[str, Any], key: str) -> str:
    value = data.get(key)
    if isinstance(value, list):
        value = value[0] if value else None
    return str(value).strip().lower() if value is not None else ""


def duration_minutes(value: str) -> float | None:
    """Minutes of an OSM ``duration`` (``HH:MM``, ``HH:MM:SS``, ``MM`` or ISO ``PT1H30M``)."""
    value = value.strip()
    if re.fullmatch(r"\d+(\.\d+)?", value):
        return float(value)
    match = re.fullmatch(r"(\d+):(\d{1,2})(?::(\d{1,2}))?", value)
    if match:
        return int(match[1]) * 60 + int(match[2]) + int(match[3] or 0) / 60
    match = re.fullmatch(r"PT(?:(\d+)H)?(?:(\d+)M)?", value.upper())
    if match and (match[1] or match[2]):
        return int(match[1] or 0) * 60 + int(match[2] or 0)
    return None


def _vehicles(data: Mapping[str, Any]) -> frozenset[VehicleProfile]:
    motor = _tag(data, "motor_vehicle")
    car = _tag(data, "motorcar") in _YES or (motor in _YES and _tag(data, "motorcar") != "no")
    bike = _tag(data, "motorcycle") != "no" and motor != "no"
    return frozenset(
        p for p, ok in ((VehicleProfile.CAR, car), (VehicleProfile.MOTORBIKE, bike)) if ok
    )


def ferry_crossings(graph: nx.MultiDiGraph) -> list[Crossing]:
    """One ``Crossing`` per ferry way of ``graph`` (both directions counted once)."""
    seen: set[frozenset[Any]] = set()
    crossings: list[Crossing] = []
    for u, v, data in sorted(graph.edges(data=True), key=lambda e: (str(e[0]), str(e[1]))):
        if not is_ferry(data) or u == v or frozenset((u, v)) in seen:
            continue
        seen.add(frozenset((u, v)))
        vehicles = _vehicles(data)
        if not vehicles:
            continue
        minutes = duration_minutes(_tag(data, "duration"))
        if minutes is None or minutes <= 0:
            minutes = float(data.get("length", 0.0)) / 1000.0 / FERRY_KPH * 60.0
        a = (float(graph.nodes[u]["y"]), float(graph.nodes[u]["x"]))
        b = (float(graph.nodes[v]["y"]), float(graph.nodes[v]["x"]))
        if minutes <= 0 or a == b:
            continue
        name = _tag(data, "name") and str(data.get("name"))
        crossings.append(
            Crossing(
                name or f"ferry {u}–{v}", a, b, round(minutes, 1), FERRY_WAIT_MINUTES, vehicles
            )
        )
    return crossings
