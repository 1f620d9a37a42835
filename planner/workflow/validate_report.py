"""What ``planner validate`` prints about a district that loaded: (label, value) rows in the
user's language, numbers in its format."""

from __future__ import annotations

from planner.calendar import Week, team_days
from planner.i18n import number, t
from planner.model import District


def summary_rows(district: District, warnings: int, lang: str) -> list[tuple[str, str]]:
    """The validate summary as (label, value) rows: what was loaded, in the user's numbers."""
    week = Week.parse("next")
    days = team_days(district, week.dates)
    villages = district.villages
    prereg = [v.preregistered for v in villages if v.preregistered is not None]
    settings = district.settings

    def n(value: float) -> str:
        return number(value, lang)

    def row(key: str, **values: object) -> tuple[str, str]:
        return t(f"validate.{key}", lang, week=week.label), t(f"validate.{key}.v", lang, **values)

    return [
        row("district", name=settings.name),
        row(
            "villages",
            count=n(len(villages)),
            desa=n(sum(v.kind == "desa" for v in villages)),
            kelurahan=n(sum(v.kind == "kelurahan" for v in villages)),
        ),
        row("obliged", count=n(sum(v.obliged for v in villages))),
        row("backlog", count=n(sum(v.backlog for v in villages))),
        row("prereg", count=n(sum(prereg)), villages=n(len(prereg))),
        row("schools", count=n(len(district.schools))),
        row("students", count=n(sum(s.students for s in district.schools))),
        row("homebound", count=n(len(district.homebound))),
        row("teams", count=n(len(district.teams)), kits=n(sum(x.kits for x in district.teams))),
        row("team_days", count=n(len(days))),
        row("printers", count=n(settings.printers)),
        row(
            "budget",
            budget=n(settings.blank_budget),
            stock=n(settings.blank_stock),
            reserve=n(settings.blank_reserve),
        ),
        row("warnings", count=n(warnings)),
    ]
