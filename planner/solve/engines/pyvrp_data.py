"""A ``CoreProblem`` as PyVRP's ``ProblemData`` (the mapping; the search is ``engines.pyvrp``).

Mapping (PyVRP enforces these natively):

- **Locations**: one per base location (the depots), then one per distinct (loc, site, entry,
  vehicle classes allowed, pinned vehicle) of the nodes, so matrices are locations², not
  clients² (a district week: ~1,100 nodes, ~5,300 clients, ~700 locations).
- **Time model**: duration(a → b) = time[class][loc a][loc b] + entry(b) when site(a) ≠ site(b);
  a client's ``service_duration`` is its node's service for the classes that may serve it (the
  longest: conservative, any PyVRP-feasible route is feasible with the exact per-class
  service). Start-of-service windows and waiting are PyVRP's own, like the core's cumuls.
- **Windows**: one client per (node, merged window interval); all clients of a ``CoreGroup``
  form one mutually exclusive ``ClientGroup`` (at most one visited); prize = group penalty.
  A mandatory group (penalty None) is a required client or a required group; a node in no
  group is required (as in OR-Tools, where a node outside every disjunction must be visited).
- **Vehicles**: one vehicle type per distinct (base, class, shift, capacity, profile) with
  ``num_available`` = its count (identical team-days are interchangeable, which removes
  symmetry); ``tw_early``/``tw_late`` = earliest/latest; capacity = the demand dimension.
- **Vehicle classes** (kits, vehicle profile) are PyVRP *profiles*: edges into a location that
  no vehicle of the class may serve get a prohibitive duration (any use is time warp, never a
  feasible solution). **Pinned** nodes (replan) get their own location, a one-point window and
  a profile per pinned vehicle that alone may reach them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
from pyvrp import Client, ClientGroup, Depot, Location, ProblemData, VehicleType

from planner.solve.problem import CoreProblem, merge_intervals

FORBIDDEN = 10**9
"""Duration and distance of an edge a profile may not use: far above any shift."""
MAX_MATRIX_BYTES = 1 << 30
"""Above this many bytes of PyVRP matrices (profiles × locations² × 16) the PyVRP engine
declines a problem (``EngineDeclined``): the caller solves it with OR-Tools and says so."""

Int64s = npt.NDArray[np.int64]


@dataclass(frozen=True, slots=True)
class PyvrpModel:
    """A ``CoreProblem`` as PyVRP data, with what is needed to read solutions back."""

    data: ProblemData
    client_node: list[int]
    """PyVRP client index → core node id."""
    node_clients: list[list[tuple[int, int, int]]]
    """Core node id → its clients as (client index, window lo, window hi)."""
    type_vehicles: list[list[int]]
    """PyVRP vehicle type → the core vehicles it stands for (in order)."""
    vehicle_type: list[int]
    """Core vehicle → its PyVRP vehicle type."""
    prize_offset: int
    """PyVRP cost − core objective for any solution (prizes counted per client, not group)."""


def _service_for(problem: CoreProblem, node: int, classes: Sequence[int]) -> int:
    services = problem.nodes[node].service
    return max(services[c] for c in classes) if classes else max(services)


def pins_of(problem: CoreProblem, vehicle: int) -> Sequence[int]:
    """The nodes ``vehicle`` must keep (replan), in time order."""
    return problem.pinned[vehicle] if vehicle < len(problem.pinned) else ()


LocKey = tuple[int, int, int, tuple[int, ...], int]
"""(loc, site, entry, vehicle classes allowed, pinned vehicle or -1)."""


def _locations(problem: CoreProblem) -> tuple[list[int], list[tuple[int, ...]], list[LocKey]]:
    """Base locations, each node's allowed vehicle classes, and the client location keys."""
    vehicles = problem.vehicles
    pinned_by = {n: v for v in range(len(vehicles)) for n in pins_of(problem, v)}
    class_of = [v.vclass for v in vehicles]
    every = tuple(sorted(set(class_of)))
    node_classes = [
        every
        if node.allowed_vehicles is None
        else tuple(sorted({class_of[v] for v in node.allowed_vehicles}))
        for node in problem.nodes
    ]
    bases = sorted({v.start_loc for v in vehicles} | {v.end_loc for v in vehicles})
    keys = [
        (node.loc, node.site, node.entry, node_classes[i], pinned_by.get(i, -1))
        for i, node in enumerate(problem.nodes)
    ]
    return bases, node_classes, keys


def matrix_bytes(problem: CoreProblem) -> int:
    """Bytes of PyVRP's distance and duration matrices for ``problem``."""
    bases, _, keys = _locations(problem)
    n_locs = len(bases) + len(set(keys))
    pinned_vehicles = sum(1 for v in range(len(problem.vehicles)) if pins_of(problem, v))
    return (len(problem.time) + pinned_vehicles) * n_locs * n_locs * 16


@dataclass(frozen=True, slots=True)
class _Places:
    """PyVRP's locations: the bases (depots) first, then one per distinct ``LocKey``."""

    bases: list[int]
    node_classes: list[tuple[int, ...]]
    node_location: list[int]
    """Core node → its PyVRP location."""
    keys: list[LocKey]
    """The client locations' keys, in location order after the bases."""

    @property
    def count(self) -> int:
        """All locations, depots included."""
        return len(self.bases) + len(self.keys)


def _places(problem: CoreProblem) -> _Places:
    """Number the distinct client locations after the bases."""
    bases, node_classes, node_keys = _locations(problem)
    loc_index: dict[LocKey, int] = {}
    node_location: list[int] = []
    for key in node_keys:
        if key not in loc_index:
            loc_index[key] = len(bases) + len(loc_index)
        node_location.append(loc_index[key])
    return _Places(bases, node_classes, node_location, list(loc_index))


def _profiles(
    problem: CoreProblem, places: _Places
) -> tuple[list[Int64s], list[Int64s], list[int]]:
    """(durations, distances) per profile: one per vehicle class, one per vehicle with pinned
    stops; and each vehicle's profile."""
    n_classes = len(problem.time)
    bases, keys = places.bases, places.keys
    raw_loc = np.array(bases + [k[0] for k in keys], dtype=np.int64)
    site = np.array([-1 - i for i in range(len(bases))] + [k[1] for k in keys], dtype=np.int64)
    entry = np.array([0] * len(bases) + [k[2] for k in keys], dtype=np.int64)
    pin_vehicle = np.array([-1] * len(bases) + [k[4] for k in keys], dtype=np.int64)
    may_class = np.ones((n_classes, places.count), dtype=bool)
    for idx, key in enumerate(keys):
        may_class[:, len(bases) + idx] = False
        may_class[list(key[3]), len(bases) + idx] = True

    grid = np.ix_(raw_loc, raw_loc)
    entry_paid = np.where(site[:, None] != site[None, :], entry[None, :], 0)
    base_dur: list[Int64s] = []
    base_dist: list[Int64s] = []
    for c in range(n_classes):
        base_dur.append(np.asarray(problem.time[c], dtype=np.int64)[grid] + entry_paid)
        base_dist.append(np.asarray(problem.cost[c], dtype=np.int64)[grid])
    del entry_paid
    durations: list[Int64s] = []
    distances: list[Int64s] = []

    def add_profile(c: int, forbid: npt.NDArray[np.bool_]) -> int:
        dur = np.where(forbid[None, :], FORBIDDEN, base_dur[c])
        dist = np.where(forbid[None, :], FORBIDDEN, base_dist[c])
        np.fill_diagonal(dur, 0)
        np.fill_diagonal(dist, 0)
        durations.append(dur)
        distances.append(dist)
        return len(durations) - 1

    for c in range(n_classes):
        add_profile(c, ~may_class[c] | (pin_vehicle >= 0))
    profile_of = [
        add_profile(veh.vclass, ~may_class[veh.vclass] | ((pin_vehicle >= 0) & (pin_vehicle != v)))
        if pins_of(problem, v)
        else veh.vclass
        for v, veh in enumerate(problem.vehicles)
    ]
    return durations, distances, profile_of


def _vehicle_types(
    problem: CoreProblem, bases: list[int], profile_of: list[int], with_load: bool
) -> tuple[list[VehicleType], list[list[int]], list[int]]:
    """Vehicle types (identical vehicles share one, num_available = count), the core vehicles
    of each type, and each core vehicle's type."""
    depot_of = {loc: i for i, loc in enumerate(bases)}
    big = sum(n.demand for n in problem.nodes) + 1
    type_index: dict[tuple[int, int, int, int, int, int], int] = {}
    type_vehicles: list[list[int]] = []
    vehicle_type: list[int] = []
    for v, veh in enumerate(problem.vehicles):
        tkey = (
            depot_of[veh.start_loc],
            depot_of[veh.end_loc],
            profile_of[v],
            veh.earliest,
            veh.latest,
            veh.capacity if veh.capacity is not None else big,
        )
        if tkey not in type_index:
            type_index[tkey] = len(type_vehicles)
            type_vehicles.append([])
        type_vehicles[type_index[tkey]].append(v)
        vehicle_type.append(type_index[tkey])
    vehicle_types = [
        VehicleType(
            num_available=len(members),
            capacity=[tkey[5]] if with_load else [],
            start_depot=tkey[0],
            end_depot=tkey[1],
            tw_early=tkey[3],
            tw_late=tkey[4],
            profile=tkey[2],
            name=",".join(map(str, members)),
        )
        for tkey, members in zip(type_index, type_vehicles, strict=True)
    ]
    return vehicle_types, type_vehicles, vehicle_type


def _client_windows(
    problem: CoreProblem,
) -> tuple[list[tuple[int, int, int]], list[list[tuple[int, int, int]]]]:
    """Clients, one per (node, merged window) as (node, lo, hi); and per node its clients as
    (client index, lo, hi)."""
    windows: list[tuple[int, int, int]] = []
    node_clients: list[list[tuple[int, int, int]]] = [[] for _ in problem.nodes]
    for i, node in enumerate(problem.nodes):
        if not node.windows:
            raise ValueError(f"node at loc {node.loc} has no window")
        for lo, hi in merge_intervals(node.windows):
            if lo > hi:
                raise ValueError(f"bad window {lo}..{hi}")
            node_clients[i].append((len(windows), lo, hi))
            windows.append((i, lo, hi))
    return windows, node_clients


@dataclass(frozen=True, slots=True)
class _Groups:
    """Per client its prize, whether it is required and its group; the groups; the offset."""

    prize: list[int]
    required: list[bool]
    group_id: list[int | None]
    groups: list[ClientGroup]
    prize_offset: int


def _client_groups(
    problem: CoreProblem, n_clients: int, node_clients: list[list[tuple[int, int, int]]]
) -> _Groups:
    """A CoreGroup's clients are one ClientGroup (required when the penalty is None); a node
    in no group is mandatory, as in OR-Tools."""
    prize = [0] * n_clients
    required = [False] * n_clients
    group_id: list[int | None] = [None] * n_clients
    groups: list[ClientGroup] = []
    prize_offset = 0
    in_group = {n for group in problem.groups for n in group.nodes}
    member_lists = [
        ([c for n in group.nodes for c, _, _ in node_clients[n]], group.penalty)
        for group in problem.groups
    ] + [
        ([c for c, _, _ in node_clients[i]], None)
        for i in range(len(problem.nodes))
        if i not in in_group
    ]
    for members, penalty in member_lists:
        for c in members:
            prize[c] = penalty or 0
        if penalty is not None:
            prize_offset += penalty * (len(members) - 1)
        if len(members) == 1:
            required[members[0]] = penalty is None
        elif members:
            for c in members:
                group_id[c] = len(groups)
            groups.append(ClientGroup(members, required=penalty is None))
    return _Groups(prize, required, group_id, groups, prize_offset)


def to_pyvrp(problem: CoreProblem) -> PyvrpModel:
    """Build PyVRP's ``ProblemData`` for ``problem`` (numpy matrices, no per-edge calls)."""
    places = _places(problem)
    durations, distances, profile_of = _profiles(problem, places)
    with_load = any(v.capacity is not None for v in problem.vehicles)
    vehicle_types, type_vehicles, vehicle_type = _vehicle_types(
        problem, places.bases, profile_of, with_load
    )
    windows, node_clients = _client_windows(problem)
    grouped = _client_groups(problem, len(windows), node_clients)
    clients = [
        Client(
            location=places.node_location[i],
            delivery=[problem.nodes[i].demand] if with_load else [],
            service_duration=_service_for(problem, i, places.node_classes[i]),
            tw_early=lo,
            tw_late=hi,
            prize=grouped.prize[c],
            required=grouped.required[c],
            group=grouped.group_id[c],
        )
        for c, (i, lo, hi) in enumerate(windows)
    ]
    locations = [Location(0.0, 0.0) for _ in range(places.count)]
    depots = [Depot(location=d) for d in range(len(places.bases))]
    matrices: tuple[Any, Any] = (distances, durations)  # the stub's ndarray[int] is not numpy's
    data = ProblemData(locations, clients, depots, vehicle_types, *matrices, grouped.groups)
    client_node = [i for i, _, _ in windows]
    return PyvrpModel(
        data, client_node, node_clients, type_vehicles, vehicle_type, grouped.prize_offset
    )
