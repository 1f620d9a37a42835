"""The SQLite store of the ledger: opening, migrating and writing plans, tallies and stock.

Every write runs in one ``BEGIN IMMEDIATE`` transaction (see the package docstring).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sqlite3
import time
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from types import TracebackType

from planner.clock import today
from planner.errors import InputError
from planner.fsutil import ensure_private_dir
from planner.i18n import msg
from planner.io.plan_json import plan_from_dict
from planner.ledger.apply import apply_done, site_backlogs
from planner.ledger.queries import LedgerQueries
from planner.ledger.records import RecordOutcome, StockMove, StopResult
from planner.ledger.schema import MIGRATIONS, PAUSE_HOOK_ENV, SCHEMA_VERSION
from planner.ledger.stock import stock_level
from planner.model import District, Plan


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class Ledger(LedgerQueries):
    """A district's campaign ledger (an open SQLite connection); use as a context manager.

    Opening, migrating and every write live here; the read queries in ``LedgerQueries``.
    """

    def __init__(self, db: sqlite3.Connection, path: Path | None) -> None:
        self._db = db
        self.path = path

    # --- opening -------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path) -> Ledger:
        """Open (or create) the ledger at ``path``, migrating it to the current schema."""
        try:
            ensure_private_dir(path.parent)
            if not path.exists():
                # Create the file owner-only before SQLite does (it would use the umask); the
                # -wal/-shm files inherit its permissions.
                os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
            db = sqlite3.connect(path, isolation_level=None, timeout=10.0)
        except (OSError, sqlite3.Error) as exc:
            raise InputError(msg("err.ledger_open", path=str(path), reason=str(exc))) from None
        ledger = cls(db, path)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            ledger._configure()
        except sqlite3.DatabaseError as exc:
            db.close()
            raise InputError(msg("err.ledger_bad", path=str(path), reason=str(exc))) from None
        return ledger

    @classmethod
    def memory(cls) -> Ledger:
        """An empty ledger in memory: what ``status`` reads when a district has none yet."""
        ledger = cls(sqlite3.connect(":memory:", isolation_level=None), None)
        ledger._configure()
        return ledger

    def _configure(self) -> None:
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.execute("PRAGMA foreign_keys=ON")
        self._migrate()

    def _migrate(self) -> None:
        version = self.schema_version
        if version > SCHEMA_VERSION:
            raise InputError(
                msg("err.ledger_newer", path=str(self.path), version=version, known=SCHEMA_VERSION)
            )
        for number in range(version, SCHEMA_VERSION):
            with self._transaction():
                for statement in MIGRATIONS[number]:
                    self._db.execute(statement)
                # user_version is part of the transaction: a killed migration leaves the old one.
                self._db.execute(f"PRAGMA user_version = {number + 1}")

    @property
    def schema_version(self) -> int:
        """The file's ``PRAGMA user_version``."""
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    def close(self) -> None:
        """Close the connection."""
        self._db.close()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        # IMMEDIATE takes the write lock up front, so two concurrent `record`s serialise
        # instead of failing half-way with "database is locked".
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def integrity_ok(self) -> bool:
        """True when ``PRAGMA integrity_check`` finds nothing wrong."""
        return bool(self._db.execute("PRAGMA integrity_check").fetchone()[0] == "ok")

    # --- plans ---------------------------------------------------------------------------

    def next_version(self, week: str) -> int:
        """The version a new plan of ``week`` would get (stamp it into plan.json)."""
        row = self._db.execute("SELECT MAX(version) FROM plans WHERE week = ?", (week,)).fetchone()
        return int(row[0] or 0) + 1

    def save_plan(self, plan: Plan, plan_json: str) -> int:
        """Store a plan of ``plan.week``; return its version (1, then +1 per new plan).

        A plan equal to the week's latest one (ignoring its ``version`` field) is not stored
        again: re-running ``planner plan`` on the same inputs keeps the version.
        """
        with self._transaction():
            version, stored = self._version_for(plan.week, plan_json)
            if stored:
                return version
            self._db.execute(
                "INSERT INTO plans (week, version, plan_json, inputs_sha256, created_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (plan.week, version, plan_json, plan.inputs_sha256, _now()),
            )
        return version

    def version_for(self, week: str, plan_json: str) -> int:
        """The version ``save_plan`` will give this plan: the week's latest version when the
        plan equals it (ignoring ``version``), else the next one. Stamp it into plan.json."""
        return self._version_for(week, plan_json)[0]

    def _version_for(self, week: str, plan_json: str) -> tuple[int, bool]:
        latest = self._db.execute(
            "SELECT version, plan_json FROM plans WHERE week = ? ORDER BY version DESC LIMIT 1",
            (week,),
        ).fetchone()
        if latest is not None and _same_plan(latest[1], plan_json):
            return int(latest[0]), True
        return (int(latest[0]) + 1 if latest is not None else 1), False

    def latest_plan(self, week: str) -> Plan | None:
        """The week's latest plan (its ``version`` is the ledger's), or None."""
        row = self._db.execute(
            "SELECT version, plan_json FROM plans WHERE week = ? ORDER BY version DESC LIMIT 1",
            (week,),
        ).fetchone()
        if row is None:
            return None
        version, text = int(row[0]), str(row[1])
        plan = plan_from_dict(json.loads(text), file=f"{self.path or 'ledger'} ({week} v{version})")
        return replace(plan, version=version)

    # --- results -------------------------------------------------------------------------

    def record(
        self,
        district: District,
        plan: Plan,
        results: Sequence[StopResult],
        *,
        source_sha256: str,
        source_name: str,
    ) -> RecordOutcome:
        """Store the week's results (replacing an earlier tally of that week) in ONE transaction.

        Also keeps the starting stock (see ``keep_start_stock``) and rewrites the backlog
        snapshots of this and
        every later recorded week. Results equal to what is stored change nothing. ``district``
        is the campaign's starting point (the tables), as for ``apply_ledger``.
        """
        week = plan.week
        wanted = sorted((r.key, r.recorded, r.printed) for r in results)
        with self._transaction():
            had_tally = (
                self._db.execute("SELECT 1 FROM tallies WHERE week = ?", (week,)).fetchone()
                is not None
            )
            stored = sorted(
                (str(k), int(rec), int(pr))
                for k, rec, pr in self._db.execute(
                    "SELECT stop_key, recorded, printed FROM results WHERE week = ?", (week,)
                )
            )
            people, cards = sum(w[1] for w in wanted), sum(w[2] for w in wanted)
            changed = not (had_tally and stored == wanted)
            self._keep_start(district.settings.blank_stock)
            if changed:
                self._replace_week(plan, results, source_sha256, source_name)
                self._rewrite_snapshots(district, since=week)
            return RecordOutcome(
                week=week,
                plan_version=plan.version,
                changed=changed,
                replaced=changed and had_tally,
                stops_visited=len(wanted),
                people=people,
                cards=cards,
                previous_people=sum(s[1] for s in stored) if had_tally else None,
                previous_cards=sum(s[2] for s in stored) if had_tally else None,
                stock_left=stock_level(self, district.settings.blank_stock),
            )

    def _replace_week(
        self,
        plan: Plan,
        results: Sequence[StopResult],
        source_sha256: str,
        source_name: str,
    ) -> None:
        """Inside ``record``'s transaction: the week's tally and results, anew."""
        week = plan.week
        # ON DELETE CASCADE removes the earlier results of the week with its tally.
        self._db.execute("DELETE FROM tallies WHERE week = ?", (week,))
        self._db.execute(
            "INSERT INTO tallies (week, plan_version, source_sha256, source_name, "
            "recorded_at) VALUES (?, ?, ?, ?, ?)",
            (week, plan.version, source_sha256, source_name, _now()),
        )
        for i, r in enumerate(results):
            self._db.execute(
                "INSERT INTO results (week, stop_key, team, date, site, recorded, printed, "
                "source_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    week,
                    r.key,
                    r.team,
                    r.date.isoformat(),
                    r.site,
                    r.recorded,
                    r.printed,
                    source_sha256,
                ),
            )
            if i == 0:
                _pause_for_kill_test()

    def _rewrite_snapshots(self, district: District, since: str) -> None:
        weeks = [w for w in self.recorded_weeks() if w >= since]
        self._db.execute("DELETE FROM snapshots WHERE week >= ?", (since,))
        kecamatan = {v.code: v.district for v in district.villages}
        for week in weeks:
            state = apply_done(district, self.totals_by_site(through_week=week), 0)
            rows = [
                (
                    week,
                    s.site,
                    str(s.kind),
                    s.village,
                    kecamatan.get(s.village, ""),
                    s.obliged,
                    s.backlog,
                )
                for s in site_backlogs(district, state)
            ]
            self._db.executemany(
                "INSERT INTO snapshots (week, site, kind, village, kecamatan, obliged, backlog) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                rows,
            )

    def keep_start_stock(self, blank_stock: int) -> int:
        """Keep ``blank_stock`` (planner.toml's) as the campaign's starting stock unless one
        is kept already; return the kept one. From then on planner.toml's value is history."""
        with self._transaction():
            return self._keep_start(blank_stock)

    def _keep_start(self, blank_stock: int) -> int:
        kept = self.start_stock()
        if kept is not None:
            return kept
        self._db.execute(
            "INSERT INTO stock_moves (date, kind, cards, note, created_at) VALUES (?, ?, ?, ?, ?)",
            (today().isoformat(), "start", blank_stock, "planner.toml blank_stock", _now()),
        )
        return blank_stock

    def add_stock(
        self, kind: str, date: dt.date, cards: int, note: str = "", *, blank_stock: int
    ) -> int:
        """Store a delivery (``cards`` added) or a recount (``cards`` counted) dated ``date``;
        the starting stock is kept first (``blank_stock``). Returns the stock now."""
        move = StockMove(date=date, kind=kind, cards=cards, note=note)
        if move.kind == "start":
            raise ValueError("the starting stock is kept by keep_start_stock")
        with self._transaction():
            self._keep_start(blank_stock)
            self._db.execute(
                "INSERT INTO stock_moves (date, kind, cards, note, created_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (date.isoformat(), kind, cards, note, _now()),
            )
        return stock_level(self, blank_stock)


def _same_plan(stored_json: str, new_json: str) -> bool:
    try:
        old, new = json.loads(stored_json), json.loads(new_json)
    except json.JSONDecodeError:
        return False
    if not (isinstance(old, dict) and isinstance(new, dict)):
        return False
    old.pop("version", None)
    new.pop("version", None)
    return bool(old == new)


def _pause_for_kill_test() -> None:
    marker = os.environ.get(PAUSE_HOOK_ENV)
    if marker:
        Path(marker).touch()
        time.sleep(60)
