"""Bad input to every command: one clear message naming the file (and row and column where
there is one), exit 2, no traceback; limits (a 5,000-site district, a 2 GB road file) are
said plainly and met at once, before any slow work."""

from __future__ import annotations

import csv
import shutil
import time
from pathlib import Path

import pytest

from planner.cli import cli
from planner.cli._common import run_guarded
from planner.workflow.limits import MAX_SITES

pytestmark = pytest.mark.usefixtures("english_messages")  # pins English wording

TINY = Path(__file__).parent / "data" / "io_tiny_en"
WEEK = "2026-W49"


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A tiny district, broken plan files, a 2 GB sparse road file, a 5,000-site district."""
    root = tmp_path_factory.mktemp("cli")
    district = Path(shutil.copytree(TINY, root / "district"))
    (root / "not-json.json").write_text("{\n  'routes': [}\n", encoding="utf-8")
    (root / "wrong-schema.json").write_text('{"schema": "other/9"}', encoding="utf-8")
    (root / "binary.json").write_bytes(b"\xff\xfe\x00garbage")
    (root / "a-file").write_text("x")
    with (root / "big.osm").open("wb") as handle:
        handle.truncate(2 * 1024**3)  # sparse: nothing is written
    (root / "tally.csv").write_text("team,date,site\nT1,2026-12-01,x\n", encoding="utf-8")
    big = Path(shutil.copytree(TINY, root / "big"))
    with (big / "villages.csv").open("a", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        for i in range(5_000):
            code = f"17.90.{i // 900:02d}.{2000 + i % 900}"
            lat, lon = -3.47 + (i % 70) * 0.004, 102.52 + (i // 70) * 0.004
            writer.writerow([code, f"Desa {i}", "Sintetis", "desa", lat, lon, 900, 90, "", ""])
    return {"district": district, "root": root, "big": big}


def _cases(f: dict[str, Path]) -> list[tuple[list[str], str]]:
    d, r = ["--data", str(f["district"])], f["root"]
    plan = ["plan", "--week", WEEK, *d, "--out", str(r / "out"), "--no-progress"]
    return [
        (["plan", "--week", "2026-W99", *d], "2026-W99"),
        (["plan", "--week", WEEK, "--teams", "T9", *d], "T9"),
        (["plan", "--week", WEEK, "--data", str(r / "nowhere")], "nowhere: is not a folder"),
        (["plan", "--week", WEEK, *d, "--out", str(r / "a-file")], "a-file"),
        (["plan", "--week", WEEK, *d, "--time-limit", "soon"], "soon"),
        ([*plan, "--roads", str(r / "missing.osm")], "missing.osm"),
        (
            [*plan, "--roads", str(r / "big.osm")],
            "big.osm: the file is 2.0 GB, over planner's limit",
        ),
        (
            ["plan", "--week", WEEK, "--data", str(f["big"]), "--no-progress"],
            f"5,007 sites to plan (5,003 villages, 2 schools, 2 homebound residents); planner "
            f"plans at most {MAX_SITES:,}",
        ),
        (["check", str(r / "not-json.json"), *d], "not-json.json:2:char 3: not valid JSON"),
        (["check", str(r / "wrong-schema.json"), *d], "wrong-schema.json:$.schema: unknown"),
        (["check", str(r / "binary.json"), *d], "binary.json: cannot read"),
        (["check", str(r / "none.json"), *d], "none.json: no such file"),
        (["render", str(r / "not-json.json"), *d], "not-json.json:2:char 3"),
        (["render", str(r / "wrong-schema.json"), *d, "--out", str(r / "o")], "$.schema"),
        (["replan", "--from", "2026-12-02", "--plan", str(r / "not-json.json"), *d], "char 3"),
        (["replan", "--from", "2 Dec", *d], "2 Dec"),
        (["record", "--week", "W49", str(r / "tally.csv"), *d], "W49"),
        (["record", "--week", WEEK, str(r / "none.csv"), *d], "no plan of 2026-W49"),
        (["status", "--as-of", "last", *d], "--as-of 'last'"),
        (["status", "--data", str(r / "a-file")], "a-file"),
        (["validate", "--data", str(f["big"] / "villages.csv")], "villages.csv"),
        (["roads", "import", str(r / "big.osm"), *d], "big.osm: cannot read it as OSM XML"),
    ]


def test_every_bad_input_is_one_clear_message(
    files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """Each case: exit 2, its expected words on stderr, no traceback, nothing on stdout but
    progress notes, and quickly (limits are met before any slow work)."""
    for args, expected in _cases(files):
        started = time.monotonic()
        code = run_guarded(cli, args)
        out, err = capsys.readouterr()
        assert code == 2, (args, err)
        assert expected in err, (args, err)
        assert "Traceback" not in out + err, args
        assert "Internal error" not in err, args
        assert time.monotonic() - started < 10, args


def test_a_broken_settings_file_names_its_line(
    files: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """planner.toml that is not TOML: the file and the line, exit 2, for every command."""
    district = Path(shutil.copytree(files["district"], tmp_path / "d"))
    toml = district / "planner.toml"
    toml.write_text(toml.read_text(encoding="utf-8") + "\nprinters = = 2\n", encoding="utf-8")
    d = ["--data", str(district)]
    for args in (["validate", *d], ["status", *d], ["plan", "--week", WEEK, *d]):
        assert run_guarded(cli, args) == 2, args
        err = capsys.readouterr().err
        assert "planner.toml" in err, (args, err)
        assert "Traceback" not in err
