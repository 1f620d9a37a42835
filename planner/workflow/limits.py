"""Size limits that fail with a plain message instead of a crash hours later.

Measured on a 2-core, 23 GB machine with ``benchmarks/scale.py`` (README, "Scale"), since
large weeks are solved in zones: 2,500 sites with 30 teams planned, checked and rendered in
67 s using 0.7 GB of memory, 5,000 sites with 40 teams in 212 s using 2.2 GB (the search
stopped by its 240 s safety net). Memory still grows with the square of the number of sites
(the district's travel matrices: about 9 GB at 10,000), so the limit sits where a laptop with
8 GB still plans. (Before zones: 1,505 sites took 4.9 GB, 5,195 grew past 23 GB.)
"""

from __future__ import annotations

from planner.errors import LimitError
from planner.model import District

MAX_SITES = 5_000
"""Sites (villages, schools, homebound residents) one weekly plan can take."""


def require_plannable(district: District, max_sites: int = MAX_SITES) -> None:
    """Raise ``LimitError`` when ``district`` has more sites than one plan can take."""
    sites = len(district.villages) + len(district.schools) + len(district.homebound)
    if sites > max_sites:
        raise LimitError(
            f"{district.settings.name} has {sites:,} sites to plan ({len(district.villages):,} "
            f"villages, {len(district.schools):,} schools, {len(district.homebound):,} homebound "
            f"residents); planner plans at most {max_sites:,} in one week (memory grows with "
            "the square of the sites: about 2 GB at 5,000) — split the district into folders "
            "of a few kecamatan each and plan them together: planner plan --data DIR1 --data "
            "DIR2 …"
        )
