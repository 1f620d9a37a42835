"""The campaign ledger: every plan, every recorded tally and every site's backlog, week by week.

Outreach is a campaign: next week's plan must start from what the teams actually did. The
ledger is one SQLite file per district (``<district>/.planner/ledger.sqlite``, folder 0700,
file 0600) holding

- ``plans``: every plan made (week, version, its plan.json text, inputs hash, created time);
- ``tallies`` + ``results``: the recorded tally of each week (one per week; a corrected file
  replaces the earlier one) and, per visited stop, people recorded and cards printed;
- ``snapshots``: the backlog of every site at the end of each recorded week (the trend);
- ``stock_moves``: blank-card movements: the campaign's starting stock (kept once, from
  planner.toml), dated deliveries and recounts (cards printed come from ``results``).

The district tables stay the campaign's starting point: ``apply_ledger`` subtracts everything
recorded so far from them. So the tables must not be refreshed with post-campaign numbers while
the same ledger is in use (start a new ledger instead), or a recording would count twice.

Durability: WAL journal, ``synchronous=FULL``, and every write in one ``BEGIN IMMEDIATE``
transaction, so a process killed mid-write leaves the previous state (SQLite rolls the
unfinished transaction back on the next open). The schema version lives in
``PRAGMA user_version`` and ``MIGRATIONS`` brings older files up to date.

Personal data: the ledger holds site ids and counts only, never homebound names or NIK
(plan.json carries none either).

Modules: ``schema`` (file place, migrations), ``records`` (the values), ``queries`` and
``store`` (the ``Ledger``), ``apply`` (the district after recorded weeks), ``stock`` (the blank
stock over time), ``deliveries`` (``planner stock``), ``status`` (the campaign report),
``status_tables``/``status_output``/``status_text`` (its tables, JSON/CSV and text),
``fairness`` (waiting boosts).
"""

from planner.ledger.apply import (
    SiteBacklog,
    apply_ledger,
    group_by_week,
    site_backlogs,
    waiting_weeks,
)
from planner.ledger.records import (
    RecordOutcome,
    Snapshot,
    StockMove,
    StopResult,
    stop_key,
    weeks_between,
)
from planner.ledger.schema import (
    LEDGER_DIR,
    LEDGER_FILE,
    MIGRATIONS,
    PAUSE_HOOK_ENV,
    SCHEMA_VERSION,
    ledger_path,
)
from planner.ledger.store import Ledger

__all__ = [
    "LEDGER_DIR",
    "LEDGER_FILE",
    "MIGRATIONS",
    "PAUSE_HOOK_ENV",
    "SCHEMA_VERSION",
    "Ledger",
    "RecordOutcome",
    "SiteBacklog",
    "Snapshot",
    "StockMove",
    "StopResult",
    "apply_ledger",
    "group_by_week",
    "ledger_path",
    "site_backlogs",
    "stop_key",
    "waiting_weeks",
    "weeks_between",
]
