"""The ledger's read queries: recorded weeks, results, totals, snapshots and stock moves.

A base class of ``Ledger`` kept apart from the writing side; every method only reads.
"""

from __future__ import annotations

import datetime as dt
import sqlite3

from planner.ledger.records import Snapshot, StockMove, StopResult
from planner.model import SiteKind


class LedgerQueries:
    """Read-only queries over an open ledger connection (``Ledger`` adds opening and writes)."""

    _db: sqlite3.Connection

    def plan_weeks(self) -> list[str]:
        """Weeks with at least one plan, oldest first."""
        return [r[0] for r in self._db.execute("SELECT DISTINCT week FROM plans ORDER BY week")]

    def recorded_weeks(self) -> list[str]:
        """Weeks with a recorded tally, oldest first."""
        return [r[0] for r in self._db.execute("SELECT week FROM tallies ORDER BY week")]

    def results(self, week: str | None = None) -> list[tuple[str, StopResult]]:
        """Stored results as (week, result), of one week or all, in a stable order."""
        query = "SELECT week, team, date, site, recorded, printed FROM results"
        args: tuple[str, ...] = ()
        if week is not None:
            query += " WHERE week = ?"
            args = (week,)
        query += " ORDER BY week, date, team, site"
        return [
            (
                str(w),
                StopResult(
                    team=str(team),
                    date=dt.date.fromisoformat(str(date)),
                    site=str(site),
                    recorded=int(rec),
                    printed=int(pr),
                ),
            )
            for w, team, date, site, rec, pr in self._db.execute(query, args)
        ]

    def totals_by_site(
        self, *, through_week: str | None = None, before_week: str | None = None
    ) -> dict[str, tuple[int, int]]:
        """(people recorded, cards printed) per site id over the recorded weeks in range."""
        query = "SELECT site, SUM(recorded), SUM(printed) FROM results WHERE 1"
        args: list[str] = []
        if through_week is not None:
            query += " AND week <= ?"
            args.append(through_week)
        if before_week is not None:
            query += " AND week < ?"
            args.append(before_week)
        query += " GROUP BY site"
        return {str(s): (int(r), int(p)) for s, r, p in self._db.execute(query, args)}

    def week_totals(self) -> dict[str, tuple[int, int, int]]:
        """(stops visited, people recorded, cards printed) per recorded week."""
        totals = dict.fromkeys(self.recorded_weeks(), (0, 0, 0))
        for week, n, r, p in self._db.execute(
            "SELECT week, COUNT(*), SUM(recorded), SUM(printed) FROM results GROUP BY week"
        ):
            totals[str(week)] = (int(n), int(r), int(p))
        return totals

    def last_visits(self, *, before_week: str | None = None) -> dict[str, str]:
        """The latest week each site was visited (a result exists, even with 0 recorded)."""
        query = "SELECT site, MAX(week) FROM results"
        args: tuple[str, ...] = ()
        if before_week is not None:
            query += " WHERE week < ?"
            args = (before_week,)
        return {str(s): str(w) for s, w in self._db.execute(query + " GROUP BY site", args)}

    def first_week(self) -> str | None:
        """The campaign's first week: the earliest week with a plan or a tally."""
        row = self._db.execute(
            "SELECT MIN(week) FROM (SELECT week FROM plans UNION SELECT week FROM tallies)"
        ).fetchone()
        return None if row[0] is None else str(row[0])

    def snapshots(self) -> list[Snapshot]:
        """Every stored backlog snapshot, by week then site."""
        return [
            Snapshot(
                week=str(w),
                site=str(s),
                kind=SiteKind(k),
                village=str(v),
                kecamatan=str(kc),
                obliged=None if o is None else int(o),
                backlog=int(b),
            )
            for w, s, k, v, kc, o, b in self._db.execute(
                "SELECT week, site, kind, village, kecamatan, obliged, backlog FROM snapshots "
                "ORDER BY week, site"
            )
        ]

    def stock_moves(self) -> list[StockMove]:
        """Every stored blank-card movement (start, deliveries, recounts), oldest first."""
        return [
            StockMove(date=dt.date.fromisoformat(str(d)), kind=str(k), cards=int(c), note=str(n))
            for d, k, c, n in self._db.execute(
                "SELECT date, kind, cards, note FROM stock_moves ORDER BY kind != 'start', date, id"
            )
        ]

    def start_stock(self) -> int | None:
        """The campaign's starting stock kept in the ledger, or None before it is kept."""
        row = self._db.execute(
            "SELECT cards FROM stock_moves WHERE kind = 'start' ORDER BY id LIMIT 1"
        ).fetchone()
        return None if row is None else int(row[0])

    def printed_by_date(self, *, before_week: str | None = None) -> dict[dt.date, int]:
        """Cards printed per stop date over the recorded weeks (before ``before_week``)."""
        query = "SELECT date, SUM(printed) FROM results"
        args: tuple[str, ...] = ()
        if before_week is not None:
            query += " WHERE week < ?"
            args = (before_week,)
        return {
            dt.date.fromisoformat(str(d)): int(p)
            for d, p in self._db.execute(query + " GROUP BY date ORDER BY date", args)
        }
