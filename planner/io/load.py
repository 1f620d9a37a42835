"""Load a district folder: read every file, check every value, report every problem at once.

``load(folder)`` returns ``(District, warnings)`` or raises one ``InputError`` listing every
error (file:row:column) with the warnings attached. It never raises anything else on bad input.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from pathlib import Path

from planner.errors import InputError, Problem
from planner.i18n import Num, msg
from planner.io.cells import Problems
from planner.io.national_holidays import default_years, national_holidays
from planner.io.settings import FILE as SETTINGS_FILE
from planner.io.settings import read_settings
from planner.io.tables import SPECS, find_files, read_table
from planner.io.validate import Inputs, build_district
from planner.model import District

MAX_REPORTED = 100
"""Errors listed in one message; a wholly wrong file would otherwise print thousands."""

BOUNDARY_NAMES = ("desa.geojson", "villages.geojson", "boundaries.geojson")


def inputs_sha256(files: Mapping[str, bytes]) -> str:
    """SHA-256 over every input file (sorted by name), so a plan records what it came from.

    Each file contributes its name, its length and its bytes, so moving bytes from one file
    to the next changes the digest.
    """
    digest = hashlib.sha256()
    for name in sorted(files):
        data = files[name]
        digest.update(name.encode("utf-8") + b"\0" + str(len(data)).encode() + b"\0")
        digest.update(data)
    return digest.hexdigest()


def _read_bytes(path: Path, problems: Problems) -> bytes | None:
    """The file's bytes; None, with the problem recorded, when it cannot be read."""
    try:
        return path.read_bytes()
    except OSError as exc:
        problems.error(
            path.name,
            msg("err.unreadable", reason=exc.strerror or str(exc)),
            hint=msg("err.unreadable_hint"),
        )
        return None


def _boundaries(maps_dir: Path) -> str | None:
    for name in BOUNDARY_NAMES:
        candidate = maps_dir / name
        if candidate.is_file():
            return str(candidate)
    return None


def _capped(errors: list[Problem]) -> list[Problem]:
    if len(errors) <= MAX_REPORTED:
        return errors
    more = len(errors) - MAX_REPORTED
    return [*errors[:MAX_REPORTED], Problem("", msg("err.more_problems", count=Num(more)))]


def load(folder: Path | str, years: Iterable[int] | None = None) -> tuple[District, list[Problem]]:
    """Load and validate the district folder; InputError listing every problem if it is bad.

    ``years`` chooses which years' national holidays are included (default: last, this and
    next year); a caller planning further ahead passes the years it needs.
    """
    folder = Path(folder)
    if not folder.is_dir():
        hint = msg("err.not_folder_hint")
        raise InputError([Problem(str(folder), msg("err.not_folder"), hint=hint)])
    try:
        return _load(folder, years)
    except OSError as exc:  # the folder vanished or cannot be listed mid-way
        reason = msg("err.unreadable", reason=exc.strerror or str(exc))
        raise InputError([Problem(str(folder), reason)]) from None


def _load(folder: Path, years: Iterable[int] | None) -> tuple[District, list[Problem]]:
    """``load`` of an existing folder: planner.toml, then each table, then every check."""
    problems = Problems()
    files: dict[str, bytes] = {}
    settings = None
    toml_path = next(
        (p for p in sorted(folder.iterdir()) if p.name.lower() == SETTINGS_FILE and p.is_file()),
        None,
    )
    if toml_path is None:
        problems.error(
            SETTINGS_FILE,
            msg("err.toml.missing", folder=str(folder)),
            hint=msg("err.toml.missing_hint"),
        )
    else:
        data = _read_bytes(toml_path, problems)
        if data is not None:
            files[toml_path.name] = data
            settings = read_settings(folder, data, problems)

    inputs = Inputs(settings)
    for spec in SPECS:
        path = find_files(folder, spec, problems)
        if path is None:
            continue
        data = _read_bytes(path, problems)
        if data is None:
            continue
        files[path.name] = data
        table = read_table(spec, path.name, data, problems)
        if table is not None:
            inputs.tables[spec.key] = table

    national = national_holidays(default_years() if years is None else years)
    if not national:
        problems.warn(
            "",
            msg("err.no_national_holidays"),
            hint=msg("err.no_national_holidays_hint"),
        )
    boundaries = _boundaries(settings.maps_dir) if settings else None
    district = build_district(inputs, national, problems, inputs_sha256(files), boundaries)
    if problems.errors or district is None:
        raise InputError(
            _capped(problems.errors) or [Problem("", msg("err.unusable_district"))],
            problems.warnings,
        )
    return district, list(problems.warnings)
