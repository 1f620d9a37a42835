"""Indonesia's national holidays and cuti bersama, from the ``holidays`` package.

They are not kept in the district folder: the government announces them each year (SKB 3
Menteri) and the package follows, so a district folder never goes stale.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from planner.model import Holiday


def default_years(today: dt.date | None = None) -> tuple[int, ...]:
    """The years a plan made today may touch: last year, this year and next year."""
    year = (today or dt.date.today()).year
    return (year - 1, year, year + 1)


def national_holidays(years: Iterable[int]) -> tuple[Holiday, ...]:
    """Public holidays and cuti bersama (joint leave days) of ``years``, sorted, names in
    Indonesian. An empty tuple when the package cannot give them (the loader then warns)."""
    import holidays  # imported here: it is slow and only the loader needs it

    wanted = sorted(set(years))
    if not wanted:
        return ()
    try:
        table = holidays.country_holidays(
            "ID", years=wanted, categories=("public", "government"), language="id"
        )
        items = sorted(table.items())
    except Exception:  # an unknown year or a broken install must not stop a plan
        return ()
    return tuple(Holiday(date=day, name=str(name)) for day, name in items)
