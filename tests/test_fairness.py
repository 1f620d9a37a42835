"""``--min-visit-every N``: villages that waited long enough are worth more, and win."""

from __future__ import annotations

from planner.calendar import Week
from planner.ledger.fairness import fairness_boost
from planner.solve import plan_week
from planner.travel.haversine import StraightLineTravel
from tests import districts as D  # noqa: N812


def test_boost_grows_with_the_wait() -> None:
    """N weeks: 1.5×, N+1: 2×; shorter waits get nothing."""
    boost = fairness_boost({"village:a": 1, "village:b": 2, "village:c": 3}, 2)
    assert boost == {"village:b": 1.5, "village:c": 2.0}


def test_a_waiting_village_wins_over_a_slightly_larger_one() -> None:
    """Two villages with the same single Monday window and one team that can serve only one:
    without a boost the larger wins; with the smaller one's wait boosted, the smaller wins."""
    monday = {0: ("08:00", "11:00")}  # room for either village whole, not both
    large = D.village("17.02.09.5001", 0.02, 0.0, 100, weekly=monday)
    small = D.village("17.02.09.5002", -0.02, 0.0, 80, weekly=monday)
    district = D.district((large, small), (D.team("T1", kits=2),))

    def served(boost: dict[str, float] | None) -> set[str]:
        plan = plan_week(
            district,
            Week.parse(D.WEEK),
            StraightLineTravel(district.settings),
            value_boost=boost,
        )
        return {s.site for _, s in plan.stops()}

    assert served(None) == {large.site_id}
    boost = fairness_boost({small.site_id: 4, large.site_id: 0}, 3)
    assert served(boost) == {small.site_id}
