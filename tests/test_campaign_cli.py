"""``planner forecast`` end to end on a small district folder: the report, the CSV, the HTML
chart (opened in headless Chromium), a deadline with changes tried in parallel, and the
ledger untouched."""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

import pytest

from planner.cli import cli
from planner.cli._common import run_guarded
from planner.ledger.deliveries import stock_move
from planner.ledger.schema import ledger_path
from tests.campaign_districts import tiny_folder

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def forecast_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, bytes, bytes]:
    """The tiny district forecast for 8 weeks to 95 % by a deadline it cannot meet as is."""
    import contextlib
    import datetime as dt
    import io

    root = tmp_path_factory.mktemp("forecast")
    folder = tiny_folder(root / "kab")
    stock_move(folder, "add", "100", "2026-12-01", "", today=dt.date(2026, 12, 2))
    before = ledger_path(folder).read_bytes()
    out = root / "out"
    args = "forecast --target 95 --weeks 8 --by 2027-01-03 --solution-limit 5 --lang en"
    buffer = io.StringIO()
    with pytest.MonkeyPatch.context() as patch, contextlib.redirect_stdout(buffer):
        patch.setenv("PLANNER_TODAY", "2026-12-02")
        code = run_guarded(cli, [*args.split(), "--data", str(folder), "--out", str(out)])
    assert code == 0, buffer.getvalue()
    return out / "forecast", buffer.getvalue(), before, ledger_path(folder).read_bytes()


def test_forecast_prints_writes_and_leaves_the_ledger(
    forecast_run: tuple[Path, str, bytes, bytes],
) -> None:
    """The report has every week and kecamatan and the deadline's verdict with the changes
    tried; the CSV one row per week and area; the ledger's bytes unchanged."""
    folder, text, before, after = forecast_run
    assert after == before
    assert "2026-W50" in text
    assert "2027-W04" in text
    assert "Dekat:" in text
    assert "Jauh:" in text
    assert "Deadline 2026-W53: not met with the present means" in text
    assert "2 printers: target not reached by 2026-W53 (" in text  # no more people recorded
    assert "add team T2: target reached 2026-W52 — meets the deadline: yes" in text
    assert "The smallest change that meets the deadline: add team T2" in text
    with (folder / "forecast.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert {r["area"] for r in rows} == {"district", "Dekat", "Jauh"}
    weeks = [r["week"] for r in rows if r["area"] == "district"]
    assert weeks[0] == "2026-W50"
    assert len(weeks) <= 8
    assert all(0 < float(r["coverage_pct"]) <= 100 for r in rows)


@pytest.mark.browser
def test_forecast_chart_opens_in_headless_chromium(
    forecast_run: tuple[Path, str, bytes, bytes], tmp_path: Path
) -> None:
    """Chromium renders the page: the SVG chart has a line for the district and each
    kecamatan and the dashed target; the page loads nothing from the network."""
    if CHROMIUM is None:
        pytest.skip("headless Chromium is not installed")
    page = forecast_run[0] / "forecast.html"
    html = page.read_text(encoding="utf-8")
    assert "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "https://" not in html
    result = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--proxy-server=127.0.0.1:9",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    dom = result.stdout
    assert dom.count('class="series"') == 3  # the district, Dekat, Jauh
    assert 'class="target"' in dom
    assert "<title>District</title>" in dom


def test_whatif_and_the_help_speak_indonesian_by_default(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without --lang (and no PLANNER_LANG), whatif's table and both commands' help texts,
    options included, are Indonesian: no English word left (the examples aside)."""
    from planner.cli.campaign import forecast, whatif
    from tests.language import english_words

    monkeypatch.delenv("PLANNER_LANG", raising=False)
    monkeypatch.setenv("PLANNER_TODAY", "2026-12-02")
    folder = tiny_folder(tmp_path / "kab")
    args = ["whatif", "--week", "next", "--printers", "2", "--solution-limit", "3"]
    assert run_guarded(cli, [*args, "--data", str(folder)]) == 0
    text = capsys.readouterr().out
    assert "rencana sekarang" in text
    assert "2 printer" in text
    assert english_words(text) == [], text
    for command in (forecast, whatif):
        helps = [command.help or "", *(getattr(p, "help", None) or "" for p in command.params)]
        assert all(helps), command.name
        for help_text in helps:  # the examples are command lines, the same in any language
            assert english_words(help_text.split("Contoh:")[0]) == [], help_text
