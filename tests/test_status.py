"""Campaign status (planner.ledger.status) and ``planner status``, pinned on a tiny ledger.

The golden files live in tests/data/ledger_status.*; after an intended change regenerate them
with ``UPDATE_GOLDEN=1 pytest tests/test_status.py`` and review the diff.
"""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest

import planner.io
from planner.cli import cli
from planner.cli._common import run_guarded
from planner.errors import Problem
from planner.io.plan_json import plan_to_json
from planner.ledger import Ledger, ledger_path
from planner.ledger.status import campaign_status
from planner.ledger.status_output import render_table, status_to_csv, status_to_dict, status_to_json
from planner.model import District, Plan
from tests.test_ledger import (
    HOME1,
    SCHOOL1,
    SECRET_NAME,
    SECRET_NIK,
    VILLAGE1,
    VILLAGE2,
    VILLAGE3,
    WEEK1,
    WEEK2,
    make_plan,
    results_of,
    tiny_district,
    week1_plan,
)

pytestmark = pytest.mark.usefixtures("english_messages")  # pins English wording

DATA = Path(__file__).resolve().parent / "data"
AS_OF = "2026-W51"


def _golden(name: str, actual: str) -> None:
    path = DATA / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8")


def _record(ledger: Ledger, plan: Plan, done: dict[str, tuple[int, int]]) -> None:
    ledger.save_plan(plan, plan_to_json(plan))
    ledger.record(
        tiny_district(), plan, results_of(plan, done), source_sha256="a" * 64, source_name="t"
    )


def _campaign(folder: Path) -> None:
    """Two recorded weeks: village 2 is never visited, village 3 only in week 1."""
    with Ledger.open(ledger_path(folder)) as ledger:
        _record(
            ledger,
            week1_plan(),
            {VILLAGE1: (35, 30), HOME1: (1, 1), SCHOOL1: (45, 20), VILLAGE3: (0, 0)},
        )
        _record(ledger, make_plan(WEEK2, [("T1", 0, VILLAGE1, 20, 10)]), {VILLAGE1: (22, 10)})


@pytest.fixture
def district_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A district folder (the tiny district) with two recorded weeks in its ledger."""

    def load(folder: Path | None = None) -> tuple[District, list[Problem]]:
        return tiny_district(), []

    monkeypatch.setattr(planner.io, "load_district", load)
    monkeypatch.setenv("COLUMNS", "100")
    folder = tmp_path / "district"
    folder.mkdir()
    _campaign(folder)
    return folder


def test_status_numbers(district_dir: Path) -> None:
    """Coverage, trend, cards and waiting sites follow the recorded weeks exactly."""
    with Ledger.open(ledger_path(district_dir)) as ledger:
        status = campaign_status(tiny_district(), ledger, as_of=AS_OF, weeks=3)
    curup, kota = status.coverage
    assert (curup.name, curup.obliged, curup.backlog_start, curup.backlog) == (
        "Curup",
        1500,
        150,
        93,
    )
    assert (curup.coverage_start_pct, curup.coverage_pct) == (90.0, 93.8)
    assert (kota.backlog, kota.recorded, kota.coverage_pct) == (50, 0, 93.75)
    assert (status.total.backlog, status.total.recorded, status.total.coverage_pct) == (
        143,
        57,
        93.78,
    )
    assert [(t.week, t.village_backlog, t.school_students, t.homebound_left, t.stock)
            for t in status.trend] == [
        ("start", 200, 60, 2, 100), (WEEK1, 165, 15, 1, 49), (WEEK2, 143, 15, 1, 39)
    ]  # fmt: skip
    assert (status.cards.printed, status.cards.stock_left, status.cards.budget) == (61, 39, 29)
    assert [(w.site, w.last_visit, w.weeks_waiting) for w in status.waiting] == [
        (VILLAGE2, None, None),
        ("homebound:WK2", None, None),
        (VILLAGE3, WEEK1, 3),
        (SCHOOL1, WEEK1, 3),
    ]
    with Ledger.open(ledger_path(district_dir)) as ledger:
        narrow = campaign_status(tiny_district(), ledger, as_of=AS_OF, weeks=4)
        at_week1 = campaign_status(tiny_district(), ledger, as_of=WEEK1, weeks=1)
    assert [w.site for w in narrow.waiting] == [VILLAGE2, "homebound:WK2"]
    assert [w.site for w in at_week1.waiting] == [VILLAGE2, "homebound:WK2"]


def test_status_outputs_are_pinned(district_dir: Path) -> None:
    """The table, CSV and JSON of the tiny campaign match their golden files."""
    with Ledger.open(ledger_path(district_dir)) as ledger:
        status = campaign_status(tiny_district(), ledger, as_of=AS_OF, weeks=3)
    _golden("ledger_status.txt", render_table(status, width=100))
    _golden("ledger_status.csv", status_to_csv(status))
    _golden("ledger_status.json", status_to_json(status))
    assert json.loads(status_to_json(status)) == status_to_dict(status)


def test_status_command_prints_the_pinned_outputs(
    district_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`planner status` writes exactly the golden table/CSV/JSON to stdout, nothing to stderr."""
    base = ["status", "--data", str(district_dir), "--as-of", AS_OF, "--weeks", "3"]
    for fmt, golden in (("table", "txt"), ("csv", "csv"), ("json", "json")):
        assert run_guarded(cli, [*base, "--format", fmt]) == 0
        out, err = capsys.readouterr()
        assert (out, err) == ((DATA / f"ledger_status.{golden}").read_text(encoding="utf-8"), "")


def test_csv_sections_are_machine_readable(district_dir: Path) -> None:
    """Each CSV block parses on its own; every row names its section."""
    with Ledger.open(ledger_path(district_dir)) as ledger:
        text = status_to_csv(campaign_status(tiny_district(), ledger, as_of=AS_OF))
    blocks = text.split("\n\n")
    assert [b.split(",", 2)[0] for b in blocks] == ["section"] * 4
    sections = [{row["section"] for row in csv.DictReader(io.StringIO(b))} for b in blocks]
    assert sections == [{"coverage"}, {"trend"}, {"cards"}, {"not_visited"}]


def test_status_without_a_ledger_shows_the_tables(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """No ledger yet: coverage from the tables, every site waiting, and no ledger file made."""
    monkeypatch.setattr(planner.io, "load_district", lambda folder=None: (tiny_district(), []))
    assert run_guarded(cli, ["status", "--data", str(tmp_path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["total"]["coverage_pct"] == 91.30
    assert data["recorded_weeks"] == []
    assert [t["week"] for t in data["trend"]] == ["start"]
    assert len(data["not_visited"]) == 6
    assert not ledger_path(tmp_path).exists()


def test_status_never_shows_personal_data(
    district_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Homebound residents appear by id, category and village: never name or NIK."""
    for fmt in ("table", "csv", "json"):
        run_guarded(cli, ["status", "--data", str(district_dir), "--format", fmt])
        out, err = capsys.readouterr()
        assert "WK2" in out
        for secret in (SECRET_NAME, SECRET_NIK, "Sentinel", SECRET_NIK[6:]):
            assert secret not in out + err


def test_csv_neutralises_formulas(district_dir: Path) -> None:
    """A kecamatan named like a formula is exported as text, not as a live Excel formula."""
    district = tiny_district()
    evil = district.villages[2].__class__(
        **{**{f: getattr(district.villages[2], f) for f in ("code", "name", "kind", "lat",
                                                             "lon", "obliged", "backlog")},
           "district": '=HYPERLINK("http://x")'}
    )  # fmt: skip
    district = District(
        settings=district.settings,
        villages=(*district.villages[:2], evil),
        schools=district.schools,
        homebound=district.homebound,
    )
    with Ledger.open(ledger_path(district_dir)) as ledger:
        text = status_to_csv(campaign_status(district, ledger, as_of=AS_OF))
    assert "coverage,kecamatan,'=HYPERLINK" in text.replace('"', "")
    assert "\n=" not in text
    assert ",=" not in text


def test_a_bad_as_of_week_names_the_option(
    district_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--as-of garbage: exit 2 and a message about --as-of (not --week)."""
    assert run_guarded(cli, ["status", "--data", str(district_dir), "--as-of", "W48"]) == 2
    assert capsys.readouterr().err == (
        "Error: --as-of 'W48': not a week — use YYYY-Www (e.g. 2026-W48) or 'this'\n"
    )
