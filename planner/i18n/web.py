"""web: the pages of ``planner serve`` (labels, buttons, messages)."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    # --- frame and navigation ---
    "web.title": {"id": "Perencana jemput bola", "en": "Mobile recording planner"},
    "web.nav.district": {"id": "Data kabupaten", "en": "District"},
    "web.nav.plan": {"id": "Rencana minggu", "en": "Plan a week"},
    "web.nav.record": {"id": "Rekap hasil", "en": "Record"},
    "web.nav.status": {"id": "Status kampanye", "en": "Status"},
    "web.nav.replan": {"id": "Ubah rencana", "en": "Replan"},
    "web.nav.logout": {"id": "Keluar", "en": "Log out"},
    "web.lang.switch": {"id": "English", "en": "Bahasa Indonesia"},
    "web.back": {"id": "Kembali", "en": "Back"},
    # --- login ---
    "web.login.title": {"id": "Masuk", "en": "Log in"},
    "web.login.password": {"id": "Kata sandi", "en": "Password"},
    "web.login.button": {"id": "Masuk", "en": "Log in"},
    "web.login.wrong": {"id": "Kata sandi salah.", "en": "Wrong password."},
    # --- planner serve: the command ---
    "help.serve": {
        "id": "Sajikan halaman web kabupaten untuk kantor: tabel, rencana minggu, rekap, "
        "status, perubahan rencana.\n\n"
        "Hanya di komputer ini (127.0.0.1) kecuali --host diberikan bersama --password.\n\n"
        "\b\nContoh:\n  planner serve --data ./rejang-lebong    # lalu buka http://127.0.0.1:8765/",
        "en": "Serve the district's web page for the office: tables, week plans, tallies, "
        "status, replans.\n\n"
        "Only on this computer (127.0.0.1) unless --host is given with --password.\n\n"
        "\b\nExample:\n  planner serve --data ./rejang-lebong    # then open http://127.0.0.1:8765/",
    },
    "help.serve.port": {"id": "Port yang didengarkan.", "en": "Port to listen on."},
    "help.serve.host": {
        "id": "Alamat yang didengarkan; selain komputer ini perlu --password.",
        "en": "Address to listen on; any but this computer's needs --password.",
    },
    "help.serve.password": {
        "id": "Kata sandi yang diminta halaman (atau $PLANNER_PASSWORD).",
        "en": "Password the page asks for (or $PLANNER_PASSWORD).",
    },
    "web.bind_refused": {
        "id": "--host {host}: komputer lain bisa membuka data kabupaten — beri kata sandi dengan "
        "--password (halaman lalu memintanya), atau sajikan di 127.0.0.1",
        "en": "--host {host}: other computers could open the district's data — give a password "
        "with --password (the page then asks for it), or serve on 127.0.0.1",
    },
    "web.serving": {
        "id": "planner serve: buka {url} di peramban ({folder}); Ctrl-C untuk berhenti",
        "en": "planner serve: open {url} in a browser ({folder}); Ctrl-C to stop",
    },
    # --- refusals ---
    "web.csrf": {
        "id": "Formulir kedaluwarsa atau tidak sah; muat ulang halaman lalu coba lagi.",
        "en": "The form has expired or is not valid; reload the page and try again.",
    },
    "web.too_large": {
        "id": "Berkas terlalu besar: paling banyak {limit} MB.",
        "en": "The file is too large: at most {limit} MB.",
    },
    "web.bad_type": {
        "id": "Jenis berkas {ext} tidak diterima: unggah .csv, .xlsx atau .toml.",
        "en": "File type {ext} is not accepted: upload .csv, .xlsx or .toml.",
    },
    "web.no_file": {"id": "Pilih berkas untuk diunggah.", "en": "Choose a file to upload."},
    "web.unknown_table": {
        "id": "Tabel mana? {name} bukan nama tabel; pilih tabelnya di daftar.",
        "en": "Which table? {name} is not a table name; choose the table in the list.",
    },
    "web.busy": {
        "id": "Rencana atau perubahan lain sedang dihitung untuk kabupaten ini; tunggu sampai "
        "selesai, lalu coba lagi.",
        "en": "Another plan or replan of this district is running; wait until it ends, then "
        "try again.",
    },
    "web.not_found": {"id": "Tidak ditemukan.", "en": "Not found."},
    # --- district page ---
    "web.district.title": {"id": "Data kabupaten {name}", "en": "District data: {name}"},
    "web.district.folder": {"id": "Folder", "en": "Folder"},
    "web.district.table": {"id": "Tabel", "en": "Table"},
    "web.district.file": {"id": "Berkas", "en": "File"},
    "web.district.rows": {"id": "Baris", "en": "Rows"},
    "web.district.missing": {"id": "tidak ada", "en": "missing"},
    "web.district.required": {"id": "wajib", "en": "required"},
    "web.district.valid": {
        "id": "Semua tabel terbaca dan benar.",
        "en": "Every table reads and checks out.",
    },
    "web.district.invalid": {
        "id": "{count} masalah harus diperbaiki sebelum merencanakan:",
        "en": "{count} problems must be fixed before planning:",
    },
    "web.district.warnings": {"id": "Peringatan", "en": "Warnings"},
    "web.problem.where": {"id": "Berkas", "en": "File"},
    "web.problem.row": {"id": "Baris", "en": "Row"},
    "web.problem.column": {"id": "Kolom", "en": "Column"},
    "web.problem.message": {"id": "Masalah", "en": "Problem"},
    "web.problem.hint": {"id": "Cara memperbaiki", "en": "How to fix"},
    "web.upload.title": {"id": "Unggah atau ganti tabel", "en": "Upload or replace a table"},
    "web.upload.table": {"id": "Tabel", "en": "Table"},
    "web.upload.by_name": {"id": "(menurut nama berkas)", "en": "(by the file's name)"},
    "web.upload.file": {"id": "Berkas (.csv, .xlsx, .toml)", "en": "File (.csv, .xlsx, .toml)"},
    "web.upload.button": {"id": "Periksa dan simpan", "en": "Check and save"},
    "web.upload.saved": {
        "id": "{file} tersimpan: semua tabel tetap benar.",
        "en": "{file} saved: every table still checks out.",
    },
    "web.upload.refused": {
        "id": "{file} ditolak; berkas lama tetap dipakai. Masalahnya:",
        "en": "{file} refused; the old file is kept. The problems:",
    },
    "web.settings.printers": {"id": "Printer portabel", "en": "Portable printers"},
    "web.settings.blank_stock": {"id": "Stok blanko", "en": "Blank card stock"},
    "web.settings.blank_reserve": {"id": "Blanko cadangan kantor", "en": "Blanks kept back"},
    "web.settings.button": {"id": "Periksa dan simpan", "en": "Check and save"},
    "web.settings.not_whole": {
        "id": "{field}: {value!r} bukan bilangan bulat 0 atau lebih.",
        "en": "{field}: {value!r} is not a whole number of 0 or more.",
    },
    "web.table.villages": {"id": "Desa/kelurahan", "en": "Villages"},
    "web.table.village_heads": {"id": "Jadwal kepala desa", "en": "Village heads"},
    "web.table.schools": {"id": "Sekolah", "en": "Schools"},
    "web.table.homebound": {"id": "Warga khusus", "en": "Homebound residents"},
    "web.table.teams": {"id": "Tim", "en": "Teams"},
    "web.table.holidays": {"id": "Hari libur", "en": "Holidays"},
    "web.table.settings": {"id": "Pengaturan (planner.toml)", "en": "Settings (planner.toml)"},
    # --- plan ---
    "web.plan.title": {"id": "Rencanakan minggu", "en": "Plan a week"},
    "web.plan.week": {"id": "Minggu (YYYY-Www)", "en": "Week (YYYY-Www)"},
    "web.plan.teams": {"id": "Tim", "en": "Teams"},
    "web.plan.lang": {"id": "Bahasa hasil", "en": "Language of outputs"},
    "web.plan.solution_limit": {
        "id": "Batas solusi pencarian (kosong: bawaan 100; kecil = cepat)",
        "en": "Search solution limit (blank: default 100; small = quick)",
    },
    "web.plan.seed": {"id": "Benih acak", "en": "Seed"},
    "web.plan.min_visit_every": {
        "id": "Utamakan desa yang tidak dikunjungi N minggu (kosong: tidak)",
        "en": "Favour villages not visited for N weeks (blank: no)",
    },
    "web.plan.button": {"id": "Mulai merencanakan", "en": "Start planning"},
    "web.plan.no_team": {"id": "Pilih paling sedikit satu tim.", "en": "Choose at least one team."},
    "web.plan.bad_number": {
        "id": "{field}: {value!r} bukan bilangan bulat yang sah.",
        "en": "{field}: {value!r} is not a valid whole number.",
    },
    "web.plan.earlier": {"id": "Rencana yang sudah ada", "en": "Weeks already planned"},
    "web.plan.district_invalid": {
        "id": "Data kabupaten belum benar; perbaiki dulu di halaman Data kabupaten.",
        "en": "The district's data is not valid yet; fix it on the District page first.",
    },
    "web.result.title": {"id": "Rencana {week}", "en": "Plan of {week}"},
    "web.result.summary": {"id": "Ringkasan", "en": "Summary"},
    "web.result.map": {"id": "Peta rute", "en": "Route map"},
    "web.result.coverage": {"id": "Peta cakupan", "en": "Coverage map"},
    "web.result.downloads": {"id": "Unduhan", "en": "Downloads"},
    "web.result.none": {
        "id": "Minggu ini belum direncanakan.",
        "en": "This week has not been planned.",
    },
    # --- jobs ---
    "web.job.running": {"id": "Sedang dihitung…", "en": "Working…"},
    "web.job.failed": {"id": "Gagal", "en": "Failed"},
    "web.job.stage.start": {"id": "mulai", "en": "starting"},
    "web.job.stage.build": {"id": "menyusun model", "en": "building the model"},
    "web.job.stage.solve": {"id": "mencari rute", "en": "searching routes"},
    "web.job.stage.extract": {"id": "menyusun jadwal", "en": "making the schedule"},
    "web.job.stage.check": {"id": "memeriksa aturan", "en": "checking every rule"},
    "web.job.stage.render": {"id": "menulis hasil", "en": "writing the outputs"},
    "web.job.stage.done": {"id": "selesai", "en": "done"},
    "web.job.noscript": {
        "id": "Muat ulang halaman ini untuk melihat kemajuannya.",
        "en": "Reload this page to see the progress.",
    },
    # --- record ---
    "web.record.title": {"id": "Rekap hasil minggu", "en": "Record a week's results"},
    "web.record.week": {"id": "Minggu", "en": "Week"},
    "web.record.file": {
        "id": "Rekap yang sudah diisi (schedule.xlsx atau CSV)",
        "en": "The filled tally (schedule.xlsx or CSV)",
    },
    "web.record.button": {"id": "Periksa dan rekam", "en": "Check and record"},
    "web.record.none": {
        "id": "Belum ada minggu yang direncanakan.",
        "en": "No week has been planned yet.",
    },
    "web.record.refused": {
        "id": "Rekap ditolak; tidak ada yang disimpan. Semua masalahnya:",
        "en": "The tally was refused; nothing was stored. Every problem:",
    },
    "web.record.unchanged": {
        "id": "{week} sudah direkam dengan hasil ini; tidak ada yang berubah.",
        "en": "{week} is already recorded with these results; nothing changed.",
    },
    "web.record.done": {
        "id": "{week} direkam (versi rencana {version}): {stops} kunjungan, {people} orang "
        "direkam (rencana {planned}), {cards} kartu dicetak, sisa blanko {left}.",
        "en": "{week} recorded (plan version {version}): {stops} stops, {people} people "
        "recorded (planned {planned}), {cards} cards printed, {left} blanks left.",
    },
    # --- status ---
    "web.status.title": {"id": "Status kampanye", "en": "Campaign status"},
    "web.status.kecamatan": {"id": "Cakupan per kecamatan", "en": "Coverage by kecamatan"},
    "web.status.weeks": {"id": "Tren belum rekam per minggu", "en": "Backlog by week"},
    "web.status.stock": {"id": "Stok blanko", "en": "Blank card stock"},
    "web.status.waiting": {"id": "Lokasi yang lama menunggu", "en": "Sites waiting longest"},
    "web.status.total": {"id": "Seluruh kabupaten", "en": "Whole district"},
    "web.status.empty": {"id": "(kosong)", "en": "(none)"},
    # --- replan ---
    "web.replan.title": {"id": "Ubah rencana minggu ini", "en": "Change this week's plan"},
    "web.replan.week": {"id": "Minggu", "en": "Week"},
    "web.replan.from": {"id": "Mulai tanggal", "en": "From date"},
    "web.replan.without": {"id": "Tim yang tidak bisa berangkat", "en": "Team that is missing"},
    "web.replan.cancel": {"id": "Kunjungan yang dibatalkan", "en": "Stop to cancel"},
    "web.replan.nothing": {"id": "(tidak ada)", "en": "(none)"},
    "web.replan.solution_limit": {
        "id": "Batas solusi pencarian (kosong: bawaan)",
        "en": "Search solution limit (blank: default)",
    },
    "web.replan.preview": {"id": "Lihat perubahannya", "en": "Show the changes"},
    "web.replan.changes": {"id": "Daftar perubahan", "en": "Change list"},
    "web.replan.confirm": {
        "id": "Terapkan perubahan ini",
        "en": "Apply these changes",
    },
    "web.replan.preview_note": {
        "id": "Ini baru pratinjau: rencana belum diubah. Tekan tombol di bawah untuk "
        "menerapkannya.",
        "en": "This is a preview: the plan is not changed yet. Press the button below to apply it.",
    },
    "web.replan.applied": {
        "id": "Rencana {week} diubah (versi {version}).",
        "en": "The plan of {week} was changed (version {version}).",
    },
    "web.replan.choose": {
        "id": "Pilih tim yang tidak berangkat atau kunjungan yang dibatalkan.",
        "en": "Choose a missing team or a stop to cancel.",
    },
    "web.replan.bad_date": {
        "id": "{value!r} bukan tanggal (YYYY-MM-DD).",
        "en": "{value!r} is not a date (YYYY-MM-DD).",
    },
}
