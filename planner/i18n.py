"""One translation table for every label and message users see (Indonesian default, English).

``t(key, lang, **values)`` formats the entry; a missing key is a bug and raises KeyError, so
tests catch it. Add keys in alphabetical groups by the part that uses them.
"""

from __future__ import annotations

import datetime as dt

LANGUAGES = ("id", "en")

TEXT: dict[str, dict[str, str]] = {
    # --- unserved reasons (planner.solve.explain) ---
    "reason.no_backlog": {"id": "tidak ada yang belum rekam", "en": "nobody left to record"},
    "reason.head_never": {
        "id": "kepala desa tidak pernah tersedia minggu ini (isi kades.csv)",
        "en": "the village head is never available this week (add rows to village_heads.csv)",
    },
    "reason.head_no_workday": {
        "id": "kepala desa hanya tersedia pada hari tim tidak bekerja atau hari libur",
        "en": "the village head is only available when no team works (or on holidays)",
    },
    "reason.school_closed": {
        "id": "sekolah tutup sepanjang minggu (libur/ujian) pada hari kerja tim",
        "en": "the school is closed all week on the teams' working days (holiday/exams)",
    },
    "reason.window_no_workday": {
        "id": "jam kunjungan warga tidak bertemu jam kerja tim mana pun",
        "en": "the resident's visiting hours never meet any team's working hours",
    },
    "reason.unreachable": {
        "id": "tidak terjangkau: pergi, melayani dan kembali tidak muat dalam jam kerja tim "
        "mana pun",
        "en": "cannot be reached, served and left within any team's working hours",
    },
    "reason.no_time": {
        "id": "waktu tim habis: perlu sekitar {minutes} menit lagi (paling dekat: {team}, {day})",
        "en": "no team time left: it would need about {minutes} more minutes "
        "(closest: {team}, {day})",
    },
    "reason.not_selected": {
        "id": "waktu tim lebih bernilai di lokasi lain minggu ini",
        "en": "team time was worth more at other sites this week",
    },
    "reason.no_cards": {
        "id": "blanko habis untuk pencetakan",
        "en": "no blank cards left for printing",
    },
    "reason.team_filtered": {
        "id": "tidak ada tim yang dipilih untuk minggu ini",
        "en": "no team was selected for this week",
    },
    # --- weekdays and months ---
    "weekday.0": {"id": "Senin", "en": "Monday"},
    "weekday.1": {"id": "Selasa", "en": "Tuesday"},
    "weekday.2": {"id": "Rabu", "en": "Wednesday"},
    "weekday.3": {"id": "Kamis", "en": "Thursday"},
    "weekday.4": {"id": "Jumat", "en": "Friday"},
    "weekday.5": {"id": "Sabtu", "en": "Saturday"},
    "weekday.6": {"id": "Minggu", "en": "Sunday"},
    "month.1": {"id": "Januari", "en": "January"},
    "month.2": {"id": "Februari", "en": "February"},
    "month.3": {"id": "Maret", "en": "March"},
    "month.4": {"id": "April", "en": "April"},
    "month.5": {"id": "Mei", "en": "May"},
    "month.6": {"id": "Juni", "en": "June"},
    "month.7": {"id": "Juli", "en": "July"},
    "month.8": {"id": "Agustus", "en": "August"},
    "month.9": {"id": "September", "en": "September"},
    "month.10": {"id": "Oktober", "en": "October"},
    "month.11": {"id": "November", "en": "November"},
    "month.12": {"id": "Desember", "en": "December"},
    # --- site kinds ---
    "kind.village": {"id": "desa", "en": "village"},
    "kind.school": {"id": "sekolah", "en": "school"},
    "kind.homebound": {"id": "warga khusus", "en": "homebound resident"},
}


def t(key: str, lang: str, **values: object) -> str:
    """The text for ``key`` in ``lang`` (``id``/``en``), formatted with ``values``."""
    entry = TEXT[key]
    text = entry.get(lang) or entry["id"]
    return text.format(**values) if values else text


def long_date(date: dt.date, lang: str) -> str:
    """``Senin, 23 November 2026`` / ``Monday, 23 November 2026``."""
    return (
        f"{t(f'weekday.{date.weekday()}', lang)}, {date.day} "
        f"{t(f'month.{date.month}', lang)} {date.year}"
    )


def day_name(date: dt.date, lang: str) -> str:
    """``Senin`` / ``Monday``."""
    return t(f"weekday.{date.weekday()}", lang)
