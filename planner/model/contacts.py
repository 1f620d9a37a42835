"""Whom a team calls: a village head's or school's contact (name and phone), as read from the
tables. Phones are kept as the coordinator wrote them (checked leniently by the loader)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Contact:
    """A person to call before or on a visit; either part may be missing, not both."""

    name: str | None = None
    phone: str | None = None

    def __post_init__(self) -> None:
        if not (self.name or self.phone):
            raise ValueError("a contact needs a name or a phone")
