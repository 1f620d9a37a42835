"""replan: changes.txt, handovers, whom to call."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {}
