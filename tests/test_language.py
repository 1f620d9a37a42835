"""Indonesian everywhere when the language is Indonesian (issue 14, item 9): ``validate``,
``check`` and the error paths print no common English word with language id, and English
with ``--lang en``. ``tests/language.py`` holds the word-list checker."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.cli import cli
from planner.cli._common import run_guarded
from planner.io.plan_json import plan_to_json
from planner.workflow.language import command_language, help_language
from tests.language import english_words

Capture = pytest.CaptureFixture[str]


@pytest.fixture(autouse=True)
def _no_language_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PLANNER_LANG", raising=False)


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the sample district (language = "id" in its planner.toml)."""
    folder = tmp_path_factory.mktemp("lang") / "kab"
    assert run_guarded(cli, ["init", str(folder)]) == 0
    return folder


def run(args: list[str], capsys: Capture) -> tuple[int, str]:
    code = run_guarded(cli, args)
    out, err = capsys.readouterr()
    return code, out + err


def copy_of(sample: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "kab"
    assert run_guarded(cli, ["init", str(folder)]) == 0
    return folder


def edit(folder: Path, file: str, old: str, new: str) -> None:
    path = folder / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_checker_finds_english_and_ignores_identifiers() -> None:
    """The helper itself: English words are found, codes, paths and columns are not."""
    found = english_words("villages.csv:5:lat: the value is not a number")
    assert found == ["the", "is", "not", "number"]
    text = "villages.csv:5:belum_rekam: 'banyak' bukan bilangan bulat — /tmp/row/plan.json"
    assert english_words(text) == []
    assert english_words("--week 2026-W48 T1-1207-1 `planner init DIR`") == []


def test_validate_speaks_indonesian(sample: Path, capsys: Capture) -> None:
    """The summary, its numbers and the warnings of the sample: Indonesian only."""
    code, text = run(["validate", "--data", str(sample)], capsys)
    assert code == 0, text
    assert "11.870" in text  # the backlog, Indonesian thousands
    assert "peringatan: " in text
    assert english_words(text) == [], text


def test_validate_lang_en_speaks_english(sample: Path, capsys: Capture) -> None:
    code, text = run(["validate", "--data", str(sample), "--lang", "en"], capsys)
    assert code == 0, text
    assert "11,870" in text
    assert "backlog" in text
    assert "warning: " in text
    assert "no row for" in text


def test_broken_tables_in_indonesian(sample: Path, tmp_path: Path, capsys: Capture) -> None:
    """Five classic mistakes (swapped lat/lon, a text backlog, a bad time, an unknown
    village, a missing column): every message Indonesian; English with --lang en."""
    folder = copy_of(sample, tmp_path)
    edit(folder, "villages.csv", "-3.454509,102.990111", "102.990111,-3.454509")
    edit(
        folder, "villages.csv", "-3.52168,102.926448,3172,453,", "-3.52168,102.926448,3172,banyak,"
    )
    edit(folder, "kades.csv", "08:00,12:00", "8 pagi,12:00")
    edit(folder, "sekolah.csv", ",17.02.06.1004,", ",99.99.99.9999,")
    edit(folder, "tim.csv", "kendaraan", "mobilnya")
    code, text = run(["validate", "--data", str(folder)], capsys)
    assert code == 2
    assert "Kesalahan: " in text
    assert "masalah" in text
    assert "Traceback" not in text
    assert english_words(text) == [], text
    code, english = run(["validate", "--data", str(folder), "--lang", "en"], capsys)
    assert code == 2
    assert "Error: " in english
    assert "is not a whole number" in english
    assert "missing column" in english


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("printers = 2", "printers = dua"),  # not valid TOML
        ("printers = 2", "printers = -2"),  # a rule
        ("printers = 2", 'printers = 2\nprinterz = 3\nlanguage = "fr"'),  # unknown key, language
    ],
)
def test_broken_planner_toml_in_indonesian(
    sample: Path, tmp_path: Path, capsys: Capture, old: str, new: str
) -> None:
    """An error in planner.toml itself is shown, in Indonesian (its language cannot be read)."""
    folder = copy_of(sample, tmp_path)
    edit(folder, "planner.toml", old, new)
    code, text = run(["validate", "--data", str(folder)], capsys)
    assert code == 2
    assert "planner.toml" in text
    assert "Kesalahan: " in text
    assert english_words(text) == [], text
    code, english = run(["validate", "--data", str(folder), "--lang", "en"], capsys)
    assert code == 2
    assert "Error: " in english
    assert english_words(english)


def test_missing_folder_and_bad_week(tmp_path: Path, capsys: Capture) -> None:
    """Errors raised before any table is read: Indonesian too."""
    code, text = run(["validate", "--data", str(tmp_path / "tidak-ada")], capsys)
    assert code == 2
    assert "bukan folder" in text
    assert english_words(text) == [], text
    (tmp_path / "isi.txt").write_text("x", encoding="utf-8")
    code, text = run(["init", str(tmp_path)], capsys)  # not empty
    assert code == 2
    assert english_words(text) == [], text


@pytest.fixture
def tiny_check(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """``planner check`` of the checker tests' valid tiny plan against its tiny district."""
    import planner.cli.check as command
    from tests.test_check import make_district, make_plan

    monkeypatch.setattr(command, "load_district", lambda folder=None: (make_district(), []))
    path = tmp_path / "plan.json"
    path.write_text(plan_to_json(make_plan()), encoding="utf-8")
    return path


def test_check_speaks_indonesian(tiny_check: Path, capsys: Capture) -> None:
    code, text = run(["check", str(tiny_check)], capsys)
    assert (code, text) == (0, "rencana OK: 3 rute, 5 titik, ketujuh aturan terpenuhi\n")
    assert english_words(text) == []
    code, text = run(["check", str(tiny_check), "--lang", "en"], capsys)
    assert (code, text) == (0, "plan OK: 3 routes, 5 stops, all 7 rules hold\n")


def test_check_of_a_broken_plan_file(tmp_path: Path, capsys: Capture) -> None:
    path = tmp_path / "plan.json"
    path.write_text('{"schema": "planner.plan/1", "routes": [', encoding="utf-8")
    code, text = run(["check", str(path)], capsys)
    assert code == 2
    assert "bukan JSON yang sah" in text
    assert english_words(text) == [], text


def test_help_is_indonesian_by_default_and_english_on_request() -> None:
    """The help language comes from --lang in the command line, then PLANNER_LANG."""
    assert help_language([], {}) == "id"
    assert help_language(["validate", "--lang", "en", "--help"], {}) == "en"
    assert help_language(["--lang=en"], {"PLANNER_LANG": "id"}) == "en"
    assert help_language([], {"PLANNER_LANG": "en"}) == "en"
    from planner.cli.validate import validate

    assert "Periksa folder kabupaten" in (validate.help or "")


def test_command_language_reads_the_district(tmp_path: Path) -> None:
    """--lang, then PLANNER_LANG, then planner.toml's language, then Indonesian; a broken
    planner.toml gives Indonesian (so its own error can be shown)."""
    folder = tmp_path / "kab"
    folder.mkdir()
    (folder / "planner.toml").write_text('language = "en"\n', encoding="utf-8")
    assert command_language(["validate", "--data", str(folder)], {}) == "en"
    assert command_language(["validate", "--data", str(folder), "--lang", "id"], {}) == "id"
    assert command_language(["validate", "--data", str(folder)], {"PLANNER_LANG": "id"}) == "id"
    (folder / "planner.toml").write_text("language = en\n", encoding="utf-8")
    assert command_language(["validate", f"--data={folder}"], {}) == "id"


@pytest.mark.parametrize(
    ("args", "indonesian"),
    [
        (["replan", "--from", "2026-12-13", "--week", "2026-W50"], "Tidak ada opsi '--week'"),
        (["replan"], "Opsi wajib belum diisi: '--from'"),
        (["plan", "--time-limit", "abc"], "'abc' bukan angka yang sah"),
        (["plna"], "Tidak ada perintah 'plna'"),
    ],
)
def test_click_usage_errors_speak_indonesian(
    args: list[str], indonesian: str, capsys: Capture
) -> None:
    """click's own messages (a mistyped option or command, a missing or bad value) are in the
    command's language too: Indonesian by default, English with --lang en."""
    code, text = run(args, capsys)
    assert code == 2
    assert indonesian in text
    assert "Pemakaian: planner" in text
    allowed = frozenset({"options", "command", "args", "plan"})  # usage line, command names
    assert english_words(text, allowed) == [], text
    code, text = run([*args, "--lang", "en"], capsys)
    assert code == 2
    assert "Usage: planner" in text
    assert "Error: " in text


def test_click_help_headings_speak_indonesian() -> None:
    """The headings and the --help option's own line of a command's help, as a user sees them
    (a fresh process: click builds a command's --help option once, in the language of the
    first command that needs it)."""
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k != "PLANNER_LANG"}
    done = subprocess.run(
        [sys.executable, "-m", "planner", "validate", "--help"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Pemakaian: planner validate" in done.stdout
    assert "Tampilkan bantuan ini lalu keluar." in done.stdout
    assert "Show this message" not in done.stdout
