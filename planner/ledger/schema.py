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
    # 2: stock movements are dated deliveries and recounts, and the campaign's starting stock
    # is kept once (raising blank_stock in planner.toml no longer rewrites history). Cards
    # printed come from the results (dated per stop), so the weekly 'printed' rows go; a
    # refill of version 1 becomes a delivery on its week's Monday (no command wrote the
    # negative 'adjust' rows, which are dropped).
    (
        """CREATE TABLE stock_moves_v2 (
            id INTEGER PRIMARY KEY,
            date TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('start', 'delivery', 'recount')),
            cards INTEGER NOT NULL CHECK (cards >= 0),
            note TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL
        )""",
        """INSERT INTO stock_moves_v2 (date, kind, cards, note, created_at)
           SELECT date(substr(week, 1, 4) || '-01-04', 'weekday 0', '-6 days',
                       '+' || ((CAST(substr(week, 7, 2) AS INTEGER) - 1) * 7) || ' days'),
                  'delivery', cards, note, created_at
           FROM stock_moves WHERE kind = 'refill' AND cards > 0 ORDER BY id""",
        "DROP TABLE stock_moves",
        "ALTER TABLE stock_moves_v2 RENAME TO stock_moves",
        "CREATE INDEX stock_moves_by_date ON stock_moves (date, id)",
    ),
)
"""Schema migrations: entry ``i`` brings a file from ``user_version`` i to i + 1. Append only."""

SCHEMA_VERSION = len(MIGRATIONS)


def ledger_path(district_dir: Path) -> Path:
    """Where a district's ledger lives: ``<district_dir>/.planner/ledger.sqlite``."""
    return district_dir / LEDGER_DIR / LEDGER_FILE
