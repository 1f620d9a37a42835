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
from planner.ledger.status_output import status_to_csv, status_to_dict, status_to_json
from planner.ledger.status_tables import TABLES
from planner.ledger.status_text import render_table
from planner.model import District, Plan
from tests.language import english_words
from tests.test_ledger import (
    HOME1,
    SCHOOL1,
    SECRET_NAME,
    SECRET_NIK,
    V2,
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
    """Coverage, weeks, stock and waiting sites follow the recorded weeks exactly.

    Week 1 recorded 35 at Air Meles and 45 at its school (both lower Air Meles' backlog:
    students are part of it), and Batu Galing's homebound resident (lowers Batu Galing's)."""
    with Ledger.open(ledger_path(district_dir)) as ledger:
        status = campaign_status(tiny_district(), ledger, as_of=AS_OF, weeks=3)
    assert (status.as_of, status.recorded_weeks, status.planned_week) == (
        WEEK2,
        (WEEK1, WEEK2),
        None,
    )
    curup, kota = status.coverage.kecamatan
    assert (curup.name, curup.obliged, curup.backlog_start, curup.recorded, curup.backlog) == (
        "Curup",
        1500,
        150,
        103,  # 35 + 45 + 1 in week 1, 22 in week 2
        47,
    )
    assert (round(curup.coverage_start or 0, 4), round(curup.coverage_now or 0, 4)) == (
        0.9,
        0.9687,
    )
    assert (kota.backlog, kota.recorded, kota.planned) == (50, 0, 0)
    total = status.coverage.total
    assert (total.backlog, total.recorded) == (97, 103)
    assert [(t.week, t.backlog, t.students, t.homebound, t.printed) for t in status.trend] == [
        ("start", 200, 60, 2, 0),
        (WEEK1, 119, 15, 1, 51),
        (WEEK2, 97, 15, 1, 10),
    ]
    stock = status.stock
    assert (stock.start, stock.now, stock.budget) == (100, 39, 29)
    assert [(w.week, w.start, w.printed, w.end) for w in stock.weeks] == [
        (WEEK1, 100, 51, 49),
        (WEEK2, 49, 10, 39),
    ]
    assert (stock.pace, stock.pace_weeks, stock.weeks_left) == (30.5, (WEEK1, WEEK2), 1.0)
    assert [(w.site, w.name, w.village_name, w.last_visit, w.weeks_waiting)
            for w in status.waiting] == [
        (VILLAGE2, "Batu Galing", "Batu Galing", None, None),
        ("homebound:WK2", "", "Kota Padang", None, None),
        (VILLAGE3, "Kota Padang", "Kota Padang", WEEK1, 3),
        (SCHOOL1, "SMA Negeri 1", "Air Meles", WEEK1, 3),
    ]  # fmt: skip
    with Ledger.open(ledger_path(district_dir)) as ledger:
        narrow = campaign_status(tiny_district(), ledger, as_of=AS_OF, weeks=4)
        at_week1 = campaign_status(tiny_district(), ledger, as_of=WEEK1, weeks=1)
        by_default = campaign_status(tiny_district(), ledger, weeks=1)
    assert [w.site for w in narrow.waiting] == [VILLAGE2, "homebound:WK2"]
    assert [w.site for w in at_week1.waiting] == [VILLAGE2, "homebound:WK2"]
    assert by_default.window_end == WEEK2  # the last recorded week


def test_planned_is_the_next_plan_not_yet_recorded(district_dir: Path) -> None:
    """A plan of a later week shows as "planned", capped at each village's backlog now."""
    plan3 = make_plan("2026-W50", [("T1", 0, VILLAGE1, 10, 0), ("T1", 1, SCHOOL1, 15, 0)])
    with Ledger.open(ledger_path(district_dir)) as ledger:
        ledger.save_plan(plan3, plan_to_json(plan3))
        status = campaign_status(tiny_district(), ledger, as_of=AS_OF)
    assert status.planned_week == "2026-W50"
    air_meles = next(v for v in status.coverage.villages if v.name == "Air Meles")
    assert (air_meles.backlog, air_meles.planned, air_meles.backlog_after) == (18, 18, 0)
    assert status.coverage.of_kecamatan("Curup").planned == 18


def test_status_outputs_are_pinned(district_dir: Path) -> None:
    """The table (both languages), each CSV table and the JSON match their golden files."""
    with Ledger.open(ledger_path(district_dir)) as ledger:
        status = campaign_status(tiny_district(), ledger, as_of=AS_OF, weeks=3)
    _golden("ledger_status.txt", render_table(status, "id", width=100))
    _golden("ledger_status.en.txt", render_table(status, "en", width=100))
    _golden("ledger_status.csv", status_to_csv(status, "kecamatan", "id"))
    _golden("ledger_status.json", status_to_json(status))
    assert json.loads(status_to_json(status)) == status_to_dict(status)


def test_status_command_prints_the_pinned_outputs(
    district_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`planner status` writes exactly the golden table/CSV/JSON to stdout, nothing to stderr."""
    base = ["status", "--data", str(district_dir), "--as-of", AS_OF, "--weeks", "3"]
    for args, golden in (
        (["--format", "table", "--lang", "id"], "ledger_status.txt"),
        (["--format", "table", "--lang", "en"], "ledger_status.en.txt"),
        (["--format", "csv", "--lang", "id"], "ledger_status.csv"),
        (["--format", "json", "--lang", "id"], "ledger_status.json"),
    ):
        assert run_guarded(cli, [*base, *args]) == 0
        out, err = capsys.readouterr()
        assert (out, err) == ((DATA / golden).read_text(encoding="utf-8"), "")


@pytest.mark.parametrize("table", TABLES)
def test_each_csv_table_is_one_tidy_table(
    district_dir: Path, table: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """--table NAME writes one header and rows of that header's width, nothing else."""
    base = ["status", "--data", str(district_dir), "--format", "csv", "--table", table]
    assert run_guarded(cli, [*base, "--lang", "en"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows, table
    assert all(len(row) == len(rows[0]) for row in rows)
    assert "" not in rows[0]
    expected_rows = {"kecamatan": 2, "villages": 3, "weeks": 3, "stock": 2, "waiting": 2}
    assert len(rows) - 1 == expected_rows[table]
    if table == "villages":
        assert rows[0][:3] == ["code", "village", "kecamatan"]
        assert [r[1] for r in rows[1:]] == ["Air Meles", "Batu Galing", "Kota Padang"]


def test_status_text_names_sites_and_is_indonesian(district_dir: Path) -> None:
    """The waiting table shows names with codes; the Indonesian report has Indonesian
    headers and number formats and no English label."""
    with Ledger.open(ledger_path(district_dir)) as ledger:
        status = campaign_status(tiny_district(), ledger, as_of=AS_OF, weeks=3)
    text = render_table(status, "id", width=120)
    assert "status kampanye per 2026-W49" in text
    for shown in ("Batu Galing", V2, "WK2", "96,9 %", "1.500"):
        assert shown in text, shown
    assert "tirah baring, Kota Padang" in text
    for word in ("backlog", "recorded", "coverage", "Not visited", "never", "cards", "weeks"):
        assert word not in text, word
    assert english_words(text) == []  # the shared word list of tests/language.py
    english = render_table(status, "en", width=120)
    for shown in ("96.9 %", "1,500", "as of 2026-W49"):
        assert shown in english, shown


def test_as_of_says_when_no_week_is_recorded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without a recorded week the report says so instead of naming a week."""
    monkeypatch.setenv("PLANNER_TODAY", "2026-12-09")
    with Ledger.open(ledger_path(tmp_path)) as ledger:
        ledger.save_plan(week1_plan(), plan_to_json(week1_plan()))
        status = campaign_status(tiny_district(), ledger)
    assert (status.as_of, status.window_end, status.planned_week) == (None, "2026-W50", WEEK1)
    assert "belum ada minggu yang dicatat" in render_table(status, "id")
    assert "no week recorded yet" in render_table(status, "en")


def test_status_without_a_ledger_shows_the_tables(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """No ledger yet: coverage from the tables, every site waiting, and no ledger file made."""
    monkeypatch.setattr(planner.io, "load_district", lambda folder=None: (tiny_district(), []))
    assert run_guarded(cli, ["status", "--data", str(tmp_path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["coverage"]["total"]["coverage_now"] == 91.30
    assert (data["recorded_weeks"], data["as_of"]) == ([], None)
    assert [t["week"] for t in data["trend"]] == ["start"]
    assert (data["stock"]["now"], data["stock"]["weeks"]) == (100, [])
    assert len(data["not_visited"]) == 6
    assert not ledger_path(tmp_path).exists()


def test_status_never_shows_personal_data(
    district_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Homebound residents appear by id, category and village: never name or NIK."""
    for fmt in ("table", "csv", "json"):
        args = ["--table", "waiting"] if fmt == "csv" else []
        run_guarded(cli, ["status", "--data", str(district_dir), "--format", fmt, *args])
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
        text = status_to_csv(campaign_status(district, ledger, as_of=AS_OF), "kecamatan")
    assert "\n'=HYPERLINK" in text.replace('"', "")
    assert "\n=" not in text
    assert ",=" not in text


def test_a_bad_as_of_week_names_the_option(
    district_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--as-of garbage: exit 2 and a message about --as-of (not --week)."""
    assert run_guarded(cli, ["status", "--data", str(district_dir), "--as-of", "W48"]) == 2
    assert capsys.readouterr().err == (
        "Error: --as-of 'W48': not a week — use YYYY-Www (e.g. 2026-W48) or '2026-W50'\n"
    )
