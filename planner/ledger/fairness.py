"""Fairness: villages that waited long for a visit count for more in the next plan.

Feeds ``planner plan --min-visit-every N`` with the weeks waited from ``waiting_weeks``.
"""

from __future__ import annotations

from collections.abc import Mapping

FAIRNESS_STEP = 0.5
"""Each week a village waits beyond ``--min-visit-every N`` adds half its weight again."""


def fairness_boost(waited: Mapping[str, int], min_visit_every: int) -> dict[str, float]:
    """Value multipliers for villages that waited ``min_visit_every`` weeks or more.

    A village that waited exactly N weeks counts 1.5×, N+1 weeks 2×, and so on: long waits
    win over slightly larger backlogs nearer the office, without forcing an impossible visit.
    """
    return {
        site: 1.0 + FAIRNESS_STEP * (weeks - min_visit_every + 1)
        for site, weeks in waited.items()
        if weeks >= min_visit_every
    }
