"""``coverage.html``: the managers' map of recording coverage before and after the week.

Coverage of a village = 1 − backlog ÷ obliged. "After" subtracts the people this plan expects to
record at the village's sites (the village itself, its schools and its homebound residents),
never below zero. Villages are drawn from the boundaries file, as circles when they have no
polygon; the two states are two base layers (a radio toggle), and a table sums kecamatan.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import folium
from folium.utilities import JsCode

from planner.i18n import t
from planner.model import Village, coverage
from planner.render._common import RenderContext, esc
from planner.render.boundaries import feature, feature_collection, load_boundaries
from planner.render.offline import finish_page, new_map

# (lower bound of coverage, colour): ColorBrewer RdYlGn, red = much left to record.
COVERAGE_CLASSES: tuple[tuple[float, str], ...] = (
    (0.98, "#1a9641"),
    (0.95, "#a6d96a"),
    (0.90, "#ffffbf"),
    (0.80, "#fdae61"),
    (0.0, "#d7191c"),
)
NO_DATA_COLOUR = "#bdbdbd"


@dataclass(frozen=True, slots=True)
class VillageCoverage:
    """A village's backlog before and after the plan."""

    village: Village
    planned: int
    backlog_after: int

    @property
    def recorded(self) -> int:
        """People the plan takes off this village's backlog."""
        return self.village.backlog - self.backlog_after

    @property
    def before(self) -> float | None:
        """Coverage before the plan (None without an obliged count)."""
        return _coverage(self.village.obliged, self.village.backlog)

    @property
    def after(self) -> float | None:
        """Coverage after the plan (None without an obliged count)."""
        return _coverage(self.village.obliged, self.backlog_after)


@dataclass(frozen=True, slots=True)
class KecamatanTotals:
    """Sums over one kecamatan's villages (or the whole district)."""

    name: str
    villages: int
    obliged: int
    backlog: int
    planned: int
    backlog_after: int

    @property
    def before(self) -> float | None:
        """Coverage before the plan."""
        return _coverage(self.obliged, self.backlog)

    @property
    def after(self) -> float | None:
        """Coverage after the plan."""
        return _coverage(self.obliged, self.backlog_after)


def _coverage(obliged: int, backlog: int) -> float | None:
    share = coverage(obliged, backlog)
    return None if share is None else max(0.0, share)


def village_coverage(ctx: RenderContext) -> list[VillageCoverage]:
    """Every village with the people the plan records at its sites."""
    planned: dict[str, int] = defaultdict(int)
    for _, stop in ctx.plan.stops():
        village = ctx.village_of(stop.site)
        if village is not None:
            planned[village.code] += stop.people
    return [
        VillageCoverage(v, planned[v.code], max(0, v.backlog - planned[v.code]))
        for v in ctx.district.villages
    ]


def kecamatan_totals(rows: list[VillageCoverage]) -> tuple[list[KecamatanTotals], KecamatanTotals]:
    """Totals per kecamatan (in order of first appearance) and for the whole district."""
    groups: dict[str, list[VillageCoverage]] = defaultdict(list)
    for row in rows:
        groups[row.village.district].append(row)

    def total(name: str, items: list[VillageCoverage]) -> KecamatanTotals:
        return KecamatanTotals(
            name=name,
            villages=len(items),
            obliged=sum(r.village.obliged for r in items),
            backlog=sum(r.village.backlog for r in items),
            planned=sum(r.recorded for r in items),
            backlog_after=sum(r.backlog_after for r in items),
        )

    return [total(name, items) for name, items in groups.items()], total("", rows)


def coverage_colour(value: float | None) -> str:
    """The fill colour of a coverage share."""
    if value is None:
        return NO_DATA_COLOUR
    return next(colour for bound, colour in COVERAGE_CLASSES if value >= bound)


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.1f}%"


def _tip(ctx: RenderContext, row: VillageCoverage) -> str:
    lang = ctx.lang
    v = row.village
    return (
        f"<b>{esc(ctx.village_label(v))}</b><br>{esc(t('render.kecamatan', lang))}: "
        f"{esc(v.district)}<br>{esc(t('render.obliged', lang))}: {v.obliged} · "
        f"{esc(t('render.backlog', lang))}: {v.backlog}<br>"
        f"{esc(t('render.planned', lang))}: {row.recorded}<br>"
        f"{esc(t('render.coverage_before', lang))}: {_pct(row.before)}<br>"
        f"{esc(t('render.coverage_after', lang))}: {_pct(row.after)}"
    )


_STYLE = JsCode(
    """function (feature) {
  return {fillColor: feature.properties.fill, color: "#555555", weight: 0.7,
          fillOpacity: 0.78};
}"""
)
_TOOLTIP = JsCode(
    """function (feature, layer) {
  layer.bindTooltip(feature.properties.tip, {sticky: true});
}"""
)


def _layer(
    ctx: RenderContext,
    rows: list[VillageCoverage],
    shapes: dict[str, dict[str, Any]],
    *,
    after: bool,
) -> Any:
    name = t("render.coverage_after" if after else "render.coverage_before", ctx.lang)
    group = folium.FeatureGroup(name=esc(name), overlay=False, show=after)
    features = []
    for row in rows:
        value = row.after if after else row.before
        props = {"kode": row.village.code, "fill": coverage_colour(value), "tip": _tip(ctx, row)}
        shape = shapes.get(row.village.code)
        if shape is not None:
            features.append(feature(shape, props))
            continue
        radius = 5 + min(9, (max(row.village.obliged, 0) ** 0.5) / 8)
        folium.CircleMarker(
            (row.village.lat, row.village.lon),
            radius=radius,
            color="#555555",
            weight=0.8,
            fill=True,
            fill_color=props["fill"],
            fill_opacity=0.85,
            tooltip=props["tip"],
            class_name="planner-village-circle",
        ).add_to(group)
    if features:
        folium.GeoJson(
            feature_collection(features),
            style=_STYLE,
            on_each_feature=_TOOLTIP,
            name=esc(name),
            control=False,
        ).add_to(group)
    return group


def _table(ctx: RenderContext, rows: list[VillageCoverage]) -> str:
    lang = ctx.lang
    per_kecamatan, total = kecamatan_totals(rows)
    heads = [
        t("render.kecamatan", lang),
        t("render.villages", lang),
        t("render.obliged", lang),
        t("render.backlog", lang),
        t("render.planned", lang),
        t("render.coverage_before", lang),
        t("render.coverage_after", lang),
    ]

    def line(k: KecamatanTotals, name: str, cls: str = "") -> str:
        cells = [
            f'<td class="txt">{esc(name)}</td>',
            f"<td>{k.villages}</td>",
            f"<td>{k.obliged:,}</td>",
            f"<td>{k.backlog:,}</td>",
            f"<td>{k.planned:,}</td>",
            f'<td><span class="dot" style="background:{coverage_colour(k.before)}"></span>'
            f"{_pct(k.before)}</td>",
            f'<td><span class="dot" style="background:{coverage_colour(k.after)}"></span>'
            f"{_pct(k.after)}</td>",
        ]
        return f'<tr class="{cls}">{"".join(cells)}</tr>'

    body = "\n".join(line(k, k.name) for k in sorted(per_kecamatan, key=lambda k: k.name))
    plan = ctx.plan
    title = t("render.coverage_title", lang, district=plan.district, week=plan.week)
    legend = "".join(
        f'<span class="key"><span class="dot" style="background:{colour}"></span>'
        f"≥ {bound * 100:.0f}%</span>"
        for bound, colour in COVERAGE_CLASSES
    ) + (
        f'<span class="key"><span class="dot" style="background:{NO_DATA_COLOUR}"></span>'
        f"{esc(t('render.no_data', lang))}</span>"
    )
    return f"""
<style>
body {{ font: 14px/1.4 sans-serif; display: flex; flex-direction: column;
  height: auto !important; min-height: 100%; }}
body > .folium-map {{ order: 1; flex: none; }}
#planner-head {{ order: 0; padding: 8px 16px 4px; }}
#planner-head h1 {{ font-size: 18px; margin: 4px 0; }}
#planner-coverage {{ order: 2; }}
#planner-coverage {{ padding: 10px 16px 24px; }}
#planner-coverage table {{ border-collapse: collapse; margin-top: 8px; }}
#planner-coverage th, #planner-coverage td {{ border: 1px solid #bbb; padding: 3px 8px;
  text-align: right; }}
#planner-coverage th {{ background: #eee; }}
#planner-coverage td.txt {{ text-align: left; }}
#planner-coverage tr.total td {{ font-weight: bold; background: #f6f6f6; }}
.dot {{ display: inline-block; width: 11px; height: 11px; border: 1px solid #777;
  border-radius: 2px; margin-right: 5px; vertical-align: -1px; }}
.key {{ margin-right: 14px; white-space: nowrap; }}
.note {{ color: #444; font-size: 13px; }}
</style>
<header id="planner-head">
<h1>{esc(title)}</h1>
<div>{legend}</div>
</header>
<section id="planner-coverage">
<p class="note">{esc(t("render.coverage_note", lang))}</p>
<table>
<thead><tr>{"".join(f"<th>{esc(h)}</th>" for h in heads)}</tr></thead>
<tbody>
{body}
{line(total, t("render.total", lang), "total")}
</tbody>
</table>
</section>
"""


def render_coverage(ctx: RenderContext, *, offline: bool = True) -> str:
    """The HTML of ``coverage.html``."""
    rows = village_coverage(ctx)
    shapes = load_boundaries(ctx.district.boundaries_path)
    points = [(r.village.lat, r.village.lon) for r in rows] or [ctx.office]
    centre = (
        sum(p[0] for p in points) / len(points),
        sum(p[1] for p in points) / len(points),
    )
    plan = ctx.plan
    title = t("render.coverage_title", ctx.lang, district=plan.district, week=plan.week)
    fmap = new_map(centre, offline=offline, title=esc(title), height="68vh")
    _layer(ctx, rows, shapes, after=False).add_to(fmap)
    _layer(ctx, rows, shapes, after=True).add_to(fmap)
    folium.LayerControl(collapsed=False).add_to(fmap)
    if len(points) > 1:
        lats = [p[0] for p in points]
        lons = [p[1] for p in points]
        fmap.fit_bounds([[min(lats), min(lons)], [max(lats), max(lons)]], padding=(10, 10))
    fmap.get_root().html.add_child(folium.Element(_table(ctx, rows)), name="planner_table")
    return finish_page(fmap, offline=offline)
