"""stock: blank-card deliveries and recounts."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {}
