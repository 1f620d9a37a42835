"""Fair reach: the weekly objective's value boosts for places that waited or lag behind.

Greedy weeks stay near the office: near sites give the most people per team minute. Fair
reach multiplies the value of every site in a kecamatan by

    1 + gap_weight × (district coverage − kecamatan coverage, in points)
      + wait_weight × weeks the kecamatan went without a visit

(at most ``max_boost``), so a far, low-coverage kecamatan wins a team-day within a few weeks,
while the objective still counts people. ``backlog_cap`` scales a school's value by the share
of its students its village backlog can still take: students beyond a village's backlog do not
raise coverage (``planner.coverage``), so they should not draw teams either.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from planner.coverage import coverage_report
from planner.ledger.records import weeks_between
from planner.model import District
from planner.model.campaign import CampaignSettings


def kecamatan_waited(
    district: District, last: Mapping[str, str], first: str | None, week: str
) -> dict[str, int]:
    """Weeks each kecamatan with backlog went without a visit, as of planning ``week``.

    ``last`` maps site ids to the week of their last visit (``LedgerQueries.last_visits``):
    a kecamatan visited last week waited 0 weeks; one never visited waited since ``first``
    (the campaign's first week; 0 if None).
    """
    kec_of = {v.code: v.district for v in district.villages}
    latest: dict[str, str] = {}
    for site in district.sites():
        seen = last.get(site.site_id)
        kec = kec_of.get(site.village_code)
        if seen is not None and kec is not None and seen > latest.get(kec, ""):
            latest[kec] = seen
    backlog: dict[str, int] = defaultdict(int)
    for v in district.villages:
        backlog[v.district] += v.backlog
    waited: dict[str, int] = {}
    for kec, left in backlog.items():
        if left <= 0:
            continue
        seen = latest.get(kec)
        if seen is not None:  # visited last week: waited 0 weeks
            waited[kec] = max(0, weeks_between(seen, week) - 1)
        else:
            waited[kec] = 0 if first is None else max(0, weeks_between(first, week))
    return waited


def kecamatan_boost(
    district: District, waited: Mapping[str, int], campaign: CampaignSettings
) -> dict[str, float]:
    """The fair-reach multiplier of each kecamatan with backlog (1.0: no boost)."""
    report = coverage_report(district)
    overall = report.total.coverage_now or 0.0
    boost: dict[str, float] = {}
    for row in report.kecamatan:
        if row.backlog <= 0:
            continue
        gap = max(0.0, overall - (row.coverage_now or 0.0)) * 100
        value = 1.0 + campaign.gap_weight * gap + campaign.wait_weight * waited.get(row.name, 0)
        boost[row.name] = min(campaign.max_boost, value)
    return boost


def backlog_shares(district: District) -> dict[str, float]:
    """For each school whose village's schools hold more students than the village backlog,
    the share of its students that can still lower that backlog (0..1)."""
    backlog = {v.code: v.backlog for v in district.villages}
    students: dict[str, int] = defaultdict(int)
    for s in district.schools:
        students[s.village_code] += s.students
    shares: dict[str, float] = {}
    for s in district.schools:
        total = students[s.village_code]
        left = backlog.get(s.village_code, 0)
        if total > left:
            shares[s.site_id] = left / total
    return shares


def campaign_boost(
    district: District,
    waited: Mapping[str, int] | None,
    *,
    fair: bool | None = None,
    cap: bool | None = None,
    extra: Mapping[str, float] | None = None,
) -> dict[str, float]:
    """Value multipliers per site id for the weekly objective: fair reach (``waited``: weeks
    per kecamatan, ``kecamatan_waited``; ``fair`` overrides the setting), the backlog cap
    (``cap`` overrides its setting) and ``extra`` (``--min-visit-every``'s boost), multiplied."""
    campaign = district.settings.campaign
    boost: dict[str, float] = dict(extra or {})
    if campaign.fair_reach if fair is None else fair:
        kec = kecamatan_boost(district, waited or {}, campaign)
        kec_of = {v.code: v.district for v in district.villages}
        for site in district.sites():
            factor = kec.get(kec_of.get(site.village_code, ""), 1.0)
            if factor != 1.0:
                boost[site.site_id] = boost.get(site.site_id, 1.0) * factor
    if campaign.backlog_cap if cap is None else cap:
        for site_id, share in backlog_shares(district).items():
            boost[site_id] = boost.get(site_id, 1.0) * share
    return boost
