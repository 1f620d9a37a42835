"""What-if: one week planned under several changes (printers, cards, a Saturday, teams), with
the same seed, side by side. Nothing is written: not the ledger, not ``out/``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from planner.calendar import Week
from planner.campaign.pool import run_all, worker_start
from planner.campaign.simulate import CampaignState, SimOptions, plan_state
from planner.campaign.variants import Change
from planner.i18n import number, t
from planner.model import District, Plan


@dataclass(frozen=True, slots=True)
class VariantRow:
    """A variant's week in numbers."""

    change: Change
    people: int
    weighted: float
    cards: int
    km: float
    unserved: int
    kecamatan: tuple[str, ...]
    """The kecamatan the week visits."""


def kecamatan_visited(district: District, plan: Plan) -> tuple[str, ...]:
    """The kecamatan ``plan`` visits, in name order."""
    kec_of = {v.code: v.district for v in district.villages}
    sites = district.site_index()
    return tuple(sorted({kec_of[sites[s.site].village_code] for _, s in plan.stops()}))


def row_of(change: Change, plan: Plan, state: CampaignState) -> VariantRow:
    """The comparison row of a variant's plan."""
    totals = plan.totals
    return VariantRow(
        change,
        totals.people,
        totals.weighted_people,
        totals.cards,
        totals.distance_km,
        len(plan.unserved),
        kecamatan_visited(state.district, plan),
    )


@dataclass(frozen=True, slots=True)
class _Job:
    folder: Path
    roads: Path | None
    week: Week
    change: Change
    options: SimOptions


def _plan_variant(job: _Job) -> VariantRow:
    state, travel = worker_start(job.folder, job.roads, job.week)
    changed = replace(state, district=job.change.apply(state.district))
    return row_of(job.change, plan_state(changed, travel, job.options), changed)


def whatif(
    folder: Path,
    week: Week,
    changes: Sequence[Change],
    options: SimOptions,
    *,
    roads: Path | None = None,
    done: Callable[[int, int], None] | None = None,
) -> list[VariantRow]:
    """The week as it stands (first row) and under each change, planned with the same seed and
    search, in parallel processes. The ledger is only read."""
    jobs = [_Job(folder, roads, week, c, options) for c in (Change(), *changes)]
    return run_all(_plan_variant, jobs, done=done)


def comparison_table(rows: Sequence[VariantRow], lang: str) -> str:
    """One text table, a row per variant: people, weighted, cards, km, unserved, kecamatan."""
    head = [t(f"whatif.col_{c}", lang) for c in _COLUMNS]
    body = [
        [
            r.change.label(lang),
            number(r.people, lang),
            number(r.weighted, lang, 1),
            number(r.cards, lang),
            number(r.km, lang, 1),
            number(r.unserved, lang),
            number(len(r.kecamatan), lang),
        ]
        for r in rows
    ]
    return "\n".join(text_table(head, body)) + "\n"


def text_table(head: Sequence[str], body: Sequence[Sequence[str]]) -> list[str]:
    """Lines of a plain text table: the first column left-aligned, the others right."""
    rows = [head, *body]
    widths = [max(len(line[i]) for line in rows) for i in range(len(head))]
    lines = [
        "  ".join(
            [
                line[0].ljust(widths[0]),
                *(c.rjust(w) for c, w in zip(line[1:], widths[1:], strict=True)),
            ]
        )
        for line in rows
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return lines


_COLUMNS = ("variant", "people", "weighted", "cards", "km", "unserved", "kecamatan")
