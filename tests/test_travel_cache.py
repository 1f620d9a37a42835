"""The disk cache of road matrices: hits, invalidation by input, corrupt files."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import numpy as np
import pytest

from planner.model import District, VehicleProfile
from planner.travel import LatLon
from planner.travel.cache import MatrixCache, cache_key
from planner.travel.roads import CACHE_MIN_POINTS, RoadTravel
from tests.districts import district, team, village

SMALL = Path(__file__).parent / "data" / "travel_small.osm"
# Enough points to be cached (a map's single legs are not): A3, B3, T2, then along the A-row.
POINTS: list[LatLon] = [(-3.4700, 102.5240), (-3.4760, 102.5240), (-3.4700, 102.5420)] + [
    (-3.4702, 102.5200 + 0.0007 * k) for k in range(CACHE_MIN_POINTS - 3)
]
LABELS = ["A3", "B3", "T2"] + [f"P{k}" for k in range(CACHE_MIN_POINTS - 3)]
CAR = VehicleProfile.CAR


@pytest.fixture
def tiny() -> District:
    return district((village("17.02.09.1001", 0.0, 0.0, 5),), (team("T1"),))


@pytest.fixture
def roads_file(tmp_path: Path) -> Path:
    copy = tmp_path / "maps" / "roads.osm"
    copy.parent.mkdir()
    shutil.copy(SMALL, copy)
    return copy


def _no_compute(*_: object) -> None:
    raise AssertionError("the matrix was computed again instead of read from the cache")


def test_cache_hit_returns_equal_matrices_and_warnings(
    tmp_path: Path, roads_file: Path, tiny: District, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A second model on the same file reads the matrix back, warnings (with labels) too."""
    cache = tmp_path / "cache"
    first = RoadTravel.from_file(roads_file, tiny, cache_dir=cache)
    fresh = first.matrices(POINTS, CAR, labels=LABELS)
    assert len(list(cache.glob("travel-car-*.npz"))) == 1

    second = RoadTravel.from_file(roads_file, tiny, cache_dir=cache)
    monkeypatch.setattr(second, "_road_parts", _no_compute)
    cached = second.matrices(POINTS, CAR, labels=LABELS)
    np.testing.assert_array_equal(cached.minutes, fresh.minutes)
    np.testing.assert_array_equal(cached.km, fresh.km)
    assert second.warnings == first.warnings
    assert any("T2: 1.3 km" in str(w) for w in second.warnings)


def test_changed_graph_file_invalidates_the_cache(
    tmp_path: Path, roads_file: Path, tiny: District
) -> None:
    """Making the one-way street two-way changes the sha256, so B3→A3 is recomputed (shorter)."""
    cache = tmp_path / "cache"
    before = RoadTravel.from_file(roads_file, tiny, cache_dir=cache).matrices(POINTS, CAR)
    text = roads_file.read_text(encoding="utf-8")
    roads_file.write_text(text.replace('<tag k="oneway" v="yes"/>', ""), encoding="utf-8")
    after = RoadTravel.from_file(roads_file, tiny, cache_dir=cache).matrices(POINTS, CAR)
    assert after.minutes[1, 0] < before.minutes[1, 0] - 0.3
    assert after.minutes[1, 0] == pytest.approx(after.minutes[0, 1])
    assert len(list(cache.glob("travel-car-*.npz"))) == 2


def test_key_depends_on_points_profile_and_speeds() -> None:
    """Moving a point by a metre, another profile or another speed table: another key."""
    settings = {"speeds_kph": {"residential": 20.0}}
    base = cache_key("abc", POINTS, "car", settings)
    moved = [(-3.47001, 102.5240), *POINTS[1:]]
    assert cache_key("abc", list(POINTS), "car", settings) == base
    assert cache_key("abc", moved, "car", settings) != base
    assert cache_key("abc", POINTS, "motorbike", settings) != base
    assert cache_key("abc", POINTS, "car", {"speeds_kph": {"residential": 25.0}}) != base
    assert cache_key("abd", POINTS, "car", settings) != base


@pytest.mark.parametrize("damage", [b"", b"not a zip file", b"PK\x03\x04truncated"])
def test_corrupt_cache_file_is_ignored_and_rebuilt(
    tmp_path: Path, roads_file: Path, tiny: District, damage: bytes
) -> None:
    """A damaged cache file never fails a run: it is recomputed and written again."""
    cache = tmp_path / "cache"
    good = RoadTravel.from_file(roads_file, tiny, cache_dir=cache).matrices(POINTS, CAR)
    (stored,) = cache.glob("travel-car-*.npz")
    stored.write_bytes(damage)
    again = RoadTravel.from_file(roads_file, tiny, cache_dir=cache).matrices(POINTS, CAR)
    np.testing.assert_array_equal(again.minutes, good.minutes)
    road_part = RoadTravel.from_file(roads_file, tiny).parts(POINTS, CAR).minutes
    with np.load(io.BytesIO(stored.read_bytes()), allow_pickle=False) as rebuilt:
        np.testing.assert_array_equal(rebuilt["minutes"], road_part)


def test_cache_for_another_key_is_not_used(tmp_path: Path) -> None:
    """A file whose stored key differs (a prefix collision) is ignored."""
    cache = MatrixCache(tmp_path)
    cache.store("a" * 64, "car", {"minutes": np.zeros((1, 1))})
    assert cache.load("a" * 64, "car") is not None
    assert cache.load("a" * 32 + "b" * 32, "car") is None


def test_small_requests_are_not_cached(tmp_path: Path, roads_file: Path, tiny: District) -> None:
    """A map leg or a route check (a few points) is computed, never written to the cache."""
    cache = tmp_path / "cache"
    RoadTravel.from_file(roads_file, tiny, cache_dir=cache).matrices(POINTS[:2], CAR)
    assert not list(cache.glob("*.npz"))
