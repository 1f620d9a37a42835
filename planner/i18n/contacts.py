"""Contacts of village heads, schools and homebound residents."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {}
