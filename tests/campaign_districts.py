"""Small districts for the campaign tests: a near kecamatan around the office and a far one
with lower coverage, built from the model or written as a district folder."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from planner.model import District
from tests import districts as D  # noqa: N812

FAR_KM_DEG = 0.4
"""About 44 km north of the office: a 1.8-hour drive each way at the estimate's speed."""


def near_and_far(**settings: object) -> District:
    """Eight large villages 2–8 km from the office (kecamatan Dekat, coverage 97.5 %: more
    people than the team can record in weeks) and one village far away (kecamatan Jauh,
    coverage 80 %); one car team, Mon–Fri."""
    near = tuple(
        replace(
            D.village(f"17.02.09.10{i:02d}", 0.02 * (i % 2), 0.02 * (i // 2), 1000),
            district="Dekat",
            obliged=40000,
        )
        for i in range(8)
    )
    far = replace(
        D.village(
            "17.02.09.2001",
            FAR_KM_DEG,
            0.0,
            200,
            weekly=dict.fromkeys(range(5), ("08:00", "14:00")),
        ),
        district="Jauh",
        obliged=1000,
    )
    return D.district((*near, far), (D.team("T1", kits=2),), **settings)


VILLAGES = """kode,nama,kecamatan,jenis,lat,lon,wajib_ktp,belum_rekam,pra_daftar
17.02.09.1001,Desa Satu,Dekat,desa,-3.4650,102.5200,25000,1200,
17.02.09.1002,Desa Dua,Dekat,desa,-3.4800,102.5300,18000,900,
17.02.09.2001,Desa Tiga,Jauh,desa,-3.5200,102.5600,12000,1500,
"""
HEADS = """kode,hari,mulai,selesai,tanggal,tersedia,nama_kades,telepon
17.02.09.1001,Senin-Jumat,08:00,12:00,,,Kades Satu,0812-0000-0001
17.02.09.1002,Senin-Jumat,08:00,12:00,,,Kades Dua,0812-0000-0002
17.02.09.2001,Senin-Jumat,08:00,13:00,,,Kades Tiga,0812-0000-0003
"""
TEAMS = """id,nama,kendaraan,alat,hari,mulai,selesai,base_lat,base_lon
T1,Tim 1,mobil,1,Senin-Jumat,07:30,15:30,,
"""
TOML_EXTRA = """
[forecast]
new_per_month = 20
"""


def tiny_folder(folder: Path) -> Path:
    """A three-village district folder (two kecamatan, one team, 500 blanks, 100 kept)."""
    from planner.io.templates import write_blank

    write_blank(folder, (-3.4707, 102.5237))
    (folder / "desa.csv").write_text(VILLAGES, encoding="utf-8")
    (folder / "kades.csv").write_text(HEADS, encoding="utf-8")
    (folder / "tim.csv").write_text(TEAMS, encoding="utf-8")
    for name in ("sekolah.csv", "warga_khusus.csv"):
        path = folder / name
        path.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    toml = folder / "planner.toml"
    toml.write_text(toml.read_text(encoding="utf-8") + TOML_EXTRA, encoding="utf-8")
    return folder
