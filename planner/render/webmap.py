"""``map.html``: the week's routes on a Leaflet map (folium).

Each team is a layer (FeatureGroup) holding one sub-group per route (a team-day); the map
shows one day at a time, picked in a small control (``planner.render.mapdays``), or all days.
Markers are DivIcons with inline SVG (shape = site kind, colour = team, number = the stop's
order in its team-day, as on the schedule); unserved sites are grey circles with their reason.
The legend gives each team's km, people and cards on the day shown and in the week; printed,
the page keeps the map, the title (naming the day) and the legend, without the controls.
Route lines follow the roads where the plan was timed on them, dashed where a leg is a
straight-line estimate, dotted blue on a boat (``planner.render.legs``); the legend gives the
estimated share of the km and, for plans timed on OpenStreetMap roads, the data's credit.
No resident is named: a homebound stop is shown as its category and village.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import folium
from folium.utilities import JsCode

from planner.i18n import long_date, number, t
from planner.model import Route, SiteKind, Unserved, fmt_hhmm
from planner.render._common import (
    UNSERVED_COLOUR,
    LatLon,
    RenderContext,
    TeamInfo,
    approx,
    esc,
    road_credit,
    travel_note,
)
from planner.render.boundaries import feature, feature_collection
from planner.render.legs import Legs, draw_route, line_legend
from planner.render.mapdays import (
    STYLE,
    DayView,
    TeamDay,
    day_classes,
    day_names,
    day_picker,
    day_switch_js,
    day_views,
    default_day,
    team_table,
)
from planner.render.offline import Script, finish_page, new_map
from planner.travel import TravelModel

_ICON_PX = 24


def shape_svg(kind: SiteKind | str, colour: str, label: str = "", size: int = _ICON_PX) -> str:
    """An inline SVG marker: circle = village, square = school, house = homebound, star =
    office. ``label`` (a stop number) is drawn inside in white."""
    fill = esc(colour)
    outline = 'stroke="#ffffff" stroke-width="2"'
    if kind == SiteKind.VILLAGE:
        body = f'<circle cx="12" cy="12" r="10" fill="{fill}" {outline}/>'
    elif kind == SiteKind.SCHOOL:
        body = f'<rect x="2" y="2" width="20" height="20" rx="3" fill="{fill}" {outline}/>'
    elif kind == SiteKind.HOMEBOUND:
        body = f'<polygon points="12,1 23,10 23,23 1,23 1,10" fill="{fill}" {outline}/>'
    else:  # the office or a team base
        body = (
            f'<polygon points="12,1 15,9 23,9 17,14 19,23 12,18 5,23 7,14 1,9 9,9" '
            f'fill="{fill}" {outline}/>'
        )
    text = ""
    if label:
        y = 17 if kind != SiteKind.HOMEBOUND else 19
        text = (
            f'<text x="12" y="{y}" font-size="11" font-weight="bold" text-anchor="middle" '
            f'font-family="sans-serif" fill="#ffffff">{esc(label)}</text>'
        )
    return f'<svg width="{size}" height="{size}" viewBox="0 0 24 24">{body}{text}</svg>'


def _icon(
    kind: SiteKind | str, colour: str, label: str = "", size: int = _ICON_PX, classes: str = ""
) -> Any:
    extra = f" planner-stop {classes}" if classes else ""
    return folium.DivIcon(
        html=shape_svg(kind, colour, label, size),
        icon_size=(size, size),
        icon_anchor=(size // 2, size // 2),
        class_name=f"planner-marker planner-{kind}{extra}",
    )


def _rows(rows: list[tuple[str, str]]) -> str:
    return "".join(f"<tr><th>{esc(k)}</th><td>{esc(v)}</td></tr>" for k, v in rows)


def _stop_popup(ctx: RenderContext, team: TeamInfo, route: Route, order: int) -> str:
    stop = route.stops[order - 1]
    lang = ctx.lang
    rows = [
        (t("render.kind", lang), ctx.kind_label(stop.kind)),
        (t("render.kecamatan", lang), ctx.kecamatan(stop.site)),
        (t("render.team", lang), team.label),
        (t("render.day", lang), long_date(route.date, lang)),
        (t("render.order", lang), str(order)),
        (t("render.arrive", lang), approx(stop.arrive, stop.estimated)),
        (t("render.start", lang), fmt_hhmm(stop.start)),
        (t("render.end", lang), fmt_hhmm(stop.end)),
        (t("render.people_expected", lang), str(stop.people)),
        (t("render.cards", lang), str(stop.cards)),
        (t("render.contact", lang), ctx.contact_role(stop.site)),
    ]
    return (
        f'<div class="planner-popup"><b>{esc(ctx.place(stop.site))}</b>'
        f"<table>{_rows(rows)}</table></div>"
    )


def _legend(
    ctx: RenderContext, teams: list[TeamInfo], views: Sequence[DayView], unserved: int
) -> str:
    lang = ctx.lang
    plan = ctx.plan
    items = [
        f"<div>{shape_svg('office', '#222222', size=16)} {esc(t('render.office', lang))}</div>"
    ]
    for kind in SiteKind:
        items.append(
            f"<div>{shape_svg(kind, '#555555', size=16)} {esc(ctx.kind_label(kind))}</div>"
        )
    items.append(team_table(ctx, teams, views))
    if unserved:
        items.append(
            f'<div><span class="planner-swatch planner-unserved"></span> '
            f"{esc(t('render.unserved', lang))} ({unserved})</div>"
        )
    note = travel_note(plan, lang)
    totals = (
        f"{esc(t('render.people_expected', lang))}: {number(plan.totals.people, lang)} · "
        f"{esc(t('render.cards', lang))}: {number(plan.totals.cards, lang)} · "
        f"{number(plan.totals.distance_km, lang, 1)} km"
    )
    title = t("render.map_title", lang, district=plan.district, week=plan.week)
    return f"""
<style>
.planner-box {{ position: fixed; z-index: 1000; background: rgba(255,255,255,0.94);
  border: 1px solid #999; border-radius: 4px; padding: 6px 9px; font: 13px/1.35 sans-serif;
  box-shadow: 0 1px 4px rgba(0,0,0,0.3); }}
#planner-legend {{ right: 10px; bottom: 24px; max-width: 300px; }}
#planner-legend svg {{ vertical-align: middle; }}
#planner-title {{ left: 55px; top: 10px; max-width: 60%; }}
.planner-swatch {{ display: inline-block; width: 22px; height: 5px; vertical-align: middle;
  margin: 0 4px 0 -1px; border-radius: 2px; }}
.planner-unserved {{ background: #cfcfcf; border: 1px solid {UNSERVED_COLOUR};
  width: 10px; height: 10px; border-radius: 50%; margin: 0 10px 0 5px; }}
.planner-note, .planner-share {{ margin-top: 4px; font-size: 12px; color: #7a3b00; }}
.planner-credit {{ margin-top: 4px; font-size: 11px; color: #444; }}
.planner-popup table {{ border-collapse: collapse; font-size: 12px; }}
.planner-popup th {{ text-align: left; padding-right: 8px; font-weight: normal; color: #555; }}
.planner-marker {{ background: none; border: none; }}
{STYLE}
</style>
<div id="planner-title" class="planner-box"><b>{esc(title)}</b><br>{day_names(ctx, views)}
<br>{totals}
{day_picker(ctx, views)}</div>
<div id="planner-legend" class="planner-box"><b>{esc(t("render.legend", lang))}</b>
{"".join(items)}
{line_legend(ctx)}
<div class="planner-note">{esc(note)}</div></div>
"""


def render_map(
    ctx: RenderContext, *, travel: TravelModel | None = None, offline: bool = True
) -> str:
    """The HTML of ``map.html`` for ``ctx``'s plan."""
    lang = ctx.lang
    plan = ctx.plan
    points: list[LatLon] = [ctx.office]
    for _, stop in plan.stops():
        where = ctx.latlon(stop.site)
        if where is not None:
            points.append(where)
    centre = (
        sum(p[0] for p in points) / len(points),
        sum(p[1] for p in points) / len(points),
    )
    fmap = new_map(
        centre,
        offline=offline,
        title=esc(t("render.map_title", lang, district=plan.district, week=plan.week)),
        credit=road_credit(plan),
    )
    _add_office(ctx, fmap)
    _add_outlines(ctx, fmap)
    cells, teams_drawn = _add_routes(ctx, fmap, Legs(ctx, travel))
    views = day_views(ctx)
    unserved_drawn = _add_unserved(ctx, fmap)
    folium.LayerControl(collapsed=False).add_to(fmap)
    fmap.get_root().html.add_child(
        folium.Element(_legend(ctx, teams_drawn, views, unserved_drawn)), name="planner_legend"
    )
    if len(points) > 1:
        lats = [p[0] for p in points]
        lons = [p[1] for p in points]
        fmap.fit_bounds([[min(lats), min(lons)], [max(lats), max(lons)]], padding=(20, 20))
    # After fit_bounds: the day switch fits the map to the day it shows.
    Script(day_switch_js(fmap.get_name(), cells, default_day(views))).add_to(fmap)
    return finish_page(fmap, offline=offline)


def _add_office(ctx: RenderContext, fmap: Any) -> None:
    """The district office's marker, where every team without a base of its own starts."""
    folium.Marker(
        ctx.office,
        icon=_icon("office", "#222222", size=28),
        tooltip=esc(ctx.district.settings.office_name),
        popup=folium.Popup(
            f"<b>{esc(t('render.office', ctx.lang))}</b><br>"
            f"{esc(ctx.district.settings.office_name)}",
            max_width=300,
        ),
    ).add_to(fmap)


def _add_routes(
    ctx: RenderContext, fmap: Any, legs: Legs
) -> tuple[list[tuple[str, str, str]], list[TeamInfo]]:
    """One layer per team with a group per route; the (team, date, route) group names for the
    day switch and the teams drawn, for the legend."""
    cells: list[tuple[str, str, str]] = []  # (team group, date, route group) JS names
    teams_drawn: list[TeamInfo] = []
    for team, routes in ctx.routes_by_team():
        if not routes:
            continue
        teams_drawn.append(team)
        swatch = f'<span class="planner-swatch" style="background:{esc(team.colour)}"></span>'
        team_group = folium.FeatureGroup(name=f"{swatch}{esc(team.label)}").add_to(fmap)
        if team.base != ctx.office:
            folium.Marker(
                team.base,
                icon=_icon("office", team.colour, size=20),
                tooltip=esc(team.base_name),
            ).add_to(team_group)
        for route in routes:
            route_group = folium.FeatureGroup(control=False).add_to(team_group)
            cells.append((team_group.get_name(), route.date.isoformat(), route_group.get_name()))
            _add_route(ctx, team, route, route_group, legs)
    return cells, teams_drawn


def _add_route(ctx: RenderContext, team: TeamInfo, route: Route, group: Any, legs: Legs) -> None:
    """A route's line (pieces by kind, see ``legs``) and its stop markers, numbered in the
    team-day, into the route's group; every tooltip names the team and the day."""
    lang = ctx.lang
    day = long_date(route.date, lang)
    tooltip = (
        f"{team.label} · {day} · {fmt_hhmm(route.depart)}–{fmt_hhmm(route.return_)} · "
        f"{route.people} {t('render.people', lang).lower()}"
    )
    classes = day_classes(team, route.date)
    draw_route(ctx, team, route, group, legs, tooltip, classes)
    for order, stop in TeamDay(team, route).numbered():
        where = ctx.latlon(stop.site)
        if where is None:
            continue
        tip = t(
            "map.stop_tooltip",
            lang,
            team=team.label,
            day=day,
            order=order,
            place=ctx.place(stop.site),
            start=fmt_hhmm(stop.start),
            end=fmt_hhmm(stop.end),
        )
        folium.Marker(
            where,
            icon=_icon(stop.kind, team.colour, str(order), classes=classes),
            tooltip=esc(tip),
            popup=folium.Popup(_stop_popup(ctx, team, route, order), max_width=340),
        ).add_to(group)


def _add_unserved(ctx: RenderContext, fmap: Any) -> int:
    """Grey markers for unserved sites; returns how many sites were drawn.

    Homebound residents are gathered at their village's point, one marker per village, so
    the map never pins an unserved resident's home.
    """
    lang = ctx.lang
    plan = ctx.plan
    if not plan.unserved:
        return 0
    groups: dict[str, list[Unserved]] = {}
    for item in plan.unserved:
        if ctx.latlon(item.site) is None:
            continue
        village = ctx.village_of(item.site)
        key = item.site
        if item.site.startswith(f"{SiteKind.HOMEBOUND}:") and village is not None:
            key = village.site_id + "#homebound"
        groups.setdefault(key, []).append(item)
    group = folium.FeatureGroup(
        name=f"{esc(t('render.unserved', lang))} ({len(plan.unserved)})"
    ).add_to(fmap)
    for key, items in groups.items():
        first = items[0]
        village = ctx.village_of(first.site)
        if key.endswith("#homebound") and village is not None:
            where: LatLon = (village.lat, village.lon)
            title = t(
                "render.homebound_group",
                lang,
                count=len(items),
                village=ctx.village_label(village),
            )
            body = (
                "<ul>"
                + "".join(f"<li>{esc(ctx.place(i.site))}: {esc(i.reason)}</li>" for i in items)
                + "</ul>"
            )
        else:
            where = ctx.latlon(first.site) or ctx.office
            title = ctx.place(first.site)
            kind = first.site.partition(":")[0]
            rows = [
                (t("render.kind", lang), ctx.kind_label(kind) if kind in set(SiteKind) else kind),
                (t("render.kecamatan", lang), ctx.kecamatan(first.site)),
                (t("render.backlog", lang), str(first.backlog)),
                (t("render.reason", lang), first.reason),
            ]
            body = f"<table>{_rows(rows)}</table>"
        folium.CircleMarker(
            where,
            radius=6,
            color=UNSERVED_COLOUR,
            weight=1,
            fill=True,
            fill_color="#cfcfcf",
            fill_opacity=0.8,
            tooltip=esc(f"{title} · {t('render.unserved', lang)}"),
            popup=folium.Popup(
                f'<div class="planner-popup"><b>{esc(title)}</b>{body}</div>', max_width=340
            ),
            class_name="planner-unserved-site",
        ).add_to(group)
    return sum(len(items) for items in groups.values())


def _add_outlines(ctx: RenderContext, fmap: Any) -> None:
    """Village boundaries as a faint, silent background: offline maps have no tiles."""
    shapes = ctx.boundaries
    features = [
        feature(shapes[v.code], {"kode": v.code}) for v in ctx.district.villages if v.code in shapes
    ]
    if features:
        folium.GeoJson(
            feature_collection(features),
            style=_OUTLINE_STYLE,
            interactive=False,
            control=False,
            name="outlines",
        ).add_to(fmap)


_OUTLINE_STYLE = JsCode(
    """function () {
  return {color: "#9a9a9a", weight: 0.8, fillColor: "#f4f1ea", fillOpacity: 0.9};
}"""
)
