"""Size limits that fail with a plain message instead of a crash hours later.

Measured on a 2-core, 23 GB machine with the sample district plus synthetic villages
(README, "Reliability and privacy"): 1,195 sites planned in 90 s using 3.0 GB of memory,
1,505 sites in 97 s using 4.9 GB; 5,195 sites grew past 23 GB and were killed by the system
after 4 minutes. Memory grows with the square of the number of sites, so the limit sits
where a laptop with 8 GB still plans.
"""

from __future__ import annotations

from planner.errors import LimitError
from planner.model import District

MAX_SITES = 1_500
"""Sites (villages, schools, homebound residents) one weekly plan can take."""


def require_plannable(district: District, max_sites: int = MAX_SITES) -> None:
    """Raise ``LimitError`` when ``district`` has more sites than one plan can take."""
    sites = len(district.villages) + len(district.schools) + len(district.homebound)
    if sites > max_sites:
        raise LimitError(
            f"{district.settings.name} has {sites:,} sites to plan ({len(district.villages):,} "
            f"villages, {len(district.schools):,} schools, {len(district.homebound):,} homebound "
            f"residents); planner plans at most {max_sites:,} in one week (memory grows with "
            "the square of the sites: about 3 GB at 1,200) — split the district into folders "
            "of a few kecamatan each and plan them one by one"
        )
