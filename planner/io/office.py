"""The letterhead keys of ``[office]`` in ``planner.toml`` (and the top-level ``letters``).

::

    letters = true                    # planner plan writes out/<week>/surat/ too
    [office]
    name = "Dinas Dukcapil Kabupaten Rejang Lebong, Curup"   # also lat, lon (settings.py)
    government = "Pemerintah Kabupaten Rejang Lebong"
    agency = "Dinas Kependudukan dan Pencatatan Sipil"
    address = "Jl. …, Curup 39119"
    contact_line = "Telepon (0732) 21000 · dukcapil@example.go.id"
    city = "Curup"
    logo = "logo.png"                 # optional, in the district folder or maps/
    letter_number = "470/{seq:03d}/Dukcapil/{month_roman}/{year}"
    head_title = "Kepala"
    [office.head]
    name = "…"
    nip = "19700512 199503 1 004"
    rank = "Pembina Tingkat I (IV/b)"
    [office.contact]
    name = "…"
    phone = "0812-…"

Every problem is recorded with its line and key, like the other settings; all keys are
optional.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from planner.errors import Problem
from planner.i18n import msg
from planner.io.cells import Problems
from planner.io.toml_lines import line_of
from planner.model.office import NUMBER_FIELDS, Letterhead, Person

FILE = "planner.toml"
_TEXT_KEYS = {
    "government": "government",
    "agency": "agency",
    "address": "address",
    "contact_line": "contact_line",
    "city": "city",
    "letter_number": "number_pattern",
    "head_title": "head_title",
}
_PERSON_KEYS = {"head": ("name", "nip", "rank"), "contact": ("name", "phone")}
KNOWN = {"name", "lat", "lon", "logo", *_TEXT_KEYS, *_PERSON_KEYS}


def _line_of(text: str, table: str, key: str) -> int | None:
    """The line of ``key = …`` inside ``[table]``, else of the table itself."""
    if not table:
        return line_of(text, key)
    return line_of(text, f"{table}.{key}") or line_of(text, table)


class _Reader:
    def __init__(self, text: str, problems: Problems):
        self.text, self.problems = text, problems

    def error(self, table: str, key: str, message: Any, hint: Any = "") -> None:
        row = _line_of(self.text, table, key)
        self.problems.errors.append(Problem(FILE, message, row, f"{table}.{key}", hint))

    def warn_unknown(self, table: str, given: Iterable[str], known: Iterable[str]) -> None:
        """A warning for each key of ``[table]`` that is none of ``known``."""
        for key in sorted(set(given) - set(known)):
            message = msg("err.toml.unknown_key", setting=repr(key), table=table)
            row = _line_of(self.text, table, key)
            self.problems.warnings.append(
                Problem(FILE, message, row, f"{table}.{key}", severity="warning")
            )

    def text_of(self, table: str, values: Mapping[str, Any], key: str) -> str | None:
        raw = values.get(key)
        if raw is None:
            return None
        if not isinstance(raw, str) or not raw.strip():
            self.error(
                table, key, msg("office.not_text", name=key), msg("office.text_hint", name=key)
            )
            return None
        return raw.strip()


def _pattern(reader: _Reader, pattern: str) -> str | None:
    """The letter-number pattern when every ``{field}`` in it is known."""
    try:
        Letterhead(number_pattern=pattern).number(1, dt.date(2026, 1, 1), "2026-W01")
    except (KeyError, IndexError, ValueError):
        reader.error(
            "office",
            "letter_number",
            msg("office.bad_pattern", pattern=pattern),
            msg("office.pattern_hint", fields=", ".join(f"{{{f}}}" for f in NUMBER_FIELDS)),
        )
        return None
    return pattern


def _logo(reader: _Reader, name: str, folders: tuple[Path, ...]) -> str | None:
    for base in folders:
        candidate = (base / name).resolve()
        if candidate.is_file():
            return str(candidate)
    reader.error("office", "logo", msg("office.logo_missing", logo=name), msg("office.logo_hint"))
    return None


def _person(reader: _Reader, office: Mapping[str, Any], role: str) -> Person:
    raw = office.get(role)
    if raw is None:
        return Person()
    table = f"office.{role}"
    if not isinstance(raw, dict):
        reader.error("office", role, msg("office.not_table", table=table))
        return Person()
    fields = {}
    for key in _PERSON_KEYS[role]:
        value = reader.text_of(table, raw, key)
        if value is not None:
            fields[key] = value
    reader.warn_unknown(table, raw, _PERSON_KEYS[role])
    return Person(**fields)


def read_letterhead(
    doc: Mapping[str, Any], text: str, problems: Problems, folders: tuple[Path, ...]
) -> Letterhead:
    """The letterhead from ``doc`` (defaults for what is absent); bad keys are recorded in
    ``problems``. ``folders`` are where a logo file is looked for, in order."""
    reader = _Reader(text, problems)
    letters = doc.get("letters", False)
    if not isinstance(letters, bool):
        problems.errors.append(
            Problem(FILE, msg("office.letters_bool"), _line_of(text, "", "letters"), "letters")
        )
        letters = False
    office = doc.get("office")
    if not isinstance(office, dict):  # a missing or malformed [office] is settings.py's
        return Letterhead(letters=letters)
    fields: dict[str, Any] = {}
    for key, name in _TEXT_KEYS.items():
        value = reader.text_of("office", office, key)
        if value is not None:
            fields[name] = value
    if "number_pattern" in fields and _pattern(reader, fields["number_pattern"]) is None:
        del fields["number_pattern"]
    logo = reader.text_of("office", office, "logo")
    if logo is not None:
        fields["logo"] = _logo(reader, logo, folders)
    reader.warn_unknown("office", office, KNOWN)
    return Letterhead(
        **fields,
        head=_person(reader, office, "head"),
        contact=_person(reader, office, "contact"),
        letters=letters,
    )
