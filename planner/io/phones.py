"""Reading a phone number leniently, as Indonesian offices write them.

``0812-3456-7890``, ``0812 3456 7890``, ``+62 812-3456-7890``, ``62812…``, ``(0732) 21234`` and
several numbers separated by ``/``, ``;`` or ``,`` are all fine and kept as written. A mobile
number that lost its leading 0 (Excel reads ``081234567890`` as a number) is given it back.
Anything else is kept as written too, but reported: a phone never blocks a plan.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

PhoneIssue = Literal["bad", "lost_zero"]

_SEPARATORS = re.compile(r"[\s\-.()\u00a0]+")
_SPLIT = re.compile(r"[/;,]")
_NATIONAL = range(8, 13)
"""Digits after the 0 (or +62) of an Indonesian number: 7-digit landlines with a 2-digit area
code up to 12-digit mobile numbers."""


@dataclass(frozen=True, slots=True)
class PhoneCheck:
    """A cell read as phone numbers: the text to show and what is wrong with it, if anything."""

    text: str
    issue: PhoneIssue | None = None


def _national(part: str) -> tuple[str, bool] | None:
    """The national digits of one number (without 0 / +62) and whether its 0 was lost; None
    when it is not an Indonesian phone number."""
    compact = _SEPARATORS.sub("", part)
    plus = compact.startswith("+")
    digits = compact.removeprefix("+")
    if not digits.isascii() or not digits.isdigit():
        return None
    if plus or (digits.startswith("62") and len(digits) >= 10):
        if not digits.startswith("62"):
            return None
        digits = digits[2:].removeprefix("0")  # "+62 (0)812…" is written too
    elif digits.startswith("0"):
        digits = digits[1:]
    elif digits.startswith("8") and 9 <= len(digits) <= 12:
        return digits, True
    else:
        return None
    if len(digits) + 1 not in _NATIONAL or digits.startswith("0"):
        return None
    if digits.startswith("8") and len(digits) < 9:  # mobile numbers have 10–13 digits with 0
        return None
    return digits, False


def check_phone(text: str) -> PhoneCheck:
    """``text`` (one or more numbers) tidied for printing, with its issue: ``lost_zero`` (the
    leading 0 was put back) or ``bad`` (not a phone number; the text is kept as written)."""
    parts = [" ".join(p.split()) for p in _SPLIT.split(text) if p.strip()]
    if not parts:
        return PhoneCheck(" ".join(text.split()), "bad")
    shown: list[str] = []
    issue: PhoneIssue | None = None
    for part in parts:
        national = _national(part)
        if national is None:
            return PhoneCheck(" / ".join(parts), "bad")
        if national[1]:
            issue = "lost_zero"
            part = "0" + part
        shown.append(part)
    return PhoneCheck(" / ".join(shown), issue)
