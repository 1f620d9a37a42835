"""``coverage.html``: the managers' map of recording coverage before and after the week.

The figures are ``planner.coverage``'s, the same as ``summary.txt`` and ``planner status``:
coverage of a village = recorded ÷ obliged = 1 − backlog ÷ obliged; "before" is the state the
ledger's recorded weeks left, "after" subtracts what this plan takes off the village backlog
(people planned at the village's sites — the village itself, its schools, its homebound
residents — at most the backlog). Villages are drawn from the boundaries file, as circles when
they have no polygon; the two states are two base layers (a radio toggle), and a table sums
kecamatan.
"""

from __future__ import annotations

from typing import Any

import folium
from folium.utilities import JsCode

from planner.coverage import CoverageReport, CoverageRow, coverage_report, planned_people
from planner.i18n import number, percent, t
from planner.render._common import RenderContext, esc
from planner.render.boundaries import feature, feature_collection
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


def coverage_colour(value: float | None) -> str:
    """The fill colour of a coverage share."""
    if value is None:
        return NO_DATA_COLOUR
    return next(colour for bound, colour in COVERAGE_CLASSES if value >= bound)


def _pct(value: float | None, lang: str) -> str:
    return "–" if value is None else percent(max(0.0, value) * 100, lang)


def _tip(ctx: RenderContext, row: CoverageRow) -> str:
    lang = ctx.lang
    v = ctx.district.village(row.code)
    return (
        f"<b>{esc(ctx.village_label(v))}</b><br>{esc(t('render.kecamatan', lang))}: "
        f"{esc(v.district)}<br>{esc(t('render.obliged', lang))}: {number(row.obliged, lang)} · "
        f"{esc(t('render.backlog', lang))}: {number(row.backlog, lang)}<br>"
        f"{esc(t('status.col.recorded', lang))}: {number(row.recorded, lang)} · "
        f"{esc(t('render.planned', lang))}: {number(row.planned, lang)}<br>"
        f"{esc(t('render.coverage_before', lang))}: {_pct(row.coverage_now, lang)}<br>"
        f"{esc(t('render.coverage_after', lang))}: {_pct(row.coverage_after, lang)}"
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
    rows: tuple[CoverageRow, ...],
    shapes: dict[str, dict[str, Any]],
    *,
    after: bool,
) -> Any:
    name = t("render.coverage_after" if after else "render.coverage_before", ctx.lang)
    group = folium.FeatureGroup(name=esc(name), overlay=False, show=after)
    features = []
    for row in rows:
        value = row.coverage_after if after else row.coverage_now
        props = {"kode": row.code, "fill": coverage_colour(value), "tip": _tip(ctx, row)}
        shape = shapes.get(row.code)
        if shape is not None:
            features.append(feature(shape, props))
            continue
        radius = 5 + min(9, (max(row.obliged, 0) ** 0.5) / 8)
        village = ctx.district.village(row.code)
        folium.CircleMarker(
            (village.lat, village.lon),
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


def _table(ctx: RenderContext, report: CoverageReport) -> str:
    lang = ctx.lang
    heads = [
        t("render.kecamatan", lang),
        t("render.villages", lang),
        t("render.obliged", lang),
        t("render.backlog", lang),
        t("status.col.recorded", lang),
        t("render.planned", lang),
        t("render.coverage_before", lang),
        t("render.coverage_after", lang),
    ]

    def line(k: CoverageRow, name: str, cls: str = "") -> str:
        counts = (k.villages, k.obliged, k.backlog, k.recorded, k.planned)
        cells = [
            f'<td class="txt">{esc(name)}</td>',
            *(f"<td>{number(c, lang)}</td>" for c in counts),
            f'<td><span class="dot" style="background:{coverage_colour(k.coverage_now)}"></span>'
            f"{_pct(k.coverage_now, lang)}</td>",
            f'<td><span class="dot" style="background:{coverage_colour(k.coverage_after)}">'
            f"</span>{_pct(k.coverage_after, lang)}</td>",
        ]
        return f'<tr class="{cls}">{"".join(cells)}</tr>'

    body = "\n".join(line(k, k.name) for k in report.kecamatan)
    total = report.total
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
<p class="note">{esc(t("render.coverage_note", lang))} {esc(t("status.coverage_note", lang))}</p>
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
    # One report for the map's layers and the kecamatan table: recorded so far, and what
    # this plan adds.
    report = coverage_report(ctx.district, planned_people(ctx.plan))
    rows = report.villages
    shapes = ctx.boundaries
    points = [(v.lat, v.lon) for v in ctx.district.villages] or [ctx.office]
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
    fmap.get_root().html.add_child(folium.Element(_table(ctx, report)), name="planner_table")
    return finish_page(fmap, offline=offline)
