"""The streaming clip behind ``planner roads import``: what it keeps, any file size, errors."""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

import osmium
import osmnx as ox
import pytest
from shapely.geometry import box

import planner.travel.clip as clip_module
import planner.travel.osm as osm_module
from planner.errors import RoadNetworkError
from planner.io import sample_dir
from planner.travel.area import road_area
from planner.travel.clip import NO_ROADS, clip_roads
from planner.travel.ferries import ferry_crossings
from planner.travel.osm import read_road_file
from planner.travel.road_import import import_roads

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.roads_import import SHARED_EXTRACT as SHARED_ROADS  # noqa: E402
from benchmarks.roads_import import load_tile, write_tiled  # noqa: E402

SMALL = Path(__file__).parent / "data" / "travel_small.osm"
AREA = box(102.50, -3.50, 102.60, -3.40)
"""The synthetic file's area: lon 102.50-102.60, lat -3.50 to -3.40."""

# Node ids: 1x inside the area, 2x outside it, 3x for the crossing way (31 in, 32-33 out).
SYNTHETIC = b"""<?xml version='1.0' encoding='UTF-8'?>
<osm version="0.6" generator="test">
  <node id="11" lat="-3.45" lon="102.55"/>
  <node id="12" lat="-3.46" lon="102.56"/>
  <node id="13" lat="-3.47" lon="102.57"><tag k="highway" v="traffic_signals"/></node>
  <node id="14" lat="-3.48" lon="102.58"/>
  <node id="15" lat="-3.44" lon="102.52"/>
  <node id="21" lat="-3.30" lon="102.70"/>
  <node id="22" lat="-3.31" lon="102.71"/>
  <node id="23" lat="-3.32" lon="102.72"/>
  <node id="31" lat="-3.42" lon="102.59"/>
  <node id="32" lat="-3.38" lon="102.63"/>
  <node id="33" lat="-3.35" lon="102.66"/>
  <node id="41" lat="-3.60" lon="102.55"/>
  <way id="100"><nd ref="11"/><nd ref="12"/><nd ref="13"/><tag k="highway" v="residential"/></way>
  <way id="200"><nd ref="21"/><nd ref="22"/><tag k="highway" v="primary"/></way>
  <way id="300"><nd ref="31"/><nd ref="32"/><nd ref="33"/><tag k="highway" v="tertiary"/>
    <tag k="name" v="Jalan Lintas"/></way>
  <way id="400"><nd ref="14"/><nd ref="41"/><tag k="route" v="ferry"/></way>
  <way id="500"><nd ref="12"/><nd ref="15"/><nd ref="14"/><nd ref="12"/>
    <tag k="building" v="yes"/></way>
  <way id="600"><nd ref="13"/><nd ref="14"/><tag k="highway" v="proposed"/></way>
  <way id="700"><nd ref="22"/><nd ref="23"/><tag k="route" v="ferry"/></way>
</osm>
"""


def _contents(path: Path) -> tuple[dict[int, tuple[float, float]], dict[int, list[int]]]:
    nodes: dict[int, tuple[float, float]] = {}
    ways: dict[int, list[int]] = {}
    for obj in osmium.FileProcessor(str(path), osmium.osm.NODE | osmium.osm.WAY):
        if isinstance(obj, osmium.osm.Node):
            nodes[obj.id] = (obj.lon, obj.lat)
        elif isinstance(obj, osmium.osm.Way):
            ways[obj.id] = [r.ref for r in obj.nodes]
    return nodes, ways


@pytest.fixture
def synthetic(tmp_path: Path) -> Path:
    path = tmp_path / "region.osm"
    path.write_bytes(SYNTHETIC)
    return path


@pytest.mark.parametrize("in_python", [False, True], ids=["osmium-id-filter", "python-set"])
def test_keeps_exactly_the_roads_touching_the_area_with_all_their_nodes(
    synthetic: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, in_python: bool
) -> None:
    """Inside road: kept; outside road and ferry: dropped; the crossing road whole with its
    outer nodes; the ferry route touching the area kept; buildings and proposed roads not;
    both ways of filtering pass 2 (osmium's id bitmap, a Python set) write the same."""
    if in_python:
        monkeypatch.setattr(clip_module, "IDSET_BUDGET_BYTES", 0)
    out = tmp_path / "clipped.osm"
    report = clip_roads(synthetic, AREA, out)
    nodes, ways = _contents(out)
    assert ways == {100: [11, 12, 13], 300: [31, 32, 33], 400: [14, 41]}
    assert set(nodes) == {11, 12, 13, 14, 31, 32, 33, 41}
    assert nodes[32] == pytest.approx((102.63, -3.38))
    assert (report.nodes_read, report.road_ways_read) == (12, 5)
    assert (report.ways_kept, report.nodes_kept) == (3, 8)
    tags = {o.id: dict(o.tags) for o in osmium.FileProcessor(str(out)) if o.tags}
    assert tags[13] == {"highway": "traffic_signals"}
    assert tags[300] == {"highway": "tertiary", "name": "Jalan Lintas"}


def test_import_keeps_edges_crossing_the_boundary_and_the_ferry(
    synthetic: Path, tmp_path: Path
) -> None:
    """The graph saved: the inside road, the crossing road's first edge (31-32, one end
    inside) and the ferry touching the area (14-41), kept as a boat crossing, not a road."""
    report = import_roads(synthetic, AREA, tmp_path / "roads.graphml")
    graph = ox.load_graphml(report.path)
    assert sorted(graph.nodes) == [11, 13, 14, 31, 32, 41]
    assert {frozenset((u, v)) for u, v in graph.edges()} == {
        frozenset((11, 13)),
        frozenset((31, 32)),
        frozenset((14, 41)),
    }
    (crossing,) = ferry_crossings(graph)
    assert crossing.a == (-3.48, 102.58) or crossing.b == (-3.48, 102.58)
    assert "12 nodes and 5 road ways in the file" in report.read


def test_progress_goes_pass_by_pass_to_the_end(synthetic: Path, tmp_path: Path) -> None:
    """The callback hears both passes, in order, from 0 to 1."""
    calls: list[tuple[str, float]] = []
    clip_roads(synthetic, AREA, tmp_path / "c.osm", lambda stage, f: calls.append((stage, f)))
    fractions = [f for _, f in calls]
    assert fractions[0] == 0.0
    assert fractions[-1] == 1.0
    assert fractions == sorted(fractions)
    assert calls[0][0].startswith("pass 1 of 2")
    assert calls[-1][0].startswith("pass 2 of 2")


def test_a_pbf_many_times_the_old_limit_is_imported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A tiled PBF (the test file plus 300 shifted copies, filler buildings) several times the
    PBF limit is still refused when read whole (plan time) but imported, with the same result
    as the test file alone."""
    tiled = tmp_path / "region.osm.pbf"
    area = box(102.505, -3.480, 102.533, -3.465)
    write_tiled(load_tile(SMALL), tiled, 300, (102.4, -3.6, 102.7, -3.3))
    limit = tiled.stat().st_size // 4
    monkeypatch.setattr(osm_module, "MAX_PBF_BYTES", limit)
    with pytest.raises(RoadNetworkError, match="over planner's limit"):
        read_road_file(tiled)
    from_tiled = import_roads(tiled, area, tmp_path / "tiled.graphml")
    alone = import_roads(SMALL, area, tmp_path / "alone.graphml")
    a, b = ox.load_graphml(from_tiled.path), ox.load_graphml(alone.path)
    assert sorted(a.nodes) == sorted(b.nodes)
    assert sorted(a.edges(keys=True)) == sorted(b.edges(keys=True))
    assert "19,264 nodes" in from_tiled.read  # 32 + 32 filler nodes, 301 times


@pytest.mark.skipif(not SHARED_ROADS.is_file(), reason="the shared OSM extract is not here")
def test_real_extract_keeps_the_roads_the_whole_file_import_kept(tmp_path: Path) -> None:
    """The eastern Rejang Lebong extract in the sample district (+5 km): the same 1,486 nodes
    and 3,592 edges as the import before the streaming clip (osmnx read the whole file)."""
    area = road_area(sample_dir(), 5.0)
    report = import_roads(SHARED_ROADS, area.polygon, tmp_path / "roads.graphml")
    assert (report.nodes_kept, report.edges_kept) == (1486, 3592)
    assert "22,771 nodes and 1,149 road ways in the file" in report.read


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("broken.osm.pbf", b"\x00\x00\x00\x0dOSMHeader garbage", "cannot read it as OSM PBF"),
        ("cut.osm", SYNTHETIC[:700], "cannot read it as OSM XML"),
        ("cut.osm.gz", gzip.compress(SYNTHETIC)[:200], "cannot read it as OSM XML"),
        ("notes.txt", b"just some notes\n", "not a road network file"),
        ("empty.osm.pbf", b"", "is empty"),
        ("jawa.osm", SYNTHETIC.replace(b'lat="-3.', b'lat="-7.'), NO_ROADS),
        (
            "unsorted.osm",
            SYNTHETIC.replace(b'  <node id="41" lat="-3.60" lon="102.55"/>\n', b"").replace(
                b"</osm>", b'<node id="41" lat="-3.60" lon="102.55"/></osm>'
            ),
            "do not all come before its ways",
        ),
    ],
)
def test_unusable_files_give_one_road_network_error(
    tmp_path: Path, name: str, content: bytes, expected: str
) -> None:
    """Corrupt, truncated, not OSM, empty, elsewhere, unsorted: one message naming the file,
    exit status 2, and nothing written."""
    path = tmp_path / name
    path.write_bytes(content)
    out = tmp_path / "roads.graphml"
    with pytest.raises(RoadNetworkError) as info:
        import_roads(path, AREA, out)
    assert str(info.value).startswith(f"{path}: ")
    assert expected in str(info.value)
    assert info.value.exit_code == 2
    assert not out.exists()
