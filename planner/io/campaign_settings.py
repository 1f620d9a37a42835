"""``[fairness]`` and ``[forecast]`` tables of ``planner.toml``: the campaign settings.

::

    [fairness]
    enabled = true        # fair reach (default on); --min-visit-every N stays the hard form
    wait_weight = 0.5     # value added per week a kecamatan with backlog waited
    gap_weight = 0.1      # value added per coverage point the kecamatan lags the district
    max_boost = 4.0       # the largest multiplier
    backlog_cap = true    # value only people who lower a village backlog

    [forecast]
    new_per_month = 120   # residents turning 17 each month, added to the backlog

Every problem is recorded with its key, like the other settings.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from planner.i18n import msg
from planner.io.cells import Problems
from planner.model.campaign import CampaignSettings

FILE = "planner.toml"
_NUMBERS: dict[str, dict[str, tuple[str, Callable[[float], bool], str, bool]]] = {
    "fairness": {
        "wait_weight": ("wait_weight", lambda v: 0 <= v <= 10, "between 0 and 10", False),
        "gap_weight": ("gap_weight", lambda v: 0 <= v <= 10, "between 0 and 10", False),
        "max_boost": ("max_boost", lambda v: 1 <= v <= 100, "between 1 and 100", False),
    },
    "forecast": {
        "new_per_month": ("new_per_month", lambda v: v >= 0, "0 or more", True),
    },
}
_FLAGS = {"fairness": {"enabled": "fair_reach", "backlog_cap": "backlog_cap"}, "forecast": {}}
KEYS = set(_NUMBERS)


def read_campaign(doc: Mapping[str, Any], problems: Problems) -> CampaignSettings:
    """The campaign settings (defaults for what is absent); bad keys recorded in ``problems``."""
    values: dict[str, Any] = {}
    for name in ("fairness", "forecast"):
        table = doc.get(name)
        if table is None:
            continue
        if not isinstance(table, dict):
            message, hint = (
                msg("err.toml.table", setting=name),
                msg("err.toml.table_hint", setting=name),
            )
            problems.error(FILE, message, column=name, hint=hint)
            continue
        for key, raw in table.items():
            column = f"{name}.{key}"
            if key in _FLAGS[name]:
                if isinstance(raw, bool):
                    values[_FLAGS[name][key]] = raw
                else:
                    message = msg("campaign.toml.not_bool", setting=column, raw=repr(raw))
                    problems.error(FILE, message, column=column)
            elif key in _NUMBERS[name]:
                target, check, rule, whole = _NUMBERS[name][key]
                ok = isinstance(raw, int) if whole else isinstance(raw, (int, float))
                if isinstance(raw, bool) or not ok or not check(float(raw)):
                    rule_text = msg(f"err.rule.{rule}")
                    message = msg("err.toml.must", setting=column, raw=repr(raw), rule=rule_text)
                    problems.error(FILE, message, column=column)
                else:
                    values[target] = raw
            else:
                message = msg("err.toml.unknown_key", setting=repr(key), table=name)
                problems.warn(FILE, message, column=column)
    return CampaignSettings(**values)
