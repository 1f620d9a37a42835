"""status: the campaign report, its tables and warnings; the coverage figures the summary and
coverage.html share with it; warnings about weeks already started or still to come."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    # --- the report's lines ------------------------------------------------------------------
    "status.title": {
        "id": "{district}: status kampanye per {week} (minggu terakhir yang dicatat)",
        "en": "{district}: campaign status as of {week} (the last recorded week)",
    },
    "status.title_none": {
        "id": "{district}: status kampanye — belum ada minggu yang dicatat",
        "en": "{district}: campaign status — no week recorded yet",
    },
    "status.recorded_weeks": {"id": "Minggu tercatat: {weeks}", "en": "Recorded weeks: {weeks}"},
    "status.none": {"id": "belum ada", "en": "none yet"},
    "status.planned_week": {
        "id": "Direncanakan: rencana {week} (belum dicatat)",
        "en": "Planned: the plan of {week} (not recorded yet)",
    },
    "status.no_plan": {
        "id": "Direncanakan: tidak ada rencana sesudah minggu terakhir yang dicatat",
        "en": "Planned: no plan after the last recorded week",
    },
    "status.coverage_note": {
        "id": "Cakupan = tercatat ÷ wajib KTP. Siswa dan warga khusus termasuk belum rekam "
        "desanya: perekaman mereka mengurangi belum rekam desa itu (paling banyak sampai 0).",
        "en": "Coverage = recorded ÷ obliged. Students and homebound residents are part of "
        "their village's backlog: recording them lowers that backlog (down to 0 at most).",
    },
    "status.table.kecamatan": {"id": "Cakupan per kecamatan", "en": "Coverage by kecamatan"},
    "status.table.weeks": {"id": "Belum rekam per minggu", "en": "Backlog by week"},
    "status.table.stock": {"id": "Stok blanko per minggu", "en": "Blank cards by week"},
    "status.table.waiting": {
        "id": "Belum dikunjungi dalam {weeks} minggu terakhir (sampai {week}): {count} lokasi "
        "dengan belum rekam",
        "en": "Not visited in the last {weeks} weeks (to {week}): {count} sites with backlog",
    },
    "status.total": {"id": "{name} (kabupaten)", "en": "{name} (district)"},
    "status.never": {"id": "belum pernah", "en": "never"},
    "status.weeks_ago": {"id": "{week} ({weeks} mg)", "en": "{week} ({weeks} wk)"},
    "status.more": {
        "id": "… dan {count} lagi (lihat --format csv --table waiting atau json)",
        "en": "… and {count} more (see --format csv --table waiting, or json)",
    },
    "status.start_row": {"id": "awal", "en": "start"},
    "status.homebound_at": {"id": "{category}, {village}", "en": "{category}, {village}"},
    # --- stock lines -------------------------------------------------------------------------
    "status.stock_now": {
        "id": "Stok blanko: {start} di awal kampanye, kini {now}; kantor menyimpan {reserve}, "
        "tim masih boleh mencetak {budget}",
        "en": "Blank cards: {start} at the campaign's start, {now} now; the office keeps "
        "{reserve}, the teams may still print {budget}",
    },
    "status.stock_pace": {
        "id": "Dengan laju {pace} kartu per minggu (rata-rata {weeks}), cukup untuk {left} minggu",
        "en": "At {pace} cards a week (the average of {weeks}), that lasts {left} weeks",
    },
    "status.stock_no_pace": {
        "id": "Laju cetak belum diketahui: belum ada kartu tercetak di minggu yang dicatat",
        "en": "Printing pace unknown: no cards printed in the recorded weeks",
    },
    "status.stock_toml": {
        "id": "blank_stock di planner.toml ({toml}) bukan stok awal kampanye ({start}, disimpan "
        "di buku kampanye); catat kiriman dengan 'planner stock add' atau hitung ulang dengan "
        "'planner stock set'",
        "en": "blank_stock in planner.toml ({toml}) is not the campaign's starting stock "
        "({start}, kept in the ledger); record a delivery with 'planner stock add' or a "
        "recount with 'planner stock set'",
    },
    "status.stock_short": {
        "id": "{cards} kartu lebih banyak tercatat dicetak daripada stok; catat kiriman dengan "
        "'planner stock add'",
        "en": "{cards} more cards recorded as printed than the stock held; record the delivery "
        "with 'planner stock add'",
    },
    # --- column headers ----------------------------------------------------------------------
    "status.col.kecamatan": {"id": "kecamatan", "en": "kecamatan"},
    "status.col.villages": {"id": "desa", "en": "villages"},
    "status.col.code": {"id": "kode", "en": "code"},
    "status.col.village": {"id": "desa", "en": "village"},
    "status.col.village_code": {"id": "kode desa", "en": "village code"},
    "status.col.obliged": {"id": "wajib KTP", "en": "obliged"},
    "status.col.backlog_start": {"id": "belum rekam awal", "en": "backlog at start"},
    "status.col.recorded": {"id": "tercatat", "en": "recorded"},
    "status.col.backlog": {"id": "belum rekam", "en": "backlog"},
    "status.col.planned": {"id": "rencana", "en": "planned"},
    "status.col.backlog_after": {"id": "belum rekam sesudah rencana", "en": "backlog after plan"},
    "status.col.coverage_start": {"id": "cakupan awal", "en": "coverage at start"},
    "status.col.coverage_now": {"id": "cakupan kini", "en": "coverage now"},
    "status.col.coverage_after": {"id": "cakupan sesudah rencana", "en": "coverage after plan"},
    "status.col.week": {"id": "minggu", "en": "week"},
    "status.col.students": {"id": "siswa", "en": "students"},
    "status.col.homebound": {"id": "warga khusus", "en": "homebound"},
    "status.col.stops": {"id": "kunjungan", "en": "stops"},
    "status.col.printed": {"id": "dicetak", "en": "printed"},
    "status.col.stock_start": {"id": "stok awal", "en": "start"},
    "status.col.delivered": {"id": "kiriman", "en": "delivered"},
    "status.col.counted": {"id": "hitung ulang", "en": "recount"},
    "status.col.stock_end": {"id": "stok akhir", "en": "end"},
    "status.col.site": {"id": "lokasi", "en": "site"},
    "status.col.kind": {"id": "jenis", "en": "kind"},
    "status.col.category": {"id": "kategori", "en": "category"},
    "status.col.name": {"id": "nama", "en": "name"},
    "status.col.last_visit": {"id": "kunjungan terakhir", "en": "last visit"},
    "status.col.weeks_waiting": {"id": "minggu menunggu", "en": "weeks waiting"},
    # --- the coverage table of summary.txt ---------------------------------------------------
    "coverage.summary_title": {
        "id": "Cakupan per kecamatan (tercatat ÷ wajib KTP)",
        "en": "Coverage by kecamatan (recorded ÷ obliged)",
    },
    "coverage.beyond": {
        "id": "{people} orang yang diharapkan di lokasi melebihi belum rekam desanya (siswa "
        "dihitung di desa sekolahnya): mereka tidak menaikkan cakupan",
        "en": "{people} people expected at stops exceed their village's backlog (students "
        "count toward their school's village): they do not raise coverage",
    },
    # --- week warnings -----------------------------------------------------------------------
    "week.started": {
        "id": "{week} sudah dimulai (Senin {monday}; hari ini {today}): rencana ini mencakup "
        "hari yang sudah lewat",
        "en": "{week} has already started (Monday {monday}; today is {today}): this plan "
        "includes days that have passed",
    },
    "week.future": {
        "id": "{week} belum dimulai (Senin {monday}; hari ini {today}): yakin ini minggu yang "
        "benar untuk dicatat?",
        "en": "{week} has not started yet (Monday {monday}; today is {today}): is this the "
        "right week to record?",
    },
}
