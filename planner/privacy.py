"""Keeping homebound residents' names, NIK and phone numbers out of messages and crash logs.

Residents' names and NIK belong only in the team schedules. Messages are written not to quote
them, but a crash log holds whatever an exception happened to carry, so ``scrub`` is the last
line of defence: the loader ``remember``s every name and NIK it reads, and the CLI scrubs
each message and crash log with them, plus anything shaped like a NIK (16 digits).
"""

from __future__ import annotations

import re

NIK_LENGTH = 16
MASK = "*" * 10
NAME_PLACEHOLDER = "[resident]"
PHONE_PLACEHOLDER = "[phone]"

_MIN_NAME = 4
"""Shorter names are not scrubbed: too likely to be a word of the message itself."""

_NAMES: dict[str, re.Pattern[str]] = {}
_NIKS: dict[str, str] = {}
_NIK_RUN = re.compile(r"(?<!\d)(\d{6})\d{10}(?!\d)")
_MIN_NIK_DIGITS = 8


def mask_nik(nik: str) -> str:
    """``1702019912345678`` → ``170201**********``: the region digits only (as the schedules)."""
    return nik[:6] + "*" * max(0, len(nik) - 6)


def remember(name: str | None = None, nik: str | None = None) -> None:
    """Register a resident's ``name`` and ``nik`` so that ``scrub`` removes them."""
    name = (name or "").strip()
    if len(name) >= _MIN_NAME and any(c.isalpha() for c in name):
        _NAMES[name] = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")
    nik = (nik or "").strip()
    if nik.isascii() and nik.isdigit() and len(nik) >= _MIN_NIK_DIGITS:
        _NIKS[nik] = mask_nik(nik)
        # A 16-digit NIK's last 10 digits identify the person without its region prefix.
        if len(nik) == NIK_LENGTH:
            _NIKS[nik[6:]] = MASK


def remember_phone(phone: str | None) -> None:
    """Register a resident's (or companion's) phone, as written and as bare digits, so that
    ``scrub`` removes it. Short values are ignored (they could be any number of a message)."""
    text = (phone or "").strip()
    digits = "".join(c for c in text if c.isdigit())
    if len(digits) < _MIN_NIK_DIGITS:
        return
    for value in {text, digits}:
        _NIKS[value] = PHONE_PLACEHOLDER


def forget_all() -> None:
    """Drop every remembered value: each command starts afresh (``run_guarded``)."""
    _NAMES.clear()
    _NIKS.clear()


def scrub(text: str) -> str:
    """``text`` with every remembered name and NIK replaced and any 16-digit run masked."""
    for nik in sorted(_NIKS, key=len, reverse=True):
        if nik in text:
            text = text.replace(nik, _NIKS[nik])
    text = _NIK_RUN.sub(lambda m: m[1] + MASK, text)
    for name in sorted(_NAMES, key=len, reverse=True):
        if name in text:
            text = _NAMES[name].sub(NAME_PLACEHOLDER, text)
    return text
