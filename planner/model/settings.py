"""A district's settings (``planner.toml``) and the duration rules every part obeys."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from planner.model.base import SiteKind, VehicleProfile, require
from planner.model.campaign import CampaignSettings
from planner.model.crossing import Crossing
from planner.model.office import Letterhead

DEFAULT_WEIGHTS: Mapping[SiteKind, float] = MappingProxyType(
    {SiteKind.VILLAGE: 1.0, SiteKind.SCHOOL: 1.5, SiteKind.HOMEBOUND: 3.0}
)


DEFAULT_SPEEDS_KMH: Mapping[VehicleProfile, float] = MappingProxyType(
    {VehicleProfile.CAR: 35.0, VehicleProfile.MOTORBIKE: 40.0}
)
"""Straight-line fallback speeds; with the 1.4 detour factor about 25 km/h as the crow flies
for a car in hill country."""


@dataclass(frozen=True, slots=True)
class Settings:
    """District settings from ``planner.toml`` with the SPEC's defaults."""

    name: str
    office_name: str
    office_lat: float
    office_lon: float
    timezone: str = "Asia/Jakarta"
    recording_minutes: float = 6.0
    setup_minutes: int = 20
    print_minutes: float = 2.0
    turnout: float = 0.35
    school_turnout: float = 0.9
    printers: int = 0
    blank_stock: int = 0
    blank_reserve: int = 0
    # default_factory: Python 3.11's dataclasses reject an (unhashable) mappingproxy default.
    weights: Mapping[SiteKind, float] = field(default_factory=lambda: DEFAULT_WEIGHTS)
    language: str = "id"
    roads: str | None = None
    detour_factor: float = 1.4
    speed_kmh: Mapping[VehicleProfile, float] = field(
        default_factory=lambda: MappingProxyType(
            {VehicleProfile.CAR: 35.0, VehicleProfile.MOTORBIKE: 40.0}
        )
    )
    team_day_capacity: int | None = None
    road_join_km: float = 10.0
    """A place joins the road network by an off-network leg up to this long; farther, its
    travel is the straight-line estimate (``travel.mixed``)."""
    crossings: tuple[Crossing, ...] = ()
    campaign: CampaignSettings = field(default_factory=CampaignSettings)
    """Fair reach and forecast settings (``[fairness]``, ``[forecast]``)."""
    card_value: float = 0.25
    """Reserved: the value of a printed card on top of the person. Read and validated, but not
    yet used: routes are chosen for people, and cards are then given out by kind weight
    (``solve.printers.assign_printers``)."""
    letterhead: Letterhead = field(default_factory=Letterhead)
    """The office as its letters present it (``[office]``'s letterhead keys, ``letters``)."""

    def __post_init__(self) -> None:
        require(self.recording_minutes > 0, "recording_minutes must be positive")
        require(self.setup_minutes >= 0 and self.print_minutes >= 0, "negative minutes")
        require(0 < self.turnout <= 1 and 0 < self.school_turnout <= 1, "turnout not in (0, 1]")
        require(self.printers >= 0 and self.blank_stock >= 0, "negative printers or stock")
        require(self.blank_reserve >= 0, "negative blank_reserve")
        require(self.language in ("id", "en"), f"bad language {self.language!r}")
        require(self.detour_factor >= 1.0, "detour_factor below 1")
        require(set(self.weights) == set(SiteKind), "weights must name every site kind")
        require(all(w >= 0 for w in self.weights.values()), "negative weight")
        require(set(self.speed_kmh) == set(VehicleProfile), "speed for every profile")
        require(all(s > 0 for s in self.speed_kmh.values()), "speeds must be positive")
        require(self.road_join_km >= 0, "negative road_join_km")

    @property
    def blank_budget(self) -> int:
        """Cards the teams may print this week: stock minus what the office keeps back."""
        return max(0, self.blank_stock - self.blank_reserve)


def coverage(obliged: int, backlog: int) -> float | None:
    """Recording coverage as the office reports it: recorded ÷ obliged = 1 − backlog ÷ obliged
    (a fraction; None without obliged residents)."""
    if obliged <= 0:
        return None
    return 1.0 - backlog / obliged


def recording_minutes(people: int, kits: int, settings: Settings) -> int:
    """Minutes to record ``people`` with ``kits`` kits (SPEC rule 4), rounded up."""
    return -(-round(people * settings.recording_minutes * 1000) // (kits * 1000))


def stop_minutes(people: int, cards: int, kits: int, settings: Settings) -> int:
    """Least duration of a stop (SPEC rule 4), the one formula solver and checker both obey.

    setup + max(recording, printing): one printer prints cards back to back, starting when the
    first person's recording is done, so printing adds time only when it outlasts recording.
    """
    record = recording_minutes(people, kits, settings)
    printing = 0
    if cards > 0:
        printing = -(
            -round((settings.recording_minutes + cards * settings.print_minutes) * 1000) // 1000
        )
    return settings.setup_minutes + max(record, printing)
