"""Render the README screenshots: docs/map.png, docs/coverage.png and docs/schedule.png.

    python scripts/screenshots.py                        # the test fixture's week
    python scripts/screenshots.py out/2026-W48/plan.json # a real plan (sample district)
    python scripts/screenshots.py PLAN.json --data DIR --lang en

Needs headless Chromium (``chromium``) for the maps and ``pdftoppm`` (poppler-utils) for the
schedule page. The browser runs with its network cut off, as the offline maps need none.
"""

from __future__ import annotations

import argparse
import runpy
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from planner.model import District, Plan
from planner.render import render_all

ROOT = Path(__file__).resolve().parent.parent
_BROWSER_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--proxy-server=127.0.0.1:9",
    "--virtual-time-budget=6000",
    "--hide-scrollbars",
]


def _load(plan_file: Path | None, data: Path | None) -> tuple[District, Plan]:
    if plan_file is None:
        fixture = runpy.run_path(str(ROOT / "tests" / "data" / "render_district.py"))
        district, plan = fixture["build"]()
        return district, plan
    import planner.io
    from planner.io.plan_json import read_plan

    district, _ = planner.io.load_district(data)
    return district, read_plan(plan_file)


def _screenshot(page: Path, png: Path, size: str, profile: Path) -> None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        sys.exit("chromium is not installed (apt-get install chromium)")
    subprocess.run(
        [
            chromium,
            *_BROWSER_FLAGS,
            f"--user-data-dir={profile}",
            f"--window-size={size}",
            f"--screenshot={png}",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )


def _first_team_page(pdf: Path, plan: Plan, lang: str) -> int:
    """The first team-day page: the one whose heading reads "<long date> — <team>"."""
    from planner.i18n import long_date

    if not plan.routes:
        return 1
    heading = f"{long_date(plan.routes[0].date, lang)} — "
    from pypdf import PdfReader

    for number, page in enumerate(PdfReader(pdf).pages, start=1):
        if heading in (page.extract_text() or ""):
            return number
    return 1


def _pdf_page(pdf: Path, page: int, png: Path) -> None:
    if shutil.which("pdftoppm") is None:
        sys.exit("pdftoppm is not installed (apt-get install poppler-utils)")
    stem = png.with_suffix("")
    subprocess.run(
        [
            "pdftoppm",
            "-f",
            str(page),
            "-l",
            str(page),
            "-r",
            "80",
            "-png",
            "-singlefile",
            pdf,
            stem,
        ],
        check=True,
        timeout=120,
    )


def main(argv: list[str] | None = None) -> None:
    """Render the plan and take the screenshots."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("plan", nargs="?", type=Path, help="plan.json (default: test fixture)")
    parser.add_argument("--data", type=Path, default=None, help="district folder of the plan")
    parser.add_argument("--lang", choices=("id", "en"), default=None)
    parser.add_argument("--docs", type=Path, default=ROOT / "docs", help="where PNGs go")
    args = parser.parse_args(argv)

    district, plan = _load(args.plan, args.data)
    args.docs.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="planner-shots-") as tmp:
        out = Path(tmp)
        travel = None
        if district.settings.roads:  # road-timed legs drawn along the roads, as `plan` does
            from planner.travel import travel_model

            travel = travel_model(district)
        render_all(plan, district, out, travel=travel, lang=args.lang, offline=True)
        _screenshot(out / "map.html", args.docs / "map.png", "1280,860", out / "profile-map")
        _screenshot(
            out / "coverage.html", args.docs / "coverage.png", "1280,900", out / "profile-cov"
        )
        _pdf_page(
            out / "schedule.pdf",
            _first_team_page(out / "schedule.pdf", plan, args.lang or plan.language),
            args.docs / "schedule.png",
        )
    for name in ("map.png", "coverage.png", "schedule.png"):
        print(args.docs / name)


if __name__ == "__main__":
    main()
