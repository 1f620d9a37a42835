"""The route lines of ``map.html``, leg by leg and piece by piece.

Each leg (base → first stop → … → base) is drawn as the travel model's ``segments``: "road"
pieces solid along the road geometry, "estimate" pieces dashed and straight (no mapped road),
"boat" pieces dotted blue from harbour to harbour with a boat marker naming the crossing and
its times. Without a travel model, or for a plan timed without roads, every leg is a straight
line, dashed when the plan says its time is an estimate, with boat crossings drawn between the
harbours of the district's ``[[crossing]]`` of that name. Consecutive pieces of one kind are
joined into one line; the geometry of a leg is asked for once per render.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import folium
from shapely.geometry import LineString

from planner.i18n import t
from planner.model import BoatLine, Crossing, Route
from planner.render._common import (
    LatLon,
    RenderContext,
    TeamInfo,
    boat_text,
    esc,
    road_credit,
    share_text,
)
from planner.travel import TravelModel
from planner.travel.base import Segment

BOAT_COLOUR = "#1f5fbf"
SIMPLIFY_DEG = 0.00005
"""Road lines drop points within this many degrees (about 5 m) of the line drawn."""
KINDS = ("road", "estimate", "boat")

_STYLE: dict[str, dict[str, Any]] = {
    "road": {"weight": 4, "opacity": 0.85},
    "estimate": {"weight": 3, "opacity": 0.85, "dash_array": "8 7"},
    "boat": {"weight": 4, "opacity": 0.95, "dash_array": "1 8"},
}
"""Leaflet path options per piece kind (colour: the team's, blue for boats)."""

_LEGEND_DASH = {"road": "", "estimate": "6 4", "boat": "1 5"}

_BOAT_SVG = (
    '<svg width="22" height="22" viewBox="0 0 24 24">'
    f'<circle cx="12" cy="12" r="11" fill="{BOAT_COLOUR}" stroke="#ffffff" stroke-width="2"/>'
    '<path d="M5 13 h14 l-3 5 h-8 z M11 5 v7 h-5 z M13 7 v5 h4 z" fill="#ffffff"/></svg>'
)


@dataclass(frozen=True, slots=True)
class Piece:
    """A drawn piece of a route: its ``kind``, its points and, for a boat, the crossing."""

    kind: str
    points: tuple[LatLon, ...]
    boat: BoatLine | None = None


def _clean(points: Sequence[LatLon]) -> tuple[LatLon, ...]:
    """Points rounded to about a metre, repeats dropped (a smaller page, the same line)."""
    out: list[LatLon] = []
    for lat, lon in points:
        point = (round(float(lat), 5), round(float(lon), 5))
        if not out or out[-1] != point:
            out.append(point)
    return tuple(out)


def simplified(points: tuple[LatLon, ...], tolerance: float = SIMPLIFY_DEG) -> tuple[LatLon, ...]:
    """``points`` without those within ``tolerance`` degrees of the line through the points
    kept (Douglas–Peucker, shapely): a road's shape in a fraction of its points."""
    if len(points) < 3:
        return points
    line = LineString(points).simplify(tolerance, preserve_topology=False)
    return tuple((float(a), float(b)) for a, b in line.coords)


def joined(pieces: Sequence[Piece]) -> list[Piece]:
    """``pieces`` with consecutive road or estimate pieces of one kind made one line (pieces
    with nothing to draw dropped)."""
    out: list[Piece] = []
    for piece in pieces:
        if len(set(piece.points)) < 2:  # nothing to draw
            continue
        last = out[-1] if out else None
        if last is not None and last.kind == piece.kind and piece.kind != "boat":
            rest = piece.points[1:] if piece.points[0] == last.points[-1] else piece.points
            out[-1] = Piece(last.kind, last.points + rest)
        else:
            out.append(piece)
    return out


class Legs:
    """The lines of a plan's routes for one render (the travel model asked once per leg)."""

    def __init__(self, ctx: RenderContext, travel: TravelModel | None):
        self.ctx = ctx
        # A plan timed without roads is drawn as it was timed: straight lines.
        self.travel = travel if ctx.plan.travel_source != "estimate" else None
        self._segments: dict[tuple[LatLon, LatLon, str], list[Segment]] = {}
        self._crossings: dict[str, Crossing] = {c.name: c for c in ctx.district.settings.crossings}

    def route(self, team: TeamInfo, route: Route) -> list[Piece]:
        """The pieces of ``route``'s line, from the team's base back to it."""
        everything_estimated = self.ctx.plan.travel_source == "estimate"
        pieces: list[Piece] = []
        here = team.base
        for stop in route.stops:
            where = self.ctx.latlon(stop.site)
            if where is None:
                continue
            estimated = stop.estimated or everything_estimated
            pieces += self.leg(team, here, where, estimated, stop.boat)
            here = where
        estimated = route.return_estimated or everything_estimated
        pieces += self.leg(team, here, team.base, estimated, route.return_boat)
        return joined(pieces)

    def leg(
        self,
        team: TeamInfo,
        a: LatLon,
        b: LatLon,
        estimated: bool,
        boats: Sequence[BoatLine],
    ) -> list[Piece]:
        """One leg's pieces; ``estimated`` and ``boats`` are the plan's word on it."""
        if self.travel is None:
            return self._straight(a, b, estimated, boats)
        key = (a, b, str(team.profile))
        segments = self._segments.get(key)
        if segments is None:
            segments = self._segments[key] = self.travel.segments(a, b, team.profile)
        lines = iter(boats)
        pieces = []
        for segment in segments:
            kind = segment.kind if segment.kind in KINDS else "estimate"
            boat = next(lines, None) if kind == "boat" else None
            points = _clean(segment.points)
            pieces.append(Piece(kind, simplified(points) if kind == "road" else points, boat))
        return pieces

    def _straight(
        self, a: LatLon, b: LatLon, estimated: bool, boats: Sequence[BoatLine]
    ) -> list[Piece]:
        """Straight lines between ``a``, the harbours of the leg's crossings, and ``b``."""
        kind = "estimate" if estimated else "road"
        pieces = []
        here = a
        for line in boats:
            crossing = self._crossings.get(line.crossing)
            if crossing is None:  # a ferry of the road data: its harbours are not known here
                continue
            board, land = crossing.a, crossing.b
            if _far(here, board) > _far(here, land):
                board, land = land, board
            pieces += [
                Piece(kind, _clean([here, board])),
                Piece("boat", _clean([board, land]), line),
            ]
            here = land
        pieces.append(Piece(kind, _clean([here, b])))
        return pieces


def _far(a: LatLon, b: LatLon) -> float:
    """A distance good enough to tell the nearer of two harbours."""
    return (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2


def draw_route(
    ctx: RenderContext,
    team: TeamInfo,
    route: Route,
    group: Any,
    legs: Legs,
    tooltip: str,
    classes: str = "",
) -> None:
    """``route``'s line into ``group``: one polyline per run of a kind, boat markers;
    ``classes`` go on every line (``mapdays.day_classes``: the team-day it belongs to)."""
    extra = f" {classes}" if classes else ""
    for piece in legs.route(team, route):
        tip = tooltip
        if piece.kind == "boat":
            what = (
                boat_text(piece.boat, ctx.lang) if piece.boat else t("render.line_boat", ctx.lang)
            )
            tip = f"{what} · {tooltip}"
        folium.PolyLine(  # type: ignore[no-untyped-call]
            list(piece.points),
            color=BOAT_COLOUR if piece.kind == "boat" else team.colour,
            tooltip=esc(tip),
            class_name=f"planner-route{extra} planner-{piece.kind}",
            **_STYLE[piece.kind],
        ).add_to(group)
        if piece.kind == "boat":
            first, last = piece.points[0], piece.points[-1]
            folium.Marker(
                ((first[0] + last[0]) / 2, (first[1] + last[1]) / 2),
                icon=folium.DivIcon(
                    html=_BOAT_SVG,
                    icon_size=(22, 22),
                    icon_anchor=(11, 11),
                    class_name=f"planner-marker planner-boat{extra}",
                ),
                tooltip=esc(tip),
            ).add_to(group)


def _line_sample(kind: str) -> str:
    colour = BOAT_COLOUR if kind == "boat" else "#444444"
    dash = f' stroke-dasharray="{_LEGEND_DASH[kind]}"' if _LEGEND_DASH[kind] else ""
    return (
        f'<svg width="28" height="10" viewBox="0 0 28 10"><line x1="2" y1="5" x2="26" y2="5" '
        f'stroke="{colour}" stroke-width="3" stroke-linecap="round"{dash}/></svg>'
    )


def line_legend(ctx: RenderContext) -> str:
    """The legend's part on lines: the line styles in use, the estimated share of the km and
    the road data's credit."""
    plan = ctx.plan
    lang = ctx.lang
    kinds = []
    if plan.travel_source != "estimate":
        kinds.append("road")
    if plan.travel_source != "roads":
        kinds.append("estimate")
    has_boat = any(r.return_boat or any(s.boat for s in r.stops) for r in plan.routes)
    if has_boat or ctx.district.settings.crossings:
        kinds.append("boat")
    items = [f"<div>{_line_sample(k)} {esc(t(f'render.line_{k}', lang))}</div>" for k in kinds]
    if plan.travel_source != "roads":
        share = t("render.estimated_share", lang, share=share_text(plan))
        items.append(f'<div class="planner-share">{esc(share)}</div>')
    credit = road_credit(plan)
    if credit:
        items.append(
            f'<div class="planner-credit">{esc(t("render.road_data", lang, credit=credit))}</div>'
        )
    return "".join(items)
