"""A district: everything the planner knows about it, validated and cross-referenced."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from planner.model.base import require
from planner.model.settings import Settings
from planner.model.sites import AnySite, Homebound, School, Village
from planner.model.teams import Holiday, Team


@dataclass(frozen=True, slots=True)
class District:
    """Everything the planner knows about one district, validated and cross-referenced."""

    settings: Settings
    villages: tuple[Village, ...]
    schools: tuple[School, ...] = ()
    homebound: tuple[Homebound, ...] = ()
    teams: tuple[Team, ...] = ()
    holidays: tuple[Holiday, ...] = ()
    inputs_sha256: str = ""
    boundaries_path: str | None = None
    # Lookups built once here: the solver and the renderers ask for sites by id in loops.
    _villages_by_code: Mapping[str, Village] = field(init=False, repr=False, compare=False)
    _sites_by_id: Mapping[str, AnySite] = field(
        init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        by_code = {v.code: v for v in self.villages}
        require(len(by_code) == len(self.villages), "duplicate village code")
        object.__setattr__(self, "_villages_by_code", MappingProxyType(by_code))
        object.__setattr__(
            self, "_sites_by_id", MappingProxyType({s.site_id: s for s in self.sites()})
        )
        known = by_code.keys()
        for s in self.schools:
            require(s.village_code in known, f"school {s.npsn}: unknown village {s.village_code}")
        for h in self.homebound:
            require(h.village_code in known, f"homebound {h.id}: unknown village")
        for label, ids in (
            ("school", [s.npsn for s in self.schools]),
            ("homebound", [h.id for h in self.homebound]),
            ("team", [t.id for t in self.teams]),
        ):
            require(len(set(ids)) == len(ids), f"duplicate {label} id")

    def village(self, code: str) -> Village:
        """The village with ``code`` (KeyError when unknown)."""
        return self._villages_by_code[code]

    def sites(self) -> Iterator[AnySite]:
        """Every site in a stable order: villages, schools, homebound residents."""
        yield from self.villages
        yield from self.schools
        yield from self.homebound

    def site_index(self) -> Mapping[str, AnySite]:
        """Sites by site id (read-only, built once)."""
        return self._sites_by_id

    def is_holiday(self, date: dt.date) -> bool:
        """True when no team works on ``date``."""
        return any(h.date == date for h in self.holidays)
