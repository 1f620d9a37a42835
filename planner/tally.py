"""Moved to ``planner.io.tally``; these names stay importable from here until the last test
files that import them (test_ledger, test_render_outputs, test_render_privacy,
test_privacy_sentinels, test_reliability_kill) import ``planner.io.tally`` instead."""

from __future__ import annotations

from planner.io.tally import ALL_STOPS_COLUMNS, ALL_STOPS_SHEET, RESULT_COLUMNS

__all__ = ["ALL_STOPS_COLUMNS", "ALL_STOPS_SHEET", "RESULT_COLUMNS"]
