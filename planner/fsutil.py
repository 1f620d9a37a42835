"""Atomic, owner-only output files: a killed run never leaves a half-written output."""

from __future__ import annotations

import contextlib
import ctypes
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` and any missing parents owner-only (0700); outputs may hold personal data.

    Folders that already exist keep their permissions: ``--out`` may name a shared folder the
    office set up on purpose, and only what planner creates is its to lock down.
    """
    missing = []
    for folder in (path, *path.parents):
        if folder.is_dir():
            break
        missing.append(folder)
    for folder in reversed(missing):
        with contextlib.suppress(FileExistsError):
            folder.mkdir(mode=0o700)
            folder.chmod(0o700)  # mkdir's mode is masked by the umask
    if not path.is_dir():
        path.mkdir(mode=0o700)  # raises the clear error: a file of that name, say
    return path


@contextlib.contextmanager
def atomic_open(path: Path, mode: str = "w", encoding: str | None = "utf-8") -> Iterator[IO[Any]]:
    """Open a temporary file beside ``path``; on success fsync and rename it into place.

    On any exception (or a kill) the temporary file is removed or left as ``.*.tmp`` and
    ``path`` keeps its previous content.
    """
    ensure_private_dir(path.parent)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    binary = "b" in mode
    try:
        with os.fdopen(fd, mode, encoding=None if binary else encoding) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_text_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically (UTF-8)."""
    with atomic_open(path, "w") as handle:
        handle.write(text)


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically."""
    with atomic_open(path, "wb", encoding=None) as handle:
        handle.write(data)


PAUSE_HOOK_ENV = "PLANNER_TEST_PAUSE_BEFORE_SWAP"
"""Test hook for the kill test: when set to a file path, ``staged_dir`` creates that file once
everything is staged (and the caller's work inside the block is done), just before the swap,
and sleeps, so a test can SIGKILL it there."""

_STAGE = ".stage"


def _stage_prefix(final: Path) -> str:
    return f".{final.name}."


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # someone else's process: leave its folder alone
    return True


def _stale_stages(final: Path) -> list[Path]:
    """Staging folders of ``final`` whose run is gone (killed): ``.<name>.<pid>.<random>.stage``."""
    prefix = _stage_prefix(final)
    stale = []
    with contextlib.suppress(OSError):
        for entry in final.parent.iterdir():
            name = entry.name
            if not (name.startswith(prefix) and name.endswith(_STAGE)) or not entry.is_dir():
                continue
            pid_text = name[len(prefix) :].split(".", 1)[0]
            if not pid_text.isdigit() or not _pid_alive(int(pid_text)):
                stale.append(entry)
    return stale


def recover_dir(final: Path) -> None:
    """Repair what a killed run left beside ``final``.

    A kill between the two renames of the swap leaves ``final`` missing and its previous
    content in ``.<name>.old``: that comes back. A kill after the swap leaves a ``.old`` beside
    the new ``final``: it goes. Staging folders of runs that are no longer alive go too.
    """
    old = final.with_name(f".{final.name}.old")
    if old.exists() and not final.exists():
        os.replace(old, final)
    elif old.exists():
        shutil.rmtree(old, ignore_errors=True)
    for stage in _stale_stages(final):
        shutil.rmtree(stage, ignore_errors=True)


def _copy_into(source: Path, stage: Path) -> None:
    """Copy ``source``'s entries (files, folders, symlinks as links) into ``stage``, leaving
    out half-written ``.*.tmp`` files of a killed writer."""
    for item in source.iterdir():
        if item.name.startswith(".") and item.name.endswith(".tmp"):
            continue
        target = stage / item.name
        if item.is_symlink():
            os.symlink(os.readlink(item), target)
        elif item.is_dir():
            shutil.copytree(item, target, symlinks=True)
        else:
            shutil.copy2(item, target)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step (Linux ``renameat2(RENAME_EXCHANGE)``); False where the
    system or the file system cannot, and the caller falls back to two renames."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_uint,
    ]
    renameat2.restype = ctypes.c_int
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return bool(result == 0)


def _pause_for_kill_test() -> None:
    marker = os.environ.get(PAUSE_HOOK_ENV)
    if marker:
        Path(marker).touch()
        time.sleep(60)


@contextlib.contextmanager
def staged_dir(final: Path) -> Iterator[Path]:
    """A private staging copy of ``final``; on success it replaces ``final`` as a whole.

    The stage starts as a copy of ``final`` (so files and folders the run does not rewrite
    survive). The swap is one atomic exchange of the two folders on Linux; elsewhere it is two
    renames, and ``recover_dir`` (run first) repairs a kill between them. It also removes the
    stages of killed runs. A reader sees either the old folder or the new one, never a mix.
    """
    ensure_private_dir(final.parent)
    recover_dir(final)
    stage = Path(
        tempfile.mkdtemp(
            prefix=f"{_stage_prefix(final)}{os.getpid()}.", suffix=_STAGE, dir=final.parent
        )
    )
    try:
        if final.is_dir():
            _copy_into(final, stage)
        yield stage
        _pause_for_kill_test()
        if final.is_dir() and _exchange(stage, final):
            return  # the stage now holds the previous content; ``finally`` removes it
        old = final.with_name(f".{final.name}.old")
        if final.exists():
            os.replace(final, old)
        os.replace(stage, final)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        if stage.exists():
            shutil.rmtree(stage, ignore_errors=True)
