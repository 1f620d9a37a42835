"""The atomic writers and the week-folder swap, and the crash log: the parts the kill test
cannot aim at (the two-rename fallback, stale stages of live runs, permissions, symlinks)."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
from pathlib import Path

import click
import pytest

import planner.cli._common as common
import planner.fsutil as fsutil
import planner.workflow.failures as failures
from planner.fsutil import ensure_private_dir, recover_dir, staged_dir, write_text_atomic
from planner.privacy import forget_all, remember, scrub

pytestmark = pytest.mark.usefixtures("english_messages")  # pins English wording


def _fill(folder: Path, text: str) -> None:
    with staged_dir(folder) as stage:
        write_text_atomic(stage / "plan.json", text)


def test_the_swap_keeps_subfolders_and_drops_half_written_files(tmp_path: Path) -> None:
    """What the run does not rewrite survives the swap, folders too; a killed writer's
    ``.x.tmp`` is not carried over; the new folder is 0700."""
    week = tmp_path / "out" / "2026-W49"
    _fill(week, "one")
    (week / "photos").mkdir()
    (week / "photos" / "a.jpg").write_bytes(b"jpg")
    (week / ".plan.json.abc.tmp").write_text("half")
    _fill(week, "two")
    assert (week / "plan.json").read_text() == "two"
    assert (week / "photos" / "a.jpg").read_bytes() == b"jpg"
    assert not (week / ".plan.json.abc.tmp").exists()
    assert stat.S_IMODE(week.stat().st_mode) == 0o700
    assert sorted(p.name for p in week.parent.iterdir()) == ["2026-W49"]


def test_the_two_rename_fallback_and_its_recovery(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without an atomic exchange the swap is two renames; a kill between them leaves the
    old folder as ``.<week>.old`` and no week folder; the next run brings it back first."""
    monkeypatch.setattr(fsutil, "_exchange", lambda a, b: False)
    week = tmp_path / "2026-W49"
    _fill(week, "one")
    _fill(week, "two")
    assert (week / "plan.json").read_text() == "two"
    os.replace(week, tmp_path / ".2026-W49.old")  # the state a kill between them leaves
    (tmp_path / ".2026-W49.999999999.x.stage").mkdir()
    recover_dir(week)
    assert (week / "plan.json").read_text() == "two"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2026-W49"]


def test_stages_of_live_runs_are_left_alone(tmp_path: Path) -> None:
    """Two runs on the same week: one run's cleanup never removes the other's stage."""
    week = tmp_path / "2026-W49"
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        live = tmp_path / f".2026-W49.{sleeper.pid}.abc.stage"
        dead = tmp_path / ".2026-W49.999999999.abc.stage"
        other_week = tmp_path / ".2026-W50.999999999.abc.stage"
        for folder in (live, dead, other_week):
            folder.mkdir()
        _fill(week, "one")
        assert live.exists()
        assert other_week.exists()
        assert not dead.exists()
    finally:
        sleeper.kill()
        sleeper.wait()


def test_new_folders_are_private_existing_ones_keep_their_mode(tmp_path: Path) -> None:
    """Every folder planner creates is 0700, parents too; a folder the office made is not
    changed (it may be a share on purpose); a file in the way is a clear OSError."""
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    shared.chmod(0o755)
    ensure_private_dir(shared / "a" / "b")
    assert stat.S_IMODE(shared.stat().st_mode) == 0o755
    assert stat.S_IMODE((shared / "a").stat().st_mode) == 0o700
    assert stat.S_IMODE((shared / "a" / "b").stat().st_mode) == 0o700
    (tmp_path / "file").write_text("x")
    with pytest.raises(OSError):
        ensure_private_dir(tmp_path / "file" / "sub")


def _group(error: BaseException) -> click.Group:
    @click.group()
    def group() -> None:
        """Test group."""

    @group.command()
    def boom() -> None:
        remember("Sentinel Crashlog", "1702019912340000")  # as the loader does
        raise error

    return group


def test_file_system_errors_are_one_clear_line(capsys: pytest.CaptureFixture[str]) -> None:
    """A folder that cannot be written or a full disk: the path and reason, exit 2, no log."""
    error = OSError(errno.ENOSPC, "No space left on device", "/srv/out/2026-W49/map.html")
    assert common.run_guarded(_group(error), ["boom"]) == 2
    assert capsys.readouterr().err == (
        "Error: /srv/out/2026-W49/map.html: No space left on device — check the path, its "
        "permissions and free space\n"
    )


def test_crash_logs_are_private_and_scrubbed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The crash log lands in a per-user 0700 folder of the temp dir, 0600, with names and
    NIK scrubbed; a planted symlink in the temp dir is refused, the user still gets a line."""
    monkeypatch.delenv("PLANNER_LOG_DIR", raising=False)
    monkeypatch.setattr(failures.tempfile, "gettempdir", lambda: str(tmp_path))
    error = KeyError("Sentinel Crashlog 1702019912340000 9876543210123456")
    assert common.run_guarded(_group(error), ["boom"]) == 1
    line = capsys.readouterr().err
    assert line.startswith("Internal error (KeyError); this is a bug in planner, details in ")
    log = Path(line.rsplit(" ", 1)[1].strip())
    assert log.parent == tmp_path / f"planner-logs-{os.getuid()}"
    assert stat.S_IMODE(log.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    text = log.read_text()
    assert "Traceback" in text
    assert "Sentinel" not in text
    assert "1702019912340000" not in text
    assert "9912340000" not in text
    assert "[resident] 170201********** 987654**********" in text

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    log.parent.rename(tmp_path / "moved")
    (tmp_path / f"planner-logs-{os.getuid()}").symlink_to(elsewhere)
    assert common.run_guarded(_group(error), ["boom"]) == 1
    assert capsys.readouterr().err.endswith("and the crash log could not be written\n")
    assert list(elsewhere.iterdir()) == []


def test_scrub_leaves_ordinary_text_alone() -> None:
    """Site ids, dates and counts pass through; only remembered values and NIK shapes go."""
    forget_all()
    remember("Asih", "1702019912340000")
    text = "village:17.02.07.2001 on 2026-12-01: 1,234 people, phone 081234567890, Asihan"
    assert scrub(text) == text
    assert scrub("Asih (1702019912340000), Asih.") == "[resident] (170201**********), [resident]."


def test_an_error_caused_by_ctrl_c_is_an_interruption(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C inside a lazy import can surface as another error (matplotlib: ``RuntimeError:
    Error calling __set_name__``) caused by the KeyboardInterrupt: exit 130, no crash log."""
    try:
        try:
            raise KeyboardInterrupt
        except KeyboardInterrupt as interrupt:
            raise RuntimeError("Error calling __set_name__") from interrupt
    except RuntimeError as exc:
        failure = failures.describe(exc, "en")
    assert (failure.code, failure.lines) == (130, ("Interrupted; nothing was written.",))
    monkeypatch.setattr(failures.tempfile, "gettempdir", lambda: str(tmp_path))
    assert failures.describe(RuntimeError("boom"), "en").code == 1  # a bug: crash log, 1
