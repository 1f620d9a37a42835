"""Papers for the field: notification letters (surat pemberitahuan), team packs, the office's
letterhead settings."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    # --- [office] letterhead settings (planner.io.office) ---
    "office.not_text": {
        "id": "{name} harus berupa teks",
        "en": "{name} must be a text",
    },
    "office.text_hint": {
        "id": 'tulis misalnya {name} = "…"',
        "en": 'write e.g. {name} = "…"',
    },
    "office.bad_pattern": {
        "id": "pola nomor surat {pattern!r} memakai kolom yang tidak dikenal",
        "en": "the letter number pattern {pattern!r} uses an unknown field",
    },
    "office.pattern_hint": {
        "id": "gunakan {fields}, misalnya 470/{{seq:03d}}/Dukcapil/{{month_roman}}/{{year}}",
        "en": "use {fields}, e.g. 470/{{seq:03d}}/Dukcapil/{{month_roman}}/{{year}}",
    },
    "office.logo_missing": {
        "id": "berkas logo {logo!r} tidak ditemukan",
        "en": "logo file {logo!r} not found",
    },
    "office.logo_hint": {
        "id": "letakkan berkas gambar (PNG/JPG) di folder kabupaten atau maps/, "
        "atau hapus baris logo",
        "en": "put the image (PNG/JPG) in the district folder or maps/, or remove the logo line",
    },
    "office.not_table": {
        "id": "{table} harus berupa tabel [{table}]",
        "en": "{table} must be a table [{table}]",
    },
    "office.letters_bool": {
        "id": "letters harus true atau false",
        "en": "letters must be true or false",
    },
    # --- letters (planner.render.letters) ---
    "letter.number": {"id": "Nomor", "en": "Number"},
    "letter.nature": {"id": "Sifat", "en": "Nature"},
    "letter.nature_value": {"id": "Penting", "en": "Important"},
    "letter.attachment": {"id": "Lampiran", "en": "Attachment"},
    "letter.subject": {"id": "Perihal", "en": "Subject"},
    "letter.subject_value": {
        "id": "Pemberitahuan Pelayanan Perekaman KTP-el (Jemput Bola)",
        "en": "Notice of a mobile e-KTP recording visit (jemput bola)",
    },
    "letter.to": {"id": "Kepada", "en": "To"},
    "letter.to_village": {"id": "Yth. Kepala Desa {name}", "en": "The Head of {name} village"},
    "letter.to_kelurahan": {"id": "Yth. Lurah {name}", "en": "The Lurah of {name}"},
    "letter.to_school": {"id": "Yth. Kepala {name}", "en": "The Principal of {name}"},
    "letter.at": {"id": "di —\n      Tempat", "en": "(delivered by hand)"},
    "letter.greeting": {"id": "Dengan hormat,", "en": "Dear Sir or Madam,"},
    "letter.opening_village": {
        "id": "Dalam rangka percepatan perekaman KTP elektronik (KTP-el) melalui pelayanan "
        "jemput bola, bersama ini kami beritahukan bahwa tim perekaman {agency} akan "
        "melaksanakan perekaman KTP-el di {place}, Kecamatan {kecamatan}, pada:",
        "en": "To speed up the recording of electronic ID cards (e-KTP) by visiting residents "
        "(jemput bola), we inform you that a recording team of the {agency} will record "
        "e-KTP in {place}, {kecamatan} sub-district, on:",
    },
    "letter.opening_school": {
        "id": "Dalam rangka percepatan perekaman KTP elektronik (KTP-el) bagi pemilih pemula "
        "melalui pelayanan jemput bola, bersama ini kami beritahukan bahwa tim perekaman "
        "{agency} akan melaksanakan perekaman KTP-el di {place} ({village}, Kecamatan "
        "{kecamatan}), pada:",
        "en": "To speed up the recording of electronic ID cards (e-KTP) of young residents by "
        "visiting them (jemput bola), we inform you that a recording team of the {agency} "
        "will record e-KTP at {place} ({village}, {kecamatan} sub-district), on:",
    },
    "letter.day_date": {"id": "Hari/tanggal", "en": "Date"},
    "letter.time": {"id": "Waktu", "en": "Time"},
    "letter.time_value": {"id": "pukul {window} {zone}", "en": "{window} {zone}"},
    "letter.place": {"id": "Tempat", "en": "Place"},
    "letter.place_village": {
        "id": "Kantor {place} (atau tempat lain yang ditentukan)",
        "en": "the office of {place} (or another place you choose)",
    },
    "letter.place_school": {"id": "{place}", "en": "{place}"},
    "letter.requests": {
        "id": "Sehubungan dengan hal tersebut, kami mohon bantuan Saudara untuk:",
        "en": "We kindly ask you to:",
    },
    "letter.ask_village_residents": {
        "id": "memberitahukan kepada warga wajib KTP-el yang belum melakukan perekaman "
        "(diperkirakan {people} orang) agar hadir pada waktu tersebut;",
        "en": "tell the residents who must hold an e-KTP and have not been recorded yet "
        "(about {people} people) to come at that time;",
    },
    "letter.ask_school_students": {
        "id": "mengumpulkan siswa/siswi yang telah berusia 17 tahun ke atas dan belum melakukan "
        "perekaman KTP-el (diperkirakan {people} orang);",
        "en": "gather the students aged 17 and over who have not been recorded for an e-KTP "
        "yet (about {people} students);",
    },
    "letter.ask_kk": {
        "id": "mengingatkan agar setiap orang membawa Kartu Keluarga (KK) asli atau fotokopinya;",
        "en": "remind everyone to bring their family card (Kartu Keluarga, KK), the original "
        "or a copy;",
    },
    "letter.ask_village_head": {
        "id": "hadir, atau menugaskan Kepala Seksi Pemerintahan, selama perekaman berlangsung "
        "serta menyiapkan daftar warga yang akan direkam;",
        "en": "attend, or send the head of government affairs (kasi pemerintahan), while the "
        "recording lasts, and prepare the list of residents to be recorded;",
    },
    "letter.ask_school_staff": {
        "id": "menugaskan seorang guru atau staf tata usaha untuk mendampingi tim perekaman;",
        "en": "ask a teacher or an administrative officer to assist the recording team;",
    },
    "letter.ask_room": {
        "id": "menyiapkan ruangan, meja, kursi dan sambungan listrik.",
        "en": "prepare a room, tables, chairs and a power socket.",
    },
    "letter.contact": {
        "id": "Informasi lebih lanjut dapat menghubungi {name}{phone}.",
        "en": "For more information please contact {name}{phone}.",
    },
    "letter.contact_phone": {"id": ", telepon {phone}", "en": ", telephone {phone}"},
    "letter.closing": {
        "id": "Demikian disampaikan, atas perhatian dan kerja sama Saudara diucapkan terima kasih.",
        "en": "Thank you for your attention and cooperation.",
    },
    "letter.nip": {"id": "NIP {nip}", "en": "NIP {nip}"},
    "letter.copies": {"id": "Tembusan:", "en": "Copies to:"},
    "letter.copy_camat": {"id": "Camat {kecamatan}", "en": "Camat of {kecamatan}"},
    "letter.copy_archive": {"id": "Arsip", "en": "File"},
    "letters.none": {
        "id": "Tidak ada desa atau sekolah yang dikunjungi pada minggu {week}.",
        "en": "No village or school is visited in week {week}.",
    },
    "letters.written": {
        "id": "{count} surat pemberitahuan → {folder}",
        "en": "{count} notification letters → {folder}",
    },
    "letters.no_plan": {
        "id": "tidak ada rencana untuk minggu {week} di {path}",
        "en": "no plan for week {week} at {path}",
    },
    "letters.no_plan_hint": {
        "id": "jalankan dulu planner plan --week {week} (atau beri --out yang benar)",
        "en": "run planner plan --week {week} first (or give the right --out)",
    },
    # --- the schedule cover's blank-card table (planner.render.cover) ---
    "cover.legend": {
        "id": "Sel abu-abu: tim berangkat tanpa printer (tidak membawa blanko). "
        "{none}: tidak ada rute.",
        "en": "Grey cell: the team goes without a printer (no blank cards). {none}: no route.",
    },
    # --- team packs (planner.render.teampack) ---
    "pack.title": {"id": "Jadwal {team}", "en": "Schedule: {team}"},
    "pack.coordinates": {"id": "Koordinat", "en": "Coordinates"},
    "pack.open_map": {"id": "Buka peta", "en": "Open map"},
    # --- map.html's day view (planner.render.mapdays) ---
    "map.day_picker": {"id": "Hari:", "en": "Day:"},
    "map.all_days": {"id": "Semua hari", "en": "All days"},
    "map.week": {"id": "Seminggu", "en": "Week"},
    "map.people_short": {"id": "Orang", "en": "People"},
    "map.stop_tooltip": {
        "id": "{team} · {day} · No. {order}: {place} {start}–{end}",
        "en": "{team} · {day} · No. {order}: {place} {start}–{end}",
    },
    "help.letters": {
        "id": "Surat pemberitahuan untuk tiap desa dan sekolah yang dikunjungi minggu itu.\n\n"
        "\b\nContoh:\n  planner letters --week 2026-W49",
        "en": "A notification letter (surat pemberitahuan) per visited village and school.\n\n"
        "\b\nExample:\n  planner letters --week 2026-W49 --lang en",
    },
    "help.letters.week": {
        "id": "Minggu yang direncanakan, YYYY-Www.",
        "en": "The planned week, YYYY-Www.",
    },
    "help.letters.out": {
        "id": "Membaca OUT/<minggu>/plan.json, menulis OUT/<minggu>/surat/ (bawaan: out).",
        "en": "Reads OUT/<week>/plan.json, writes OUT/<week>/surat/ (default: out).",
    },
    "help.letters.lang": {
        "id": "Bawaan: bahasa rencananya.",
        "en": "Default: the plan's language.",
    },
    "help.letters.date": {
        "id": "Tanggal surat (bawaan: hari ini).",
        "en": "Signed on (default: today).",
    },
}
