"""Build the bundled sample district (Rejang Lebong) in ``data/`` and ``maps/``.

Real: village codes, names, kecamatan, kinds and inside-polygon points, the boundaries and the
45 schools, read from the shared Rejang Lebong geodata (``--source``) at run time. Synthetic
(seeded, so every run writes the same bytes): every count, the village heads' hours, school
hours and exam days, the homebound residents (fake names and fake NIKs) and the teams.

Usage::

    python scripts/make_sample.py                       # rewrite data/ and maps/ in the repo
    python scripts/make_sample.py --out /tmp/sample     # write <out>/data and <out>/maps
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import math
import random
import shutil
from collections.abc import Sequence
from pathlib import Path

from planner.model.geo import distance_km

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = Path("/work/shared/data/rejang_lebong")
SEED = 20261123

OFFICE = ("Dinas Dukcapil Kabupaten Rejang Lebong, Curup", -3.4707, 102.5237)
OBLIGED_TOTAL = 214_600  # news report, Sep 2024
BACKLOG_TOTAL = 11_870  # news report, Sep 2024
STUDENTS_TOTAL = 3_000  # ~3,000 unrecorded students of card age (news report)
HOMEBOUND_COUNT = 150
# Date overrides and exam days fall in the weeks after this Monday; a fixed date (not today)
# keeps the script's output byte-identical between runs.
FIRST_MONDAY = dt.date(2026, 11, 30)

PLANNER_TOML = """\
# Sample district: Kabupaten Rejang Lebong, Bengkulu (see data/README.md: the counts are synthetic).
name = "Rejang Lebong"
timezone = "Asia/Jakarta"
language = "id"
# Minutes per person recorded, per stop set-up and per card printed.
recording_minutes = 6
setup_minutes = 20
print_minutes = 2
# Share of a village backlog expected to come when pra_daftar is empty.
turnout = 0.35
printers = 2
blank_stock = 773
blank_reserve = 175
# The sample keeps its geodata in the repository's top-level maps/ folder; a district folder
# made by `planner init` has its own maps/ (the default).
maps = "../maps"
# Real OpenStreetMap roads of eastern Rejang Lebong (ODbL, © OpenStreetMap contributors),
# imported with `planner roads import`; where they do not reach (the west, Curup included),
# travel is the straight-line estimate (README "Travel times").
roads = "roads.graphml"

# `planner letters --week W` writes a notification letter (surat pemberitahuan) for each
# visited village and school; with letters = true `planner plan` writes them too.
letters = false

[office]
name = "{office}"
lat = {lat}
lon = {lon}
# The letterhead of the letters. The address, telephone, names and NIP below are fictional
# sample values: put your office's own here.
government = "Pemerintah Kabupaten Rejang Lebong"
agency = "Dinas Kependudukan dan Pencatatan Sipil"
address = "Jl. Merdeka No. 17, Kelurahan Talang Rimbo Lama, Curup, Bengkulu 39119"
contact_line = "Telepon (0732) 210000 · Pos-el dukcapil@rejanglebong.example"
city = "Curup"
# logo = "logo.png"   # optional image, in this folder or maps/
# {{seq}} letter number of the run, {{month_roman}}, {{month}}, {{year}}, {{week}}
letter_number = "470/{{seq:03d}}/Dukcapil/{{month_roman}}/{{year}}"
head_title = "Kepala"          # signs as: Kepala Dinas Kependudukan dan ...

[office.head]
name = "Drs. Hendra Saputra, M.Si."
nip = "19710314 199803 1 006"
rank = "Pembina Tingkat I (IV/b)"

[office.contact]
name = "Rina Marlina, S.Kom."
phone = "0812-7300-4521"

[weights]
village = 1.0
school = 1.5
homebound = 3.0

# Fair reach (the default): a place's value grows with the weeks its kecamatan waited for a
# visit and with the points its coverage lags behind the district's. backlog_cap: students
# beyond their village's backlog (they do not raise coverage) draw no team.
[fairness]
enabled = true
wait_weight = 0.5
gap_weight = 0.1
max_boost = 4.0
backlog_cap = true

# planner forecast: residents turning 17 each month, added to the backlog (a synthetic guess
# for the sample: about 1.7 % of its population a year).
[forecast]
new_per_month = 300
"""


def apportion(weights: Sequence[float], total: int) -> list[int]:
    """Whole numbers proportional to ``weights`` that add up to exactly ``total``.

    Largest remainder, ties by position, so the totals in the README are exact.
    """
    scale = total / sum(weights)
    raw = [w * scale for w in weights]
    result = [math.floor(r) for r in raw]
    short = total - sum(result)
    order = sorted(range(len(raw)), key=lambda i: (-(raw[i] - result[i]), i))
    for i in order[:short]:
        result[i] += 1
    return result


def read_csv(path: Path) -> list[dict[str, str]]:
    """Rows of a UTF-8 CSV as dicts."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def write_csv(path: Path, header: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    """Write a UTF-8 CSV with ``\\n`` line ends (stable diffs)."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def villages(source: list[dict[str, str]], rng: random.Random) -> list[dict[str, object]]:
    """The 156 villages with synthetic obliged / backlog / pre-registered counts."""
    # Population grows with area but less than linearly (rural desa are mostly forest and
    # plantation); kelurahan are town wards, several times denser.
    weights = [
        (1.5 + float(r["area_km2"])) ** 0.45
        * (3.5 if r["jenis"] == "kelurahan" else 1.0)
        * rng.lognormvariate(0, 0.25)
        for r in source
    ]
    obliged = apportion(weights, OBLIGED_TOTAL)
    far = [
        distance_km(OFFICE[1], OFFICE[2], float(r["lat_inside"]), float(r["lon_inside"]))
        for r in source
    ]
    # The unrecorded share rises with distance from Curup: the office is where people record.
    rates = [(0.02 + 0.10 * (d / max(far)) ** 1.2) * rng.lognormvariate(0, 0.3) for d in far]
    backlog = apportion([o * r for o, r in zip(obliged, rates, strict=True)], BACKLOG_TOTAL)
    prereg_rows = set(rng.sample(range(len(source)), k=round(0.3 * len(source))))
    result: list[dict[str, object]] = []
    for i, row in enumerate(source):
        b = min(backlog[i], obliged[i])
        pre = round(b * rng.uniform(0.35, 0.9)) if i in prereg_rows else ""
        result.append(
            {
                "kode": row["kode"],
                "nama": row["nama"],
                "kecamatan": row["kecamatan"],
                "jenis": row["jenis"],
                "lat": row["lat_inside"],
                "lon": row["lon_inside"],
                "wajib_ktp": obliged[i],
                "belum_rekam": b,
                "pra_daftar": pre,
            }
        )
    return result


def head_rows(
    village_rows: list[dict[str, object]], rng: random.Random
) -> tuple[list[list[object]], list[str]]:
    """Village-head availability rows, and the codes left without any row on purpose."""
    codes = [str(v["kode"]) for v in village_rows]
    without = sorted(rng.sample(codes, k=3))
    two_days = ["Senin;Rabu", "Selasa;Kamis", "Senin;Kamis", "Rabu;Kamis"]
    rows: list[list[object]] = []
    for code in codes:
        if code in without:
            continue
        pick = rng.random()
        if pick < 0.70:
            rows.append([code, "Senin-Kamis", "08:00", "12:00", "", "", ""])
            rows.append([code, "Jumat", "08:00", "10:30", "", "", ""])
        elif pick < 0.85:
            rows.append([code, rng.choice(two_days), "08:00", "12:00", "", "", "hanya dua hari"])
        elif pick < 0.93:
            rows.append([code, "Senin s/d Kamis", "13:00", "16:00", "", "", "siang hari"])
        else:
            rows.append([code, "Senin-Jumat", "09:00", "11:30", "", "", ""])
    overrides = [
        (0, "tidak", "", "", "rapat di kecamatan"),
        (1, "tidak", "", "", "musyawarah desa"),
        (2, "ya", "13:00", "15:00", "pagi ada kegiatan, bisa siang"),
        (3, "tidak", "", "", "kepala desa dinas luar"),
        (5, "ya", "08:00", "11:00", "bersedia hari Sabtu"),
        (8, "tidak", "", "", "posyandu"),
        (9, "ya", "08:00", "12:00", ""),
        (10, "tidak", "", "", "cuti"),
    ]
    visitable = [c for c in codes if c not in without]
    for day_offset, available, start, end, note in overrides:
        date = FIRST_MONDAY + dt.timedelta(days=day_offset)
        rows.append([rng.choice(visitable), "", start, end, date.isoformat(), available, note])
    return rows, without


def with_head_contacts(rows: list[list[object]]) -> list[list[object]]:
    """``nama_kades`` and ``telepon`` (fictional, ``0812-0000-…``) on the first row of every
    4th village; the other rows leave them blank (the columns are optional). No random draw, so
    every other value of the sample stays as it was."""
    result: list[list[object]] = []
    seen: list[str] = []
    for row in rows:
        code = str(row[0])
        name = phone = ""
        if row[4] == "" and code not in seen:
            seen.append(code)
            n = len(seen)
            if n % 4 == 1:
                head = "Lurah" if code.split(".")[3].startswith("1") else "Kades"
                name = f"{head} Contoh {n:03d}"
                phone = f"0812-0000-{n:04d}" if n % 3 else f"+62 812 0000 {n:04d}"
        result.append([*row[:6], name, phone, row[6]])
    return result


def school_contact(i: int) -> list[object]:
    """``narahubung`` and ``telepon`` (fictional) for every 3rd school, else blank."""
    if i % 3:
        return ["", ""]
    return [f"Wakasek Kesiswaan Contoh {i // 3 + 1:02d}", f"0813-0000-{i // 3 + 1:04d}"]


def homebound_contact(n: int, companion: str) -> list[object]:
    """``alamat``, ``telepon`` and ``telepon_pendamping`` (fictional) for every 5th resident."""
    if n % 5:
        return ["", "", ""]
    return [
        f"Dusun Contoh {n % 4 + 1}, RT 0{n % 7 + 1}",
        f"0899-0000-{n:04d}",
        f"0811-0000-{n:04d}" if companion else "",
    ]


def school_rows(
    source: list[dict[str, str]],
    village_by_code: dict[str, dict[str, object]],
    rng: random.Random,
) -> list[list[object]]:
    """The 45 real schools at their village's inside point, with synthetic counts and hours."""
    size = {"SMA": 1.6, "SMK": 1.5, "MA": 0.7, "SLB": 0.15}
    weights = [
        size[s["bentuk"]] * (1.3 if s["status"] == "Negeri" else 0.7) * rng.lognormvariate(0, 0.3)
        for s in source
    ]
    students = apportion(weights, STUDENTS_TOTAL)
    exam_week = [FIRST_MONDAY + dt.timedelta(days=7 + i) for i in range(5)]
    exam_schools = set(rng.sample(range(len(source)), k=8))
    rows: list[list[object]] = []
    for i, s in enumerate(source):
        village = village_by_code[s["kode_desa"]]
        start, end, days = "07:30", "13:00", "Senin-Jumat"
        if s["bentuk"] == "SMK" and rng.random() < 0.4:
            end = "14:00"
        if s["bentuk"] == "MA" and rng.random() < 0.5:
            days = "Senin-Sabtu"
        closed = ""
        if i in exam_schools:
            first = rng.randrange(0, 3)
            closed = ";".join(d.isoformat() for d in exam_week[first : first + 3])
        rows.append(
            [
                s["npsn"],
                s["nama"],
                s["bentuk"],
                s["status"],
                s["kode_desa"],
                village["lat"],
                village["lon"],
                "ya",
                students[i],
                round(students[i] * rng.uniform(0.4, 0.6)),
                start,
                end,
                days,
                closed,
                *school_contact(i),
            ]
        )
    return rows


def homebound_rows(village_rows: list[dict[str, object]], rng: random.Random) -> list[list[object]]:
    """About 150 homebound residents with obviously fake names and NIKs."""
    categories = ["lansia", "disabilitas", "tirah_baring", "odgj"]
    category_weights = [45, 25, 18, 12]
    windows = [("09:00", "11:00"), ("13:00", "15:00"), ("08:00", "10:00"), ("10:00", "12:00")]
    weights = [int(str(v["wajib_ktp"])) for v in village_rows]
    rows: list[list[object]] = []
    for n in range(1, HOMEBOUND_COUNT + 1):
        village = rng.choices(village_rows, weights=weights)[0]
        code = str(village["kode"])
        lat = lon = ""
        if rng.random() < 0.4:
            # Their own house, within about 800 m of the village point.
            lat = f"{float(str(village['lat'])) + rng.uniform(-0.007, 0.007):.6f}"
            lon = f"{float(str(village['lon'])) + rng.uniform(-0.007, 0.007):.6f}"
        start = end = ""
        if rng.random() < 0.35:
            start, end = rng.choice(windows)
        companion = ""
        if rng.random() < 0.7:
            companion = f"{rng.choice(['PKH', 'TKSK'])} Contoh {rng.randint(1, 12):02d}"
        # Region digits of the kecamatan, then day "99" (no such day), so the NIK is plainly fake.
        nik = "1702" + code.split(".")[2] + "990000" + f"{n:04d}"
        rows.append(
            [
                f"WK{n:03d}",
                rng.choices(categories, weights=category_weights)[0],
                code,
                lat,
                lon,
                start,
                end,
                companion,
                f"Warga Contoh {n:03d}",
                nik,
                *homebound_contact(n, companion),
            ]
        )
    return rows


TEAM_ROWS: list[list[object]] = [
    ["T1", "Tim 1 (mobil)", "mobil", 2, "Senin-Kamis", "07:30", "15:30"],
    ["T1", "Tim 1 (mobil)", "mobil", 2, "Jumat", "07:30", "11:00"],
    ["T2", "Tim 2 (mobil)", "mobil", 2, "Senin-Jumat", "07:30", "15:30"],
    ["T2", "Tim 2 (mobil)", "mobil", 2, "Sabtu", "08:00", "12:00"],
    ["T3", "Tim 3 (motor)", "motor", 1, "Senin-Kamis", "07:30", "15:30"],
    ["T3", "Tim 3 (motor)", "motor", 1, "Jumat", "07:30", "11:00"],
    ["T4", "Tim 4 (motor)", "motor", 1, "Senin-Jumat", "07:30", "15:30"],
]


def build(source: Path, out: Path) -> None:
    """Write ``out/data`` and ``out/maps`` from the shared geodata in ``source``."""
    rng = random.Random(SEED)
    data, maps = out / "data", out / "maps"
    data.mkdir(parents=True, exist_ok=True)
    maps.mkdir(parents=True, exist_ok=True)

    (data / "planner.toml").write_text(
        PLANNER_TOML.format(office=OFFICE[0], lat=OFFICE[1], lon=OFFICE[2]), encoding="utf-8"
    )
    village_rows = villages(read_csv(source / "desa.csv"), rng)
    header = list(village_rows[0])
    write_csv(data / "villages.csv", header, [[v[h] for h in header] for v in village_rows])

    heads, _ = head_rows(village_rows, rng)
    write_csv(
        data / "kades.csv",
        [
            "kode",
            "hari",
            "mulai",
            "selesai",
            "tanggal",
            "tersedia",
            "nama_kades",
            "telepon",
            "catatan",
        ],
        with_head_contacts(heads),
    )
    by_code = {str(v["kode"]): v for v in village_rows}
    write_csv(
        data / "sekolah.csv",
        [
            "npsn",
            "nama",
            "bentuk",
            "status",
            "kode_desa",
            "lat",
            "lon",
            "lokasi_perkiraan",
            "siswa_belum_rekam",
            "siswa_17",
            "mulai",
            "selesai",
            "hari",
            "libur",
            "narahubung",
            "telepon",
        ],
        school_rows(read_csv(source / "schools.csv"), by_code, rng),
    )
    write_csv(
        data / "warga_khusus.csv",
        [
            "id",
            "kategori",
            "kode_desa",
            "lat",
            "lon",
            "mulai",
            "selesai",
            "pendamping",
            "nama",
            "nik",
            "alamat",
            "telepon",
            "telepon_pendamping",
        ],
        homebound_rows(village_rows, rng),
    )
    write_csv(
        data / "tim.csv",
        ["id", "nama", "kendaraan", "alat", "hari", "mulai", "selesai", "base_lat", "base_lon"],
        [[*row, "", ""] for row in TEAM_ROWS],
    )
    # National holidays and cuti bersama come from the `holidays` package when loading; this
    # table is for local days off. The one row is an example (a Saturday) to edit or delete.
    write_csv(
        data / "libur.csv",
        ["tanggal", "nama", "keterangan"],
        [["2026-12-12", "Contoh: kegiatan daerah (ganti atau hapus baris ini)", "contoh"]],
    )
    for name in ("desa.geojson", "kecamatan.geojson", "kabupaten.geojson"):
        shutil.copyfile(source / name, maps / name)
    import_sample_roads(source / "roads" / ROADS_EXTRACT, maps)
    stale = data / ".keep"
    stale.unlink(missing_ok=True)
    (maps / ".keep").unlink(missing_ok=True)


ROADS_EXTRACT = "rejang_lebong_east.osm.gz"


def import_sample_roads(extract: Path, maps: Path) -> None:
    """``maps/roads.graphml`` from the shared OSM extract, as ``planner roads import`` makes it
    (the kabupaten boundary plus 5 km)."""
    from planner.travel.area import buffer_km, geojson_union
    from planner.travel.road_import import import_roads

    polygon = geojson_union(maps / "kabupaten.geojson")
    import_roads(extract, buffer_km(polygon, 5.0), maps / "roads.graphml")


def main() -> None:
    """Command line: ``--source`` (shared geodata) and ``--out`` (default: the repo)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--out", type=Path, default=REPO)
    args = parser.parse_args()
    build(args.source, args.out)


if __name__ == "__main__":
    main()
