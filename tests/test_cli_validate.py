"""``planner validate`` and ``planner init``: what the coordinator sees, and exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.cli import cli
from planner.cli._common import run_guarded
from planner.io import sample_dir

pytestmark = pytest.mark.usefixtures("english_messages")  # pins English wording

Capture = pytest.CaptureFixture[str]


def run(args: list[str], capsys: Capture) -> tuple[int, str, str]:
    """Run ``planner ARGS`` as the console entry point does; (exit code, stdout, stderr)."""
    code = run_guarded(cli, args)
    out, err = capsys.readouterr()
    return code, out, err


def broken_sample(tmp_path: Path) -> Path:
    """The sample with five classic mistakes, one per file (issue 2's acceptance test)."""
    folder = tmp_path / "broken"
    assert run_guarded(cli, ["init", str(folder)]) == 0

    def edit(file: str, old: str, new: str) -> None:
        path = folder / file
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    # row 5: swap lat and lon
    edit("villages.csv", "-3.454509,102.990111", "102.990111,-3.454509")
    # row 8: a text backlog
    edit("villages.csv", "-3.52168,102.926448,3172,453,", "-3.52168,102.926448,3172,banyak,")
    # row 158 (a new last row): row 6's code again
    edit(
        "villages.csv",
        "1220,72,\n",
        "1220,72,\n17.02.06.2002,Taba Anyar,Kota Padang,desa,-3.446234,102.978198,962,109,\n",
    )
    # schools row 2: an unknown village code
    edit("sekolah.csv", "SMA,Negeri,17.02.06.1004,", "SMA,Negeri,17.02.06.9999,")
    # kades row 4: a window ending before it starts
    edit(
        "kades.csv",
        "17.02.06.1016,Senin-Kamis,08:00,12:00",
        "17.02.06.1016,Senin-Kamis,12:00,08:00",
    )
    return folder


def test_validate_sample(capsys: Capture) -> None:
    """The sample validates: 156 villages, 45 schools, its totals, exit 0."""
    code, out, err = run(["validate"], capsys)
    assert code == 0, err
    assert "156 (122 desa, 34 kelurahan)" in out
    for text in ("214,600", "11,870", "3,000", "150", "45", "598 (stock 773"):
        assert text in out
    assert err.count("cannot be visited") == 3


def test_broken_sample_reports_all_five_problems(tmp_path: Path, capsys: Capture) -> None:
    """Five mistakes in three files: one run, every problem with file:row:column, exit 2,
    no traceback."""
    folder = broken_sample(tmp_path)
    capsys.readouterr()
    code, out, err = run(["validate", "--data", str(folder)], capsys)
    assert code == 2
    assert "Traceback" not in out + err
    assert "Error: 5 problems:" in err
    for expected in (
        "villages.csv:5:lat: 102.990111 is outside -11..6 (17.02.06.2001) — did you swap lat "
        "and lon?",
        "villages.csv:8:belum_rekam: 'banyak' is not a whole number (17.02.06.2005)",
        "villages.csv:158:kode: village code 17.02.06.2002 is already in row 6",
        "sekolah.csv:2:kode_desa: unknown village code 17.02.06.9999",
        "kades.csv:4:selesai: end 08:00 is not after start 12:00 (17.02.06.1016)",
    ):
        assert expected in err
    assert err.index("villages.csv:5:") < err.index("villages.csv:8:") < err.index("sekolah.csv")


def test_validate_missing_folder(tmp_path: Path, capsys: Capture) -> None:
    """A --data folder that does not exist: exit 2, one line saying so."""
    code, _, err = run(["validate", "--data", str(tmp_path / "nope")], capsys)
    assert code == 2
    assert "is not a folder" in err


def test_init_copies_the_sample_with_its_maps(tmp_path: Path, capsys: Capture) -> None:
    """``init DIR`` gives a folder that validates on its own, maps included."""
    target = tmp_path / "kab"
    code, out, _ = run(["init", str(target)], capsys)
    assert code == 0
    assert "planner validate --data" in out
    assert (target / "maps" / "desa.geojson").is_file()
    assert 'maps = "maps"' in (target / "planner.toml").read_text(encoding="utf-8")
    code, out, _ = run(["validate", "--data", str(target)], capsys)
    assert code == 0
    assert "156 (122 desa" in out


def test_init_blank_templates_validate(tmp_path: Path, capsys: Capture) -> None:
    """``init --blank`` writes every table with one example row, and with the office given
    they validate (without it, see tests/test_templates.py)."""
    target = tmp_path / "kosong"
    assert run(["init", "--blank", "--office", "-3.4707,102.5237", str(target)], capsys)[0] == 0
    names = sorted(p.name for p in target.iterdir())
    assert names == [
        "desa.csv",
        "kades.csv",
        "libur.csv",
        "maps",
        "planner.toml",
        "sekolah.csv",
        "tim.csv",
        "warga_khusus.csv",
    ]
    code, out, err = run(["validate", "--data", str(target)], capsys)
    assert code == 0, err
    assert "Nama Kabupaten" in out


def test_init_refuses_a_non_empty_folder(tmp_path: Path, capsys: Capture) -> None:
    """An existing non-empty DIR is left alone: exit 2 and a message."""
    target = tmp_path / "kab"
    target.mkdir()
    (target / "notes.txt").write_text("mine", encoding="utf-8")
    code, _, err = run(["init", str(target)], capsys)
    assert code == 2
    assert "is not empty; nothing was written" in err
    assert sorted(p.name for p in target.iterdir()) == ["notes.txt"]


def test_init_into_an_empty_folder(tmp_path: Path, capsys: Capture) -> None:
    """An existing but empty DIR is fine (e.g. just made by the user)."""
    target = tmp_path / "kab"
    target.mkdir()
    assert run(["init", "--blank", str(target)], capsys)[0] == 0
    assert (target / "planner.toml").is_file()


@pytest.mark.parametrize("command", ["validate", "init"])
def test_help_has_an_example(command: str, capsys: Capture) -> None:
    """Every command's help shows an example."""
    code, out, _ = run([command, "--help"], capsys)
    assert code == 0
    assert "Contoh:" in out  # help is Indonesian unless --lang en / PLANNER_LANG=en at start
    assert f"planner {command}" in out


def test_sample_dir_is_the_repo_data() -> None:
    """Without --data the commands use the repository's data/ folder."""
    assert (sample_dir() / "planner.toml").is_file()
