"""Input errors and warnings (tables, settings, tallies, plan files, road files)."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {}
