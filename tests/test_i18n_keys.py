"""Every entry of the message catalogue is used somewhere in ``planner/``: a key nobody asks
for is text that drifts out of date unseen (as old copies did after a rename)."""

from __future__ import annotations

from pathlib import Path

from planner.i18n import TEXT

PLANNER = Path(__file__).resolve().parents[1] / "planner"

DYNAMIC = {
    "summary.stopped.": 'f"summary.stopped.{',
    "weekday.": 'f"weekday.{',
    "month.": "f'month.{",
    "reason.": 'f"reason.{',
    "kind.": 'f"kind.{',
    "render.category.": 'f"render.category.{',
    "render.contact.": 'f"render.contact.{',
    "render.vehicle.": 'f"render.vehicle.{',
    "render.village_kind.": 'f"render.village_kind.{',
    "render.line_": "f'render.line_{",
    "err.rule.": 'f"err.rule.{',
    "validate.": 'f"validate.{',
    "record.col.": 'f"record.col.{',
    "status.col.": '"status.col." ~',
    "contacts.no_phone.": 'f"contacts.no_phone.{',
    "contacts.phone_": 'msg(f"{key}_private"',
    "web.settings.": 'f"web.settings.{',
    "web.table.": '"web.table." ~',
    "web.job.stage.": 'f"web.job.stage.{',
    "web.status.": '"web.status." ~',
    "whatif.col_": 'f"whatif.col_{',
    "forecast.col_": 'f"forecast.col_{',
}
"""Prefixes of keys built at run time, each with the piece of source that builds them."""


def _sources() -> str:
    """The program's Python and templates, without the catalogue's own entries."""
    files = [*PLANNER.rglob("*.py"), *PLANNER.rglob("*.html")]
    catalogue = PLANNER / "i18n"
    return "\n".join(
        p.read_text(encoding="utf-8")
        for p in files
        if p.parent != catalogue or p.name == "__init__.py"
    )


def test_every_catalogue_key_is_used() -> None:
    source = _sources()
    unused = [
        key
        for key in TEXT
        if f'"{key}"' not in source
        and f"'{key}'" not in source
        and not any(key.startswith(prefix) for prefix in DYNAMIC)
    ]
    assert unused == []


def test_dynamic_prefixes_are_still_built() -> None:
    source = _sources()
    assert [prefix for prefix, built in DYNAMIC.items() if built not in source] == []
    assert all(any(key.startswith(prefix) for key in TEXT) for prefix in DYNAMIC)
