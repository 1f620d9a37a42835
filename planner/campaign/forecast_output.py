"""The forecast shown: the terminal text, a tidy CSV and an HTML page with an SVG chart.

The chart is drawn here as inline SVG (no script, no CDN): coverage by week for the district
(thick) and each kecamatan (thin), the target as a dashed line.
"""

from __future__ import annotations

import csv
import html
import io

from planner.campaign.forecast import Forecast, ForecastResult
from planner.campaign.whatif import text_table
from planner.i18n import number, percent, t

RECENT_WEEKS = 4


def _pct(value: float, lang: str) -> str:
    return percent(value * 100, lang, 2)


def _when(week: str | None, lang: str) -> str:
    if week is None:
        return t("forecast.not_reached", lang)
    return t("forecast.already", lang) if week == "start" else week


def why_not(forecast: Forecast, lang: str) -> list[str]:
    """Why the district does not reach the target within the forecast: team time (the pace
    of the last weeks against the people still needed, new residents included) and cards."""
    rows = forecast.weeks
    if not rows or forecast.reached() is not None:
        return []
    last = rows[-1]
    recent = rows[-RECENT_WEEKS:]
    pace = sum(r.counted for r in recent) / len(recent)
    new = sum(r.new_people for r in recent) / len(recent)
    needed = max(0, round(last.backlog - (1 - forecast.target) * last.obliged))
    lines = [
        t(
            "forecast.why_time",
            lang,
            week=last.week,
            coverage=_pct(last.coverage, lang),
            needed=number(needed, lang),
            pace=number(pace, lang),
            new=number(new, lang),
        )
    ]
    if pace - new > 0:
        weeks = needed / (pace - new)
        lines.append(t("forecast.why_weeks", lang, weeks=number(weeks, lang)))
    else:
        lines.append(t("forecast.why_never", lang))
    out = forecast.stock_out()
    if out is not None:
        lines.append(t("forecast.why_cards", lang, week=out))
    return lines


def forecast_text(result: ForecastResult, lang: str) -> str:
    """The terminal report: weeks, when each area reaches the target, stock, the deadline."""
    base = result.base
    lines = [t("forecast.title", lang, target=_pct(base.target, lang), weeks=len(base.weeks)), ""]
    head = [t(f"forecast.col_{c}", lang) for c in _WEEK_COLUMNS]
    body = [
        [
            r.week,
            _pct(r.coverage, lang),
            number(r.people, lang),
            number(r.counted, lang),
            number(r.cards, lang),
            number(r.stock, lang),
            number(r.new_people, lang),
        ]
        for r in base.weeks
    ]
    lines += text_table(head, body)
    lines.append("")
    lines.append(t("forecast.district_reaches", lang, week=_when(base.reached(), lang)))
    lines += ["  " + line for line in why_not(base, lang)]
    lines.append(t("forecast.kecamatan_head", lang))
    for name in base.kecamatan_names:
        week = _when(base.reached(name), lang)
        lines.append(t("forecast.kecamatan_reaches", lang, name=name, week=week))
    out = base.stock_out()
    stock = t("forecast.stock_out", lang, week=out) if out else t("forecast.stock_lasts", lang)
    lines.append(stock)
    cards = number(sum(r.cards for r in base.weeks), lang)
    lines.append(t("forecast.cards_used", lang, cards=cards))
    if result.by is not None:
        lines += _deadline(result, lang)
    return "\n".join(lines) + "\n"


def _deadline(result: ForecastResult, lang: str) -> list[str]:
    by = result.by
    assert by is not None
    if result.meets(result.base):
        return [t("forecast.by_met", lang, week=by.label)]
    lines = [t("forecast.by_missed", lang, week=by.label)]
    for tried in result.tried:
        lines.append(
            t(
                "forecast.by_tried",
                lang,
                change=tried.change.label(lang),
                when=_tried_when(tried, by.label, lang),
                ok=t("render.yes" if result.meets(tried) else "render.no", lang),
            )
        )
    smallest = result.smallest
    if smallest is None:
        lines.append(t("forecast.by_none", lang))
    else:
        lines.append(t("forecast.by_smallest", lang, change=smallest.change.label(lang)))
    return lines


def _tried_when(tried: Forecast, by: str, lang: str) -> str:
    week = tried.reached()
    if week is not None:
        return t("forecast.reached_in", lang, week=_when(week, lang))
    coverage = tried.weeks[-1].coverage if tried.weeks else tried.start_coverage
    return t("forecast.not_by", lang, week=by, coverage=_pct(coverage, lang))


_WEEK_COLUMNS = ("week", "coverage", "people", "counted", "cards", "stock", "new")


def forecast_csv(result: ForecastResult) -> str:
    """One row per week and area (the district, then each kecamatan): coverage in percent;
    people, cards, stock and new residents on the district's rows. Numbers as programs read
    them (a point for decimals)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["week", "area", "coverage_pct", "people", "counted", "cards", "stock",
                     "new_residents", "delivered"])  # fmt: skip
    for r in result.base.weeks:
        writer.writerow([r.week, "district", f"{r.coverage * 100:.3f}", r.people, r.counted,
                         r.cards, r.stock, r.new_people, r.delivered])  # fmt: skip
        for name, value in r.kecamatan:
            writer.writerow([r.week, name, f"{value * 100:.3f}", "", "", "", "", "", ""])
    return buffer.getvalue()


def forecast_html(result: ForecastResult, lang: str) -> str:
    """A self-contained page: the chart (inline SVG) and the report as text."""
    from planner.campaign.forecast_chart import coverage_svg

    title = html.escape(t("forecast.page_title", lang))
    report = html.escape(forecast_text(result, lang))
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{title}</title><style>body{{font-family:sans-serif;margin:2em}}"
        "pre{font-size:13px}</style></head><body>"
        f"<h1>{title}</h1>{coverage_svg(result.base, lang)}<pre>{report}</pre></body></html>\n"
    )
