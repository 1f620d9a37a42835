"""record: the tally workbook, its sheets, headers and messages."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {}
