"""record: the tally workbook, its sheets, headers and messages."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    # --- the tally's sheet and columns (schedule.xlsx writes them, planner record reads both
    # languages) ---
    "record.sheet.all": {"id": "Semua kunjungan", "en": "All stops"},
    "record.col.code": {"id": "Kode", "en": "Ref"},
    "record.col.week": {"id": "Minggu", "en": "Week"},
    "record.col.team": {"id": "Tim", "en": "Team"},
    "record.col.date": {"id": "Tanggal", "en": "Date"},
    "record.col.order": {"id": "No.", "en": "No."},
    "record.col.site": {"id": "Kode lokasi", "en": "Site"},
    "record.col.kind": {"id": "Jenis", "en": "Kind"},
    "record.col.place": {"id": "Lokasi", "en": "Place"},
    "record.col.kecamatan": {"id": "Kecamatan", "en": "Kecamatan"},
    "record.col.arrive": {"id": "Tiba", "en": "Arrive"},
    "record.col.start": {"id": "Mulai", "en": "Start"},
    "record.col.end": {"id": "Selesai", "en": "End"},
    "record.col.people": {"id": "Perkiraan orang", "en": "People expected"},
    "record.col.cards": {"id": "Kartu rencana", "en": "Cards planned"},
    "record.col.recorded": {"id": "Direkam", "en": "Recorded"},
    "record.col.printed": {"id": "Dicetak", "en": "Printed"},
    # --- the file ---
    "record.err.too_large": {
        "id": "{size} byte terlalu besar untuk rekap satu minggu (batas {limit})",
        "en": "{size} bytes is too large for a week's tally (limit {limit})",
    },
    "record.err.is_folder": {"id": "ini direktori, bukan berkas", "en": "is a folder"},
    "record.err.not_xlsx": {
        "id": "bukan buku kerja .xlsx yang dapat dibaca",
        "en": "not a readable .xlsx workbook",
    },
    "record.err.bad_sheet": {
        "id": "lembar kerjanya tidak dapat dibaca ({kind})",
        "en": "cannot read the sheet ({kind})",
    },
    "record.err.bad_csv": {
        "id": "baris CSV tidak dapat dibaca ({reason})",
        "en": "not a readable CSV row ({reason})",
    },
    "record.hint.give_tally": {
        "id": "berikan rekap yang sudah diisi (CSV atau XLSX)",
        "en": "give the filled-in tally (CSV or XLSX)",
    },
    "record.hint.save_again": {
        "id": "simpan ulang rekap dari Excel sebagai .xlsx atau .csv",
        "en": "save the tally again from Excel as .xlsx or .csv",
    },
    # --- header ---
    "record.err.no_header": {
        "id": "tidak ada baris judul dengan kolom {columns}",
        "en": "no header row with the columns {columns}",
    },
    "record.err.missing_column": {
        "id": "kolom '{column}' tidak ada",
        "en": "missing column '{column}'",
    },
    "record.err.no_key_column": {
        "id": "tidak ada kolom '{code}' (atau '{team}', '{date}' dan '{site}')",
        "en": "no '{code}' column (nor '{team}', '{date}' and '{site}')",
    },
    "record.hint.use_sheet": {
        "id": "pakai lembar '{sheet}' atau lembar tim dari schedule.xlsx, lalu isi '{recorded}' "
        "dan '{printed}'",
        "en": "use the '{sheet}' sheet or a team sheet of schedule.xlsx and fill in "
        "'{recorded}' and '{printed}'",
    },
    "record.err.second_column": {
        "id": "kolom '{name}' kedua (sudah ada '{first}')",
        "en": "a second '{name}' column (already '{first}')",
    },
    "record.hint.keep_one": {"id": "simpan salah satunya", "en": "keep one of them"},
    # --- the week ---
    "record.err.wrong_week": {
        "id": "rekap ini untuk minggu {week}, bukan {plan_week}",
        "en": "this tally is of week {week}, not {plan_week}",
    },
    "record.hint.wrong_week": {
        "id": "catat dengan: planner record --week {week} {file}",
        "en": "record it with: planner record --week {week} {file}",
    },
    "record.err.row_week": {
        "id": "baris ini untuk minggu {week}, bukan {plan_week}",
        "en": "this row is of week {week}, not {plan_week}",
    },
    "record.hint.row_week": {
        "id": "catat rekap setiap minggu dengan --week-nya sendiri (ini {plan_week})",
        "en": "record each week's tally with its own --week (this is {plan_week})",
    },
    # --- a row ---
    "record.err.empty_cell": {"id": "'{column}' kosong", "en": "empty '{column}'"},
    "record.hint.keep_rows": {
        "id": "biarkan baris seperti yang ditulis schedule.xlsx",
        "en": "keep the rows as schedule.xlsx wrote them",
    },
    "record.err.not_date": {"id": "bukan tanggal: {value}", "en": "not a date: {value}"},
    "record.hint.date": {
        "id": "tulis YYYY-MM-DD seperti di schedule.xlsx",
        "en": "use YYYY-MM-DD as in schedule.xlsx",
    },
    "record.err.negative": {"id": "{value} negatif", "en": "{value} is negative"},
    "record.err.not_count": {
        "id": "{value} bukan bilangan bulat",
        "en": "{value} is not a whole number",
    },
    "record.err.implausible": {
        "id": "lebih dari {limit}: bukan jumlah yang masuk akal",
        "en": "more than {limit}: not a plausible count",
    },
    "record.hint.count": {
        "id": "tulis jumlahnya dengan angka (mis. 12), atau kosongkan bila tidak dikunjungi",
        "en": "write the count as digits (e.g. 12), or leave it blank if not visited",
    },
    "record.err.unknown_code": {
        "id": "{code} bukan kunjungan dalam rencana {week} (versi {version})",
        "en": "{code} is not a stop of the plan of {week} (version {version})",
    },
    "record.err.unknown_stop": {
        "id": "{team} pada {date} di {site} bukan kunjungan dalam rencana {week} (versi {version})",
        "en": "{team} on {date} at {site} is not a stop of the plan of {week} (version {version})",
    },
    "record.hint.latest": {
        "id": "catat rekap yang dicetak dari rencana terbaru minggu ini; periksa kode, tim, "
        "tanggal dan lokasinya",
        "en": "record the tally printed with this week's latest plan; check the code, team, "
        "date and site",
    },
    "record.err.code_mismatch": {
        "id": "{code} adalah {planned} dalam rencana, tetapi baris ini menyebut {site}",
        "en": "{code} is {planned} in the plan, but this row says {site}",
    },
    "record.err.duplicate": {
        "id": "kunjungan yang sama dengan baris {row}",
        "en": "the same stop as row {row}",
    },
    "record.hint.duplicate": {"id": "satu baris per kunjungan", "en": "keep one row per stop"},
    "record.err.conflict": {
        "id": "kunjungan {code} diisi dengan angka lain di lembar '{sheet}' baris {row}",
        "en": "stop {code} is filled in with other numbers on sheet '{sheet}' row {row}",
    },
    "record.hint.conflict": {
        "id": "isi setiap kunjungan di satu lembar saja, atau dengan angka yang sama",
        "en": "fill in each stop on one sheet only, or with the same numbers",
    },
    "record.err.printed_blank": {
        "id": "{printed} dicetak tetapi '{recorded}' kosong",
        "en": "{printed} printed but '{recorded}' is blank",
    },
    "record.hint.printed_blank": {
        "id": "isi juga '{recorded}' (kosong berarti tidak dikunjungi)",
        "en": "fill in '{recorded}' too (blank means the stop was not visited)",
    },
    "record.err.printed_over": {
        "id": "{printed} kartu dicetak tetapi hanya {recorded} orang direkam",
        "en": "{printed} cards printed but only {recorded} recorded",
    },
    "record.hint.printed_over": {
        "id": "kartu hanya dicetak untuk orang yang direkam",
        "en": "a card is printed only for someone recorded",
    },
    "record.err.over_village": {
        "id": "{recorded} orang direkam di {site} minggu ini, padahal hanya {limit} yang belum "
        "rekam",
        "en": "{recorded} recorded at {site} this week, but only {limit} were not yet recorded",
    },
    "record.err.over_school": {
        "id": "{recorded} siswa direkam di {site} minggu ini, padahal hanya {limit} siswa yang "
        "belum rekam",
        "en": "{recorded} recorded at {site} this week, but only {limit} students were not yet "
        "recorded",
    },
    "record.err.over_homebound": {
        "id": "{recorded} orang direkam pada kunjungan warga {site}: satu kunjungan warga "
        "merekam paling banyak 1 orang",
        "en": "{recorded} recorded at the home visit {site}: a home visit records at most 1 person",
    },
    "record.err.over_gone": {
        "id": "{recorded} orang direkam di {site}, padahal lokasi ini sudah tidak punya yang "
        "belum rekam",
        "en": "{recorded} recorded at {site}, where nobody was left to record",
    },
    "record.hint.typo": {
        "id": "periksa angkanya (salah ketik?)",
        "en": "check the number (a typo?)",
    },
    "record.err.over_carried": {
        "id": "{printed} kartu dicetak oleh {team} pada {date}, tetapi tim hanya membawa "
        "{carried} blanko",
        "en": "{printed} cards printed by {team} on {date}, but the team carried only "
        "{carried} blank cards",
    },
    "record.hint.over_carried": {
        "id": "periksa angka '{printed}' pada hari itu",
        "en": "check the '{printed}' numbers of that day",
    },
    "record.warn.busy": {
        "id": "{recorded} direkam padahal diperkirakan {people} — mohon periksa",
        "en": "{recorded} recorded where {people} were expected — please check",
    },
    # --- planner record's output ---
    "record.err.no_plan": {
        "id": "belum ada rencana {week} di catatan kampanye ({path}) — jalankan "
        "'planner plan --week {week}' dulu, lalu catat rekapnya",
        "en": "no plan of {week} in the ledger ({path}) — run 'planner plan --week {week}' "
        "first, then record its tally",
    },
    "record.out.unchanged": {
        "id": "{week} sudah tercatat dengan hasil ini; tidak ada yang berubah.",
        "en": "{week} is already recorded with these results; nothing changed.",
    },
    "record.out.recorded": {
        "id": "Tercatat {week} (rencana versi {version}) dari {file}:",
        "en": "Recorded {week} (plan version {version}) from {file}:",
    },
    "record.out.replaced": {
        "id": "Rekap {week} sebelumnya diganti (rencana versi {version}) dari {file}:",
        "en": "Replaced the earlier tally of {week} (plan version {version}) from {file}:",
    },
    "record.out.stops": {
        "id": "  kunjungan terlaksana: {visited} (tidak dikunjungi: {skipped})",
        "en": "  stops visited:   {visited} (not visited: {skipped})",
    },
    "record.out.people": {
        "id": "  orang direkam:        {people} (rencana {planned})",
        "en": "  people recorded: {people} (planned {planned})",
    },
    "record.out.cards": {
        "id": "  kartu dicetak:        {cards}",
        "en": "  cards printed:   {cards}",
    },
    "record.out.was": {"id": ", sebelumnya {value}", "en": ", was {value}"},
    "record.out.stock": {
        "id": "  sisa blanko:          {left} (cadangan {reserve})",
        "en": "  blank stock:     {left} left (reserve {reserve})",
    },
    "record.out.overdrawn": {
        "id": "peringatan: {cards} kartu lebih banyak tercatat dicetak daripada stok blanko; "
        "bila provinsi mengirim blanko, catat kirimannya (planner stock add)",
        "en": "warning: {cards} more cards recorded as printed than the stock allowed; if the "
        "province delivered cards, record the delivery (planner stock add)",
    },
}
