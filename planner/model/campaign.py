"""Campaign settings (``[fairness]`` and ``[forecast]`` of ``planner.toml``).

The weekly objective records as many people as possible; fair reach makes a place's value grow
with how long its kecamatan went without a visit and how far the kecamatan's coverage lags
behind the district's, so far, low-coverage areas are reached within a few weeks without a
flag (``planner.campaign.fair``). ``backlog_cap`` values only people who lower a village
backlog (a school's students beyond it do not raise coverage, see ``planner.coverage``).
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.model.base import require


@dataclass(frozen=True, slots=True)
class CampaignSettings:
    """Fair reach and forecast settings with their defaults."""

    fair_reach: bool = True
    """Raise the value of places in kecamatan that waited or lag behind (``[fairness] enabled``)."""
    wait_weight: float = 0.5
    """Value added per week a kecamatan with backlog went without a visit."""
    gap_weight: float = 0.1
    """Value added per percentage point a kecamatan's coverage lags behind the district's."""
    max_boost: float = 4.0
    """The largest multiplier fair reach gives a place."""
    backlog_cap: bool = True
    """Value only the people who lower a village backlog (students beyond it count nothing)."""
    new_per_month: int = 0
    """Residents newly eligible (turning 17) per month, added to the backlog in a forecast."""

    def __post_init__(self) -> None:
        require(self.wait_weight >= 0 and self.gap_weight >= 0, "negative fairness weight")
        require(self.max_boost >= 1.0, "max_boost below 1")
        require(self.new_per_month >= 0, "negative new_per_month")
