"""``[[crossing]]`` tables of ``planner.toml``: the boat crossings a district declares.

One table per crossing::

    [[crossing]]
    name = "Bangsal – Gili Air"
    from = { lat = -8.3590, lon = 116.0870 }   # a harbour
    to = { lat = -8.3580, lon = 116.0830 }     # the other harbour
    minutes = 20            # on the water
    wait_minutes = 30       # waiting at the harbour, on average (default 30)
    vehicles = ["motorbike"]  # which may board: motorbike/motor, car/mobil (default motorbike)

Every problem is recorded with the crossing's number and key, like the other settings.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from planner.i18n import Msg, msg
from planner.io.cells import Problems
from planner.model import Crossing, VehicleProfile

FILE = "planner.toml"
KEYS = {"name", "from", "to", "minutes", "wait_minutes", "vehicles"}
_VEHICLES = {
    "car": VehicleProfile.CAR,
    "mobil": VehicleProfile.CAR,
    "motorbike": VehicleProfile.MOTORBIKE,
    "motor": VehicleProfile.MOTORBIKE,
}
_EXAMPLE = (
    '[[crossing]] with name = "…", from = { lat = …, lon = … }, to = { lat = …, lon = … }, '
    'minutes = 20, vehicles = ["motorbike"]'
)


def _line(text: str, number: int) -> int | None:
    """The line of the ``number``-th ``[[crossing]]`` header (1-based), for messages."""
    seen = 0
    for row, line in enumerate(text.splitlines(), start=1):
        if re.match(r"^\s*\[\[\s*crossing\s*\]\]", line):
            seen += 1
            if seen == number:
                return row
    return None


class _One:
    """Reads one crossing table, recording problems against its header line."""

    def __init__(self, table: Mapping[str, Any], number: int, row: int | None, problems: Problems):
        self.table, self.number, self.row, self.problems = table, number, row, problems
        self.ok = True

    def fail(self, key: str, message: Msg) -> None:
        self.ok = False
        self.problems.error(
            FILE,
            msg("err.crossing", number=self.number, message=message),
            row=self.row,
            column=f"crossing.{key}",
            hint=msg("err.crossing_hint", example=_EXAMPLE),
        )

    def point(self, key: str) -> tuple[float, float] | None:
        raw = self.table.get(key)
        if isinstance(raw, dict) and set(raw) == {"lat", "lon"}:
            lat, lon = raw["lat"], raw["lon"]
        elif isinstance(raw, list) and len(raw) == 2:
            lat, lon = raw
        else:
            self.fail(key, msg("err.crossing.point", setting=key))
            return None
        if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in (lat, lon)):
            self.fail(key, msg("err.crossing.numbers", setting=key))
            return None
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            self.fail(key, msg("err.crossing.latlon", setting=key, lat=lat, lon=lon))
            return None
        return float(lat), float(lon)

    def minutes(self, key: str, default: float | None) -> float | None:
        raw = self.table.get(key, default)
        if raw is None:
            self.fail(key, msg("err.crossing.no_minutes", setting=key))
            return None
        if isinstance(raw, bool) or not isinstance(raw, int | float) or not 0 <= raw <= 24 * 60:
            self.fail(key, msg("err.crossing.minutes", setting=key, raw=repr(raw)))
            return None
        return float(raw)

    def vehicles(self) -> frozenset[VehicleProfile] | None:
        raw = self.table.get("vehicles", ["motorbike"])
        names = raw if isinstance(raw, list) else [raw]
        found = [_VEHICLES.get(str(n).strip().lower()) for n in names]
        if not names or any(v is None for v in found):
            self.fail("vehicles", msg("err.crossing.vehicles", raw=repr(raw)))
            return None
        return frozenset(v for v in found if v is not None)


def read_crossings(doc: Mapping[str, Any], text: str, problems: Problems) -> tuple[Crossing, ...]:
    """The district's boat crossings (none when ``[[crossing]]`` is absent); bad ones are
    recorded in ``problems`` and left out."""
    raw = doc.get("crossing")
    if raw is None:
        return ()
    if not isinstance(raw, list) or not all(isinstance(t, dict) for t in raw):
        problems.error(
            FILE,
            msg("err.crossing.tables"),
            column="crossing",
            hint=msg("err.crossing_hint", example=_EXAMPLE),
        )
        return ()
    crossings: list[Crossing] = []
    for number, table in enumerate(raw, start=1):
        one = _One(table, number, _line(text, number), problems)
        for key in sorted(set(table) - KEYS):
            problems.warn(
                FILE,
                msg(
                    "err.crossing",
                    number=number,
                    message=msg("err.crossing.key", setting=repr(key)),
                ),
                row=one.row,
                column=f"crossing.{key}",
                hint=msg("err.crossing.keys_hint"),
            )
        name = table.get("name", f"crossing {number}")
        a, b = one.point("from"), one.point("to")
        minutes = one.minutes("minutes", None)
        wait = one.minutes("wait_minutes", 30.0)
        vehicles = one.vehicles()
        if a is not None and a == b:
            one.fail("to", msg("err.crossing.same"))
        if minutes == 0:
            one.fail("minutes", msg("err.crossing.zero"))
        if one.ok and a and b and minutes and wait is not None and vehicles is not None:
            crossings.append(Crossing(str(name), a, b, minutes, wait, vehicles))
    return tuple(crossings)
