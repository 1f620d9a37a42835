"""What a district folder holds, in the user's numbers: the rows ``planner validate`` prints."""

from __future__ import annotations

from planner.calendar import Week, team_days
from planner.model import District


def summary_rows(district: District, warnings: int) -> list[tuple[str, str]]:
    """The validate summary as (label, value) rows: what was loaded, in the user's numbers."""
    week = Week.parse("next")
    days = team_days(district, week.dates)
    villages = district.villages
    prereg = [v.preregistered for v in villages if v.preregistered is not None]
    settings = district.settings
    return [
        ("district", settings.name),
        (
            "villages",
            f"{len(villages):,} ({sum(v.kind == 'desa' for v in villages)} desa, "
            f"{sum(v.kind == 'kelurahan' for v in villages)} kelurahan)",
        ),
        ("obliged (wajib KTP)", f"{sum(v.obliged for v in villages):,}"),
        ("backlog (belum rekam)", f"{sum(v.backlog for v in villages):,}"),
        ("pre-registered", f"{sum(prereg):,} in {len(prereg)} villages"),
        ("schools", f"{len(district.schools):,}"),
        ("students (unrecorded)", f"{sum(s.students for s in district.schools):,}"),
        ("homebound residents", f"{len(district.homebound):,}"),
        ("teams", f"{len(district.teams)} (kits: {sum(t.kits for t in district.teams)})"),
        (f"team-days next week ({week.label})", f"{len(days)}"),
        ("portable printers", f"{settings.printers}"),
        (
            "blank budget",
            f"{settings.blank_budget:,} "
            f"(stock {settings.blank_stock:,} − reserve {settings.blank_reserve:,})",
        ),
        ("warnings", f"{warnings}"),
    ]
