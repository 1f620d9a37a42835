"""status: the campaign report, its tables and warnings."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {}
