"""Applying the ledger to a district: the tables minus everything recorded so far.

The district tables are the campaign's start; these functions give its state after recorded
weeks (backlogs, students, homebound left, blank stock) and what follows from it (per-site
backlogs, weeks waited, the backlog trend).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace

from planner.ledger.queries import LedgerQueries
from planner.ledger.records import Snapshot, weeks_between
from planner.ledger.stock import stock_level
from planner.model import District, SiteKind


def apply_done(
    district: District, done: Mapping[str, tuple[int, int]], stock_delta: int
) -> District:
    """The district after ``done`` (people recorded, cards printed per site) and a stock change.

    School students and homebound residents are part of their village's backlog (see
    ``planner.coverage``): every person recorded at a village's sites lowers the village
    backlog, floored at 0, and ``Village.recorded`` grows by what was taken off. A
    pre-registration shrinks by the village visits' own recordings and never exceeds the
    backlog left. A school's students shrink by what was recorded there and its ``printable``
    (unrecorded students already 17) by the cards printed, never above the students left. A
    recorded homebound resident is removed: nobody is left to record there.
    """
    if not done and stock_delta == 0:
        return district
    at_village: dict[str, int] = defaultdict(int)
    for site in district.sites():
        at_village[site.village_code] += done.get(site.site_id, (0, 0))[0]
    villages = []
    for v in district.villages:
        backlog = max(0, v.backlog - at_village[v.code])
        prereg = v.preregistered
        own = done.get(v.site_id, (0, 0))[0]
        villages.append(
            replace(
                v,
                backlog=backlog,
                recorded=v.recorded + v.backlog - backlog,
                preregistered=None if prereg is None else min(backlog, max(0, prereg - own)),
            )
        )
    schools = []
    for s in district.schools:
        recorded, printed = done.get(s.site_id, (0, 0))
        students = max(0, s.students - recorded)
        printable = None if s.printable is None else min(students, max(0, s.printable - printed))
        schools.append(replace(s, students=students, printable=printable))
    homebound = tuple(h for h in district.homebound if done.get(h.site_id, (0, 0))[0] == 0)
    settings = replace(
        district.settings, blank_stock=max(0, district.settings.blank_stock + stock_delta)
    )
    return replace(
        district,
        villages=tuple(villages),
        schools=tuple(schools),
        homebound=homebound,
        settings=settings,
    )


def apply_ledger(
    district: District, ledger: LedgerQueries, *, before_week: str | None = None
) -> District:
    """``district`` (its tables: the campaign's start) after every recorded week so far.

    Backlogs shrink by what was recorded (``apply_done``); ``settings.blank_stock`` becomes the
    ledger's stock (``planner.ledger.stock``: the starting stock kept in the ledger, plus
    deliveries, minus cards printed, recounts replacing the computed figure). ``before_week``
    leaves out the recordings of that week and later ones (to plan a week again after it was
    recorded), and stock movements dated after it. An empty ledger returns ``district``
    unchanged.
    """
    done = ledger.totals_by_site(before_week=before_week)
    blank = district.settings.blank_stock
    delta = max(0, stock_level(ledger, blank, before_week=before_week)) - blank
    return apply_done(district, done, delta)


@dataclass(frozen=True, slots=True)
class SiteBacklog:
    """A site's remaining backlog in some state of the district (see ``site_backlogs``)."""

    site: str
    kind: SiteKind
    village: str
    obliged: int | None
    backlog: int


def site_backlogs(start: District, state: District) -> Iterator[SiteBacklog]:
    """Every site of ``start`` with its backlog in ``state`` (homebound: 1 left, 0 recorded).

    ``start`` lists the sites because ``apply_ledger`` removes recorded homebound residents.
    """
    villages = {v.code: v.backlog for v in state.villages}
    students = {s.npsn: s.students for s in state.schools}
    homebound = {h.id for h in state.homebound}
    for v in start.villages:
        yield SiteBacklog(v.site_id, SiteKind.VILLAGE, v.code, v.obliged, villages[v.code])
    for s in start.schools:
        yield SiteBacklog(s.site_id, SiteKind.SCHOOL, s.village_code, None, students[s.npsn])
    for h in start.homebound:
        left = 1 if h.id in homebound else 0
        yield SiteBacklog(h.site_id, SiteKind.HOMEBOUND, h.village_code, None, left)


def waiting_weeks(ledger: LedgerQueries, district: District, week: str) -> dict[str, int]:
    """Weeks each village with backlog has waited for a visit, as of planning ``week``.

    Counted from its last recorded visit before ``week`` or, never visited, from the campaign's
    first week in the ledger (0 with an empty ledger). Feeds ``--min-visit-every N``: pass the
    district after ``apply_ledger`` so only villages with backlog left are listed.
    """
    last = ledger.last_visits(before_week=week)
    first = ledger.first_week()
    waited: dict[str, int] = {}
    for v in district.villages:
        if v.backlog <= 0:
            continue
        since = last.get(v.site_id, first)
        waited[v.site_id] = 0 if since is None else max(0, weeks_between(since, week))
    return waited


def group_by_week(snapshots: Iterable[Snapshot]) -> dict[str, dict[SiteKind, int]]:
    """Total backlog per week and site kind, for the trend."""
    totals: dict[str, dict[SiteKind, int]] = defaultdict(lambda: dict.fromkeys(SiteKind, 0))
    for s in snapshots:
        totals[s.week][s.kind] += s.backlog
    return dict(totals)
