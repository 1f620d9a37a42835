"""Templates and folders that don't mislead: `init --blank` does not pass Curup's office off as
the new district's, the README of a copied district points only to what is there, and a plan
knows the district folder it was made from (check and render use it; a gone folder is said)."""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from planner.cli import cli
from planner.cli._common import run_guarded
from planner.errors import InputError
from planner.io.plan_json import plan_from_dict, plan_to_dict, plan_to_json
from planner.model import AddedTeamDay, TimeWindow
from tests import districts as D  # noqa: N812

pytestmark = pytest.mark.usefixtures("english_messages")  # pins English wording

Capture = pytest.CaptureFixture[str]
TINY = Path(__file__).parent / "data" / "io_tiny_en"


def run(args: list[str], capsys: Capture) -> tuple[int, str, str]:
    capsys.readouterr()
    code = run_guarded(cli, args)
    out, err = capsys.readouterr()
    return code, out, err


def test_blank_office_is_a_placeholder_validate_refuses(tmp_path: Path, capsys: Capture) -> None:
    """Without --office the blank planner.toml holds no real office: validate exits 2 with
    one error naming the line and saying how to fix it (not Curup's point, silently)."""
    target = tmp_path / "kab"
    assert run(["init", "--blank", str(target)], capsys)[0] == 0
    toml = (target / "planner.toml").read_text(encoding="utf-8")
    assert "102.5237" not in toml
    assert "placeholder = true" in toml
    code, _, err = run(["validate", "--data", str(target)], capsys)
    assert code == 2
    errors = [line for line in err.splitlines() if line.startswith("Error")]
    assert len(errors) == 1
    assert "planner.toml" in errors[0]
    assert "office.placeholder" in errors[0]
    assert "placeholder of `planner init --blank`" in errors[0]
    assert "--office LAT,LON" in errors[0]


def test_blank_with_office_validates(tmp_path: Path, capsys: Capture) -> None:
    """`--office LAT,LON` puts the office there and the templates validate."""
    target = tmp_path / "kab"
    assert run(["init", str(target), "--blank", "--office", "-2.1234,101.5"], capsys)[0] == 0
    toml = (target / "planner.toml").read_text(encoding="utf-8")
    assert "lat = -2.1234\nlon = 101.5\n" in toml
    assert "placeholder" not in toml
    code, out, err = run(["validate", "--data", str(target)], capsys)
    assert code == 0, err
    assert "Nama Kabupaten" in out


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--blank", "--office", "nowhere"], "is not a point in Indonesia"),
        (["--blank", "--office", "48.85,2.35"], "is not a point in Indonesia"),
        (["--office", "-3.1,102.2"], "--office goes with --blank"),
    ],
)
def test_bad_office_writes_nothing(
    tmp_path: Path, capsys: Capture, args: list[str], says: str
) -> None:
    target = tmp_path / "kab"
    code, _, err = run(["init", str(target), *args], capsys)
    assert code == 2
    assert says in err
    assert not target.exists()


def test_copied_readme_points_only_to_what_the_copy_has(tmp_path: Path, capsys: Capture) -> None:
    """Every file or folder the copy's README names in `code` exists in the copy; nothing
    points outside it (../maps, the repository's scripts, the machine's shared data)."""
    target = tmp_path / "kab"
    assert run(["init", str(target)], capsys)[0] == 0
    readme = (target / "README.md").read_text(encoding="utf-8")
    assert "made by `planner init` as a copy" in readme
    assert "../" not in readme
    assert "/work/" not in readme
    named = [
        token
        for token in re.findall(r"`([^`\s,]+)`", readme)
        if re.search(r"\.(csv|toml|geojson|graphml|py|md|json)$|/$|^maps", token)
    ]
    assert "maps/desa.geojson" in named
    for token in named:
        assert (target / token).exists() or (target / "maps" / token).exists(), token


def plan_tiny(tmp_path: Path, capsys: Capture) -> tuple[Path, Path]:
    data = tmp_path / "district"
    shutil.copytree(TINY, data)
    out = tmp_path / "out"
    args = ["plan", "--week", D.WEEK, "--data", str(data), "--out", str(out), "--no-progress"]
    assert run(args, capsys)[0] == 0
    return data, out / D.WEEK / "plan.json"


def test_check_and_render_use_the_plans_own_folder(tmp_path: Path, capsys: Capture) -> None:
    """plan.json records its district folder; `check` and `render` without --data use it (no
    warning about another district or changed inputs); once the folder is gone both stop
    with exit 2 naming it, instead of checking against the bundled sample."""
    data, plan_file = plan_tiny(tmp_path, capsys)
    recorded = json.loads(plan_file.read_text(encoding="utf-8"))
    assert recorded["data_dir"] == str(data.resolve())
    code, out, err = run(["check", str(plan_file)], capsys)
    assert code == 0, err
    assert "all 7 rules hold" in out
    assert "warning: the plan" not in err
    assert "inputs changed" not in err
    rendered = tmp_path / "again"
    code, out, err = run(["render", str(plan_file), "--out", str(rendered)], capsys)
    assert code == 0, err
    assert (rendered / "schedule.xlsx").is_file()
    assert "tables changed" not in err
    data.rename(tmp_path / "moved")
    for command in (["check", str(plan_file)], ["render", str(plan_file)]):
        code, _, err = run(command, capsys)
        assert code == 2
        assert str(data.resolve()) in err
        assert "no longer exists" in err
        assert "--data" in err
        assert "Traceback" not in err
    code, _, err = run(["check", str(plan_file), "--data", str(tmp_path / "moved")], capsys)
    assert code == 0, err


def test_plan_json_keeps_origin_and_added_days_and_reads_older_plans() -> None:
    """`data_dir` and `added_team_days` go through plan.json unchanged; a plan without them
    (an older file) still reads, and a malformed entry names its JSON path."""
    from tests.test_replan import first_plan

    plan, _ = first_plan()
    added = (AddedTeamDay("T3", D.MONDAY, TimeWindow(D.hm("07:00"), D.hm("16:00"))),)
    full = replace(plan, data_dir="/srv/kab", added_team_days=added)
    data = plan_to_dict(full)
    assert data["added_team_days"] == [
        {"team": "T3", "date": "2026-11-30", "start": "07:00", "end": "16:00"}
    ]
    assert plan_from_dict(json.loads(plan_to_json(full))) == full
    assert "data_dir" not in plan_to_dict(plan)
    assert "added_team_days" not in plan_to_dict(plan)
    assert plan_from_dict(plan_to_dict(plan)) == plan
    data["added_team_days"][0]["end"] = "06:00"
    with pytest.raises(InputError, match=r"\$\.added_team_days\[0\]"):
        plan_from_dict(data)
