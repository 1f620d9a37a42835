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
