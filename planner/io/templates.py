"""Starting points for a new district folder: a copy of the sample, or blank templates.

Both are written into a temporary folder beside the target and renamed into place at the end,
so an interrupted ``planner init`` leaves nothing half-written.
"""

from __future__ import annotations

import contextlib
import re
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from planner.errors import InputError, Problem
from planner.i18n import msg
from planner.io.cells import Problems

BLANK_TOML = """\
# Pengaturan kabupaten (district settings). Ganti contoh di bawah ini.
name = "Nama Kabupaten"
timezone = "Asia/Jakarta"   # WIB; Asia/Makassar = WITA, Asia/Jayapura = WIT
language = "id"             # id | en
recording_minutes = 6       # menit perekaman per orang
setup_minutes = 20          # menit persiapan per lokasi
print_minutes = 2           # menit cetak per kartu
turnout = 0.35              # bagian belum_rekam yang diperkirakan datang bila pra_daftar kosong
printers = 1                # printer portabel
blank_stock = 500           # blanko tersedia
blank_reserve = 100         # blanko disimpan untuk kantor
# roads = "jalan.osm"       # jaringan jalan (OSM XML/GraphML) di folder maps/

[office]
name = "Dinas Dukcapil Kabupaten ..."
{office}

[weights]
village = 1.0
school = 1.5
homebound = 3.0
"""

PLACEHOLDER_POINT = (-2.5, 118.0)
OFFICE_PLACEHOLDER = """\
# GANTI: titik kantor Dinas Dukcapil Anda (lat, lon dari peta), lalu hapus baris placeholder.
# REPLACE: your office's point (lat, lon from a map), then delete the placeholder line.
lat = -2.5
lon = 118.0
placeholder = true"""
"""The office of ``init --blank`` without ``--office``: the middle of Indonesia, marked as a
placeholder that ``planner validate`` refuses until the coordinator puts the real point."""


def placeholder_office(problems: Problems, row: int | None) -> None:
    """The error for an office still at ``init --blank``'s placeholder point: every distance
    of the plan would start from the middle of Indonesia."""
    problems.errors.append(
        Problem(
            "planner.toml",
            msg("templates.office_placeholder"),
            row,
            "office.placeholder",
            msg("templates.office_placeholder_hint"),
        )
    )


# One example row per table; they refer to each other so the template validates as it is.
BLANK_TABLES: dict[str, str] = {
    "desa.csv": "kode,nama,kecamatan,jenis,lat,lon,wajib_ktp,belum_rekam,pra_daftar\n"
    "17.02.09.1001,Contoh Kelurahan,Contoh Kecamatan,kelurahan,{lat},{lon},2500,120,\n",
    "kades.csv": "kode,hari,mulai,selesai,tanggal,tersedia,nama_kades,telepon\n"
    "17.02.09.1001,Senin-Kamis,08:00,12:00,,,Lurah Contoh,0812-0000-0001\n",
    "sekolah.csv": "npsn,nama,kode_desa,lat,lon,siswa_belum_rekam,siswa_17,mulai,selesai,hari,"
    "libur,narahubung,telepon\n"
    "00000000,SMA Contoh,17.02.09.1001,,,60,30,07:30,13:00,Senin-Jumat,,Guru Contoh,"
    "0813-0000-0001\n",
    "warga_khusus.csv": "id,kategori,kode_desa,lat,lon,mulai,selesai,pendamping,nama,nik,"
    "alamat,telepon,telepon_pendamping\n"
    "WK001,lansia,17.02.09.1001,,,09:00,11:00,PKH Contoh,Warga Contoh,,Dusun Contoh RT 01,"
    "0899-0000-0001,0811-0000-0001\n",
    "tim.csv": "id,nama,kendaraan,alat,hari,mulai,selesai,base_lat,base_lon\n"
    "T1,Tim 1,mobil,1,Senin-Jumat,07:30,15:30,,\n",
    "libur.csv": "tanggal,nama\n",
}


MAPS_LINE = re.compile(r'^maps[ \t]*=[ \t]*"([^"]*)"[ \t]*$', flags=re.MULTILINE)


def _ready_target(target: Path) -> None:
    if target.exists() and not target.is_dir():
        raise InputError(
            [Problem(str(target), msg("err.init.not_folder"), hint=msg("err.init.new_name"))]
        )
    if target.is_dir() and any(target.iterdir()):
        raise InputError(
            [
                Problem(
                    str(target),
                    msg("err.init.not_empty"),
                    hint=msg("err.init.empty_hint"),
                )
            ]
        )


def _write_atomically(target: Path, fill: Callable[[Path], None]) -> None:
    _ready_target(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        # mkdtemp makes the folder owner-only (0700); it stays so: a district folder holds
        # homebound residents' names and NIKs.
        fill(staging)
        if target.is_dir():
            target.rmdir()  # empty, checked above; rename cannot replace it on every system
        staging.rename(target)
    except BaseException:
        with contextlib.suppress(OSError):
            shutil.rmtree(staging)
        raise


COPY_INTRO = """\
This folder was made by `planner init` as a copy of planner's sample district (its maps are in
`maps/`). Replace the tables with your district's own (planner's README, "Input tables in
short"), set `planner.toml`, then run `planner validate --data <this folder>`. The rest of this
page describes the sample as it was copied.
"""


def copied_readme(text: str) -> str:
    """The sample's README as a copy should read it: its first paragraph (where the sample
    lives in planner's repository, how it is generated) replaced by what the copy is, and no
    path that does not exist in the copy (``../maps/`` is ``maps/`` there)."""
    title, _, rest = text.partition("\n\n")
    _, _, rest = rest.partition("\n\n")  # the sample's own first paragraph
    rest = rest.replace("`../maps/", "`maps/").replace("`../maps`", "`maps/`")
    rest = rest.replace(
        "in `scripts/make_sample.py`",
        "in planner's sample script (scripts/make_sample.py in planner's source repository)",
    )
    return f"{title}\n\n{COPY_INTRO}\n{rest}"


def copy_sample(sample: Path, target: Path) -> None:
    """Copy the sample district in ``sample`` to ``target``, with its maps in ``target/maps``.

    The sample's ``maps`` setting points at the repository's shared maps folder; the copy gets
    its own, so the setting is rewritten to the default ``maps``.
    """
    toml = (sample / "planner.toml").read_text(encoding="utf-8")
    maps_match = MAPS_LINE.search(toml)
    maps_dir = (sample / (maps_match[1] if maps_match else "maps")).resolve()

    def fill(staging: Path) -> None:
        for item in sorted(sample.iterdir()):
            if item.is_file():
                shutil.copyfile(item, staging / item.name)
        (staging / "maps").mkdir()
        if maps_dir.is_dir():
            for item in sorted(maps_dir.iterdir()):
                if item.is_file() and not item.name.startswith("."):
                    shutil.copyfile(item, staging / "maps" / item.name)
        readme = staging / "README.md"
        if readme.is_file():
            readme.write_text(copied_readme(readme.read_text(encoding="utf-8")), encoding="utf-8")
        text = MAPS_LINE.sub('maps = "maps"', toml)
        text = text.replace(
            "# The sample keeps its geodata in the repository's top-level maps/ folder; a district"
            " folder\n# made by `planner init` has its own maps/ (the default).\n",
            "# Geodata (boundaries, optional road network) in this folder's maps/.\n",
        )
        (staging / "planner.toml").write_text(text, encoding="utf-8")

    _write_atomically(target, fill)


def parse_office(text: str) -> tuple[float, float]:
    """``-3.4707,102.5237`` → (lat, lon) inside Indonesia; else an ``InputError``."""
    try:
        lat, lon = (float(part) for part in text.split(","))
    except ValueError:
        lat = lon = float("nan")
    if not (-11.0 <= lat <= 6.0 and 95.0 <= lon <= 141.0):
        raise InputError(
            [
                Problem(
                    "--office",
                    msg("templates.office_bad", text=text),
                    hint=msg("templates.office_bad_hint"),
                )
            ]
        )
    return lat, lon


def blank_toml(office: tuple[float, float] | None) -> str:
    """The blank ``planner.toml``: the office at ``office`` (lat, lon), else a placeholder."""
    point = f"lat = {office[0]}\nlon = {office[1]}" if office else OFFICE_PLACEHOLDER
    return BLANK_TOML.replace("{office}", point)


def write_blank(target: Path, office: tuple[float, float] | None = None) -> None:
    """Write templates into ``target``: settings and every table, one example row each; the
    office at ``office`` (lat, lon) or, without it, a placeholder ``validate`` flags."""

    def fill(staging: Path) -> None:
        (staging / "planner.toml").write_text(blank_toml(office), encoding="utf-8")
        # The example village sits beside the office, so it is never "too far" from it.
        lat, lon = office or PLACEHOLDER_POINT
        near = {"lat": f"{lat + 0.0057:.4f}", "lon": f"{lon - 0.0037:.4f}"}
        for name, text in BLANK_TABLES.items():
            (staging / name).write_text(
                text.format(**near) if "{lat}" in text else text, encoding="utf-8"
            )
        (staging / "maps").mkdir()

    _write_atomically(target, fill)
