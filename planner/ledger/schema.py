"""The ledger file: where it lives and its SQLite schema, one migration per version.

The schema version lives in ``PRAGMA user_version``; ``MIGRATIONS`` brings older files up to
date (append only, never edit an applied entry).
"""

from __future__ import annotations

from pathlib import Path

LEDGER_DIR = ".planner"
LEDGER_FILE = "ledger.sqlite"

PAUSE_HOOK_ENV = "PLANNER_TEST_PAUSE_IN_RECORD"
"""Test hook for the kill test: when set to a file path, ``Ledger.record`` creates that file
after its first insert and sleeps inside the open transaction, so a test can SIGKILL it there."""

MIGRATIONS: tuple[tuple[str, ...], ...] = (
    # 1: the first schema.
    (
        """CREATE TABLE plans (
            week TEXT NOT NULL,
            version INTEGER NOT NULL CHECK (version >= 1),
            plan_json TEXT NOT NULL,
            inputs_sha256 TEXT NOT NULL,
            created_at TEXT NOT NULL,
            PRIMARY KEY (week, version)
        )""",
        """CREATE TABLE tallies (
            week TEXT PRIMARY KEY,
            plan_version INTEGER NOT NULL,
            source_sha256 TEXT NOT NULL,
            source_name TEXT NOT NULL,
            recorded_at TEXT NOT NULL
        )""",
        """CREATE TABLE results (
            week TEXT NOT NULL REFERENCES tallies (week) ON DELETE CASCADE,
            stop_key TEXT NOT NULL,
            team TEXT NOT NULL,
            date TEXT NOT NULL,
            site TEXT NOT NULL,
            recorded INTEGER NOT NULL CHECK (recorded >= 0),
            printed INTEGER NOT NULL CHECK (printed >= 0 AND printed <= recorded),
            source_sha256 TEXT NOT NULL,
            PRIMARY KEY (week, stop_key)
        )""",
        "CREATE INDEX results_by_site ON results (site, week)",
        """CREATE TABLE snapshots (
            week TEXT NOT NULL,
            site TEXT NOT NULL,
            kind TEXT NOT NULL,
            village TEXT NOT NULL,
            kecamatan TEXT NOT NULL,
            obliged INTEGER,
            backlog INTEGER NOT NULL CHECK (backlog >= 0),
            PRIMARY KEY (week, site)
        )""",
        """CREATE TABLE stock_moves (
            id INTEGER PRIMARY KEY,
            week TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('printed', 'refill', 'adjust')),
            cards INTEGER NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL
        )""",
    ),
)
"""Schema migrations: entry ``i`` brings a file from ``user_version`` i to i + 1. Append only."""

SCHEMA_VERSION = len(MIGRATIONS)


def ledger_path(district_dir: Path) -> Path:
    """Where a district's ledger lives: ``<district_dir>/.planner/ledger.sqlite``."""
    return district_dir / LEDGER_DIR / LEDGER_FILE
