"""Many districts at once: ``planner plan --data A --data B`` (``planner.multi``)."""

from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path

import pytest

from planner.calendar import Week
from planner.cli import cli
from planner.cli._common import run_guarded
from planner.errors import InputError
from planner.workflow.many import district_jobs, district_names, exit_code
from planner.workflow.requests import PlanRequest

pytestmark = pytest.mark.usefixtures("english_messages")  # pins English wording

TINY = Path(__file__).parent / "data" / "io_tiny_en"
WEEK = "2026-W49"
FAST = ["--time-limit", "20", "--solution-limit", "20", "--no-ledger", "--no-progress"]


def districts(tmp_path: Path, *names: str) -> list[Path]:
    """Copies of the tiny English district, one folder per name."""
    folders = []
    for name in names:
        folder = tmp_path / name
        shutil.copytree(TINY, folder)
        folders.append(folder)
    return folders


def plan(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Run ``planner plan ARGS``; (exit status, stdout, stderr)."""
    code = run_guarded(cli, ["plan", "--week", WEEK, *FAST, *args])
    out, err = capsys.readouterr()
    return code, out, err


def data_args(folders: list[Path]) -> list[str]:
    return [token for folder in folders for token in ("--data", str(folder))]


def test_two_districts_each_get_their_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Both districts are planned, in OUT/<folder name>/<week>/, with a result line each."""
    folders = districts(tmp_path, "kab-a", "kab-b")
    out = tmp_path / "out"
    code, stdout, stderr = plan([*data_args(folders), "--out", str(out)], capsys)
    assert code == 0, stdout + stderr
    for name in ("kab-a", "kab-b"):
        plan_json = json.loads((out / name / WEEK / "plan.json").read_text(encoding="utf-8"))
        assert plan_json["district"] == "Tiny"
        assert (out / name / WEEK / "schedule.pdf").is_file()
        assert f"{name}: planned" in stdout
    assert not (out / WEEK).exists()
    assert "2 districts: 2 planned, 0 with bad input, 0 failed" in stdout


def test_one_bad_district_does_not_stop_the_other(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A district with a broken table: exit 2, its error prefixed with its name, nothing
    written for it; the good district is still planned and written."""
    good, bad = districts(tmp_path, "good", "broken")
    villages = bad / "villages.csv"
    lines = villages.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    row = lines[1].split(",")
    row[header.index("lat")] = "not-a-number"
    villages.write_text("\n".join([lines[0], ",".join(row), *lines[2:]]) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    code, stdout, stderr = plan([*data_args([good, bad]), "--out", str(out)], capsys)
    assert code == 2
    assert (out / "good" / WEEK / "plan.json").is_file()
    assert not (out / "broken").exists()
    errors = [line for line in stderr.splitlines() if "Error" in line]
    assert errors
    assert all(line.startswith("broken: ") for line in errors)
    assert any("villages.csv" in line for line in errors)
    assert "broken: bad input, nothing written for it (exit 2)" in stdout
    assert "good: planned" in stdout


def test_one_district_keeps_the_usual_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """With a single --data, outputs stay in OUT/<week>/."""
    (folder,) = districts(tmp_path, "only")
    out = tmp_path / "out"
    code, _, _ = plan(["--data", str(folder), "--out", str(out)], capsys)
    assert code == 0
    assert (out / WEEK / "plan.json").is_file()


def test_folders_with_one_name_are_refused(tmp_path: Path) -> None:
    """Two district folders named alike would write into one output folder."""
    with pytest.raises(InputError, match="both named"):
        district_names([tmp_path / "a" / "kab", tmp_path / "b" / "kab"])


def test_exit_code_and_the_request_each_district_gets(tmp_path: Path) -> None:
    """Bad input wins, then the first failure; every district gets the same typed request,
    with its own output folder and absolute paths that any worker can use."""
    assert exit_code([0, 0]) == 0
    assert exit_code([0, 1, 2]) == 2
    assert exit_code([0, 130, 1]) == 130

    request = PlanRequest(
        week=Week.parse(WEEK), out_dir=Path("out"), seed=3, roads=Path("r.osm"), use_ledger=False
    )
    jobs = district_jobs([tmp_path / "kab-a", tmp_path / "kab-b"], request, True)
    assert [job.name for job in jobs] == ["kab-a", "kab-b"]
    for job in jobs:
        assert job.folder.is_absolute()
        assert job.request.out_dir == (Path("out") / job.name).resolve()
        assert job.request.roads is not None
        assert job.request.roads.is_absolute()
        assert job.request.seed == 3
        assert not job.request.use_ledger


@pytest.mark.skipif(
    importlib.util.find_spec("dask") is None or importlib.util.find_spec("distributed") is None,
    reason="the [cluster] extra (dask[distributed]) is not installed",
)
def test_local_dask_cluster(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--cluster local`` plans the districts on a throw-away Dask cluster."""
    folders = districts(tmp_path, "dask-a", "dask-b")
    out = tmp_path / "out"
    code, stdout, stderr = plan(
        [*data_args(folders), "--out", str(out), "--cluster", "local"], capsys
    )
    assert code == 0, stdout + stderr
    for name in ("dask-a", "dask-b"):
        assert (out / name / WEEK / "plan.json").is_file()
