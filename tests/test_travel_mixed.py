"""Mixed travel (``planner.travel.mixed``): roads where mapped, estimates elsewhere, islands
and boats, on the hand-made road network ``tests/data/travel_small.osm`` and hand-made
landmasses; then whole plans on an off-network office and an island village."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from planner.calendar import Week
from planner.check import check_plan
from planner.io.plan_json import plan_from_dict, plan_to_dict
from planner.model import Crossing, District, VehicleProfile
from planner.model.geo import distance_km
from planner.render.summary import summary_text
from planner.solve import plan_week
from planner.travel import travel_model
from planner.travel.landmass import landmasses
from planner.travel.mixed import MixedTravel
from planner.travel.roads import RoadTravel
from tests import districts as D  # noqa: N812

SMALL = Path(__file__).parent / "data" / "travel_small.osm"
CAR, BIKE = VehicleProfile.CAR, VehicleProfile.MOTORBIKE
A3 = (-3.4700, 102.5240)  # on the A-row road
B6 = (-3.4760, 102.5300)  # on the B-row road
FAST = {"time_limit_s": 60.0, "solution_limit": 40}


def _roads(district: District) -> RoadTravel:
    return RoadTravel.from_file(SMALL, district)


def _north(km: float) -> tuple[float, float]:
    """A point ``km`` north of A3 (no road there)."""
    return (A3[0] + km / 111.2, A3[1])


def test_on_road_pairs_use_roads_and_are_not_estimated() -> None:
    district = D.district((D.village("17.02.09.1001", 0.0, 0.0, 5),), (D.team("T1"),))
    travel = MixedTravel(district.settings, _roads(district))
    m = travel.matrices([A3, B6], CAR)
    assert m.source == "roads"
    assert not m.is_estimated(0, 1)
    assert not m.is_estimated(1, 0)
    assert 0 < m.minutes[0, 1] < 10


def test_an_off_network_place_joins_by_a_leg_timed_like_the_estimate() -> None:
    """6 km from the roads: joined (within road_join_km) by a leg at the estimate's speed;
    the pair takes the road way when it is faster than the estimate (a slow estimate here)."""
    base = D.district((D.village("17.02.09.1001", 0.0, 0.0, 5),), (D.team("T1"),))
    slow = replace(base.settings, speed_kmh={CAR: 10.0, BIKE: 12.0})
    far = _north(6.0)
    travel = MixedTravel(slow, _roads(base))
    on_roads = travel.matrices([far, B6], CAR)
    road_only = travel.matrices([A3, B6], CAR)
    leg_km = distance_km(*far, *A3) * slow.detour_factor
    leg_min = leg_km / slow.speed_kmh[CAR] * 60
    assert not on_roads.is_estimated(0, 1)
    assert on_roads.minutes[0, 1] == pytest.approx(leg_min + road_only.minutes[0, 1], rel=0.02)
    assert on_roads.source == "roads"
    report = travel.joins([far, A3, B6], ["far", "a3", "b6"], CAR)
    assert (report.direct, report.by_leg, report.estimated) == (2, 1, 0)
    assert report.longest == ("far", pytest.approx(6.0, abs=0.1))


def test_after_a_long_leg_a_slower_mapped_detour_gives_way_to_the_estimate() -> None:
    """Joined by a 6 km leg, the road way (leg + mapped roads) is slower than the estimate:
    the map lacks the lanes, so the pair is the estimate, flagged; between two places on the
    roads the road time holds even when slower."""
    district = D.district((D.village("17.02.09.1001", 0.0, 0.0, 5),), (D.team("T1"),))
    travel = MixedTravel(district.settings, _roads(district))
    far = _north(6.0)
    m = travel.matrices([far, B6, A3], CAR)
    estimate = travel.estimate.matrices([far, B6, A3], CAR)
    assert m.is_estimated(0, 1)
    assert m.minutes[0, 1] == pytest.approx(estimate.minutes[0, 1])
    assert not m.is_estimated(1, 2)
    assert m.minutes[1, 2] > estimate.minutes[1, 2]  # the mapped way round is kept


def test_beyond_the_join_distance_a_pair_is_the_plain_estimate() -> None:
    district = D.district((D.village("17.02.09.1001", 0.0, 0.0, 5),), (D.team("T1"),))
    settings = replace(district.settings, road_join_km=3.0)
    far = _north(6.0)
    travel = MixedTravel(settings, _roads(district))
    m = travel.matrices([far, B6], CAR)
    estimate = travel.estimate.matrices([far, B6], CAR)
    assert m.source == "mixed"
    assert m.is_estimated(0, 1)
    assert m.is_estimated(1, 0)
    assert m.minutes[0, 1] == pytest.approx(estimate.minutes[0, 1])
    assert np.isfinite(m.minutes).all()
    report = travel.joins([far, B6], ["far", "b6"], CAR)
    assert (report.direct, report.estimated, report.far) == (1, 1, ("far",))


def test_two_places_nearer_each_other_than_the_road_use_the_estimate() -> None:
    """Out to the road and back would be absurd: 5 km off the road, 300 m apart."""
    district = D.district((D.village("17.02.09.1001", 0.0, 0.0, 5),), (D.team("T1"),))
    a, b = _north(5.0), (_north(5.0)[0], _north(5.0)[1] + 0.0027)
    m = MixedTravel(district.settings, _roads(district)).matrices([a, b], CAR)
    assert m.is_estimated(0, 1)
    assert m.minutes[0, 1] < 2


def test_without_roads_everything_is_estimated() -> None:
    district = D.wednesday_afternoon()
    travel = travel_model(district)
    assert travel.source == "estimate"
    m = travel.matrices([A3, B6], CAR)
    assert m.source == "estimate"
    assert m.is_estimated(0, 1)


# -- islands and boats ----------------------------------------------------------------------

MAIN = (-3.50, 102.49, -3.43, 102.56)  # south, west, north, east: around the office
ISLE = (-3.48, 102.60, -3.46, 102.62)  # 4+ km of water east of the mainland
HARBOUR_MAIN = (-3.4700, 102.5590)
HARBOUR_ISLE = (-3.4700, 102.6010)


def _box(south: float, west: float, north: float, east: float, code: str) -> dict[str, object]:
    ring = [[west, south], [east, south], [east, north], [west, north], [west, south]]
    return {
        "type": "Feature",
        "properties": {"kode": code},
        "geometry": {"type": "Polygon", "coordinates": [ring]},
    }


def _islands(tmp_path: Path, crossing: Crossing | None, vehicle: VehicleProfile) -> District:
    """Two mainland villages and one on an island; a team of ``vehicle`` at the office."""
    path = tmp_path / "desa.geojson"
    features = [_box(*MAIN, "17.02.09.1001"), _box(*ISLE, "17.02.09.1003")]
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    district = D.district(
        (
            D.village("17.02.09.1001", 0.01, 0.01, 30),
            D.village("17.02.09.1002", -0.01, 0.02, 30),
            D.village("17.02.09.1003", 0.0007, 0.0863, 40),  # on the island
        ),
        (D.team("T1", kits=2, vehicle=vehicle),),
        crossings=(crossing,) if crossing else (),
    )
    return replace(district, boundaries_path=str(path))


BOAT = Crossing("Pelabuhan – Pulau", HARBOUR_MAIN, HARBOUR_ISLE, 25.0, 20.0, frozenset({BIKE}))


def test_landmasses_come_from_the_boundary_polygons(tmp_path: Path) -> None:
    district = _islands(tmp_path, None, CAR)
    lands = landmasses(district.boundaries_path)
    assert lands is not None
    assert lands.count == 2
    island = district.villages[2]
    labels = lands.label(np.array([D.OFFICE, (island.lat, island.lon), (-3.0, 101.0)]))
    assert labels[0] != labels[1]
    assert labels[0] >= 0
    assert labels[2] == -1


def test_no_land_leg_crosses_water(tmp_path: Path) -> None:
    district = _islands(tmp_path, None, CAR)
    island = district.villages[2]
    m = travel_model(district).matrices([D.OFFICE, (island.lat, island.lon)], CAR)
    assert np.isinf(m.minutes[0, 1])
    assert np.isinf(m.minutes[1, 0])


def test_a_crossing_carries_the_vehicles_it_allows(tmp_path: Path) -> None:
    district = _islands(tmp_path, BOAT, BIKE)
    island = district.villages[2]
    travel = travel_model(district)
    points = [D.OFFICE, (island.lat, island.lon)]
    bike = travel.matrices(points, BIKE)
    assert np.isfinite(bike.minutes[0, 1])
    (hop,) = bike.boats[(0, 1)]
    assert hop.crossing == "Pelabuhan – Pulau"
    assert (hop.wait, hop.sail) == (20.0, 25.0)
    assert 0 < hop.reach < bike.minutes[0, 1] - 45
    assert bike.minutes[0, 1] > 45  # the wait and the crossing are inside the leg
    assert np.isinf(travel.matrices(points, CAR).minutes[0, 1])  # no car on this boat
    kinds = [s.kind for s in travel.segments(points[0], points[1], BIKE)]
    assert kinds == ["estimate", "boat", "estimate"]


def test_island_village_without_a_crossing_needs_a_boat(tmp_path: Path) -> None:
    district = _islands(tmp_path, None, BIKE)
    travel = travel_model(district)
    plan = plan_week(district, Week.parse(D.WEEK), travel, **FAST)  # type: ignore[arg-type]
    island = district.villages[2].site_id
    assert island not in {s.site for _, s in plan.stops()}
    unserved = {u.site: u for u in plan.unserved}
    assert unserved[island].reason_code == "needs_boat"
    assert "planner.toml" in unserved[island].reason
    assert plan.routes
    assert check_plan(plan, district, travel) == []


def test_a_car_team_never_takes_a_motorbike_boat(tmp_path: Path) -> None:
    district = _islands(tmp_path, BOAT, CAR)
    travel = travel_model(district)
    plan = plan_week(district, Week.parse(D.WEEK), travel, **FAST)  # type: ignore[arg-type]
    island = district.villages[2].site_id
    assert island not in {s.site for _, s in plan.stops()}
    assert {u.site: u.reason_code for u in plan.unserved}[island] == "needs_boat"
    assert not any(s.boat for _, s in plan.stops())


def test_with_a_crossing_the_island_is_visited_and_the_boat_is_timed(tmp_path: Path) -> None:
    district = _islands(tmp_path, BOAT, BIKE)
    travel = travel_model(district)
    plan = plan_week(district, Week.parse(D.WEEK), travel, **FAST)  # type: ignore[arg-type]
    assert check_plan(plan, district, travel) == []
    island = district.villages[2].site_id
    route, stop = next((r, s) for r, s in plan.stops() if s.site == island)
    index = route.stops.index(stop)
    leave = route.depart if index == 0 else route.stops[index - 1].end
    (boat,) = stop.boat
    assert leave <= boat.board < boat.land <= stop.arrive
    assert boat.land - boat.board in (24, 25, 26)
    crossings = [b for _, s in plan.stops() for b in s.boat] + [
        b for r in plan.routes for b in r.return_boat
    ]
    assert len(crossings) >= 2  # there and back
    again = plan_from_dict(json.loads(json.dumps(plan_to_dict(plan))))
    assert again == plan
    assert "Penyeberangan kapal" in summary_text(plan, district)


# -- whole plans on partial roads -----------------------------------------------------------


def test_an_office_six_km_from_the_roads_plans_a_week(tmp_path: Path) -> None:
    """The office and a village lie 6 km north of the mapped roads, two villages on them:
    the week is planned (not 'unreachable'), the on-road legs use the roads, and the
    summary names the office's off-network leg."""
    office = _north(6.0)
    roads_dir = tmp_path
    (roads_dir / "roads.osm").write_bytes(SMALL.read_bytes())
    base = D.district(
        (
            D.village("17.02.09.1001", A3[0] - D.OFFICE[0], A3[1] - D.OFFICE[1], 40),
            D.village("17.02.09.1002", B6[0] - D.OFFICE[0], B6[1] - D.OFFICE[1], 40),
            D.village(
                "17.02.09.1003", office[0] - 0.009 - D.OFFICE[0], office[1] - D.OFFICE[1], 40
            ),
        ),
        (D.team("T1", kits=2),),
        office_lat=office[0],
        office_lon=office[1],
        roads=str(roads_dir / "roads.osm"),
    )
    teams = tuple(replace(t, base_lat=office[0], base_lon=office[1]) for t in base.teams)
    district = replace(base, teams=teams)
    travel = travel_model(district)
    plan = plan_week(district, Week.parse(D.WEEK), travel, **FAST)  # type: ignore[arg-type]
    assert plan.totals.people > 0
    assert {s.site for _, s in plan.stops()} >= {v.site_id for v in district.villages[:2]}
    assert check_plan(plan, district, travel) == []
    assert plan.travel_source in ("roads", "mixed")
    (car,) = plan.road_joins
    assert car.longest == "office"
    assert car.longest_km == pytest.approx(6.0, abs=0.1)
    text = summary_text(plan, district)
    assert "Kantor, 6,0 km" in text
    on_road = [
        s
        for r in plan.routes
        for a, s in zip((None, *r.stops), r.stops, strict=False)
        if a is not None and {a.site, s.site} <= {v.site_id for v in district.villages[:2]}
    ]
    assert all(not s.estimated for s in on_road)
    assert dt.date.fromisoformat("2026-11-30") <= plan.routes[0].date


def test_a_base_on_an_island_serves_its_island_only(tmp_path: Path) -> None:
    """A team based on the island, no crossing: it visits the island village; the mainland
    villages need a boat (for this team) and no leg crosses the water."""
    district = _islands(tmp_path, None, BIKE)
    island = district.villages[2]
    teams = tuple(
        replace(t, base_lat=island.lat, base_lon=island.lon + 0.002) for t in district.teams
    )
    district = replace(district, teams=teams)
    travel = travel_model(district)
    plan = plan_week(district, Week.parse(D.WEEK), travel, **FAST)  # type: ignore[arg-type]
    assert {s.site for _, s in plan.stops()} == {island.site_id}
    reasons = {u.site: u.reason_code for u in plan.unserved}
    assert reasons[district.villages[0].site_id] == "needs_boat"
    assert check_plan(plan, district, travel) == []


FERRY_OSM = """<?xml version="1.0" encoding="UTF-8"?>
<osm version="0.6" generator="test">
  <node id="1" lat="-3.4700" lon="102.5200" version="1"/>
  <node id="2" lat="-3.4700" lon="102.5300" version="1"/>
  <node id="3" lat="-3.4700" lon="102.6000" version="1"/>
  <node id="4" lat="-3.4700" lon="102.6100" version="1"/>
  <way id="10" version="1"><nd ref="1"/><nd ref="2"/><tag k="highway" v="secondary"/></way>
  <way id="11" version="1"><nd ref="3"/><nd ref="4"/><tag k="highway" v="secondary"/></way>
  <way id="12" version="1"><nd ref="2"/><nd ref="3"/>
    <tag k="route" v="ferry"/><tag k="name" v="Kapal Uji"/><tag k="duration" v="00:45"/>
    <tag k="motorcar" v="yes"/></way>
</osm>
"""


def test_osm_ferry_routes_become_crossings_and_are_never_driven(tmp_path: Path) -> None:
    """A route=ferry way between two road pieces: a crossing of 45 minutes (its duration tag)
    for cars and motorbikes; no vehicle drives along it as a road."""
    path = tmp_path / "ferry.osm"
    path.write_text(FERRY_OSM, encoding="utf-8")
    district = D.district((D.village("17.02.09.1001", 0.0, 0.0, 5),), (D.team("T1"),))
    roads = RoadTravel.from_file(path, district)
    (crossing,) = roads.ferry_crossings()
    assert crossing.name == "Kapal Uji"
    assert crossing.minutes == 45.0
    assert crossing.vehicles == {CAR, BIKE}
    for profile in (CAR, BIKE):  # the ferry joins no road piece to the other
        assert len(roads.network(profile).nodes) == 2
