"""Finding and reading a district's tables: CSV or XLSX, English or Indonesian names.

A table is read into plain text cells keyed by the canonical (English) column name, with the
row number a spreadsheet shows (header = row 1) and the header as the user wrote it, so every
message can point at ``file:row:column`` in the user's own words. Nothing here interprets a
value; ``planner.io.validate`` does. The bytes become rows of text in ``planner.io.sheets``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from planner.i18n import Msg, Num, msg
from planner.io import sheets
from planner.io.cells import Problems

EXTENSIONS = (".csv", ".xlsx")
# Formats people save by accident; we say how to fix it rather than ignoring the file.
_UNSUPPORTED = (".xls", ".ods", ".xlsm", ".tsv", ".txt")


@dataclass(frozen=True)
class TableSpec:
    """One input table: its file names, its columns (canonical → aliases) and what is required."""

    key: str
    names: tuple[str, ...]
    columns: Mapping[str, tuple[str, ...]]
    required: tuple[str, ...]
    required_table: bool = False
    needs_rows: bool = False
    personal: tuple[str, ...] = ()
    """Columns holding personal data (homebound names, NIK): messages never quote this table's
    cells, and a header row that is really a data row is not listed back."""

    @property
    def label(self) -> str:
        """The English file name, for messages about a missing table."""
        return f"{self.names[0]}.csv"

    def describe(self, column: str) -> str | Msg:
        """``backlog (or belum_rekam)`` / ``backlog (atau belum_rekam)``."""
        aliases = [a for a in self.columns[column] if a != column]
        return msg("err.or_alias", column=column, alias=aliases[0]) if aliases else column


_LAT = ("lat", "latitude", "lintang")
_LON = ("lon", "lng", "long", "longitude", "bujur")
_PHONE = (
    "phone",
    "telepon",
    "telp",
    "tlp",
    "hp",
    "no_hp",
    "no. hp",
    "nomor_hp",
    "no_telepon",
    "no_telp",
    "no. telp",
    "nomor_telepon",
    "handphone",
    "whatsapp",
    "wa",
    "no_wa",
)
"""Phone column aliases (each table's own ``phone``), English and Indonesian."""

VILLAGES = TableSpec(
    "villages",
    ("villages", "desa"),
    {
        "code": ("code", "kode", "kode_desa"),
        "name": ("name", "nama", "nama_desa"),
        "district": ("district", "kecamatan"),
        "kind": ("kind", "jenis"),
        "lat": _LAT,
        "lon": _LON,
        "obliged": ("obliged", "wajib_ktp"),
        "backlog": ("backlog", "belum_rekam"),
        "preregistered": ("preregistered", "pra_daftar"),
    },
    ("code", "name", "district", "lat", "lon", "obliged", "backlog"),
    required_table=True,
    needs_rows=True,
)
VILLAGE_HEADS = TableSpec(
    "village_heads",
    ("village_heads", "kades"),
    {
        "code": ("code", "kode", "kode_desa"),
        "weekday": ("weekday", "hari", "days"),
        "start": ("start", "mulai", "jam_mulai"),
        "end": ("end", "selesai", "jam_selesai"),
        "date": ("date", "tanggal"),
        "available": ("available", "tersedia"),
        "contact_name": (
            "contact_name",
            "contact",
            "head_name",
            "nama_kades",
            "nama_kepala_desa",
            "nama_lurah",
            "nama_kontak",
            "kontak",
            "narahubung",
        ),
        "phone": _PHONE,
    },
    ("code",),
)
SCHOOLS = TableSpec(
    "schools",
    ("schools", "sekolah"),
    {
        "npsn": ("npsn",),
        "name": ("name", "nama", "nama_sekolah"),
        "village": ("village", "kode_desa"),
        "lat": _LAT,
        "lon": _LON,
        "students": ("students", "siswa_belum_rekam"),
        "printable": ("printable", "siswa_17"),
        "start": ("start", "mulai", "jam_mulai"),
        "end": ("end", "selesai", "jam_selesai"),
        "days": ("days", "hari"),
        "closed": ("closed", "libur"),
        "location_approximate": ("location_approximate", "lokasi_perkiraan"),
        "contact_name": (
            "contact_name",
            "contact",
            "contact_person",
            "nama_kontak",
            "kontak",
            "narahubung",
            "kepala_sekolah",
            "nama_kepala_sekolah",
        ),
        "phone": _PHONE,
    },
    ("npsn", "name", "village", "students"),
)
HOMEBOUND = TableSpec(
    "homebound",
    ("homebound", "warga_khusus"),
    {
        "id": ("id",),
        "category": ("category", "kategori"),
        "village": ("village", "kode_desa"),
        "lat": _LAT,
        "lon": _LON,
        "start": ("start", "mulai", "jam_mulai"),
        "end": ("end", "selesai", "jam_selesai"),
        "companion": ("companion", "pendamping"),
        "name": ("name", "nama"),
        "nik": ("nik",),
        "address": ("address", "alamat"),
        "phone": _PHONE,
        "companion_phone": (
            "companion_phone",
            "telepon_pendamping",
            "telp_pendamping",
            "hp_pendamping",
            "no_hp_pendamping",
        ),
    },
    ("id", "category", "village"),
    personal=("name", "nik", "companion", "address", "phone", "companion_phone"),
)
TEAMS = TableSpec(
    "teams",
    ("teams", "tim"),
    {
        "id": ("id",),
        "name": ("name", "nama"),
        "vehicle": ("vehicle", "kendaraan"),
        "kits": ("kits", "alat"),
        "days": ("days", "hari"),
        "start": ("start", "mulai", "jam_mulai"),
        "end": ("end", "selesai", "jam_selesai"),
        "base_lat": ("base_lat",),
        "base_lon": ("base_lon",),
    },
    ("id", "vehicle", "days", "start", "end"),
    required_table=True,
    needs_rows=True,
)
HOLIDAYS = TableSpec(
    "holidays",
    ("holidays", "libur"),
    {"date": ("date", "tanggal"), "name": ("name", "nama")},
    ("date",),
)
SPECS = (VILLAGES, VILLAGE_HEADS, SCHOOLS, HOMEBOUND, TEAMS, HOLIDAYS)


@dataclass(frozen=True)
class Row:
    """One data row: spreadsheet row ``number`` and its cells by canonical column."""

    number: int
    cells: Mapping[str, str]

    def get(self, column: str) -> str:
        """The stripped text of ``column`` ('' when absent or blank)."""
        return self.cells.get(column, "")


@dataclass(frozen=True)
class Table:
    """A table read from ``file``: ``headers`` maps canonical columns to the user's header."""

    spec: TableSpec
    file: str
    headers: Mapping[str, str]
    rows: tuple[Row, ...] = ()
    extra_columns: tuple[str, ...] = field(default=())

    def has(self, column: str) -> bool:
        """True when the file has this column."""
        return column in self.headers

    def label(self, column: str) -> str:
        """The column's header as the user wrote it (English name when absent)."""
        return self.headers.get(column, column)


def normalise_header(text: str) -> str:
    """``"Belum Rekam "`` → ``belum_rekam``: headers match case- and space-insensitively."""
    return re.sub(r"[\s\-]+", "_", text.strip().lower()).strip("_")


def find_files(folder: Path, spec: TableSpec, problems: Problems) -> Path | None:
    """The one file holding ``spec`` in ``folder`` (any case of name and extension), or None."""
    entries = {p.name.lower(): p for p in folder.iterdir() if p.is_file()}
    found = [entries[f"{n}{e}"] for n in spec.names for e in EXTENSIONS if f"{n}{e}" in entries]
    if len(found) > 1:
        problems.error(
            found[1].name,
            msg("err.table_twice", table=spec.key, a=found[0].name, b=found[1].name),
            hint=msg("err.table_twice_hint"),
        )
        return None
    if found:
        return found[0]
    odd = [entries[f"{n}{e}"] for n in spec.names for e in _UNSUPPORTED if f"{n}{e}" in entries]
    if odd:
        problems.error(odd[0].name, msg("err.file_type"), hint=msg("err.file_type_hint"))
    elif spec.required_table:
        problems.error(
            spec.label,
            msg("err.table_missing", file=spec.label, alias=spec.names[1], folder=str(folder)),
            hint=msg("err.table_missing_hint"),
        )
    return None


def decode(data: bytes, file: str, problems: Problems) -> str:
    """Text of a CSV: UTF-8 (BOM stripped), UTF-16 with a BOM, else cp1252 with a warning."""
    text, legacy = sheets.decode(data)
    if legacy:
        problems.warn(
            file,
            msg("err.not_utf8_csv"),
            hint=msg("err.not_utf8_csv_hint"),
        )
    return text


def _raw_rows(data: bytes, file: str, problems: Problems) -> list[list[str]] | None:
    """The file's rows of text (XLSX by its extension, else CSV); None, with the problem
    recorded, when it cannot be read."""
    if file.lower().endswith(".xlsx"):
        try:
            return sheets.xlsx_rows(data)
        except sheets.UnreadableWorkbook as exc:
            problems.error(
                file,
                msg("err.bad_xlsx", kind=exc.kind),
                hint=msg("err.bad_xlsx_hint"),
            )
            return None
    try:
        return sheets.csv_rows(decode(data, file, problems))
    except sheets.UnreadableCsv as exc:
        problems.error(file, msg("err.bad_csv", reason=str(exc)), hint=msg("err.bad_csv_hint"))
        return None


def read_table(spec: TableSpec, file: str, data: bytes, problems: Problems) -> Table | None:
    """Parse ``data`` (the bytes of ``file``) into a ``Table``; None when it has no header.

    Structural problems (empty file, missing or doubled columns) are recorded in ``problems``;
    rows that are entirely blank are skipped but still counted, as a spreadsheet shows them.
    """
    raw = _raw_rows(data, file, problems)
    if raw is None:
        return None
    # The header is the first non-blank row; blank lines above it still count as rows.
    skipped = 0
    while skipped < len(raw) and not any(c.strip() for c in raw[skipped]):
        skipped += 1
    raw = raw[skipped:]
    if not raw:
        problems.error(file, msg("err.empty_file"), hint=msg("err.empty_file_hint"))
        return None
    header = [c.strip().lstrip("\ufeff") for c in raw[0]]
    headers: dict[str, str] = {}
    positions: dict[str, int] = {}
    extra: list[str] = []
    by_alias = {normalise_header(a): c for c, aliases in spec.columns.items() for a in aliases}
    for index, text in enumerate(header):
        canonical = by_alias.get(normalise_header(text))
        if canonical is None:
            if text:
                extra.append(text)
            continue
        if canonical in headers:
            problems.error(
                file,
                msg(
                    "err.column_twice",
                    column=spec.describe(canonical),
                    a=repr(headers[canonical]),
                    b=repr(text),
                ),
                row=1 + skipped,
                column=text,
                hint=msg("err.column_twice_hint"),
            )
            continue
        headers[canonical] = text
        positions[canonical] = index
    found: list[str | Msg] = [h for h in header if h]
    if spec.personal:
        # A file saved without its header has a resident's row here: list only known headers.
        others = [msg("err.other_columns", count=Num(len(extra)))] if extra else []
        found = [*headers.values(), *others]
    for column in spec.required:
        if column not in headers:
            problems.error(
                file,
                msg("err.missing_column", column=spec.describe(column)),
                row=1 + skipped,
                column=column,
                hint=msg("err.columns_found", columns=_joined(found)),
            )
    rows = []
    for index, values in enumerate(raw[1:], start=2 + skipped):
        if not any(v.strip() for v in values):
            continue
        cells = {c: values[i].strip() for c, i in positions.items() if i < len(values)}
        rows.append(Row(index, cells))
    if spec.needs_rows and not rows:
        problems.error(file, msg("err.no_rows"), hint=msg("err.no_rows_hint", table=spec.key))
    return Table(spec, file, headers, tuple(rows), tuple(extra))


def _joined(items: list[str | Msg]) -> str | Msg:
    """``a, b, 2 others`` as one message value (``—`` when there are none)."""
    if not items:
        return "—"
    first, *rest = items
    return msg("err.list", first=first, rest=_joined(rest)) if rest else first
