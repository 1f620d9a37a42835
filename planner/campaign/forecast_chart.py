"""The forecast's chart as inline SVG: coverage by week, the district thick, each kecamatan
thin, the target dashed. Drawn by hand so the page needs no script and no internet."""

from __future__ import annotations

import html

from planner.campaign.forecast import Forecast
from planner.i18n import percent, t

WIDTH, HEIGHT = 900, 480
LEFT, RIGHT, TOP, BOTTOM = 60, 220, 20, 50
PALETTE = (
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
    "#bcbd22", "#17becf", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173",
)  # fmt: skip


def coverage_svg(forecast: Forecast, lang: str) -> str:
    """The chart of ``forecast``: one polyline per area, x = week (0 = now), y = coverage."""
    labels = ["", *[r.week for r in forecast.weeks]]
    district = [forecast.start_coverage] + [r.coverage for r in forecast.weeks]
    series = [(t("forecast.district", lang), district)]
    for name in forecast.kecamatan_names:
        values = [dict(forecast.start_kecamatan)[name]]
        values += [dict(r.kecamatan)[name] for r in forecast.weeks]
        series.append((name, values))
    lowest = min(min(v) for _, v in series)
    low = max(0.0, min(lowest, forecast.target) - 0.01)
    high = 1.0
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    steps = max(1, len(labels) - 1)

    def x(i: int) -> float:
        return LEFT + plot_w * i / steps

    def y(v: float) -> float:
        return TOP + plot_h * (high - v) / (high - low)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" role="img" id="forecast-chart">',
        f'<rect x="{LEFT}" y="{TOP}" width="{plot_w}" height="{plot_h}" fill="#fafafa" '
        'stroke="#999"/>',
    ]
    for k in range(5):
        v = low + (high - low) * k / 4
        parts.append(
            f'<text x="{LEFT - 6}" y="{y(v) + 4:.1f}" font-size="11" text-anchor="end">'
            f"{html.escape(percent(v * 100, lang, 1))}</text>"
        )
    every = max(1, len(labels) // 8)
    for i, label in enumerate(labels):
        if i and i % every == 0:
            parts.append(
                f'<text x="{x(i):.1f}" y="{HEIGHT - BOTTOM + 16}" font-size="11" '
                f'text-anchor="middle">{html.escape(label)}</text>'
            )
    parts.append(
        f'<line class="target" x1="{LEFT}" x2="{LEFT + plot_w}" y1="{y(forecast.target):.1f}" '
        f'y2="{y(forecast.target):.1f}" stroke="#000" stroke-dasharray="6 4"/>'
    )
    target = t("forecast.target", lang, target=percent(forecast.target * 100, lang, 1))
    parts.append(
        f'<text x="{LEFT + 4}" y="{y(forecast.target) - 4:.1f}" font-size="11">'
        f"{html.escape(target)}</text>"
    )
    for n, (name, values) in enumerate(series):
        colour = "#000" if n == 0 else PALETTE[(n - 1) % len(PALETTE)]
        width = 3 if n == 0 else 1.2
        points = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, v in enumerate(values))
        parts.append(
            f'<polyline class="series" fill="none" stroke="{colour}" stroke-width="{width}" '
            f'points="{points}"><title>{html.escape(name)}</title></polyline>'
        )
        ly = TOP + 14 * n + 8
        parts.append(
            f'<line x1="{WIDTH - RIGHT + 10}" x2="{WIDTH - RIGHT + 30}" y1="{ly}" y2="{ly}" '
            f'stroke="{colour}" stroke-width="{width}"/>'
            f'<text x="{WIDTH - RIGHT + 36}" y="{ly + 4}" font-size="11">{html.escape(name)}</text>'
        )
    parts.append("</svg>")
    return "\n".join(parts)
