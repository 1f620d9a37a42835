"""How a district's places meet its roads, in rows for ``planner validate``."""

from __future__ import annotations

from pathlib import Path

from planner.i18n import number, t
from planner.model import District
from planner.render._common import join_place_name


def travel_rows(district: District, folder: Path, lang: str = "en") -> list[tuple[str, str]]:
    """How the district's places meet its roads (README "Travel times"), per vehicle."""
    from planner.travel import district_joins
    from planner.workflow.week import district_travel

    travel = district_travel(folder, district, None)
    settings = district.settings
    crossings = number(len(settings.crossings), lang)
    rows = [(t("validate.crossings", lang), t("validate.crossings.v", lang, count=crossings))]
    travel_label = t("validate.travel", lang)
    if travel.source == "estimate":
        return [(travel_label, t("validate.travel.estimate", lang)), *rows]
    name = Path(settings.roads or "").name
    rows.insert(0, (travel_label, t("validate.travel.roads", lang, name=name)))
    for joins in district_joins(district, travel):
        longest = ""
        if joins.longest:
            place = join_place_name(district, joins.longest, lang)
            km = number(joins.longest_km or 0, lang, 1)
            longest = t("validate.joins.longest", lang, place=place, km=km)
        profile = t(f"render.vehicle.{joins.profile}", lang)
        rows.append(
            (
                t("validate.joins", lang, profile=profile),
                t(
                    "validate.joins.v",
                    lang,
                    direct=number(joins.direct, lang),
                    by_leg=number(joins.by_leg, lang),
                    longest=longest,
                    estimated=number(joins.estimated, lang),
                    km=number(settings.road_join_km, lang, 1),
                ),
            )
        )
    return rows
