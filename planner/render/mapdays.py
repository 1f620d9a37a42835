"""``map.html`` one day at a time: the team-days of each date, their numbered stops, the day
picker, the per-team legend (the day shown and the week) and the page's print style.

A week drawn all at once is a tangle in which a stop "3" cannot be tied to a day; so the map
opens on the first working day and a small control switches days (or shows them all). Stops
are numbered by their order in the team-day, as on the schedule and the tally (``T1-1130-3``),
so the number on the map is the one the team reads on its paper. The switching is a few lines
of inline JavaScript (no CDN, the page stays one offline file): route groups are added to or
removed from their team's layer, and legend rows carry ``data-planner-day``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass

from planner.i18n import day_name, long_date, number, t
from planner.model import Route, Stop
from planner.render._common import RenderContext, TeamInfo, esc

ALL_DAYS = "all"
"""The day picker's key for the whole week."""

PRINT_PX = (1060, 730)
"""The printed map's size in CSS pixels: A4 landscape less 8 mm margins (281 × 194 mm)."""


@dataclass(frozen=True, slots=True)
class TeamDay:
    """One team's route on one date (a plan has at most one per team and date)."""

    team: TeamInfo
    route: Route

    @property
    def key(self) -> str:
        """The date as the page's day key: ``2026-11-30``."""
        return self.route.date.isoformat()

    def numbered(self) -> list[tuple[int, Stop]]:
        """The stops with their number in the team-day, from 1: the schedule's order."""
        return list(enumerate(self.route.stops, start=1))


@dataclass(frozen=True, slots=True)
class DayView:
    """A date of the week and its team-days, in the district's team order."""

    date: dt.date
    team_days: tuple[TeamDay, ...]

    @property
    def key(self) -> str:
        """The date as the page's day key."""
        return self.date.isoformat()


def day_views(ctx: RenderContext) -> list[DayView]:
    """The dates with routes, in order, each with its team-days (teams in district order)."""
    order = {team_id: i for i, team_id in enumerate(ctx.teams)}
    by_date: dict[dt.date, list[TeamDay]] = {}
    for route in ctx.plan.routes:
        team = ctx.teams[route.team]
        by_date.setdefault(route.date, []).append(TeamDay(team, route))
    return [
        DayView(date, tuple(sorted(days, key=lambda d: order[d.team.id])))
        for date, days in sorted(by_date.items())
    ]


def default_day(views: Sequence[DayView]) -> str:
    """The day the map opens on: the week's first working day (all days for an empty plan)."""
    return views[0].key if views else ALL_DAYS


def css_token(text: str) -> str:
    """``text`` made safe as part of a CSS class name (team ids are short, but free text)."""
    return re.sub(r"[^A-Za-z0-9_-]", "_", text)


def day_classes(team: TeamInfo, date: dt.date) -> str:
    """The classes that tie a drawn element to its team-day (for scripts and tests)."""
    return f"planner-team-{css_token(team.id)} planner-day-{date.isoformat()}"


def _day_label(date: dt.date, lang: str) -> str:
    """A picker button: ``Senin 30/11``."""
    return f"{day_name(date, lang)} {date.day}/{date.month}"


def day_picker(ctx: RenderContext, views: Sequence[DayView]) -> str:
    """The day control: a button per working day and one for the whole week."""
    lang = ctx.lang
    buttons = [
        f'<button type="button" data-planner-day="{v.key}" '
        f'title="{esc(long_date(v.date, lang))}">{esc(_day_label(v.date, lang))}</button>'
        for v in views
    ]
    buttons.append(
        f'<button type="button" data-planner-day="{ALL_DAYS}">'
        f"{esc(t('map.all_days', lang))}</button>"
    )
    return (
        f'<div id="planner-days"><b>{esc(t("map.day_picker", lang))}</b> {"".join(buttons)}</div>'
    )


def day_names(ctx: RenderContext, views: Sequence[DayView]) -> str:
    """The name of the day shown, for the title (one span per day, the script shows one):
    a printed page, without the picker, still says its day."""
    spans = [(v.key, long_date(v.date, ctx.lang)) for v in views]
    spans.append((ALL_DAYS, t("map.all_days", ctx.lang)))
    return "".join(
        f'<span class="planner-day-name" data-planner-day="{key}">{esc(name)}</span>'
        for key, name in spans
    )


def _figures(routes: Sequence[Route], lang: str) -> str:
    km = sum(r.distance_km for r in routes)
    people = sum(r.people for r in routes)
    cards = sum(r.cards for r in routes)
    return (
        f'<td class="planner-num">{number(km, lang, 1)}</td>'
        f'<td class="planner-num">{number(people, lang)}</td>'
        f'<td class="planner-num">{number(cards, lang)}</td>'
    )


def team_table(ctx: RenderContext, teams: Sequence[TeamInfo], views: Sequence[DayView]) -> str:
    """The legend's team table: km, people and cards of each team on the day shown and in
    the week; one ``tbody`` per day (and one for all days), the script shows one."""
    lang = ctx.lang
    week: dict[str, list[Route]] = {team.id: [] for team in teams}
    for route in ctx.plan.routes:
        week.setdefault(route.team, []).append(route)
    blocks = []
    for key, caption in [(v.key, long_date(v.date, lang)) for v in views] + [
        (ALL_DAYS, t("map.all_days", lang))
    ]:
        rows = []
        for team in teams:
            shown = [r for r in week.get(team.id, []) if key in (ALL_DAYS, r.date.isoformat())]
            rows.append(
                f'<tr><th><span class="planner-swatch" style="background:{esc(team.colour)}">'
                f"</span>{esc(team.label)}</th>{_figures(shown, lang)}"
                f"{_figures(week.get(team.id, []), lang)}</tr>"
            )
        blocks.append(
            f'<tbody data-planner-day="{key}"><tr><td></td>'
            f'<td colspan="3" class="planner-caption">{esc(caption)}</td>'
            f'<td colspan="3" class="planner-caption">{esc(t("map.week", lang))}</td></tr>'
            f"{''.join(rows)}</tbody>"
        )
    units = "".join(
        f"<td>{esc(u)}</td>"
        for u in ("km", t("map.people_short", lang), t("render.cards_short", lang))
    )
    return (
        f'<table class="planner-teams"><thead><tr><td>{esc(t("render.team", lang))}</td>'
        f"{units}{units}</tr></thead>{''.join(blocks)}</table>"
    )


def day_switch_js(map_name: str, cells: Sequence[tuple[str, str, str]], default: str) -> str:
    """Show one day's route groups (or all), mark the chosen button and legend rows, fit the
    map to what is shown; ``#day=2026-11-30`` in the address opens that day."""
    cell_list = ", ".join(f"[{team}, {json.dumps(d)}, {group}]" for team, d, group in cells)
    return f"""
(function () {{
  var map = {map_name};
  var cells = [{cell_list}];
  var fallback = {json.dumps(default)};
  var current = fallback;
  function box(id) {{
    var el = document.getElementById(id);
    return el ? [el.offsetWidth, el.offsetHeight] : [0, 0];
  }}
  function fit(still) {{
    var bounds = L.latLngBounds([]);
    cells.forEach(function (c) {{
      if (c[0].hasLayer(c[2]) && c[2].getBounds) {{ bounds.extend(c[2].getBounds()); }}
    }});
    if (!bounds.isValid()) {{ return; }}
    // Keep the routes clear of the title (top left) and the legend (bottom right) when
    // the map is wide enough to leave them room.
    var size = map.getSize(), title = box("planner-title"), legend = box("planner-legend");
    var options = {{padding: [30, 30], maxZoom: 14}};
    if (size.x - legend[0] > 360 && size.y - title[1] > 300) {{
      options = {{paddingTopLeft: [30, title[1] + 30],
        paddingBottomRight: [legend[0] + 30, 30], maxZoom: 14}};
    }}
    options.animate = !still;  // printing cannot wait for an animation
    map.fitBounds(bounds, options);
  }}
  function show(day) {{
    var known = day === "all" || cells.some(function (c) {{ return c[1] === day; }});
    current = known ? day : fallback;
    cells.forEach(function (c) {{
      var on = current === "all" || c[1] === current;
      if (on && !c[0].hasLayer(c[2])) {{ c[0].addLayer(c[2]); }}
      if (!on && c[0].hasLayer(c[2])) {{ c[0].removeLayer(c[2]); }}
    }});
    document.querySelectorAll("[data-planner-day]").forEach(function (el) {{
      el.classList.toggle("planner-on", el.getAttribute("data-planner-day") === current);
    }});
    document.body.setAttribute("data-planner-shown", current);
    fit();
  }}
  document.querySelectorAll("button[data-planner-day]").forEach(function (button) {{
    button.addEventListener("click", function () {{
      show(button.getAttribute("data-planner-day"));
    }});
  }});
  // Printed, the map is one A4 landscape page: sized before the print layout exists, so the
  // day's routes are fitted to the paper rather than to the window.
  function sized(width, height) {{
    var container = map.getContainer();
    container.style.width = width;
    container.style.height = height;
    map.invalidateSize({{animate: false}});
    fit(true);
  }}
  window.addEventListener("beforeprint", function () {{
    sized("{PRINT_PX[0]}px", "{PRINT_PX[1]}px");
  }});
  window.addEventListener("afterprint", function () {{ sized("100%", "100%"); }});
  var wanted = /day=([0-9a-z-]+)/.exec(window.location.hash || "");
  show(wanted ? wanted[1] : fallback);
}})();
"""


STYLE = """
#planner-days { margin-top: 4px; }
#planner-days button { margin: 2px 1px; padding: 3px 7px; border: 1px solid #888;
  border-radius: 3px; background: #f4f4f4; font: 12px sans-serif; cursor: pointer; }
#planner-days button.planner-on { background: #333; color: #fff; border-color: #333; }
#planner-legend { max-width: 460px; }
.planner-teams { border-collapse: collapse; margin: 4px 0; font-size: 12px; }
.planner-teams td, .planner-teams th { padding: 1px 4px; text-align: left; font-weight: normal;
  white-space: nowrap; }
.planner-teams thead td { color: #555; text-align: right; }
.planner-teams thead td:first-child { text-align: left; }
.planner-teams td.planner-num { text-align: right; }
.planner-teams td.planner-caption { text-align: center; color: #555; font-style: italic;
  border-bottom: 1px solid #ccc; }
.planner-teams tbody[data-planner-day] { display: none; }
.planner-teams tbody.planner-on { display: table-row-group; }
.planner-day-name { display: none; font-weight: bold; }
.planner-day-name.planner-on { display: inline; }
@media print {
  @page { size: A4 landscape; margin: 8mm; }
  html, body { width: 100%; height: 100%; margin: 0; overflow: hidden; }
  #planner-days, .leaflet-control-layers, .leaflet-control-zoom, .leaflet-popup-pane,
  .leaflet-tooltip-pane { display: none !important; }
  .planner-box { box-shadow: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""
"""The day picker's, the team table's and the printed page's style."""
