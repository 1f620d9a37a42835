"""The campaign ledger: every plan, every recorded tally and every site's backlog, week by week.

Outreach is a campaign: next week's plan must start from what the teams actually did. The
ledger is one SQLite file per district (``<district>/.planner/ledger.sqlite``, folder 0700,
file 0600) holding

- ``plans``: every plan made (week, version, its plan.json text, inputs hash, created time);
- ``tallies`` + ``results``: the recorded tally of each week (one per week; a corrected file
  replaces the earlier one) and, per visited stop, people recorded and cards printed;
- ``snapshots``: the backlog of every site at the end of each recorded week (the trend);
- ``stock_moves``: blank-card movements (cards printed per week; refills).

The district tables stay the campaign's starting point: ``apply_ledger`` subtracts everything
recorded so far from them. So the tables must not be refreshed with post-campaign numbers while
the same ledger is in use (start a new ledger instead), or a recording would count twice.

Durability: WAL journal, ``synchronous=FULL``, and every write in one ``BEGIN IMMEDIATE``
transaction, so a process killed mid-write leaves the previous state (SQLite rolls the
unfinished transaction back on the next open). The schema version lives in
``PRAGMA user_version`` and ``MIGRATIONS`` brings older files up to date.

Personal data: the ledger holds site ids and counts only, never homebound names or NIK
(plan.json carries none either).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sqlite3
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from types import TracebackType

from planner.calendar import Week
from planner.errors import InputError
from planner.fsutil import ensure_private_dir
from planner.io.plan_json import plan_from_dict
from planner.model import District, Plan, SiteKind

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


def stop_key(team: str, date: dt.date | str, site: str) -> str:
    """The identity of a planned stop in a tally: team + date + site."""
    day = date.isoformat() if isinstance(date, dt.date) else date
    return f"{team}|{day}|{site}"


def weeks_between(earlier: str, later: str) -> int:
    """Whole ISO weeks from week label ``earlier`` to ``later`` (negative when reversed)."""
    return (Week.parse(later).monday - Week.parse(earlier).monday).days // 7


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


@dataclass(frozen=True, slots=True)
class StopResult:
    """What the team actually did at one planned stop (only visited stops have a result)."""

    team: str
    date: dt.date
    site: str
    recorded: int
    printed: int

    def __post_init__(self) -> None:
        if not 0 <= self.printed <= self.recorded:
            raise ValueError(f"{self.site}: printed must lie in 0..recorded")

    @property
    def key(self) -> str:
        """The stop's identity in the plan (team + date + site)."""
        return stop_key(self.team, self.date, self.site)


@dataclass(frozen=True, slots=True)
class RecordOutcome:
    """What ``Ledger.record`` did, for the CLI to report."""

    week: str
    plan_version: int
    changed: bool
    replaced: bool
    stops_visited: int
    people: int
    cards: int
    previous_people: int | None
    previous_cards: int | None
    stock_left: int
    """Blank cards left: ``blank_stock`` + every stock move; negative means more cards were
    recorded as printed than the ledger knows of (an unrecorded refill)."""


@dataclass(frozen=True, slots=True)
class Snapshot:
    """One site's backlog at the end of a recorded week."""

    week: str
    site: str
    kind: SiteKind
    village: str
    kecamatan: str
    obliged: int | None
    backlog: int


@dataclass(frozen=True, slots=True)
class StockMove:
    """A change of the blank-card stock: ``cards`` < 0 for printed cards, > 0 for a refill."""

    week: str
    kind: str
    cards: int
    note: str


class Ledger:
    """A district's campaign ledger (an open SQLite connection); use as a context manager."""

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
            raise InputError(
                f"{path}: cannot open the campaign ledger ({exc}) — use --data with a district "
                "folder you can write to"
            ) from None
        ledger = cls(db, path)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            ledger._configure()
        except sqlite3.DatabaseError as exc:
            db.close()
            raise InputError(
                f"{path}: not a planner ledger ({exc}) — move the file away to start a new one"
            ) from None
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
                f"{self.path}: ledger schema {version} is newer than this planner understands "
                f"({SCHEMA_VERSION}) — update planner"
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

    def plan_weeks(self) -> list[str]:
        """Weeks with at least one plan, oldest first."""
        return [r[0] for r in self._db.execute("SELECT DISTINCT week FROM plans ORDER BY week")]

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

        Also rewrites the week's printed-card stock move and the backlog snapshots of this and
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
            if changed:
                self._replace_week(plan, results, cards, source_sha256, source_name)
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
                stock_left=self._stock(district),
            )

    def _replace_week(
        self,
        plan: Plan,
        results: Sequence[StopResult],
        cards: int,
        source_sha256: str,
        source_name: str,
    ) -> None:
        """Inside ``record``'s transaction: the week's tally, results and stock move, anew."""
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
        self._db.execute("DELETE FROM stock_moves WHERE week = ? AND kind = 'printed'", (week,))
        self._db.execute(
            "INSERT INTO stock_moves (week, kind, cards, note, created_at) "
            "VALUES (?, 'printed', ?, ?, ?)",
            (week, -cards, f"printed in {week} ({source_name})", _now()),
        )

    def _stock(self, district: District) -> int:
        return district.settings.blank_stock + sum(m.cards for m in self.stock_moves())

    def _rewrite_snapshots(self, district: District, since: str) -> None:
        weeks = [w for w in self.recorded_weeks() if w >= since]
        self._db.execute("DELETE FROM snapshots WHERE week >= ?", (since,))
        kecamatan = {v.code: v.district for v in district.villages}
        for week in weeks:
            state = _apply(district, self.totals_by_site(through_week=week), 0)
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
        """Every blank-stock movement, oldest first."""
        return [
            StockMove(week=str(w), kind=str(k), cards=int(c), note=str(n))
            for w, k, c, n in self._db.execute(
                "SELECT week, kind, cards, note FROM stock_moves ORDER BY week, id"
            )
        ]

    def add_stock(self, week: str, cards: int, note: str = "") -> None:
        """Record a refill (``cards`` > 0) or a correction of the blank-card stock."""
        with self._transaction():
            self._db.execute(
                "INSERT INTO stock_moves (week, kind, cards, note, created_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (week, "refill" if cards > 0 else "adjust", cards, note, _now()),
            )


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


# --------------------------------------------------------------------------------------------
# Applying the ledger to the district


def _apply(district: District, done: Mapping[str, tuple[int, int]], stock_delta: int) -> District:
    """The district after ``done`` (people recorded, cards printed per site) and a stock change.

    Backlogs shrink by what was recorded, floored at 0 (a village may record people who were not
    in the backlog count). A school's ``printable`` (unrecorded students already 17) shrinks by
    the cards printed there and never exceeds the students left. A recorded homebound resident
    is removed: ``District`` has no done flag and nobody is left to record there.
    """
    if not done and stock_delta == 0:
        return district
    villages = []
    for v in district.villages:
        recorded = done.get(v.site_id, (0, 0))[0]
        prereg = v.preregistered
        villages.append(
            replace(
                v,
                backlog=max(0, v.backlog - recorded),
                preregistered=None if prereg is None else max(0, prereg - recorded),
            )
        )
    schools = []
    for s in district.schools:
        recorded, printed = done.get(s.site_id, (0, 0))
        students = max(0, s.students - recorded)
        printable = None if s.printable is None else min(students, max(0, s.printable - printed))
        schools.append(replace(s, students=students, printable=printable))
    homebound = tuple(h for h in district.homebound if done.get(h.site_id, (0, 0))[0] == 0)
    settings = replace(
        district.settings, blank_stock=max(0, district.settings.blank_stock + stock_delta)
    )
    return replace(
        district,
        villages=tuple(villages),
        schools=tuple(schools),
        homebound=homebound,
        settings=settings,
    )


def apply_ledger(district: District, ledger: Ledger, *, before_week: str | None = None) -> District:
    """``district`` (its tables: the campaign's start) after every recorded week so far.

    Village backlogs and pre-registrations, school students (and printable) shrink by what was
    recorded; recorded homebound residents are removed; ``settings.blank_stock`` loses the cards
    printed and gains refills. ``before_week`` leaves out that week and later ones (to plan a
    week again after it was recorded). An empty ledger returns ``district`` unchanged.
    """
    done = ledger.totals_by_site(before_week=before_week)
    moves = ledger.stock_moves()
    delta = sum(m.cards for m in moves if before_week is None or m.week < before_week)
    return _apply(district, done, delta)


@dataclass(frozen=True, slots=True)
class SiteBacklog:
    """A site's remaining backlog in some state of the district (see ``site_backlogs``)."""

    site: str
    kind: SiteKind
    village: str
    obliged: int | None
    backlog: int


def site_backlogs(start: District, state: District) -> Iterator[SiteBacklog]:
    """Every site of ``start`` with its backlog in ``state`` (homebound: 1 left, 0 recorded).

    ``start`` lists the sites because ``apply_ledger`` removes recorded homebound residents.
    """
    villages = {v.code: v.backlog for v in state.villages}
    students = {s.npsn: s.students for s in state.schools}
    homebound = {h.id for h in state.homebound}
    for v in start.villages:
        yield SiteBacklog(v.site_id, SiteKind.VILLAGE, v.code, v.obliged, villages[v.code])
    for s in start.schools:
        yield SiteBacklog(s.site_id, SiteKind.SCHOOL, s.village_code, None, students[s.npsn])
    for h in start.homebound:
        left = 1 if h.id in homebound else 0
        yield SiteBacklog(h.site_id, SiteKind.HOMEBOUND, h.village_code, None, left)


def waiting_weeks(ledger: Ledger, district: District, week: str) -> dict[str, int]:
    """Weeks each village with backlog has waited for a visit, as of planning ``week``.

    Counted from its last recorded visit before ``week`` or, never visited, from the campaign's
    first week in the ledger (0 with an empty ledger). Feeds ``--min-visit-every N``: pass the
    district after ``apply_ledger`` so only villages with backlog left are listed.
    """
    last = ledger.last_visits(before_week=week)
    first = ledger.first_week()
    waited: dict[str, int] = {}
    for v in district.villages:
        if v.backlog <= 0:
            continue
        since = last.get(v.site_id, first)
        waited[v.site_id] = 0 if since is None else max(0, weeks_between(since, week))
    return waited


def group_by_week(snapshots: Iterable[Snapshot]) -> dict[str, dict[SiteKind, int]]:
    """Total backlog per week and site kind, for the trend."""
    totals: dict[str, dict[SiteKind, int]] = defaultdict(lambda: dict.fromkeys(SiteKind, 0))
    for s in snapshots:
        totals[s.week][s.kind] += s.backlog
    return dict(totals)
