"""``planner roads import`` and ``planner roads fetch``: what the coordinator sees."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

import planner.travel.area as road_area
from planner.cli import cli
from planner.cli._common import run_guarded
from planner.io import sample_dir
from planner.model import District, VehicleProfile
from planner.travel.roads import RoadTravel
from tests.districts import district, team, village

pytestmark = pytest.mark.usefixtures("english_messages")  # pins English wording

SMALL = Path(__file__).parent / "data" / "travel_small.osm"

# a "kabupaten" around the fixture's west half: the track's far end (lon 102.542) is outside
# the boundary but inside its 1 km margin; the separate piece (lat -3.490) is outside both
BOUNDARY = {
    "type": "FeatureCollection",
    "features": [
        {
            "type": "Feature",
            "properties": {"nama": "Uji"},
            "geometry": {
                "type": "Polygon",
                "coordinates": [
                    [
                        [102.505, -3.465],
                        [102.533, -3.465],
                        [102.533, -3.480],
                        [102.505, -3.480],
                        [102.505, -3.465],
                    ]
                ],
            },
        }
    ],
}


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = run_guarded(cli, list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A district folder with maps/kabupaten.geojson; the loader is replaced by a tiny
    district so these tests do not depend on the tables."""
    maps = tmp_path / "maps"
    maps.mkdir()
    (maps / "kabupaten.geojson").write_text(json.dumps(BOUNDARY), encoding="utf-8")
    tiny: District = replace(
        district((village("17.02.09.1001", 0.0, 0.0, 5),), (team("T1"),)),
        boundaries_path=str(maps / "kabupaten.geojson"),
    )

    def load(folder: Path | None = None) -> tuple[District, list[object]]:
        return tiny, []

    monkeypatch.setattr(road_area, "load_district", load)
    return tmp_path


def test_import_clips_simplifies_and_writes_graphml(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The import keeps the roads inside the boundary + margin, writes maps/roads.graphml
    and tells the coordinator the planner.toml line to add."""
    code, out, err = _run(
        capsys, "roads", "import", str(SMALL), "--data", str(folder), "--margin-km", "1"
    )
    assert code == 0, err
    written = folder / "maps" / "roads.graphml"
    assert f"Wrote {written}" in out
    assert "inside the boundary in" in out
    assert "plus 1 km" in out
    assert 'roads = "roads.graphml"' in out
    graph = RoadTravel.from_file(written, district((village("1", 0, 0, 1),), (team("T"),)))
    nodes = set(graph.graph.nodes)
    assert 602 in nodes  # the track's end: in the margin
    assert not nodes & {701, 703}  # the separate piece: outside
    m = graph.matrices([(-3.47, 102.524), (-3.476, 102.524)], VehicleProfile.CAR)
    assert np.isfinite(m.minutes).all()


def test_import_of_a_corrupt_file_exits_2_naming_it(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A broken OSM file: one message naming the file, exit 2, no traceback, nothing written."""
    broken = tmp_path / "broken.osm"
    broken.write_text("<osm><node id='1'", encoding="utf-8")
    code, out, err = _run(capsys, "roads", "import", str(broken), "--data", str(folder))
    assert code == 2
    assert f"Error: {broken}: cannot read it as OSM XML" in err
    assert "Traceback" not in err + out
    assert not (folder / "maps" / "roads.graphml").exists()


def test_import_of_another_area_exits_2(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Roads that all lie outside the district: said plainly."""
    elsewhere = tmp_path / "jawa.osm"
    elsewhere.write_text(
        SMALL.read_text(encoding="utf-8").replace('lat="-3.4', 'lat="-7.4'), encoding="utf-8"
    )
    code, _, err = _run(capsys, "roads", "import", str(elsewhere), "--data", str(folder))
    assert code == 2
    assert "no road of the file lies inside the district boundary" in err


def test_output_must_be_a_graphml_name(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--output is a file name in maps/, not a path elsewhere."""
    code, _, err = _run(
        capsys, "roads", "import", str(SMALL), "--data", str(folder), "--output", "../x.graphml"
    )
    assert code == 2
    assert "give a file name ending in .graphml" in err


def test_fetch_offline_fails_fast_with_a_message(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """No network (sockets are blocked in tests): exit 2, the way out, no traceback."""
    code, out, err = _run(capsys, "roads", "fetch", "--data", str(folder))
    assert code == 2
    assert "Error: OpenStreetMap: cannot reach" in err
    assert "planner roads import FILE" in err
    assert "Traceback" not in err + out
    assert not (folder / "maps" / "roads.graphml").exists()


def test_help_has_examples(capsys: pytest.CaptureFixture[str]) -> None:
    """Every roads command's help carries an example."""
    for args in (["roads", "--help"], ["roads", "import", "--help"], ["roads", "fetch", "--help"]):
        code, out, _ = _run(capsys, *args)
        assert code == 0
        assert "Contoh:" in out  # help is Indonesian by default


SHARED = Path(__file__).resolve().parents[2] / "shared"  # beside the repository, as in CI
SHARED_ROADS = SHARED / "data" / "rejang_lebong" / "roads" / "rejang_lebong_east.osm.gz"


@pytest.mark.skipif(not SHARED_ROADS.is_file(), reason="the shared OSM extract is not here")
def test_import_of_the_real_extract_is_quiet(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The real eastern Rejang Lebong extract (saved by osmnx) imports into a copy of the
    sample with planner's own lines only: no library warning reaches the user."""

    folder = tmp_path / "district"
    shutil.copytree(sample_dir(), folder, ignore=shutil.ignore_patterns(".planner"))
    shutil.copytree(sample_dir().parent / "maps", folder / "maps")
    toml = folder / "planner.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace('"../maps"', '"maps"'), "utf-8")
    # pytest turns warnings into errors here: a library warning would make this exit 1.
    assert run_guarded(cli, ["roads", "import", str(SHARED_ROADS), "--data", str(folder)]) == 0
    out, err = capsys.readouterr()
    assert (folder / "maps" / "roads.graphml").is_file()
    assert 'roads = "roads.graphml"' in out
    assert "Warning" not in err
