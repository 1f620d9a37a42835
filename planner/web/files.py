"""The district folder as the web page changes it: tables with their row counts, the validation
result, and replacing a table or a ``planner.toml`` value only after a staging copy of the
folder with the change still loads without errors (a bad upload leaves the old file in place).

Nothing here knows HTTP; ``planner.web.district`` turns requests into these calls.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath

from planner.errors import InputError, Problem
from planner.fsutil import write_bytes_atomic
from planner.i18n import Msg
from planner.io.cells import Problems
from planner.io.load import load
from planner.io.settings import FILE as SETTINGS_FILE
from planner.io.tables import SPECS, TableSpec, find_files, read_table

TABLE_TYPES = (".csv", ".xlsx")  # what planner.io.tables reads
SETTINGS_TYPES = (".toml",)
PRIVATE = (".planner", "out")
"""Entries of a district folder a staging copy leaves out: the ledger, caches, outputs."""
EDITABLE_SETTINGS = ("printers", "blank_stock", "blank_reserve")


@dataclass(frozen=True, slots=True)
class TableInfo:
    """One of the district's tables: which file holds it and how many data rows it has."""

    spec: TableSpec
    file: str | None
    rows: int | None


@dataclass(frozen=True, slots=True)
class Checked:
    """The district loaded (``ok``), or every problem that stops it; warnings either way."""

    problems: tuple[Problem, ...] = ()
    warnings: tuple[Problem, ...] = ()
    settings: dict[str, int] = field(default_factory=dict)
    name: str = ""
    """The district's name (from planner.toml) when it loaded."""

    @property
    def ok(self) -> bool:
        """True when the district loads without errors."""
        return not self.problems


def safe_name(filename: str) -> str:
    """The last part of an uploaded file's name, with anything but letters, digits, ``._-``
    replaced: ``../../x.csv`` → ``x.csv``; never empty, never hidden."""
    base = PurePosixPath(filename.replace("\\", "/")).name.strip()
    base = re.sub(r"[^A-Za-z0-9._-]", "_", base).lstrip(".")
    return base or "upload"


def extension(filename: str) -> str:
    """The lower-case extension of a (sanitised) file name, with its dot ('' when none)."""
    return PurePosixPath(safe_name(filename)).suffix.lower()


def spec_for(key: str) -> TableSpec | None:
    """The table spec of ``key`` (``villages``), or None."""
    return next((s for s in SPECS if s.key == key), None)


def spec_of_file(filename: str) -> TableSpec | None:
    """The table a file's own name says it is (``desa.xlsx`` → villages), or None."""
    stem = PurePosixPath(safe_name(filename)).stem.lower()
    return next((s for s in SPECS if stem in s.names), None)


def tables(folder: Path) -> list[TableInfo]:
    """Every table of the district: its file (None when absent) and data rows, read even when
    the district as a whole does not validate."""
    found: list[TableInfo] = []
    for spec in SPECS:
        problems = Problems()
        path = find_files(folder, spec, problems) if folder.is_dir() else None
        if path is None:
            found.append(TableInfo(spec, None, None))
            continue
        try:
            table = read_table(spec, path.name, path.read_bytes(), problems)
        except OSError:
            table = None
        found.append(TableInfo(spec, path.name, len(table.rows) if table else None))
    return found


def check(folder: Path) -> Checked:
    """Load the district folder as ``planner validate`` does: every problem at once."""
    try:
        district, warnings = load(folder)
    except InputError as exc:
        return Checked(exc.problems, exc.warnings, current_settings(folder))
    settings = district.settings
    values = {k: int(getattr(settings, k)) for k in EDITABLE_SETTINGS}
    return Checked((), tuple(warnings), values, settings.name)


def current_settings(folder: Path) -> dict[str, int]:
    """The editable values as written in ``planner.toml`` (those that read as whole numbers)."""
    text = settings_text(folder)
    values: dict[str, int] = {}
    for key in EDITABLE_SETTINGS:
        match = re.search(rf"(?m)^\s*{key}\s*=\s*(\d+)\s*(?:#.*)?$", _top_level(text))
        if match:
            values[key] = int(match[1])
    return values


def settings_text(folder: Path) -> str:
    """The text of the district's ``planner.toml`` ('' when it has none)."""
    path = folder / SETTINGS_FILE
    return path.read_text(encoding="utf-8-sig") if path.is_file() else ""


def _top_level(text: str) -> str:
    """The part of a TOML text before its first ``[table]`` header."""
    match = re.search(r"(?m)^[ \t]*\[", text)
    return text[: match.start()] if match else text


def set_values(text: str, values: dict[str, int]) -> str:
    """``planner.toml``'s text with top-level ``key = value`` lines set (comments after a value
    and every other line kept; a missing key is added before the first table)."""
    head, tail = _top_level(text), text[len(_top_level(text)) :]
    for key, value in values.items():
        pattern = re.compile(rf"(?m)^(\s*){key}(\s*=\s*)[^#\n]*?(\s*(?:#.*)?)$")
        if pattern.search(head):
            head = pattern.sub(rf"\g<1>{key}\g<2>{value}\g<3>", head, count=1)
        else:
            head = head.rstrip("\n") + ("\n" if head.strip() else "") + f"{key} = {value}\n"
            if tail:
                head += "\n"
    return head + tail


def target_name(folder: Path, spec: TableSpec, ext: str) -> tuple[str, tuple[str, ...]]:
    """The file name an upload of ``spec`` is stored under (the district's own name for that
    table, with the upload's extension) and the files it replaces."""
    problems = Problems()
    existing = find_files(folder, spec, problems)
    if existing is None:
        return f"{spec.names[0]}{ext}", ()
    name = f"{existing.stem}{ext}"
    return name, (existing.name,) if existing.name != name else ()


@contextlib.contextmanager
def staging_copy(folder: Path) -> Iterator[Path]:
    """A temporary copy of the district folder's own files beside it (so relative paths in
    ``planner.toml`` such as ``maps = "../maps"`` mean the same), sub-folders linked, the
    ledger and outputs left out; removed afterwards."""
    folder = folder.resolve()
    parent = folder.parent if os.access(folder.parent, os.W_OK) else folder / ".planner"
    parent.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=f".{folder.name}.staging-", dir=parent))
    try:
        for entry in folder.iterdir():
            if entry.name in PRIVATE or entry.name.startswith("."):
                continue
            if entry.is_dir():
                (stage / entry.name).symlink_to(entry, target_is_directory=True)
            elif entry.is_file():
                shutil.copy2(entry, stage / entry.name)
        yield stage
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def replace_file(folder: Path, name: str, data: bytes, remove: Sequence[str] = ()) -> Checked:
    """Store ``data`` as ``folder/name`` (and delete ``remove``) only when a staging copy with
    that change loads without errors; otherwise change nothing. Problems name the real folder."""
    folder = folder.resolve()
    with staging_copy(folder) as stage:
        write_bytes_atomic(stage / name, data)
        for old in remove:
            with contextlib.suppress(FileNotFoundError):
                (stage / old).unlink()
        result = check(stage)
        if not result.ok:
            return Checked(
                tuple(_relocated(p, stage, folder) for p in result.problems),
                tuple(_relocated(p, stage, folder) for p in result.warnings),
                result.settings,
            )
    write_bytes_atomic(folder / name, data)
    for old in remove:
        with contextlib.suppress(FileNotFoundError):
            (folder / old).unlink()
    return check(folder)


def _relocated(problem: Problem, stage: Path, folder: Path) -> Problem:
    """A problem found in the staging copy, naming the district folder instead."""

    def fix(text: str | Msg) -> str | Msg:
        return text.replace(str(stage), str(folder)) if isinstance(text, str) else text

    return replace(
        problem, file=problem.file.replace(str(stage), str(folder)), message=fix(problem.message)
    )


def accepted(ext: str) -> bool:
    """True for the file types the district page takes."""
    return ext in TABLE_TYPES or ext in SETTINGS_TYPES
