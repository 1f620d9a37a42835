"""Blank-card stock: the starting stock kept once, dated deliveries and recounts, cards printed
by date; ``planner stock add|set``; the stock over time in status; week warnings."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

import planner.io
from planner.calendar import Week
from planner.cli import cli
from planner.cli._common import run_guarded
from planner.clock import TODAY_ENV, today, week_warnings
from planner.errors import Problem
from planner.io.plan_json import plan_to_json
from planner.ledger import MIGRATIONS, SCHEMA_VERSION, Ledger, apply_ledger, ledger_path
from planner.ledger.stock import stock_level, stock_report
from planner.model import District
from tests.test_ledger import VILLAGE1, WEEK1, WEEK2, make_plan, results_of, tiny_district

pytestmark = pytest.mark.usefixtures("english_messages")  # pins English wording

TODAY = "2026-12-09"  # Wednesday of 2026-W50


def _record(ledger: Ledger, plan_week: str, weekday: int, cards: int, start: int = 100) -> None:
    plan = make_plan(plan_week, [("T1", weekday, VILLAGE1, 40, cards)])
    ledger.save_plan(plan, plan_to_json(plan))
    district = tiny_district()
    if start != district.settings.blank_stock:
        district = replace(district, settings=replace(district.settings, blank_stock=start))
    ledger.record(
        district, plan, results_of(plan, {VILLAGE1: (cards, cards)}), source_sha256="a" * 64,
        source_name="t",
    )  # fmt: skip


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A district folder whose tables are the tiny district; today is fixed."""

    def load(folder: Path | None = None) -> tuple[District, list[Problem]]:
        return tiny_district(), []

    monkeypatch.setattr(planner.io, "load_district", load)
    monkeypatch.setenv(TODAY_ENV, TODAY)
    path = tmp_path / "district"
    path.mkdir()
    return path


def test_stock_is_start_plus_deliveries_minus_printed_and_recounts_reset(tmp_path: Path) -> None:
    """Week by week: 100 at the start, 30 printed, 500 delivered, a recount of 520 after 20
    more printed the same day (a recount is the count at the end of its day)."""
    w2 = Week.parse(WEEK2).dates
    with Ledger.open(ledger_path(tmp_path)) as ledger:
        _record(ledger, WEEK1, 1, 30)
        ledger.add_stock("delivery", w2[0], 500, "BAST 1", blank_stock=100)
        _record(ledger, WEEK2, 2, 20)
        assert stock_level(ledger, 100) == 550
        ledger.add_stock("recount", w2[2], 520, "counted", blank_stock=100)
        report = stock_report(ledger, 100, 10)
        assert stock_level(ledger, 100) == 520
        assert apply_ledger(tiny_district(), ledger).settings.blank_stock == 520
    assert [(w.week, w.start, w.delivered, w.printed, w.counted, w.end) for w in report.weeks] == [
        (WEEK1, 100, 0, 30, None, 70),
        (WEEK2, 70, 500, 20, 520, 520),
    ]
    assert (report.now, report.budget, report.pace, report.weeks_left) == (520, 510, 25.0, 20.4)


def test_raising_blank_stock_in_planner_toml_rewrites_no_history(tmp_path: Path) -> None:
    """The first use keeps planner.toml's blank_stock; a raised value later changes nothing."""
    with Ledger.open(ledger_path(tmp_path)) as ledger:
        _record(ledger, WEEK1, 0, 30, start=100)
        assert ledger.keep_start_stock(1100) == 100
        raised = tiny_district()
        raised = replace(raised, settings=replace(raised.settings, blank_stock=1100))
        assert apply_ledger(raised, ledger).settings.blank_stock == 70
        report = stock_report(ledger, 1100, 10)
    assert (report.start, report.start_kept, report.now) == (100, True, 70)


def test_a_version_1_ledger_migrates_its_refills_to_dated_deliveries(tmp_path: Path) -> None:
    """Schema 1 kept weekly 'printed' rows and undated refills: the refill becomes a delivery
    on its week's Monday, printed rows go (the results hold them)."""
    path = tmp_path / "old.sqlite"
    db = sqlite3.connect(path)
    for statement in MIGRATIONS[0]:
        db.execute(statement)
    db.execute("PRAGMA user_version = 1")
    rows = [(WEEK1, "printed", -30, "printed"), (WEEK2, "refill", 400, "province")]
    db.executemany(
        "INSERT INTO stock_moves (week, kind, cards, note, created_at) VALUES (?, ?, ?, ?, 'x')",
        rows,
    )
    db.commit()
    db.close()
    with Ledger.open(path) as ledger:
        assert ledger.schema_version == SCHEMA_VERSION
        moves = ledger.stock_moves()
    assert [(m.date, m.kind, m.cards, m.note) for m in moves] == [
        (dt.date(2026, 11, 30), "delivery", 400, "province")
    ]


def test_stock_add_and_set_commands(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`planner stock add|set` store dated moves and print the stock in the district's
    language; the first use keeps planner.toml's stock as the start."""
    args = ["--data", str(folder)]
    assert run_guarded(cli, ["stock", "add", "500", "--date", "2026-12-07", *args]) == 0
    out = capsys.readouterr().out
    assert out == (
        "Kiriman 500 blanko pada 2026-12-07 dicatat.\n"
        "Stok blanko kini 600 (cadangan kantor 10; tim masih boleh mencetak 590).\n"
    )
    assert run_guarded(cli, ["stock", "set", "0", "--date", "09/12/2026", *args]) == 0
    assert "Hitung ulang pada 2026-12-09 dicatat: 0 blanko." in capsys.readouterr().out
    with Ledger.open(ledger_path(folder)) as ledger:
        kinds = [(m.kind, m.cards) for m in ledger.stock_moves()]
    assert kinds == [("start", 100), ("delivery", 500), ("recount", 0)]


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["add", "0", "--date", "2026-12-07"], "card count '0' is not a whole number of 1"),
        (["add", "lima", "--date", "2026-12-07"], "card count 'lima'"),
        (["set", "", "--date", "2026-12-07"], "card count ''"),
        # A decimal is not a count (it was read as 15 cards before parse_count).
        (["add", "1,5", "--date", "2026-12-07"], "card count '1,5'"),
        (["add", "5", "--date", "2026-13-01"], "--date '2026-13-01' is not a date"),
        (["add", "5", "--date", "2026-12-10"], "--date 2026-12-10: that day has not come yet"),
        (["set", "5", "--date", "2025-12-01"], "--date 2025-12-01: more than a year ago"),
    ],
)
def test_bad_count_or_date_is_one_message_and_writes_nothing(
    folder: Path, argv: list[str], says: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Exit 2, one line naming what is wrong and how to fix it, no ledger file made."""
    assert run_guarded(cli, ["stock", *argv, "--data", str(folder)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1
    assert says in err
    assert not ledger_path(folder).exists()


def test_status_shows_the_stock_over_time_and_its_pace(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """status: stock per week, the pace it uses and how long the stock lasts; a raised
    planner.toml stock is pointed out, not applied."""
    with Ledger.open(ledger_path(folder)) as ledger:
        _record(ledger, WEEK1, 0, 30)
        ledger.add_stock("delivery", Week.parse(WEEK2).monday, 200, blank_stock=100)
    assert run_guarded(cli, ["status", "--data", str(folder), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Blank cards: 100 at the campaign's start, 270 now" in out
    assert "At 30.0 cards a week (the average of 2026-W48), that lasts 8.7 weeks" in out
    csv_args = ["status", "--data", str(folder), "--format", "csv", "--table", "stock"]
    assert run_guarded(cli, [*csv_args, "--lang", "id"]) == 0
    assert capsys.readouterr().out == (
        "minggu,stok awal,kiriman,dicetak,hitung ulang,stok akhir\n"
        "2026-W48,100,0,30,,70\n"
        "2026-W49,70,200,0,,270\n"
    )


def test_week_warnings_use_the_injected_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """Planning a week after its Monday, or recording one before it, warns; "today" comes
    from PLANNER_TODAY."""
    monkeypatch.setenv(TODAY_ENV, TODAY)
    assert today() == dt.date(2026, 12, 9)
    w50, w51, w49 = (Week.parse(w) for w in ("2026-W50", "2026-W51", "2026-W49"))
    [started] = week_warnings("plan", w50)
    assert "2026-W50 has already started (Monday 2026-12-07; today is 2026-12-09)" in str(started)
    assert week_warnings("plan", w51) == []
    assert week_warnings("plan", w50, dt.date(2026, 12, 7)) == []  # on its Monday: fine
    [future] = week_warnings("record", w51)
    assert "2026-W51 has not started yet" in str(future)
    assert week_warnings("record", w49) == week_warnings("record", w50) == []


def test_recording_a_future_week_prints_the_warning(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`planner record` of a week to come warns before anything else (here: it is not
    planned either, so it then stops)."""
    tally = tmp_path / "tally.csv"
    tally.write_text("x\n")
    assert (
        run_guarded(cli, ["record", "--week", "2026-W52", str(tally), "--data", str(folder)]) == 2
    )
    err = capsys.readouterr().err
    assert err.startswith("warning: --week: 2026-W52 has not started yet")
    assert "planner plan --week 2026-W52" in err  # record's one message: plan it first
