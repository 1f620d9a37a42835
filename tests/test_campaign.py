"""The campaign: fair reach by default, the backlog cap, the forecast and what-if."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from planner.calendar import Week
from planner.campaign.fair import backlog_shares, campaign_boost, kecamatan_waited
from planner.campaign.forecast import (
    ForecastRequest,
    ForecastResult,
    add_new_residents,
    new_in_week,
    run_forecast,
)
from planner.campaign.forecast_output import forecast_csv, forecast_text
from planner.campaign.simulate import CampaignState, SimOptions, simulate
from planner.campaign.variants import Change, parse_team
from planner.errors import InputError
from planner.model import School
from planner.model.campaign import CampaignSettings
from planner.travel.haversine import StraightLineTravel
from tests import districts as D  # noqa: N812
from tests.campaign_districts import near_and_far

FAR = "village:17.02.09.2001"


def _far_visits(fair: bool, **settings: object) -> list[bool]:
    district = near_and_far(**settings)
    state = CampaignState(district, Week.parse(D.WEEK))
    options = SimOptions(fair=fair, solution_limit=20)
    plans, _ = simulate(state, StraightLineTravel(district.settings), options, 4)
    return [any(stop.site == FAR for _, stop in plan.stops()) for plan in plans]


def test_fair_reach_visits_the_far_lagging_kecamatan_greedy_never_does() -> None:
    """Near villages hold more people than the team records in weeks: the greedy objective
    stays near for 4 weeks; fair reach (the default) reaches the far, low-coverage kecamatan
    in the first of them."""
    assert _far_visits(fair=False) == [False] * 4
    assert _far_visits(fair=True)[0]


def test_waiting_alone_reaches_the_far_kecamatan_within_four_weeks() -> None:
    """Without the coverage gap, the weeks the far kecamatan waited raise its value until a
    team goes: within 4 weeks."""
    campaign = CampaignSettings(gap_weight=0.0)
    visits = _far_visits(fair=True, campaign=campaign)
    assert any(visits), visits
    assert not visits[0]  # week 1: nobody waited yet, no gap counted: near wins


def test_kecamatan_waited_counts_weeks_without_a_visit() -> None:
    """Visited last week: 0; visited three weeks before: 2; never: since the first week."""
    district = near_and_far()
    last = {"village:17.02.09.1000": "2026-W48"}
    waited = kecamatan_waited(district, last, "2026-W45", "2026-W49")
    assert waited == {"Dekat": 0, "Jauh": 4}
    assert kecamatan_waited(district, {FAR: "2026-W46"}, None, "2026-W49")["Jauh"] == 2


def test_boost_grows_with_gap_and_wait_and_is_capped() -> None:
    """1 + 0.1 per point behind + 0.5 per week waited, at most max_boost; the near kecamatan
    (above the district's coverage) gets no gap boost."""
    district = near_and_far()
    boost = campaign_boost(district, {"Jauh": 2, "Dekat": 0})
    gap = (0.97445 - 0.80) * 100
    assert boost[FAR] == pytest.approx(1 + 0.1 * gap + 0.5 * 2, abs=0.01)
    assert "village:17.02.09.1000" not in boost
    assert campaign_boost(district, {"Jauh": 20})[FAR] == 4.0
    assert campaign_boost(district, {"Jauh": 2}, fair=False) == {}


def test_backlog_cap_values_students_only_up_to_the_village_backlog() -> None:
    """A school with 300 unrecorded students in a village whose backlog is 100 is worth a
    third of its students: the rest cannot raise coverage."""
    village = D.village("17.02.09.3001", 0.01, 0.0, 100)
    school = School(
        npsn="10000001",
        name="SMA",
        village_code=village.code,
        lat=village.lat,
        lon=village.lon,
        students=300,
    )
    district = D.district((village,), (D.team("T1"),), schools=(school,))
    assert backlog_shares(district) == {school.site_id: pytest.approx(1 / 3)}
    assert campaign_boost(district, None, fair=False)[school.site_id] == pytest.approx(1 / 3)
    assert campaign_boost(district, None, fair=False, cap=False) == {}


def test_new_residents_are_shared_by_obliged_and_add_up() -> None:
    """Every new resident lands in one village (obliged and backlog), none lost to rounding;
    the weekly share of a monthly rate adds up over a year."""
    district = near_and_far()
    after = add_new_residents(district, 37)
    assert sum(v.obliged for v in after.villages) == sum(v.obliged for v in district.villages) + 37
    assert sum(v.backlog for v in after.villages) == sum(v.backlog for v in district.villages) + 37
    assert sum(new_in_week(300, i) for i in range(52)) == 3600


def test_forecast_on_a_small_district() -> None:
    """Coverage only grows (no new residents), cards leave the stock until only the reserve is
    left, a declared delivery comes in, and the week the target is reached is the first week
    at or over it; twice the same forecast (deterministic)."""
    district = near_and_far(blank_stock=60, blank_reserve=20)
    state = CampaignState(district, Week.parse(D.WEEK))
    request = ForecastRequest(
        start=state.week,
        target=0.976,
        weeks=6,
        deliveries=((dt.date(2026, 12, 16), 50),),
        options=SimOptions(solution_limit=10),
    )
    travel = StraightLineTravel(district.settings)
    forecast = run_forecast(state, travel, request)
    rows = forecast.weeks
    assert len(rows) == 6
    coverages = [forecast.start_coverage] + [r.coverage for r in rows]
    assert coverages == sorted(coverages)
    assert coverages[-1] > coverages[0]
    assert rows[0].cards == 40
    assert rows[0].budget == 0
    assert forecast.stock_out() == rows[0].week
    assert rows[2].delivered == 50
    assert rows[2].cards == 50
    reached = forecast.reached()
    assert reached is not None
    first = next(r.week for r in rows if r.coverage >= 0.976)
    assert reached == first
    assert run_forecast(state, travel, request) == forecast
    csv_rows = forecast_csv(ForecastResult(forecast)).splitlines()
    assert len(csv_rows) == 1 + 6 * 3  # header; district + 2 kecamatan a week
    text = forecast_text(ForecastResult(forecast), "en")
    assert f"District reaches the target: {reached}" in text


def test_forecast_says_why_the_target_is_not_reached() -> None:
    """A target out of reach in 2 weeks: the report names team time (the pace) and cards."""
    district = near_and_far(blank_stock=30, blank_reserve=20)
    state = CampaignState(district, Week.parse(D.WEEK))
    request = ForecastRequest(
        start=state.week, target=0.99, weeks=2, options=SimOptions(solution_limit=5)
    )
    forecast = run_forecast(state, StraightLineTravel(district.settings), request)
    text = forecast_text(ForecastResult(forecast), "en")
    assert "District reaches the target: not reached" in text
    assert "more people needed" in text
    assert "team time" in text
    assert "Blank cards run out after 2026-W49" in text


def test_changes_apply_and_bad_teams_are_refused() -> None:
    """A Saturday shift for teams without one, printers, stock, an added team; a bad
    ``--add-team`` is an input error naming the option."""
    district = near_and_far()
    team = parse_team("T5:motor:Mon-Fri:08:00-14:00", district)
    changed = Change(printers=3, blank_stock=500, saturday=True, add_teams=(team,)).apply(district)
    assert changed.settings.printers == 3
    assert changed.settings.blank_stock == district.settings.blank_stock + 500
    assert [t.id for t in changed.teams] == ["T1", "T5"]
    assert all(t.hours_on(5) is not None for t in changed.teams)
    assert Change(teams=("T1",)).apply(replace(district, teams=changed.teams)).teams[0].id == "T1"
    for bad in ("T5:boat:Mon", "T5:motor:Funday", "T1:motor:Mon", "T5"):
        with pytest.raises(InputError) as info:
            parse_team(bad, district)
        assert "--add-team" in str(info.value)


def test_whatif_leaves_the_ledger_untouched(tmp_path: Path) -> None:
    """``planner whatif`` with two variants prints a row for each (and the week as it stands)
    and leaves the ledger file's bytes as they were."""
    from planner.campaign.commands import WhatifOptions, whatif_command
    from planner.ledger.deliveries import stock_move
    from planner.ledger.schema import ledger_path
    from tests.campaign_districts import tiny_folder

    folder = tiny_folder(tmp_path / "kab")
    today = dt.date(2026, 12, 2)
    stock_move(folder, "add", "100", "2026-12-01", "BAST", today=today)
    ledger = ledger_path(folder)
    before = ledger.read_bytes()
    options = WhatifOptions(
        week="next", printers=2, blank_stock="+500", solution_limit=3, lang="en"
    )
    text = whatif_command(folder, options, today)
    assert ledger.read_bytes() == before
    rows = [
        line
        for line in text.splitlines()
        if line.startswith(("as planned", "2 printers", "blank cards +500"))
    ]
    assert len(rows) == 3, text
    assert "2026-W50" in text


def test_fairness_settings_are_read_and_checked(tmp_path: Path) -> None:
    """``[fairness]`` and ``[forecast]`` reach the settings; a bad value is an input error
    naming planner.toml and the key, an unknown key a warning."""
    from planner.io import load_district
    from tests.campaign_districts import tiny_folder

    folder = tiny_folder(tmp_path / "kab")
    toml = folder / "planner.toml"
    base = toml.read_text(encoding="utf-8")
    toml.write_text(base + "\n[fairness]\nenabled = false\ngap_weight = 0.2\nwait = 1\n")
    district, warnings = load_district(folder)
    campaign = district.settings.campaign
    assert (campaign.fair_reach, campaign.gap_weight, campaign.new_per_month) == (False, 0.2, 20)
    assert any("fairness.wait" in str(w) for w in warnings)
    toml.write_text(base + "\n[fairness]\nwait_weight = -1\n")
    with pytest.raises(InputError) as info:
        load_district(folder)
    assert "planner.toml" in str(info.value)
    assert "fairness.wait_weight" in str(info.value)
