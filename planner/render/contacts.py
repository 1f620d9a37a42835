"""Contacts as printed: a village head's or school's name and phone, a resident's address and
phone.

``public_contact`` (village heads, schools) goes on the team schedule and into the office's
``changes.txt``; ``companion_contact`` and ``resident_contact`` are personal data, for the
team's own schedule only (``RenderContext`` calls them in its team-schedule section).
"""

from __future__ import annotations

from collections.abc import Sequence

from planner.i18n import t
from planner.model import AnySite, Contact, Homebound, School, Village


def contact_text(contact: Contact, lang: str) -> str:
    """``Pak Budi, telp. 0812-0000-0001`` (either part alone when the other is missing)."""
    parts = [contact.name] if contact.name else []
    if contact.phone:
        parts.append(t("contacts.phone", lang, phone=contact.phone))
    return ", ".join(parts)


def contacts_text(contacts: Sequence[Contact], lang: str) -> str:
    """Several contacts, ``; ``-separated."""
    return "; ".join(contact_text(c, lang) for c in contacts)


def site_contacts(site: AnySite | None) -> tuple[Contact, ...]:
    """A village's heads or a school's contact; nothing for a resident (personal data)."""
    if isinstance(site, Village):
        return site.head_contacts
    if isinstance(site, School) and site.contact is not None:
        return (site.contact,)
    return ()


def public_contact(site: AnySite | None, lang: str) -> str:
    """Whom to call at a village or school: names and phones ('' when none are known)."""
    return contacts_text(site_contacts(site), lang)


def companion_contact(site: Homebound, lang: str) -> str:
    """The companion's name and phone (team schedules only)."""
    if site.companion is None and site.companion_phone is None:
        return ""
    return contact_text(Contact(site.companion, site.companion_phone), lang)


def resident_contact(site: Homebound, lang: str) -> str:
    """``Alamat: Jl. … · Telp. warga: 0812…`` (team schedules only; '' when neither is known)."""
    parts = []
    if site.address:
        parts.append(f"{t('contacts.address', lang)}: {site.address}")
    if site.phone:
        parts.append(f"{t('contacts.resident_phone', lang)}: {site.phone}")
    return " · ".join(parts)
