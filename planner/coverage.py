"""One definition of recording coverage, used by ``summary.txt``, ``coverage.html`` and
``planner status``.

Coverage of a village is recorded ÷ obliged = 1 − backlog ÷ obliged (``wajib KTP``, ``belum
rekam``). A kecamatan's and the district's coverage sum their villages' counts.

School students and homebound residents are *part of* the backlog of the village they belong
to (``Site.village_code``): a student or resident not yet recorded is one of the village's
``belum rekam``. So every person recorded at a village's sites — the village visit, its schools,
its homebound residents — lowers that village's backlog by one, and nobody counts twice. A
village's backlog never goes below 0: when a school's students exceed the backlog of its
village (the school draws from several villages, or the tables disagree), the people beyond it
do not raise coverage. The same cap applies to what a plan expects: ``planned`` is what the
plan takes off the village backlog, at most the backlog itself.

"Recorded" is what the ledger says was done so far (``Village.recorded``, set by
``apply_ledger``); "planned" is what a week's plan would add on top. The next week starts from
what was recorded, never from what was planned.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from planner.model import District, Plan, coverage


@dataclass(frozen=True, slots=True)
class CoverageRow:
    """Coverage counts of a village, a kecamatan or the district (``level``)."""

    level: str
    code: str
    """The village code; for a kecamatan its name, for the district ''."""
    name: str
    kecamatan: str
    villages: int
    obliged: int
    backlog_start: int
    """Backlog in the district tables: the campaign's start."""
    recorded: int
    """People the ledger's recorded weeks took off the backlog."""
    planned: int
    """People the plan would take off the backlog now (at most ``backlog``)."""

    @property
    def backlog(self) -> int:
        """Backlog now: the start minus what was recorded."""
        return self.backlog_start - self.recorded

    @property
    def backlog_after(self) -> int:
        """Backlog after the plan: now minus what is planned."""
        return self.backlog - self.planned

    @property
    def coverage_start(self) -> float | None:
        """Coverage at the campaign's start (a fraction; None without obliged residents)."""
        return coverage(self.obliged, self.backlog_start)

    @property
    def coverage_now(self) -> float | None:
        """Coverage after the recorded weeks."""
        return coverage(self.obliged, self.backlog)

    @property
    def coverage_after(self) -> float | None:
        """Coverage after the recorded weeks and the plan."""
        return coverage(self.obliged, self.backlog_after)


@dataclass(frozen=True, slots=True)
class CoverageReport:
    """Every village, every kecamatan (by name) and the district total."""

    villages: tuple[CoverageRow, ...]
    kecamatan: tuple[CoverageRow, ...]
    total: CoverageRow

    def of_kecamatan(self, name: str) -> CoverageRow:
        """The row of kecamatan ``name`` (KeyError when unknown)."""
        for row in self.kecamatan:
            if row.name == name:
                return row
        raise KeyError(name)


def planned_people(plan: Plan | None) -> dict[str, int]:
    """People a plan expects per site id, over the week (none without a plan)."""
    people: dict[str, int] = defaultdict(int)
    if plan is not None:
        for _, stop in plan.stops():
            people[stop.site] += stop.people
    return dict(people)


def people_by_village(district: District, people: Mapping[str, int]) -> dict[str, int]:
    """People per site summed onto the village each site counts toward (unknown sites
    ignored)."""
    sites = district.site_index()
    by_village: dict[str, int] = defaultdict(int)
    for site_id, count in people.items():
        site = sites.get(site_id)
        if site is not None:
            by_village[site.village_code] += count
    return dict(by_village)


def coverage_report(district: District, planned: Mapping[str, int] | None = None) -> CoverageReport:
    """Coverage of ``district`` (a state after ``apply_ledger``: backlogs now, ``recorded`` so
    far) and what ``planned`` (people per site id, see ``planned_people``) would add."""
    at_village = people_by_village(district, planned or {})
    villages = tuple(
        CoverageRow(
            level="village",
            code=v.code,
            name=v.name,
            kecamatan=v.district,
            villages=1,
            obliged=v.obliged,
            backlog_start=v.backlog + v.recorded,
            recorded=v.recorded,
            planned=min(v.backlog, at_village.get(v.code, 0)),
        )
        for v in district.villages
    )
    groups: dict[str, list[CoverageRow]] = defaultdict(list)
    for row in villages:
        groups[row.kecamatan].append(row)
    kecamatan = tuple(_sum("kecamatan", name, name, groups[name]) for name in sorted(groups))
    total = _sum("district", "", district.settings.name, villages)
    return CoverageReport(villages, kecamatan, total)


def _sum(level: str, code: str, name: str, rows: Iterable[CoverageRow]) -> CoverageRow:
    items = list(rows)
    return CoverageRow(
        level=level,
        code=code,
        name=name,
        kecamatan=name if level == "kecamatan" else "",
        villages=len(items),
        obliged=sum(r.obliged for r in items),
        backlog_start=sum(r.backlog_start for r in items),
        recorded=sum(r.recorded for r in items),
        planned=sum(r.planned for r in items),
    )
