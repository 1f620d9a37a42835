"""Contacts in the village heads', schools' and homebound tables: names and phone numbers.

All of them are optional. A phone that cannot be read is a warning, not an error: it does not
change the plan, and the team can still read what was written (it is printed as written).
In the homebound table the phone, address and companion are personal data: messages name
the row and column, never the value, and the values are remembered for scrubbing logs.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from planner.errors import Problem
from planner.i18n import msg
from planner.io.phones import check_phone
from planner.io.tables import Row
from planner.io.validate.checker import TableCells
from planner.model import Contact
from planner.privacy import remember, remember_phone


def read_phone(cells: TableCells, row: Row, column: str, ident: str) -> str | None:
    """The row's phone in ``column`` tidied for printing; None when blank. A number that lost
    its leading 0 gets it back; one that cannot be read is kept as written. Both are warned."""
    text = row.get(column)
    if not text:
        return None
    check = check_phone(text)
    if check.issue is None:
        return check.text
    private = column in cells.table.spec.personal
    key = "contacts.phone_bad" if check.issue == "bad" else "contacts.phone_lost_zero"
    hint = "contacts.phone_hint" if check.issue == "bad" else "contacts.lost_zero_hint"
    message = (
        msg(f"{key}_private", ident=ident)
        if private
        else msg(key, ident=ident, value=text if check.issue == "bad" else check.text)
    )
    label = cells.table.label(column)
    cells.problems.warnings.append(
        Problem(cells.file, message, row.number, label, msg(hint), "warning")
    )
    return check.text


def contact_of(cells: TableCells, row: Row, ident: str) -> Contact | None:
    """The row's ``contact_name`` and ``phone`` as a ``Contact``; None when both are blank."""
    name = " ".join(row.get("contact_name").split()) or None
    phone = read_phone(cells, row, "phone", ident)
    return Contact(name, phone) if name or phone else None


def head_contacts(cells: TableCells, known: Mapping[str, Any]) -> dict[str, tuple[Contact, ...]]:
    """Each village's contacts from its village-head rows, in table order, each once (a
    village's weekly rows usually repeat the same head; a date row may name a deputy)."""
    found: dict[str, list[Contact]] = {}
    if not (cells.table.has("contact_name") or cells.table.has("phone")):
        return {}
    for row in cells.table.rows:
        code = row.get("code")
        contact = contact_of(cells, row, code)
        if contact is None or code not in known:
            continue
        same = found.setdefault(code, [])
        if contact not in same:
            same.append(contact)
    return {code: tuple(contacts) for code, contacts in found.items()}


def resident_contact(cells: TableCells, row: Row, ident: str) -> dict[str, str | None]:
    """A homebound resident's address, phone and companion's phone (personal data: remembered
    for scrubbing, never quoted in a message)."""
    address = " ".join(row.get("address").split()) or None
    remember(address)
    fields = {
        "address": address,
        "phone": read_phone(cells, row, "phone", ident),
        "companion_phone": read_phone(cells, row, "companion_phone", ident),
    }
    for column in ("phone", "companion_phone"):
        remember_phone(row.get(column))
        remember_phone(fields[column])
    return fields
