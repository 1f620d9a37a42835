"""Command help texts and command output lines (validate, check, init, roads)."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {}
