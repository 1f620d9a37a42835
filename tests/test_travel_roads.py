"""Road travel on tests/data/travel_small.osm: matrices, snapping, warnings, paths, bad files.

The fixture's layout is described in its header comment; the points below sit on its nodes.
"""

from __future__ import annotations

import itertools
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import networkx as nx
import numpy as np
import osmium
import pytest

from planner.errors import RoadNetworkError
from planner.model import VehicleProfile
from planner.travel import LatLon, TravelModel, travel_model
from planner.travel.mixed import MixedTravel
from planner.travel.osm import read_road_file
from planner.travel.road_import import save_graphml_atomic
from planner.travel.roads import RoadTravel
from planner.travel.speeds import TAG_KEYS, edge_speed_kph
from tests.districts import district, team, village

DATA = Path(__file__).parent / "data"
SMALL = DATA / "travel_small.osm"
CAR, MOTORBIKE = VehicleProfile.CAR, VehicleProfile.MOTORBIKE

NODES: dict[str, tuple[int, LatLon]] = {
    "A1": (101, (-3.4700, 102.5200)),
    "A2": (102, (-3.4700, 102.5220)),
    "A3": (103, (-3.4700, 102.5240)),
    "B2": (202, (-3.4760, 102.5220)),
    "B3": (203, (-3.4760, 102.5240)),
    "H2": (402, (-3.4775, 102.5240)),
    "B6": (206, (-3.4760, 102.5300)),
    "T2": (602, (-3.4700, 102.5420)),
}
D2 = (-3.4900, 102.5420)  # on the separate piece
FAR = (-3.6000, 102.7000)  # 23 km from any road


@pytest.fixture(scope="module")
def graph() -> nx.MultiDiGraph:
    return read_road_file(SMALL)


@pytest.fixture
def roads(graph: nx.MultiDiGraph) -> RoadTravel:
    return RoadTravel(graph, name="travel_small.osm")


def _points(labels: Sequence[str]) -> list[LatLon]:
    return [NODES[label][1] for label in labels]


def _reference(
    graph: nx.MultiDiGraph, labels: Sequence[str], profile: VehicleProfile
) -> tuple[np.ndarray, np.ndarray]:
    """Brute force: networkx Dijkstra per source on the multigraph, parallel edges → fastest."""

    def edge_minutes(data: dict[str, Any]) -> float | None:
        speed = edge_speed_kph({k: data.get(k) for k in TAG_KEYS}, profile)
        return None if speed is None else data["length"] / 1000.0 / speed * 60.0

    def weight(u: int, v: int, parallel: dict[int, dict[str, Any]]) -> float | None:
        times = [t for d in parallel.values() if (t := edge_minutes(d)) is not None]
        return min(times) if times else None

    def km_along(path: list[int]) -> float:
        total = 0.0
        for u, v in itertools.pairwise(path):
            best = min(
                (d for d in graph[u][v].values() if edge_minutes(d) is not None),
                key=lambda d: edge_minutes(d) or 0.0,
            )
            total += best["length"] / 1000.0
        return total

    n = len(labels)
    minutes, km = np.zeros((n, n)), np.zeros((n, n))
    for i, a in enumerate(labels):
        dist, paths = nx.single_source_dijkstra(graph, NODES[a][0], weight=weight)
        for j, b in enumerate(labels):
            target = NODES[b][0]
            minutes[i, j] = dist.get(target, np.inf)
            km[i, j] = km_along(paths[target]) if target in paths else np.inf
    return minutes, km


@pytest.mark.parametrize(
    ("profile", "labels"),
    [
        (CAR, ["A1", "A2", "A3", "B2", "B3", "H2", "B6"]),
        (MOTORBIKE, ["A1", "A2", "A3", "B2", "B3", "H2", "B6", "T2"]),
    ],
)
def test_matrix_equals_networkx_reference(
    graph: nx.MultiDiGraph, roads: RoadTravel, profile: VehicleProfile, labels: list[str]
) -> None:
    """scipy's many-source matrix equals networkx per-source Dijkstra, minutes and km."""
    matrices = roads.matrices(_points(labels), profile, labels=labels)
    ref_minutes, ref_km = _reference(graph, labels, profile)
    assert matrices.source == "roads"
    np.testing.assert_allclose(matrices.minutes, ref_minutes, atol=1e-3)
    np.testing.assert_allclose(matrices.km, ref_km, atol=5e-3)
    assert roads.warnings == []


def test_is_a_travel_model(roads: RoadTravel) -> None:
    """RoadTravel satisfies the Protocol call ``matrices(points, profile)`` without labels."""
    model: TravelModel = roads
    matrices = model.matrices(_points(["A1", "B6"]), CAR)
    assert matrices.minutes.shape == (2, 2)


def test_one_way_street_makes_the_car_matrix_asymmetric(roads: RoadTravel) -> None:
    """A3→B3 takes the one-way street (667 m at 20 km/h); B3→A3 must go round."""
    m = roads.matrices(_points(["A3", "B3"]), CAR)
    assert m.minutes[0, 1] == pytest.approx(0.667 / 20 * 60, abs=0.01)
    assert m.minutes[1, 0] > m.minutes[0, 1] + 0.3
    assert m.km[1, 0] > m.km[0, 1]


def test_footway_bridge_is_ridden_by_motorbike_not_driven_by_car(roads: RoadTravel) -> None:
    """The 167 m footbridge B3→H2 serves motorbikes; cars take the 4 km road round."""
    bike = roads.matrices(_points(["B3", "H2"]), MOTORBIKE)
    car = roads.matrices(_points(["B3", "H2"]), CAR)
    assert bike.km[0, 1] == pytest.approx(0.167, abs=0.005)
    assert car.km[0, 1] > 3.5
    assert car.minutes[0, 1] > 5 * bike.minutes[0, 1]


def test_parallel_edges_collapse_to_the_fastest(roads: RoadTravel) -> None:
    """A2-B2 has residential (20 km/h) and tertiary maxspeed=15 ways: the residential wins."""
    m = roads.matrices(_points(["A2", "B2"]), CAR)
    assert m.minutes[0, 1] == pytest.approx(0.667 / 20 * 60, abs=0.01)


def test_far_and_unreachable_points_are_warned_by_label(roads: RoadTravel) -> None:
    """Snaps over 1 km and points with no road within 5 km become labelled warnings;
    unreachable points get inf rows and columns (0 on the diagonal)."""
    points = [NODES["A1"][1], NODES["T2"][1], D2, FAR]
    labels = ["village:A1", "village:T2", "school:D2", "homebound:FAR"]
    car = roads.matrices(points, CAR, labels=labels)
    messages = [str(w) for w in roads.warnings]
    assert all(w.severity == "warning" for w in roads.warnings)
    assert len(messages) == 3
    assert "village:T2: 1.3 km from the nearest road a car may use" in messages[0]
    assert "barred to this vehicle" in messages[0]
    assert "school:D2: 2.0 km" in messages[1]
    assert "homebound:FAR: unreachable by car" in messages[2]
    assert np.isinf(car.minutes[3, :3]).all()
    assert np.isinf(car.minutes[:3, 3]).all()
    assert car.minutes[3, 3] == 0.0
    assert np.isfinite(car.minutes[:3, :3]).all()

    roads.matrices(points, MOTORBIKE, labels=labels)
    new = [str(w) for w in roads.warnings[3:]]
    assert not any("village:T2" in m for m in new)  # the track is ridden to its end
    assert any("homebound:FAR: unreachable by motorbike" in m for m in new)


def test_snap_leg_is_counted_at_access_speed(roads: RoadTravel) -> None:
    """A point 222 m off A1 adds 222 m × detour 1.4 at 10 km/h (car) to each leg."""
    off = (-3.4680, 102.5200)
    m = roads.matrices([off, *_points(["A1", "A2"])], CAR)
    leg_km = 0.2224 * 1.4
    assert m.km[0, 2] == pytest.approx(leg_km + m.km[1, 2], abs=0.005)
    assert m.minutes[0, 2] == pytest.approx(leg_km / 10 * 60 + m.minutes[1, 2], abs=0.05)
    assert m.minutes[2, 0] == pytest.approx(m.minutes[2, 1] + leg_km / 10 * 60, abs=0.05)
    # to its own snap node: the straight line, not out to the road and back
    assert m.km[0, 1] == pytest.approx(leg_km, abs=0.005)


def test_path_follows_the_road(roads: RoadTravel) -> None:
    """The car's path A3→B3 bends through the one-way street's inner node; ends included."""
    a, b = NODES["A3"][1], NODES["B3"][1]
    path = roads.path(a, b, CAR)
    assert path[0] == a
    assert path[-1] == b
    assert (-3.4730, 102.5240) in path
    back = roads.path(b, a, CAR)
    assert len(back) > len(path)  # round the block: the one-way street is closed that way


def test_path_to_an_unreachable_point_is_a_straight_segment(roads: RoadTravel) -> None:
    """No road within reach: the map gets a straight segment (its matrix cell is inf)."""
    a = NODES["A1"][1]
    assert roads.path(a, FAR, CAR) == [a, FAR]


def test_graphml_round_trip(tmp_path: Path, graph: nx.MultiDiGraph) -> None:
    """Saved as GraphML and loaded back, the network gives the same matrices."""
    saved = tmp_path / "roads.graphml"
    save_graphml_atomic(graph, saved)
    tiny = district((village("17.02.09.1001", 0.0, 0.0, 5),), (team("T1"),))
    from_xml = RoadTravel.from_file(SMALL, tiny)
    mixed = travel_model(tiny, roads=saved)
    assert isinstance(mixed, MixedTravel)
    assert mixed.roads is not None
    from_graphml = mixed.roads
    points = _points(["A1", "A3", "B3", "H2", "B6", "T2"])
    for profile in VehicleProfile:
        a, b = from_xml.matrices(points, profile), from_graphml.matrices(points, profile)
        np.testing.assert_allclose(a.minutes, b.minutes)
        np.testing.assert_allclose(a.km, b.km)
    assert from_graphml.path(points[1], points[2], CAR) == from_xml.path(points[1], points[2], CAR)


def test_pbf_reads_like_xml(tmp_path: Path, graph: nx.MultiDiGraph) -> None:
    """The same data as .osm.pbf (written with osmium) loads into the same graph."""
    pbf = tmp_path / "small.osm.pbf"
    with osmium.SimpleWriter(str(pbf)) as writer:
        for obj in osmium.FileProcessor(str(SMALL)):
            if obj.is_node():
                writer.add_node(obj)
            elif obj.is_way():
                writer.add_way(obj)
    from_pbf = read_road_file(pbf)
    assert sorted(from_pbf.nodes) == sorted(graph.nodes)
    assert from_pbf.number_of_edges() == graph.number_of_edges()


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("empty.osm", b"", "is empty"),
        ("cut.osm", SMALL.read_bytes()[:3000], "cannot read it as OSM XML"),
        ("junk.graphml", b"<graphml><node id='1'", "cannot read it as GraphML"),
        ("notes.txt", b"just some notes\n", "not a road network file"),
        (
            "houses.osm",
            b'<osm version="0.6"><node id="1" lat="-3.47" lon="102.52"/>'
            b'<node id="2" lat="-3.471" lon="102.52"/><way id="1"><nd ref="1"/><nd ref="2"/>'
            b'<tag k="building" v="yes"/></way></osm>',
            "no road a car or motorbike can use",
        ),
        ("broken.osm.pbf", b"\x00\x00\x00\x0dOSMHeader garbage", "cannot read it as OSM PBF"),
    ],
)
def test_bad_road_files_raise_road_network_error(
    tmp_path: Path, name: str, content: bytes, expected: str
) -> None:
    """Every unusable file ends in a RoadNetworkError naming the file and the problem."""
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(RoadNetworkError) as info:
        read_road_file(path)
    assert name in str(info.value)
    assert expected in str(info.value)
    assert info.value.exit_code == 2


def test_missing_file_is_named(tmp_path: Path) -> None:
    """A roads setting pointing nowhere says so."""
    with pytest.raises(RoadNetworkError, match=r"missing\.graphml: road network file not found"):
        read_road_file(tmp_path / "missing.graphml")


def test_a_2_gb_file_named_in_planner_toml_meets_the_size_limit_before_parsing(
    tmp_path: Path,
) -> None:
    """A country extract read whole at plan time is refused by size at once (sparse file:
    nothing is read), with the way out: ``planner roads import`` takes any size."""
    huge = tmp_path / "indonesia.osm"
    with huge.open("wb") as handle:
        handle.truncate(2 * 1024**3)
    with pytest.raises(RoadNetworkError) as info:
        read_road_file(huge)
    message = str(info.value)
    assert "2.0 GB, over planner's limit of 500 MB for OSM XML" in message
    assert "`planner roads import indonesia.osm`" in message


def test_copied_fixture_is_independent_of_its_name(tmp_path: Path) -> None:
    """A road file without a telling suffix is recognised by its content."""
    copy = tmp_path / "jalan.xml"
    shutil.copy(SMALL, copy)
    assert read_road_file(copy).number_of_edges() > 0


@pytest.mark.parametrize(
    ("tags", "profile", "expected"),
    [
        ({"highway": "track"}, CAR, None),
        ({"highway": "track", "tracktype": "grade2"}, CAR, 12.0),
        ({"highway": "track"}, MOTORBIKE, 15.0),
        ({"highway": "footway"}, CAR, None),
        ({"highway": "footway"}, MOTORBIKE, 8.0),
        ({"highway": "steps"}, MOTORBIKE, None),
        ({"highway": "motorway"}, MOTORBIKE, None),
        ({"highway": "residential", "access": "private"}, CAR, None),
        ({"highway": "residential", "access": "no", "motorcycle": "yes"}, MOTORBIKE, 25.0),
        ({"highway": "residential", "motorcar": "no"}, CAR, None),
        ({"highway": "residential", "motorcar": "no"}, MOTORBIKE, 25.0),
        ({"highway": "secondary", "maxspeed": "30"}, CAR, 30.0),
        ({"highway": "secondary", "maxspeed": "60"}, CAR, 40.0),
        ({"highway": ("residential", "tertiary")}, CAR, 24.0),
        ({"highway": ("residential", "footway")}, CAR, None),
        ({"highway": "primary", "area": "yes"}, CAR, None),
    ],
)
def test_speed_rules(tags: dict[str, Any], profile: VehicleProfile, expected: float | None) -> None:
    """Access and speed per road class and profile, as documented in speeds.py and README."""
    speed = edge_speed_kph(tags, profile)
    assert speed == (pytest.approx(expected) if expected is not None else None)
