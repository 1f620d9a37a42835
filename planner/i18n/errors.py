"""Input errors and warnings (tables, settings, tallies, plan files, road files), and the
words every failure is shown with ("Error:", "warning:", an interruption, a bug)."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    # How a failure is shown (workflow/failures.py, errors.py)
    "fail.error": {"id": "Kesalahan", "en": "Error"},
    "fail.warning": {"id": "peringatan", "en": "warning"},
    "fail.interrupted": {
        "id": "Dihentikan; tidak ada yang ditulis.",
        "en": "Interrupted; nothing was written.",
    },
    "fail.internal": {
        "id": "Kesalahan internal ({name}); ini cacat pada planner, {where}",
        "en": "Internal error ({name}); this is a bug in planner, {where}",
    },
    "fail.crash_log": {"id": "rinciannya di {path}", "en": "details in {path}"},
    "fail.no_crash_log": {
        "id": "dan catatan kerusakannya tidak dapat ditulis",
        "en": "and the crash log could not be written",
    },
    "fail.check_path": {
        "id": "periksa jalurnya, izin aksesnya dan ruang kosong di disk",
        "en": "check the path, its permissions and free space",
    },
    "err.n_problems": {"id": "{count} masalah", "en": "{count} problems"},
    # One cell (io/cells.py)
    "err.not_weekday": {
        "id": "{text} bukan nama hari atau rentang hari",
        "en": "{text} is not a weekday or weekday range",
    },
    "err.weekday_hint": {
        "id": "tulis nama hari seperti Senin-Jumat, Senin s/d Sabtu atau Senin;Rabu",
        "en": "use day names such as Mon-Fri, Senin-Jumat, Senin s/d Sabtu or Senin;Rabu",
    },
    "err.not_time": {"id": "{text} bukan jam", "en": "{text} is not a time"},
    "err.time_hint": {
        "id": "tulis jam 24 jam JJ:MM, mis. 08:00 atau 13:30",
        "en": "use 24-hour HH:MM, e.g. 08:00 or 13:30",
    },
    "err.not_date": {"id": "{text} bukan tanggal", "en": "{text} is not a date"},
    "err.date_hint": {
        "id": "tulis TTTT-BB-HH, mis. 2026-12-01",
        "en": "use YYYY-MM-DD, e.g. 2026-12-01",
    },
    "err.negative": {"id": "{text} negatif", "en": "{text} is negative"},
    "err.not_whole": {"id": "{text} bukan bilangan bulat", "en": "{text} is not a whole number"},
    "err.count_hint": {
        "id": "jumlah ditulis sebagai bilangan bulat, 0 atau lebih",
        "en": "counts are whole numbers, 0 or more",
    },
    "err.not_number": {"id": "{text} bukan angka", "en": "{text} is not a number"},
    "err.decimal_hint": {
        "id": "tulis desimal dengan titik, mis. -3.4707",
        "en": "write decimals with a point, e.g. -3.4707",
    },
    "err.not_yes_no": {"id": "{text} bukan ya atau tidak", "en": "{text} is not yes or no"},
    "err.yes_no_hint": {"id": "tulis ya/tidak", "en": "write ya/tidak (or yes/no)"},
    "err.not_choice": {
        "id": "{text} bukan {what} yang dikenal",
        "en": "{text} is not a known {what}",
    },
    "err.choice_hint": {"id": "pakai salah satu dari: {allowed}", "en": "use one of: {allowed}"},
    "err.what.vehicle": {"id": "jenis kendaraan", "en": "vehicle"},
    "err.what.category": {"id": "kategori", "en": "category"},
    "err.what.kind": {"id": "jenis desa", "en": "kind"},
}
TEXT.update(
    {
        # Cells of a table (io/validate/checker.py)
        "err.at": {"id": "{message} ({ident})", "en": "{message} ({ident})"},
        "err.row": {"id": "baris {row}", "en": "row {row}"},
        "err.the_value": {"id": "nilainya", "en": "the value"},
        "err.empty": {"id": "{column} kosong", "en": "{column} is empty"},
        "err.empty_hint": {"id": "isi atau hapus barisnya", "en": "fill it in or delete the row"},
        "err.decimal_comma": {
            "id": "koma desimal ({value}) dibaca sebagai titik desimal di seluruh berkas ini",
            "en": "decimal commas ({value}) are read as decimal points in this file",
        },
        "err.half_window": {
            "id": "{missing} kosong padahal {other} diisi",
            "en": "{missing} is empty but {other} is given",
        },
        "err.half_window_hint": {
            "id": "isi keduanya atau kosongkan keduanya",
            "en": "give both or neither",
        },
        "err.end_before_start": {
            "id": "jam selesai {end} tidak sesudah jam mulai {start}",
            "en": "end {end} is not after start {start}",
        },
        "err.end_before_start_hint": {
            "id": "jam ditulis 24 jam JJ:MM (13:00, bukan 01:00); satu rentang tidak boleh "
            "melewati tengah malam",
            "en": "times are 24-hour HH:MM (13:00, not 01:00); a window cannot pass midnight",
        },
        "err.half_point_hint": {
            "id": "isi lat dan lon, atau kosongkan keduanya",
            "en": "give both lat and lon, or neither",
        },
        "err.too_far": {
            "id": "{where} berjarak {km} km dari kantor",
            "en": "{where} is {km} km from the office",
        },
        "err.too_far_hint": {
            "id": "lokasi harus dalam {limit} km dari kantor (max_distance_km di planner.toml); "
            "periksa koordinatnya atau letak kantor",
            "en": "sites must lie within {limit} km of the office (max_distance_km in "
            "planner.toml); check the coordinates or the office",
        },
        "err.minus_hint": {
            "id": "tanda minus lat terlupa? (di selatan khatulistiwa nilainya < 0)",
            "en": "did you drop the minus sign of lat? (south of the equator it is < 0)",
        },
        "err.outside": {"id": "{value} di luar {range}", "en": "{value} is outside {range}"},
        "err.swapped_hint": {"id": "lat dan lon tertukar?", "en": "did you swap lat and lon?"},
        "err.indonesia_hint": {
            "id": "Indonesia terletak pada lat {lat}, lon {lon}",
            "en": "Indonesia lies within lat {lat}, lon {lon}",
        },
        "err.repeated": {
            "id": "{what} {ident} sudah ada di baris {row}",
            "en": "{what} {ident} is already in row {row}",
        },
        "err.repeated_hint": {
            "id": "setiap {what} hanya boleh muncul sekali",
            "en": "each {what} may appear once",
        },
        "err.more_than": {
            "id": "{column} {number} lebih dari {other} {bound}",
            "en": "{column} {number} is more than {other} {bound}",
        },
        "err.unknown_village": {
            "id": "kode desa {code} tidak dikenal",
            "en": "unknown village code {code}",
        },
        "err.kode_from": {"id": "pakai kode dari {file}", "en": "use a kode from {file}"},
        "err.unusable": {"id": "tidak dapat dipakai: {reason}", "en": "cannot be used: {reason}"},
    }
)
TEXT.update(
    {
        # Tables (io/tables.py) and their rows (io/validate/)
        "err.join": {"id": "{first},{rest}", "en": "{first},{rest}"},
        "err.list": {"id": "{first}, {rest}", "en": "{first}, {rest}"},
        "err.or_alias": {"id": "{column} (atau {alias})", "en": "{column} (or {alias})"},
        "err.table_twice": {
            "id": "{table} ada dua kali: {a} dan {b}",
            "en": "{table} is given twice: {a} and {b}",
        },
        "err.table_twice_hint": {"id": "simpan salah satunya saja", "en": "keep one of them"},
        "err.file_type": {
            "id": "jenis berkas ini tidak dapat dibaca",
            "en": "this file type cannot be read",
        },
        "err.file_type_hint": {
            "id": "simpan sebagai .csv atau .xlsx",
            "en": "save it as .csv or .xlsx",
        },
        "err.table_missing": {
            "id": "{file} (atau {alias}.csv, .xlsx) tidak ada di {folder}",
            "en": "{file} (or {alias}.csv, .xlsx) is missing from {folder}",
        },
        "err.table_missing_hint": {
            "id": "setiap kabupaten perlu tabel desa dan tim; `planner init DIR` membuat templat",
            "en": "every district needs villages and teams; `planner init DIR` makes a template",
        },
        "err.not_utf8_csv": {
            "id": "bukan UTF-8; dibaca sebagai Windows-1252 (huruf beraksen mungkin salah)",
            "en": "not UTF-8; read as Windows-1252 (accents may be wrong)",
        },
        "err.not_utf8_csv_hint": {
            "id": "simpan sebagai 'CSV UTF-8' di Excel",
            "en": "save as 'CSV UTF-8' in Excel",
        },
        "err.bad_xlsx": {
            "id": "tidak dapat dibaca sebagai buku kerja Excel ({kind})",
            "en": "cannot be read as an Excel workbook ({kind})",
        },
        "err.bad_xlsx_hint": {
            "id": "buka di Excel lalu simpan lagi sebagai .xlsx, atau sebagai CSV UTF-8",
            "en": "open it in Excel and save it again as .xlsx, or as CSV UTF-8",
        },
        "err.bad_csv": {
            "id": "tidak dapat dibaca sebagai CSV: {reason}",
            "en": "cannot be read as CSV: {reason}",
        },
        "err.bad_csv_hint": {
            "id": "simpan lagi sebagai CSV UTF-8",
            "en": "save it again as CSV UTF-8",
        },
        "err.empty_file": {"id": "berkasnya kosong", "en": "the file is empty"},
        "err.empty_file_hint": {
            "id": "perlu satu baris judul, lalu baris data",
            "en": "it needs a header row, then data rows",
        },
        "err.column_twice": {
            "id": "kolom {column} muncul dua kali: {a} dan {b}",
            "en": "column {column} appears twice: {a} and {b}",
        },
        "err.column_twice_hint": {
            "id": "hapus atau ganti nama salah satunya",
            "en": "delete or rename one of them",
        },
        "err.other_columns": {"id": "{count} lainnya", "en": "{count} other(s)"},
        "err.missing_column": {"id": "kolom {column} tidak ada", "en": "missing column {column}"},
        "err.columns_found": {"id": "kolom yang ada: {columns}", "en": "columns found: {columns}"},
        "err.no_rows": {
            "id": "ada judul tetapi tanpa baris data",
            "en": "has a header but no rows",
        },
        "err.no_rows_hint": {
            "id": "tambahkan paling sedikit satu baris {table}",
            "en": "add at least one {table} row",
        },
        "err.what.id": {"id": "id", "en": "id"},
        "err.what.npsn": {"id": "npsn", "en": "npsn"},
        "err.what.village_code": {"id": "kode desa", "en": "village code"},
        "err.kind_unknown": {
            "id": "jenis kosong dan tidak dapat dibaca dari kode {code}",
            "en": "kind is empty and cannot be read from code {code}",
        },
        "err.kind_hint": {"id": "tulis desa atau kelurahan", "en": "write desa or kelurahan"},
        "err.swapped": {"id": "{a} dan {b} tertukar?", "en": "are {a} and {b} swapped?"},
        "err.prereg_hint": {
            "id": "rencana mengharapkan paling banyak sejumlah belum_rekam; perbarui belum_rekam "
            "jika sudah lama",
            "en": "the plan expects at most the backlog; update belum_rekam if it is old",
        },
        "err.heads_columns_hint": {
            "id": "baris perlu hari, mulai, selesai",
            "en": "rows need hari, mulai, selesai",
        },
        "err.weekly_columns_hint": {
            "id": "baris mingguan perlu mulai dan selesai",
            "en": "weekly rows need mulai and selesai",
        },
        "err.date_row": {
            "id": "baris bertanggal perlu {column}",
            "en": "a date row needs {column}",
        },
        "err.date_row_hint": {
            "id": "tulis ya (dengan mulai dan selesai) atau tidak",
            "en": "write ya (with mulai and selesai) or tidak",
        },
        "err.weekday_or_date": {"id": "isi hari atau tanggal", "en": "give a weekday or a date"},
        "err.weekday_or_date_hint": {"id": "mis. hari Senin-Kamis", "en": "e.g. hari Senin-Kamis"},
        "err.no_heads": {
            "id": "tidak ada village_heads.csv (kades.csv): tidak satu desa pun dapat dikunjungi "
            "({count} desa masih punya belum rekam)",
            "en": "no village_heads.csv (kades.csv): no village can be visited "
            "({count} have a backlog)",
        },
        "err.no_heads_hint": {
            "id": "tambahkan tabel dengan kode, hari, mulai, selesai",
            "en": "add a table with kode, hari, mulai, selesai",
        },
        "err.no_head_row": {
            "id": "{code} {name} tidak punya baris: desa ini tidak dapat dikunjungi",
            "en": "no row for {code} {name}: it cannot be visited",
        },
        "err.no_head_row_hint": {
            "id": "tambahkan kapan kepala desa dapat hadir (kode, hari, mulai, selesai)",
            "en": "add when the village head can attend (kode, hari, mulai, selesai)",
        },
        "err.printable_hint": {
            "id": "siswa_17 menghitung siswa belum rekam yang sudah berumur 17 tahun",
            "en": "printable counts those of the unrecorded students already 17",
        },
        "err.personal_id": {
            "id": "id ini tampak seperti NIK, nomor telepon atau nama warga",
            "en": "the id looks like a NIK, a phone number or the resident's name",
        },
        "err.personal_id_hint": {
            "id": "id tampil di peta dan plan.json: pakai kode pendek seperti WK001",
            "en": "ids appear on maps and in plan.json: use a short code such as WK001",
        },
        "err.nik": {"id": "NIK tidak 16 angka", "en": "NIK is not 16 digits"},
        "err.nik_hint": {
            "id": "periksa; jadwal hanya menampilkan 6 angka pertamanya",
            "en": "check it; the schedule shows only its first 6 digits",
        },
        "err.kits": {
            "id": "alat {kits} harus paling sedikit 1 ({ident})",
            "en": "kits {kits} must be at least 1 ({ident})",
        },
        "err.kits_hint": {
            "id": "tim merekam dengan satu alat atau lebih; kosongkan untuk 1",
            "en": "a team records with one kit or more; leave it empty for 1",
        },
        "err.team_differs": {
            "id": "tim {ident}: {column} berbeda dari baris {row}",
            "en": "team {ident}: {column} differs from row {row}",
        },
        "err.team_differs_hint": {
            "id": "baris satu tim hanya boleh berbeda pada hari dan jam",
            "en": "rows of one team may differ only in days and hours",
        },
        "err.team_overlap": {
            "id": "tim {ident}: {days} sudah punya jam di baris {row}",
            "en": "team {ident}: {days} already has hours in row {row}",
        },
        "err.team_overlap_hint": {
            "id": "tulis setiap hari sekali per tim",
            "en": "give each day once per team",
        },
    }
)


def _rules() -> dict[str, dict[str, str]]:
    """``err.rule.<English rule>``: the ranges planner.toml's numbers must lie in."""
    rules = {}
    for low, high in ((0, 120), (0, 240), (0, 60), (1, 5), (0, 50), (0, 200)):
        rules[f"between {low} and {high}"] = f"antara {low} dan {high}"
    rules.update(
        {
            "more than 0 and at most 1": "lebih dari 0 dan paling banyak 1",
            "0 or more": "0 atau lebih",
            "1 or more": "1 atau lebih",
            "more than 0": "lebih dari 0",
            "lat": "di dalam Indonesia (-11..6)",
            "lon": "di dalam Indonesia (95..141)",
        }
    )
    english = {"lat": "inside Indonesia (-11..6)", "lon": "inside Indonesia (95..141)"}
    return {
        f"err.rule.{rule}": {"id": text, "en": english.get(rule, rule)}
        for rule, text in rules.items()
    }


TEXT.update(_rules())
TEXT.update(
    {
        # planner.toml (io/settings.py)
        "err.toml.whole": {"id": "bilangan bulat", "en": "a whole number"},
        "err.toml.number": {"id": "angka", "en": "a number"},
        "err.toml.not": {
            "id": "{setting} = {raw} bukan {kind}",
            "en": "{setting} = {raw} is not {kind}",
        },
        "err.toml.write": {
            "id": "tulis mis. {setting} = {rule}",
            "en": "write e.g. {setting} = {rule}",
        },
        "err.toml.must": {
            "id": "{setting} = {raw} harus {rule}",
            "en": "{setting} = {raw} must be {rule}",
        },
        "err.toml.not_text": {
            "id": "{setting} = {raw} bukan teks",
            "en": "{setting} = {raw} is not a text",
        },
        "err.toml.text_hint": {
            "id": 'tulis mis. {setting} = "…"',
            "en": 'write e.g. {setting} = "…"',
        },
        "err.toml.table": {"id": "{setting} harus berupa tabel", "en": "{setting} must be a table"},
        "err.toml.table_hint": {
            "id": "tulis sebagai [{setting}] dengan kunci-kunci di bawahnya",
            "en": "write it as [{setting}] with keys below it",
        },
        "err.toml.syntax": {
            "id": "TOML tidak sah (kolom {column})",
            "en": "not valid TOML: {reason} (column {column})",
        },
        "err.toml.syntax_hint": {
            "id": 'teks perlu tanda kutip (name = "Rejang Lebong"), desimal memakai titik '
            "(lat = -3.47)",
            "en": 'texts need quotes (name = "Rejang Lebong"), decimals a point (lat = -3.47)',
        },
        "err.toml.unknown_key": {
            "id": "kunci {setting} di [{table}] tidak dikenal dan diabaikan",
            "en": "unknown key {setting} in [{table}] is ignored",
        },
        "err.toml.no_office": {
            "id": "lokasi kantor tidak ada",
            "en": "the office location is missing",
        },
        "err.toml.no_office_hint": {
            "id": "tambahkan [office] dengan name, lat dan lon "
            "(mis. lat = -3.4707, lon = 102.5237)",
            "en": "add [office] with name, lat and lon (e.g. lat = -3.4707, lon = 102.5237)",
        },
        "err.toml.no_roads": {
            "id": "berkas jalan {file} tidak ada di {maps} maupun {folder}",
            "en": "roads file {file} not found in {maps} or {folder}",
        },
        "err.toml.no_roads_hint": {
            "id": "taruh berkas OSM/GraphML di maps/ atau hapus baris roads",
            "en": "put the OSM/GraphML file in maps/ or remove the roads line",
        },
        "err.toml.not_utf8": {"id": "bukan teks UTF-8", "en": "is not UTF-8 text"},
        "err.toml.not_utf8_hint": {"id": "simpan sebagai UTF-8", "en": "save it as UTF-8"},
        "err.toml.unknown_setting": {
            "id": "pengaturan {setting} tidak dikenal dan diabaikan",
            "en": "unknown setting {setting} is ignored",
        },
        "err.toml.spelling_hint": {
            "id": "periksa ejaannya dengan README",
            "en": "check the spelling against the README",
        },
        "err.toml.no_name": {
            "id": "name tidak diisi; dipakai {name}",
            "en": "no name given; using {name}",
        },
        "err.toml.timezone": {
            "id": "zona waktu {zone} tidak dikenal",
            "en": "unknown timezone {zone}",
        },
        "err.toml.timezone_hint": {
            "id": "pakai Asia/Jakarta (WIB), Asia/Makassar (WITA) atau Asia/Jayapura (WIT)",
            "en": "use Asia/Jakarta (WIB), Asia/Makassar (WITA) or Asia/Jayapura (WIT)",
        },
        "err.toml.language": {
            "id": "language = {value} harus id atau en",
            "en": "language = {value} must be id or en",
        },
        "err.toml.weights_hint": {
            "id": "pakai village, school, homebound (desa, sekolah, warga_khusus)",
            "en": "use village, school, homebound (desa, sekolah, warga_khusus)",
        },
        "err.toml.speed_hint": {
            "id": "pakai car atau motorbike (mobil, motor)",
            "en": "use car or motorbike (mobil, motor)",
        },
        "err.toml.reserve": {
            "id": "blank_reserve lebih besar dari blank_stock: tidak ada kartu yang dapat dicetak",
            "en": "blank_reserve is more than blank_stock: no card can be printed",
        },
    }
)
TEXT.update(
    {
        # The district folder (io/load.py, io/validate/__init__.py)
        "err.unreadable": {"id": "tidak dapat dibaca: {reason}", "en": "cannot be read: {reason}"},
        "err.unreadable_hint": {
            "id": "pastikan berkas tidak sedang dibuka di program lain dan dapat dibaca",
            "en": "check that the file is not open elsewhere and can be read",
        },
        "err.more_problems": {
            "id": "… dan {count} masalah lain tidak ditampilkan",
            "en": "… and {count} more problems not shown",
        },
        "err.not_folder": {"id": "bukan folder", "en": "is not a folder"},
        "err.not_folder_hint": {
            "id": "beri --data sebuah folder kabupaten (`planner init DIR` membuatnya)",
            "en": "give --data a district folder (`planner init DIR` makes one)",
        },
        "err.toml.missing": {"id": "tidak ada di {folder}", "en": "missing from {folder}"},
        "err.toml.missing_hint": {
            "id": "`planner init DIR` menulis satu sebagai awal",
            "en": "`planner init DIR` writes one to start from",
        },
        "err.no_national_holidays": {
            "id": "hari libur nasional tidak diketahui (paket holidays tidak memberikannya)",
            "en": "national holidays are unknown (the holidays package gave none)",
        },
        "err.no_national_holidays_hint": {
            "id": "tambahkan ke holidays.csv (libur.csv)",
            "en": "add them to holidays.csv (libur.csv)",
        },
        "err.unusable_district": {
            "id": "data kabupaten tidak dapat dipakai",
            "en": "the district is unusable",
        },
        "err.inconsistent": {
            "id": "data kabupaten tidak konsisten: {reason}",
            "en": "the district is inconsistent: {reason}",
        },
        # Boat crossings in planner.toml (io/crossings.py)
        "err.crossing": {
            "id": "penyeberangan {number}: {message}",
            "en": "crossing {number}: {message}",
        },
        "err.crossing_hint": {"id": "tulis sebagai {example}", "en": "write it as {example}"},
        "err.crossing.point": {
            "id": "{setting} harus titik pelabuhan {{ lat = …, lon = … }}",
            "en": "{setting} must be a harbour point {{ lat = …, lon = … }}",
        },
        "err.crossing.numbers": {
            "id": "lat dan lon {setting} harus angka",
            "en": "{setting} lat and lon must be numbers",
        },
        "err.crossing.latlon": {
            "id": "{setting} = ({lat}, {lon}) bukan lintang, bujur",
            "en": "{setting} = ({lat}, {lon}) is not a latitude, longitude",
        },
        "err.crossing.no_minutes": {
            "id": "{setting} tidak diisi (menit di atas air)",
            "en": "{setting} is missing (minutes on the water)",
        },
        "err.crossing.minutes": {
            "id": "{setting} = {raw} harus menit antara 0 dan 1440",
            "en": "{setting} = {raw} must be minutes between 0 and 1440",
        },
        "err.crossing.vehicles": {
            "id": "vehicles = {raw}: sebut motorbike dan/atau car",
            "en": "vehicles = {raw}: name motorbike and/or car",
        },
        "err.crossing.tables": {
            "id": "crossing harus ditulis sebagai tabel [[crossing]]",
            "en": "crossing must be written as [[crossing]] tables",
        },
        "err.crossing.key": {
            "id": "kunci {setting} tidak dikenal dan diabaikan",
            "en": "unknown key {setting} is ignored",
        },
        "err.crossing.keys_hint": {
            "id": "pakai name, from, to, minutes, wait_minutes, vehicles",
            "en": "use name, from, to, minutes, wait_minutes, vehicles",
        },
        "err.crossing.same": {
            "id": "from dan to titik yang sama",
            "en": "from and to are the same point",
        },
        "err.crossing.zero": {
            "id": "minutes harus lebih dari 0",
            "en": "minutes must be more than 0",
        },
        # plan.json (io/plan_json.py)
        "err.no_file": {"id": "berkas tidak ada", "en": "no such file"},
        "err.plan.path_hint": {
            "id": "beri jalur sebuah plan.json",
            "en": "give the path of a plan.json",
        },
        "err.plan.field": {"id": "isian tidak sah ({what})", "en": "{what}"},
        "err.plan.schema_hint": {
            "id": "pakai plan.json yang ditulis 'planner plan' (skema planner.plan/1)",
            "en": "use a plan.json written by 'planner plan' (schema planner.plan/1)",
        },
        "err.plan.json": {"id": "bukan JSON yang sah", "en": "not valid JSON: {reason}"},
        "err.plan.written_hint": {
            "id": "pakai plan.json yang ditulis 'planner plan'",
            "en": "use a plan.json written by 'planner plan'",
        },
        # planner init (io/templates.py)
        "err.init.not_folder": {
            "id": "sudah ada dan bukan folder",
            "en": "exists and is not a folder",
        },
        "err.init.new_name": {"id": "pilih nama folder baru", "en": "choose a new folder name"},
        "err.init.not_empty": {
            "id": "tidak kosong; tidak ada yang ditulis",
            "en": "is not empty; nothing was written",
        },
        "err.init.empty_hint": {
            "id": "pilih folder baru atau kosong",
            "en": "choose a new or empty folder",
        },
        # Options (calendar.py, workflow/, solve/replan.py, travel/road_import.py)
        "err.not_week": {
            "id": "{option} {text}: bukan minggu — pakai YYYY-Www (mis. 2026-W48) atau '{example}'",
            "en": "{option} {text}: not a week — use YYYY-Www (e.g. 2026-W48) or '{example}'",
        },
        "err.no_such_week": {
            "id": "{option} {text}: tahun {year} tidak punya minggu ke-{week}",
            "en": "{option} {text}: {year} has no week {week}",
        },
        "err.unknown_teams": {
            "id": "{option}: id tim tidak dikenal {ids} — yang ada: {known}",
            "en": "{option}: unknown team id(s) {ids} — known: {known}",
        },
        "err.min_visit_ledger": {
            "id": "--min-visit-every memerlukan buku kampanye (hapus --no-ledger)",
            "en": "--min-visit-every needs the campaign ledger (drop --no-ledger)",
        },
        "err.option_date": {
            "id": "{option} {text}: bukan tanggal — pakai YYYY-MM-DD",
            "en": "{option} {text}: not a date — use YYYY-MM-DD",
        },
        "err.team_day": {
            "id": "--add-team-day {text}: pakai TIM:YYYY-MM-DD[:HH:MM-HH:MM] dengan tim yang ada "
            "({teams})",
            "en": "--add-team-day {text}: use TEAM:YYYY-MM-DD[:HH:MM-HH:MM] with a known team "
            "({teams})",
        },
        "err.team_day_hours": {
            "id": "--add-team-day {text}: jam ditulis seperti 08:00-12:00",
            "en": "--add-team-day {text}: hours must look like 08:00-12:00",
        },
        "err.plan_week": {
            "id": "{path}: merencanakan minggu {old}, tetapi --from {date} ada di {week}",
            "en": "{path}: plans week {old}, but --from {date} is in {week}",
        },
        "err.roads_output": {
            "id": "--output {name}: beri nama berkas berakhiran .graphml (tanpa folder)",
            "en": "--output {name}: give a file name ending in .graphml (no folders)",
        },
        "err.from_week": {
            "id": "--from {date} tidak di minggu {week} ({first} … {last})",
            "en": "--from {date} is not in week {week} ({first} … {last})",
        },
        "err.cancel_ids": {
            "id": "--cancel: id lokasi tidak dikenal {ids} — pakai id seperti "
            "village:17.02.01.2001 dari plan.json",
            "en": "--cancel: unknown site id(s) {ids} — use ids such as village:17.02.01.2001 "
            "from plan.json",
        },
        "err.team_day_range": {
            "id": "--add-team-day {team}:{date}: tidak di antara --from dan akhir minggu",
            "en": "--add-team-day {team}:{date}: not between --from and the end of the week",
        },
        "err.no_team_day": {
            "id": "--from {date}: tidak ada tim yang bekerja sejak itu sampai akhir minggu "
            "({last}): hari libur, hari tidak bekerja atau --without-team tidak menyisakan hari "
            "kerja tim, jadi tidak ada yang diubah — tambahkan dengan --add-team-day "
            "TIM:YYYY-MM-DD",
            "en": "--from {date}: no team works from then to the end of the week ({last}): "
            "holidays, days off or --without-team leave no team-day, so nothing was changed — "
            "add one with --add-team-day TEAM:YYYY-MM-DD",
        },
        # Ledger and many districts (ledger/store.py, workflow/many.py)
        "err.ledger_open": {
            "id": "{path}: buku kampanye tidak dapat dibuka ({reason}) — pakai --data dengan "
            "folder kabupaten yang dapat Anda tulisi",
            "en": "{path}: cannot open the campaign ledger ({reason}) — use --data with a "
            "district folder you can write to",
        },
        "err.ledger_bad": {
            "id": "{path}: bukan buku kampanye planner ({reason}) — pindahkan berkasnya untuk "
            "memulai yang baru",
            "en": "{path}: not a planner ledger ({reason}) — move the file away to start a new one",
        },
        "err.ledger_newer": {
            "id": "{path}: skema buku {version} lebih baru dari yang dipahami planner ini "
            "({known}) — perbarui planner",
            "en": "{path}: ledger schema {version} is newer than this planner understands "
            "({known}) — update planner",
        },
        "err.same_name": {
            "id": "--data: {a} dan {b} sama-sama bernama {name!r}: keluarannya akan berbagi "
            "OUT/{name}/ — beri setiap folder kabupaten nama sendiri",
            "en": "--data: {a} and {b} are both named {name!r}: their outputs would share "
            "OUT/{name}/ — give each district folder its own name",
        },
        "err.no_dask": {
            "id": "--cluster memerlukan Dask: pip install 'planner[cluster]' (dask[distributed])",
            "en": "--cluster needs Dask: pip install 'planner[cluster]' (dask[distributed])",
        },
        "err.no_scheduler": {
            "id": "--cluster: penjadwal Dask di {address} tidak dapat dihubungi ({reason})",
            "en": "--cluster: cannot reach the Dask scheduler at {address} ({reason})",
        },
    }
)
