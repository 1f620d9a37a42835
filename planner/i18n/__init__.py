"""Every label and message users see, Indonesian (default) and English.

``t(key, lang, **values)`` formats an entry; a missing key is a bug and raises KeyError, so
tests catch it. The entries live in one module per part of the program (``labels`` for the plan
outputs, ``errors`` for input problems, ``status``, ``record``…); a key belongs to exactly one.

Numbers inside text go through ``number``/``percent`` so an Indonesian sentence reads
``1.506 orang, 97,7 %`` and an English one ``1,506 people, 97.7 %``.

A message that is made before the language is known (an input problem found while reading a
table) is a ``Msg``: a key and its values, turned into text by whoever shows it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from planner.i18n import (
    campaign,
    cli,
    contacts,
    errors,
    errors_files,
    help,
    labels,
    papers,
    record,
    replan,
    status,
    stock,
    web,
)

LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"


def _merge(*tables: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for table in tables:
        for key, entry in table.items():
            if key in merged:
                raise KeyError(f"i18n key {key!r} is defined twice")
            merged[key] = entry
    return merged


TEXT: dict[str, dict[str, str]] = _merge(
    labels.TEXT,
    errors.TEXT,
    errors_files.TEXT,
    cli.TEXT,
    help.TEXT,
    record.TEXT,
    status.TEXT,
    replan.TEXT,
    stock.TEXT,
    contacts.TEXT,
    papers.TEXT,
    web.TEXT,
    campaign.TEXT,
)


def t(key: str, lang: str, **values: object) -> str:
    """The text for ``key`` in ``lang`` (``id``/``en``), formatted with ``values``."""
    entry = TEXT[key]
    text = entry.get(lang) or entry[DEFAULT_LANGUAGE]
    return text.format(**values) if values else text


@dataclass(frozen=True, slots=True)
class Msg:
    """A message whose language is chosen when it is shown: a key of ``TEXT`` and its values.

    Values that are themselves ``Msg`` are translated too; numbers are left to the caller to
    format (pass ``number(...)``-ready ints/floats only through ``Num``).
    """

    key: str
    values: Mapping[str, object] = field(default_factory=lambda: MappingProxyType({}))

    def text(self, lang: str) -> str:
        """The message in ``lang``."""
        return t(self.key, lang, **{k: render_value(v, lang) for k, v in self.values.items()})


@dataclass(frozen=True, slots=True)
class Num:
    """A number inside a ``Msg``, formatted for the language it is shown in."""

    value: float
    decimals: int = 0


def msg(key: str, **values: object) -> Msg:
    """Shorthand: ``msg("err.not_whole", value="banyak")``. Checks the key exists now."""
    if key not in TEXT:
        raise KeyError(key)
    return Msg(key, MappingProxyType(dict(values)))


def render_value(value: object, lang: str) -> object:
    """A ``Msg`` value as text in ``lang`` (a ``Msg``, ``Num`` or date); others unchanged."""
    if isinstance(value, Msg):
        return value.text(lang)
    if isinstance(value, Num):
        return number(value.value, lang, value.decimals)
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return short_date(value, lang)
    return value


def text_of(message: str | Msg, lang: str) -> str:
    """A message that may be plain text (names, codes) or a ``Msg``, in ``lang``."""
    return message.text(lang) if isinstance(message, Msg) else message


def number(value: float, lang: str, decimals: int = 0) -> str:
    """``1.506`` / ``2.300,5`` in Indonesian, ``1,506`` / ``2,300.5`` in English.

    ``decimals`` fixes the digits after the separator; a whole float with ``decimals=0`` has
    none. Negative numbers keep their minus sign.
    """
    text = f"{value:,.{decimals}f}"
    if lang == "id":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def percent(value: float, lang: str, decimals: int = 1) -> str:
    """``97,7 %`` / ``97.7 %``: a percentage already multiplied by 100."""
    return f"{number(value, lang, decimals)} %"


def long_date(date: dt.date, lang: str) -> str:
    """``Senin, 23 November 2026`` / ``Monday, 23 November 2026``."""
    return (
        f"{t(f'weekday.{date.weekday()}', lang)}, {date.day} "
        f"{t(f'month.{date.month}', lang)} {date.year}"
    )


def short_date(date: dt.date, lang: str) -> str:
    """``23 Nov 2026`` style without the weekday: ``23 November 2026`` in both languages'
    month names. ISO dates (2026-11-23) stay where a machine or a command reads them back."""
    return f"{date.day} {t(f'month.{date.month}', lang)} {date.year}"


def day_name(date: dt.date, lang: str) -> str:
    """``Senin`` / ``Monday``."""
    return t(f"weekday.{date.weekday()}", lang)
