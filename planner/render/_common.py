"""What every renderer shares: a plan seen through its district, in one language.

``RenderContext`` answers the questions a page asks about a stop (its public place name, its
kecamatan, whom to meet, where it is) in one place, so the map, the coverage map, the schedule
and the spreadsheet agree. Personal data (a homebound resident's name and masked NIK, the
companion's name) comes only from ``resident``/``contact_detail``, which only the team
schedules call.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from planner.i18n import t
from planner.io.tally_columns import stop_code
from planner.model import (
    WHOLE_DAY,
    AnySite,
    BoatLine,
    District,
    Homebound,
    Minutes,
    Plan,
    Route,
    SiteKind,
    VehicleProfile,
    Village,
    estimated_share,
    fmt_hhmm,
)
from planner.render import contacts
from planner.render.boundaries import load_boundaries

LatLon = tuple[float, float]

_CONTACT_ROLE = {
    SiteKind.VILLAGE: "village_head",
    SiteKind.SCHOOL: "principal",
    SiteKind.HOMEBOUND: "companion",
}
"""Whom a team meets at each kind of site (a kelurahan's head is its lurah)."""

TEAM_COLOURS: tuple[str, ...] = (
    "#0072b2",
    "#d55e00",
    "#009e73",
    "#cc79a7",
    "#e69f00",
    "#56b4e9",
    "#8c564b",
    "#6a3d9a",
    "#b15928",
    "#1b9e77",
)
"""Team colours (colour-blind-friendly first); grey is kept for unserved sites."""

UNSERVED_COLOUR = "#8a8a8a"

OSM_CREDIT = "© OpenStreetMap contributors"
"""The credit OpenStreetMap's licence (ODbL) asks for wherever its road data is used."""


def road_credit(plan: Plan) -> str:
    """``OSM_CREDIT`` when the plan was timed on the (OpenStreetMap) road network, else ''."""
    return OSM_CREDIT if plan.travel_source in ("roads", "mixed") else ""


def share_text(plan: Plan) -> str:
    """The share of the plan's km that are straight-line estimates: ``23 %``."""
    return f"{100.0 * estimated_share(plan):.0f} %"


def travel_note(plan: Plan, lang: str) -> str:
    """How the plan's travel times were made: roads, mixed (with the estimated share) or the
    straight-line estimate."""
    if plan.travel_source == "roads":
        return t("render.roads_note", lang)
    if plan.travel_source == "mixed":
        return t("render.mixed_note", lang, share=share_text(plan))
    return t("render.estimate_note", lang)


def approx(minutes: Minutes, estimated: bool) -> str:
    """``HH:MM``, with ``≈`` before it when the leg that ends then is an estimate."""
    return f"≈{fmt_hhmm(minutes)}" if estimated else fmt_hhmm(minutes)


def boat_text(line: BoatLine, lang: str) -> str:
    """``Kapal: Bangsal – Gili Air (naik 09:10, tiba 09:40)``."""
    return t(
        "render.boat",
        lang,
        crossing=line.crossing,
        board=fmt_hhmm(line.board),
        land=fmt_hhmm(line.land),
    )


def boat_schedule_line(line: BoatLine, lang: str) -> str:
    """A crossing as its own schedule line: ``09:10–09:40 Kapal: … (naik 09:10, tiba 09:40)``."""
    return f"{fmt_hhmm(line.board)}–{fmt_hhmm(line.land)} {boat_text(line, lang)}"


def esc(text: object) -> str:
    """HTML-escape ``text`` so it is inert anywhere: element text, attributes, and the
    JavaScript template literals folium wraps popups and tooltips in (backtick, ``$`` and
    backslash become character references too)."""
    return (
        html.escape(str(text), quote=True)
        .replace("`", "&#96;")
        .replace("$", "&#36;")
        .replace("\\", "&#92;")
    )


@dataclass(frozen=True, slots=True)
class TeamInfo:
    """A team as pages show it."""

    id: str
    name: str
    colour: str
    base: LatLon
    base_name: str
    vehicle: str
    kits: int
    profile: VehicleProfile = VehicleProfile.CAR

    @property
    def label(self) -> str:
        """``name`` and, when it differs, the id: ``Tim Curup (T1)``."""
        return self.name if self.name == self.id else f"{self.name} ({self.id})"


def _village(district: District, code: str) -> Village | None:
    try:
        return district.village(code)
    except KeyError:
        return None


def village_label(village: Village, lang: str) -> str:
    """``Desa Air Bang`` / ``Kelurahan Talang Rimbo`` (English: ``Air Bang village``)."""
    kind = t(f"render.village_kind.{village.kind}", lang)
    return f"{kind} {village.name}" if lang == "id" else f"{village.name} {kind}"


def place_name(district: District, site_id: str, lang: str) -> str:
    """The public name of a site: village or school name; for a homebound resident only
    the category and village (``lansia, Desa Air Bang``), never the person."""
    site = district.site_index().get(site_id)
    if site is None:
        return f"{site_id} ({t('render.unknown_site', lang)})"
    if not isinstance(site, Homebound):  # a resident is never named here
        return site.name
    village = _village(district, site.village_code)
    return t(
        "render.resident_place",
        lang,
        category=t(f"render.category.{site.category}", lang),
        kind=t(f"render.village_kind.{village.kind}", lang) if village else "",
        village=(village_label(village, lang) if lang == "en" else village.name)
        if village
        else site.village_code,
    )


def join_place_name(district: District, place: str, lang: str) -> str:
    """A place named in ``plan.road_joins``: ``office``, ``base:T1`` or a site id."""
    if place == "office":
        return district.settings.office_name
    if place.startswith("base:"):
        return t("render.team_base", lang, team=place.removeprefix("base:"))
    return place_name(district, place, lang)


class RenderContext:
    """A plan with its district and language: names, places and contacts for every stop."""

    def __init__(self, plan: Plan, district: District, lang: str | None = None):
        self.plan = plan
        self.district = district
        self.lang = lang or plan.language or district.settings.language
        self.sites: Mapping[str, AnySite] = district.site_index()
        settings = district.settings
        office = (settings.office_lat, settings.office_lon)
        self.office: LatLon = office
        self.teams: dict[str, TeamInfo] = {}
        known = [team.id for team in district.teams]
        extra = sorted({r.team for r in plan.routes} - set(known))
        for i, team_id in enumerate(known + extra):
            colour = TEAM_COLOURS[i % len(TEAM_COLOURS)]
            team = next((x for x in district.teams if x.id == team_id), None)
            if team is None:
                self.teams[team_id] = TeamInfo(
                    team_id, team_id, colour, office, settings.office_name, "", 1
                )
                continue
            base_name = (
                settings.office_name
                if team.base_is_office
                else f"{t('render.base', self.lang)} {team.name}"
            )
            self.teams[team_id] = TeamInfo(
                id=team.id,
                name=team.name,
                colour=colour,
                base=(team.base_lat, team.base_lon),
                base_name=base_name,
                vehicle=t(f"render.vehicle.{team.vehicle}", self.lang),
                kits=team.kits,
                profile=team.vehicle,
            )

    # --- routes -----------------------------------------------------------------------------

    def routes_by_team(self) -> Iterator[tuple[TeamInfo, list[Route]]]:
        """Teams in district order, each with its routes by date (teams without routes too)."""
        for team_id, info in self.teams.items():
            routes = sorted((r for r in self.plan.routes if r.team == team_id), key=_by_date)
            yield info, routes

    def dates(self) -> list[dt.date]:
        """The dates that have at least one route, in order."""
        return sorted({r.date for r in self.plan.routes})

    def stop_ref(self, route: Route, order: int) -> str:
        """A short reference for a stop, printed on the schedule and the tally: ``T1-1123-2``."""
        return stop_code(route.team, route.date, order)

    @functools.cached_property
    def boundaries(self) -> dict[str, dict[str, Any]]:
        """The village outlines by code (``boundaries.load_boundaries``), read once for all
        the maps drawn from this context."""
        return load_boundaries(self.district.boundaries_path)

    # --- sites (public: no personal data) -----------------------------------------------------

    def site(self, site_id: str) -> AnySite | None:
        """The district's site for ``site_id`` (None when the plan names an unknown one)."""
        return self.sites.get(site_id)

    def village_of(self, site_id: str) -> Village | None:
        """The village a site lies in (itself for a village)."""
        site = self.site(site_id)
        return _village(self.district, site.village_code) if site is not None else None

    def village_label(self, village: Village) -> str:
        """``Desa Air Bang`` / ``Kelurahan Talang Rimbo`` (English: ``Air Bang village``)."""
        return village_label(village, self.lang)

    def place(self, site_id: str) -> str:
        """The public name of a site (``place_name``)."""
        return place_name(self.district, site_id, self.lang)

    def join_place(self, place: str) -> str:
        """A place named in ``plan.road_joins`` (``join_place_name``)."""
        return join_place_name(self.district, place, self.lang)

    def kecamatan(self, site_id: str) -> str:
        """The kecamatan a site lies in ('' when unknown)."""
        village = self.village_of(site_id)
        return village.district if village else ""

    def latlon(self, site_id: str) -> LatLon | None:
        """Where a site is (None when unknown)."""
        site = self.site(site_id)
        return (site.lat, site.lon) if site is not None else None

    def kind_label(self, kind: SiteKind | str) -> str:
        """``desa`` / ``sekolah`` / ``warga khusus``."""
        return t(f"kind.{kind}", self.lang)

    def contact_role(self, site_id: str) -> str:
        """Whom the team meets, by role only: village head, school principal, companion."""
        site = self.site(site_id)
        if site is None:
            return ""
        key = _CONTACT_ROLE[site.site_kind]
        if key == "village_head" and getattr(site, "kind", "") == "kelurahan":
            key = "lurah"
        return t(f"render.contact.{key}", self.lang)

    # --- team schedules only (may hold personal data) ----------------------------------------

    def contact_detail(self, site_id: str, date: dt.date) -> str:
        """The contact for the team's sheet: the role, the head's, school's or companion's name
        and phone, and the hours."""
        site = self.site(site_id)
        role = self.contact_role(site_id)
        windows = site.windows_on(date) if site is not None else ()
        hours = tuple(str(w) for w in windows if w != WHOLE_DAY)
        if isinstance(site, Homebound):  # personal: team schedules only
            who = contacts.companion_contact(site, self.lang)
        else:
            who = contacts.public_contact(site, self.lang)
        if who:
            role = f"{role}: {who}"
        if hours:
            return f"{role} ({t('render.contact_hours', self.lang, hours=', '.join(hours))})"
        return role

    def resident_contact(self, site_id: str) -> str:
        """A homebound resident's address and phone ('' for other sites; team schedules only)."""
        site = self.site(site_id)
        return contacts.resident_contact(site, self.lang) if isinstance(site, Homebound) else ""

    def resident(self, site_id: str) -> tuple[str | None, str | None]:
        """A homebound resident's name and masked NIK (team schedules only)."""
        site = self.site(site_id)
        if isinstance(site, Homebound):
            return site.name, site.nik_masked
        return None, None


def _by_date(route: Route) -> dt.date:
    return route.date
