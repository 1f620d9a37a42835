"""``planner.toml``: district settings with the SPEC's defaults, checked key by key.

Every key is checked for its type and range and every problem is reported (with the line the
key is on), so a coordinator fixes the file in one go. Unknown keys are warnings: a typo such as
``blank_stok`` must not silently fall back to a default.
"""

from __future__ import annotations

import re
import tomllib
import zoneinfo
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from planner.i18n import Msg, msg
from planner.io.campaign_settings import KEYS as CAMPAIGN_KEYS
from planner.io.campaign_settings import read_campaign
from planner.io.cells import Problems
from planner.io.crossings import read_crossings
from planner.io.office import read_letterhead
from planner.io.templates import placeholder_office
from planner.io.toml_lines import line_of
from planner.model import DEFAULT_WEIGHTS, Settings, SiteKind, VehicleProfile

FILE = "planner.toml"
DEFAULT_MAX_DISTANCE_KM = 150.0
INDONESIA_LAT = (-11.0, 6.0)
INDONESIA_LON = (95.0, 141.0)

_WEIGHT_KEYS = {
    "village": SiteKind.VILLAGE,
    "desa": SiteKind.VILLAGE,
    "school": SiteKind.SCHOOL,
    "sekolah": SiteKind.SCHOOL,
    "homebound": SiteKind.HOMEBOUND,
    "warga_khusus": SiteKind.HOMEBOUND,
}
_SPEED_KEYS = {
    "car": VehicleProfile.CAR,
    "mobil": VehicleProfile.CAR,
    "motorbike": VehicleProfile.MOTORBIKE,
    "motor": VehicleProfile.MOTORBIKE,
}
# The model's defaults, so a partial [speed_kmh] table only changes what it names.
_DEFAULT_SPEEDS = Settings(name="", office_name="", office_lat=0.0, office_lon=0.0).speed_kmh


@dataclass(frozen=True)
class SettingsFile:
    """What ``planner.toml`` gave: the model's ``Settings`` plus what only the loader uses."""

    settings: Settings
    maps_dir: Path
    max_distance_km: float


class _Reader:
    """Reads typed keys from a parsed TOML document, recording every problem."""

    def __init__(self, doc: Mapping[str, Any], text: str, problems: Problems):
        self.doc = doc
        self.text = text
        self.problems = problems

    def problem(self, key: str, message: str | Msg, hint: str | Msg = "") -> None:
        self.problems.error(FILE, message, row=line_of(self.text, key), column=key, hint=hint)

    def value(self, key: str, table: Mapping[str, Any] | None = None) -> Any:
        source = self.doc if table is None else table
        return source.get(key.rsplit(".", 1)[-1])

    def number(
        self,
        key: str,
        check: Callable[[float], bool],
        rule: str,
        table: Mapping[str, Any] | None = None,
        whole: bool = False,
    ) -> float | None:
        """A number under ``key`` (None when absent or bad; bad ones are recorded)."""
        raw = self.value(key, table)
        if raw is None:
            return None
        kind = msg("err.toml.whole") if whole else msg("err.toml.number")
        if (
            isinstance(raw, bool)
            or not isinstance(raw, (int, float))
            or (whole and not isinstance(raw, int))
        ):
            self.problem(
                key,
                msg("err.toml.not", setting=key, raw=repr(raw), kind=kind),
                msg("err.toml.write", setting=key, rule=msg(f"err.rule.{rule}")),
            )
            return None
        if raw != raw or not check(float(raw)):  # NaN fails every check
            self.problem(
                key, msg("err.toml.must", setting=key, raw=repr(raw), rule=msg(f"err.rule.{rule}"))
            )
            return None
        return float(raw)

    def text_value(self, key: str, table: Mapping[str, Any] | None = None) -> str | None:
        raw = self.value(key, table)
        if raw is None:
            return None
        if not isinstance(raw, str) or not raw.strip():
            self.problem(
                key,
                msg("err.toml.not_text", setting=key, raw=repr(raw)),
                msg("err.toml.text_hint", setting=key),
            )
            return None
        return raw.strip()

    def table(self, key: str) -> Mapping[str, Any] | None:
        raw = self.doc.get(key)
        if raw is None:
            return None
        if not isinstance(raw, dict):
            self.problem(
                key, msg("err.toml.table", setting=key), msg("err.toml.table_hint", setting=key)
            )
            return None
        return raw


def _syntax_error(exc: tomllib.TOMLDecodeError, problems: Problems) -> None:
    message = str(exc)
    match = re.search(r"\(at line (\d+), column (\d+)\)", message)
    row = int(match[1]) if match else None
    message = re.sub(r"\s*\(at line \d+, column \d+\)", "", message)
    # tomllib's reason is English only: the Indonesian message gives the place instead.
    column = match[2] if match else "?"
    problems.error(
        FILE,
        msg("err.toml.syntax", reason=message, column=column),
        row=row,
        hint=msg("err.toml.syntax_hint"),
    )


K = TypeVar("K")


def _keyed_numbers(
    reader: _Reader,
    name: str,
    keys: Mapping[str, K],
    defaults: Mapping[K, float],
    check: tuple[Callable[[float], bool], str],
    hint: str | Msg,
) -> dict[K, float] | None:
    """A ``[name]`` table of numbers (weights, speeds) over ``defaults``; None when absent."""
    table = reader.table(name)
    if table is None:
        return None
    values = dict(defaults)
    for key in table:
        target = keys.get(key)
        if target is None:
            reader.problems.warn(
                FILE,
                msg("err.toml.unknown_key", setting=repr(key), table=name),
                row=line_of(reader.text, f"{name}.{key}"),
                column=f"{name}.{key}",
                hint=hint,
            )
            continue
        value = reader.number(f"{name}.{key}", check[0], check[1], table)
        if value is not None:
            values[target] = value
    return values


def _office(reader: _Reader) -> tuple[str, float | None, float | None]:
    """The office name, lat and lon: ``[office]`` or the older flat ``office_*`` keys."""
    office = reader.table("office") or {}
    name = reader.text_value("office.name", office) or reader.text_value("office_name")
    lat_key, lon_key = ("office.lat", "office.lon") if office else ("office_lat", "office_lon")
    lat = reader.number(
        lat_key,
        lambda v: INDONESIA_LAT[0] <= v <= INDONESIA_LAT[1],
        "lat",
        office or None,
    )
    lon = reader.number(
        lon_key,
        lambda v: INDONESIA_LON[0] <= v <= INDONESIA_LON[1],
        "lon",
        office or None,
    )
    given = [reader.value(key, office or None) for key in (lat_key, lon_key)]
    if office.get("placeholder") is True:
        placeholder_office(reader.problems, line_of(reader.text, "office.placeholder"))
    if None in given:
        reader.problems.error(
            FILE,
            msg("err.toml.no_office"),
            column="office",
            hint=msg("err.toml.no_office_hint"),
        )
    return name or "Kantor Dinas Dukcapil", lat, lon


def _roads(reader: _Reader, folder: Path, maps_dir: Path) -> str | None:
    """The roads file, looked for in maps/ and then the district folder."""
    roads = reader.text_value("roads")
    if roads is None:
        return None
    for base in (maps_dir, folder):
        candidate = (base / roads).resolve()
        if candidate.is_file():
            return str(candidate)
    reader.problem(
        "roads",
        msg("err.toml.no_roads", file=repr(roads), maps=str(maps_dir), folder=str(folder)),
        hint=msg("err.toml.no_roads_hint"),
    )
    return None


_NUMBER_KEYS: tuple[tuple[str, Callable[[float], bool], str, bool], ...] = (
    ("recording_minutes", lambda v: 0 < v <= 120, "between 0 and 120", False),
    ("setup_minutes", lambda v: 0 <= v <= 240, "between 0 and 240", True),
    ("print_minutes", lambda v: 0 <= v <= 60, "between 0 and 60", False),
    ("turnout", lambda v: 0 < v <= 1, "more than 0 and at most 1", False),
    ("school_turnout", lambda v: 0 < v <= 1, "more than 0 and at most 1", False),
    ("printers", lambda v: v >= 0, "0 or more", True),
    ("blank_stock", lambda v: v >= 0, "0 or more", True),
    ("blank_reserve", lambda v: v >= 0, "0 or more", True),
    ("detour_factor", lambda v: 1 <= v <= 5, "between 1 and 5", False),
    ("team_day_capacity", lambda v: v >= 1, "1 or more", True),
    ("card_value", lambda v: v >= 0, "0 or more", False),
    ("road_join_km", lambda v: 0 <= v <= 50, "between 0 and 50", False),
)
"""Top-level numeric settings: key, the check, the rule a message states, whole numbers only."""
_TOP_KEYS = (
    {key for key, *_ in _NUMBER_KEYS}
    | CAMPAIGN_KEYS
    | {
        "name",
        "timezone",
        "language",
        "roads",
        "maps",
        "office",
        "weights",
        "speed_kmh",
        "office_name",
        "office_lat",
        "office_lon",
        "max_distance_km",
        "crossing",
        "letters",
    }
)


def _parse(data: bytes, problems: Problems) -> tuple[str, dict[str, Any]] | None:
    """The file's text and its TOML document; None (with the problem recorded) if unreadable."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        problems.error(FILE, msg("err.toml.not_utf8"), hint=msg("err.toml.not_utf8_hint"))
        return None
    try:
        return text, tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        _syntax_error(exc, problems)
        return None


def _general(reader: _Reader, folder: Path) -> tuple[str | None, str, str]:
    """``name`` (the folder's name when absent), ``timezone`` and ``language``, each checked."""
    problems, doc = reader.problems, reader.doc
    for key in doc:
        if key not in _TOP_KEYS:
            problems.warn(
                FILE,
                msg("err.toml.unknown_setting", setting=repr(key)),
                row=line_of(reader.text, key),
                column=key,
                hint=msg("err.toml.spelling_hint"),
            )
    name = reader.text_value("name")
    if name is None and "name" not in doc:
        problems.warn(
            FILE, msg("err.toml.no_name", name=repr(folder.resolve().name)), column="name"
        )
        name = folder.resolve().name or "district"
    timezone = reader.text_value("timezone") or "Asia/Jakarta"
    try:
        zoneinfo.ZoneInfo(timezone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        reader.problem(
            "timezone",
            msg("err.toml.timezone", zone=repr(timezone)),
            msg("err.toml.timezone_hint"),
        )
    language = reader.text_value("language") or "id"
    if language not in ("id", "en"):
        reader.problem("language", msg("err.toml.language", value=repr(language)))
    return name, timezone, language


def _numbers(reader: _Reader) -> dict[str, Any]:
    """The numeric settings given (``_NUMBER_KEYS``), whole ones as ``int``."""
    fields: dict[str, Any] = {}
    for key, check, rule, whole in _NUMBER_KEYS:
        value = reader.number(key, check, rule, whole=whole)
        if value is not None:
            fields[key] = int(value) if whole else value
    return fields


def read_settings(folder: Path, data: bytes, problems: Problems) -> SettingsFile | None:
    """Parse ``planner.toml`` (its ``data``) of the district in ``folder``; None if unusable."""
    parsed = _parse(data, problems)
    if parsed is None:
        return None
    text, doc = parsed
    reader = _Reader(doc, text, problems)
    errors_before = len(problems.errors)
    name, timezone, language = _general(reader, folder)
    office_name, office_lat, office_lon = _office(reader)
    maps_name = reader.text_value("maps") or "maps"
    maps_dir = (folder / maps_name).resolve()
    fields = _numbers(reader)
    max_km = reader.number("max_distance_km", lambda v: v > 0, "more than 0")
    weights = _keyed_numbers(
        reader,
        "weights",
        _WEIGHT_KEYS,
        DEFAULT_WEIGHTS,
        (lambda v: v >= 0, "0 or more"),
        msg("err.toml.weights_hint"),
    )
    speeds = _keyed_numbers(
        reader,
        "speed_kmh",
        _SPEED_KEYS,
        _DEFAULT_SPEEDS,
        (lambda v: 0 < v <= 200, "between 0 and 200"),
        msg("err.toml.speed_hint"),
    )
    if speeds is not None:
        fields["speed_kmh"] = speeds
    roads = _roads(reader, folder, maps_dir)
    crossings = read_crossings(doc, text, problems)
    letterhead = read_letterhead(doc, text, problems, (folder, maps_dir))
    fields["campaign"] = read_campaign(doc, problems)
    if fields.get("blank_reserve", 0) > fields.get("blank_stock", 0):
        problems.warn(
            FILE,
            msg("err.toml.reserve"),
            row=line_of(text, "blank_reserve"),
            column="blank_reserve",
        )
    if len(problems.errors) > errors_before or office_lat is None or office_lon is None:
        return None
    settings = Settings(
        name=name or "district",
        office_name=office_name,
        office_lat=office_lat,
        office_lon=office_lon,
        timezone=timezone,
        language=language,
        weights=weights or DEFAULT_WEIGHTS,
        roads=roads,
        crossings=crossings,
        letterhead=letterhead,
        **fields,
    )
    return SettingsFile(settings, maps_dir, max_km or DEFAULT_MAX_DISTANCE_KM)
