"""Command help texts (every command and option).

Help texts are chosen when click builds the commands, from ``--lang`` in the command line or
``PLANNER_LANG`` (Indonesian by default); ``\\b`` keeps click from re-wrapping an example block.
"""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    # Shared options
    "help.opt.data": {
        "id": "Folder kabupaten (bawaan: contoh kabupaten Rejang Lebong yang disertakan).",
        "en": "District folder (default: the bundled sample district, Rejang Lebong).",
    },
    "help.opt.data_plan": {
        "id": "Folder kabupaten (bawaan: folder tempat plan.json dibuat; rencana lama: contoh "
        "kabupaten).",
        "en": "District folder (default: the one plan.json was made from; older plans: the "
        "sample).",
    },
    "help.init.office": {
        "id": "Dengan --blank: titik kantor (mis. -3.4707,102.5237); tanpa ini planner.toml "
        "memuat titik sementara yang ditolak validate sampai Anda mengisinya.",
        "en": "With --blank: the office's point (e.g. -3.4707,102.5237); without it planner.toml "
        "holds a placeholder that validate refuses until you set it.",
    },
    "help.opt.lang": {
        "id": "Bahasa pesan dan keluaran: id atau en (bawaan: PLANNER_LANG, lalu language "
        "di planner.toml, lalu id).",
        "en": "Language of messages and outputs: id or en (default: PLANNER_LANG, then the "
        "district's language in planner.toml, then id).",
    },
    "help.opt.progress": {"id": "Tampilkan bilah kemajuan.", "en": "Show a progress bar."},
    "help.opt.roads_check": {
        "id": "Jaringan jalan (OSM XML atau GraphML) untuk waktu tempuh; pakai yang dipakai "
        "saat rencana dibuat.",
        "en": "Road network (OSM XML or GraphML) for travel times; use the one the plan was "
        "made with.",
    },
    "help.planner": {
        "id": "Menyusun jadwal mingguan tim perekaman keliling Dinas Dukcapil.\n\n"
        "Bahasa: --lang id|en atau PLANNER_LANG (bawaan Indonesia).\n\n"
        "\b\nContoh:\n"
        "  planner validate              # periksa contoh kabupaten yang disertakan\n"
        "  planner plan --week next      # susun minggu depan, tulis out/<minggu>/",
        "en": "Plan the week of a Dukcapil office's mobile recording teams.\n\n"
        "Language: --lang id|en or PLANNER_LANG (Indonesian by default).\n\n"
        "\b\nExample:\n"
        "  planner validate              # check the bundled sample district\n"
        "  planner plan --week next      # plan next week, write out/<week>/",
    },
    "help.validate": {
        "id": "Periksa folder kabupaten dan ringkas isinya.\n\n"
        "Semua masalah di semua berkas ditampilkan sekaligus sebagai berkas:baris:kolom, dan "
        "perintah berakhir dengan status 2; peringatan (mis. desa yang kepala desanya tidak "
        "pernah hadir) tidak menggagalkan.\n\n"
        "\b\nContoh:\n"
        "  planner validate                       # contoh kabupaten yang disertakan\n"
        "  planner validate --data ~/kab-rejang   # folder kabupaten Anda sendiri",
        "en": "Check a district folder and summarise what it holds.\n\n"
        "Every problem in every file is listed at once as file:row:column, and the command "
        "exits with status 2; warnings (e.g. a village the head never attends) do not fail.\n\n"
        "\b\nExample:\n"
        "  planner validate                       # the bundled sample district\n"
        "  planner validate --data ~/kab-rejang   # your own district folder",
    },
    "help.init": {
        "id": "Buat folder kabupaten DIR sebagai awal: salinan contoh kabupaten.\n\n"
        "DIR harus baru atau kosong. Salinannya punya folder maps/ sendiri. Sunting tabelnya "
        "(CSV atau XLSX, judul kolom Indonesia atau Inggris), lalu periksa dengan "
        "`planner validate --data DIR`.\n\n"
        "\b\nContoh:\n"
        "  planner init kab-saya            # contoh Rejang Lebong, untuk disunting\n"
        "  planner init kab-saya --blank --office -3.4707,102.5237   # templat kosong",
        "en": "Make a district folder DIR to start from: a copy of the sample district.\n\n"
        "DIR must be new or empty. The copy has its own maps/ folder. Edit the tables (CSV or "
        "XLSX, Indonesian or English headers), then check them with "
        "`planner validate --data DIR`.\n\n"
        "\b\nExample:\n"
        "  planner init kab-saya            # the Rejang Lebong sample, to edit\n"
        "  planner init kab-saya --blank --office -3.4707,102.5237   # empty templates",
    },
    "help.init.blank": {
        "id": "Tulis templat kosong (satu baris judul dan satu baris contoh per tabel).",
        "en": "Write empty templates (a header and one example row each) instead.",
    },
    "help.check": {
        "id": "Periksa PLAN.json terhadap aturan wajib kabupaten (jam buka, jam tim, "
        "perjalanan, durasi, belum rekam, printer dan blangko).\n\n"
        "Berakhir 0 bila semua aturan terpenuhi, 1 dengan daftar pelanggarannya, 2 bila "
        "rencana atau kabupaten tidak dapat dibaca.\n\n"
        "\b\nContoh:\n  planner check out/2026-W48/plan.json --data kab-saya",
        "en": "Check PLAN.json against the district's hard rules (windows, hours, travel, "
        "durations, backlogs, printers and blank cards, totals).\n\n"
        "Exits 0 when every rule holds, 1 listing every violation, 2 when the plan or the "
        "district cannot be read.\n\n"
        "\b\nExample:\n  planner check out/2026-W48/plan.json --data my-district",
    },
    "help.render": {
        "id": "Tulis map.html, coverage.html, schedule.html/.pdf dan schedule.xlsx untuk "
        "sebuah rencana.\n\n"
        "Folder kabupaten (--data) memberi nama, tempat dan kontak; sebaiknya folder yang "
        "dipakai saat rencana dibuat. Warga khusus hanya disebut namanya di jadwal tim.\n\n"
        "\b\nContoh:\n  planner render out/2026-W48/plan.json\n"
        "  planner render out/2026-W48/plan.json --lang en --online --out /tmp/w48",
        "en": "Write map.html, coverage.html, schedule.html/.pdf and schedule.xlsx for a "
        "plan.\n\n"
        "The district folder (--data) gives names, places and contacts; it should be the one "
        "the plan was made from. Homebound residents are named only in the team schedules.\n\n"
        "\b\nExample:\n  planner render out/2026-W48/plan.json\n"
        "  planner render out/2026-W48/plan.json --lang en --online --out /tmp/w48",
    },
    "help.record": {
        "id": "Catat rekap RESULTS (CSV atau XLSX) yang sudah diisi untuk minggu yang "
        "direncanakan.\n\n"
        'RESULTS adalah lembar "semua titik" dari schedule.xlsx dengan kolom tercatat dan '
        "dicetak terisi; sel tercatat yang kosong berarti titik itu tidak dikunjungi. Belum "
        "rekam dan stok blangko rencana berikutnya berangkat dari yang dicatat di sini. "
        "Mencatat rekap yang sama lagi tidak mengubah apa pun; rekap perbaikan untuk minggu "
        "yang sama menggantikan yang sebelumnya.\n\n"
        "\b\nContoh:\n  planner record --week 2026-W48 rekap-W48.xlsx",
        "en": "Record the filled-in tally RESULTS (CSV or XLSX) of a planned week.\n\n"
        'RESULTS is the "all stops" sheet of schedule.xlsx with the columns recorded '
        "(tercatat) and printed (dicetak) filled in; a blank recorded cell means the stop was "
        "not visited. Backlogs and the blank-card stock of the next plan start from what is "
        "recorded here. Recording the same tally again changes nothing; a corrected tally of "
        "the same week replaces the earlier one.\n\n"
        "\b\nExample:\n  planner record --week 2026-W48 tally-W48.xlsx",
    },
    "help.record.week": {
        "id": "Minggu rekap ini (minggu rencananya), mis. 2026-W48.",
        "en": "The week the tally belongs to (the week of its plan), e.g. 2026-W48.",
    },
    "help.status": {
        "id": "Tampilkan kampanye: cakupan per kecamatan, belum rekam per minggu, blangko, "
        "lokasi yang paling lama menunggu.\n\n"
        "Cakupan = tercatat / wajib KTP (1 - belum rekam / wajib KTP) atas desa-desa, dari "
        "tabel kabupaten dikurangi semua yang dicatat dengan 'planner record' (siswa dan warga "
        "khusus dihitung di desanya). Warga khusus hanya tampil dengan id, kategori dan "
        "desanya.\n\n"
        "\b\nContoh:\n  planner status --weeks 4\n"
        "  planner status --format csv --table villages > desa.csv",
        "en": "Show the campaign: coverage by kecamatan, backlog per week, cards, waiting "
        "sites.\n\n"
        "Coverage is recorded / obliged (1 - backlog / obliged) over the villages, from the "
        "district tables minus everything recorded with 'planner record' (students and "
        "homebound residents count toward their village). Homebound residents appear by id, "
        "category and village only.\n\n"
        "\b\nExample:\n  planner status --weeks 4\n"
        "  planner status --format csv --table villages > villages.csv",
    },
    "help.status.format": {
        "id": "table untuk dibaca orang; csv (satu tabel, lihat --table) atau json (semuanya) "
        "ke stdout untuk program lain.",
        "en": "table for people; csv (one table, see --table) or json (everything) to stdout "
        "for other programs.",
    },
    "help.status.table": {
        "id": "Tabel yang ditulis --format csv.",
        "en": "The table --format csv writes.",
    },
    "help.status.weeks": {
        "id": "Daftar lokasi dengan belum rekam yang tidak dikunjungi dalam N minggu terakhir.",
        "en": "List sites with backlog not visited in the last N weeks.",
    },
    "help.status.as_of": {
        "id": "Minggu terakhir jendela --weeks (bawaan: minggu terakhir yang dicatat).",
        "en": "The week the --weeks window ends with (default: the last recorded week).",
    },
}
TEXT.update(
    {
        "help.replan": {
            "id": "Ubah sisa rencana minggu ini: titik sebelum --from dan titik yang sudah "
            "diberitahukan tetap.\n\n"
            "Menulis versi rencana baru ke OUT/<minggu>/ (yang sebelumnya disimpan sebagai "
            "plan.vN.json) dan changes.txt: titik yang pindah, yang dibatalkan, siapa yang harus "
            "diberi tahu, titik baru tiap tim, siapa menyerahkan printer kepada siapa. Printer dan "
            "blanko dipilih ulang; hari tim tambahan tetap berlaku.\n\n"
            "\b\nContoh:\n  planner replan --from 2026-12-02 --without-team T2\n"
            "  planner replan --from 2026-12-03 --cancel village:17.02.06.2005 "
            "--add-team-day T4:2026-12-05",
            "en": "Change the rest of a week's plan: stops before --from and notified stops "
            "stay.\n\n"
            "Writes a new plan version to OUT/<week>/ (the previous one is kept as plan.vN.json) "
            "and changes.txt: which stops moved, which were dropped, who must be told, each team's "
            "new stops, who hands a printer to whom. Printers and cards are chosen again; added "
            "team-days are kept.\n\n"
            "\b\nExample:\n  planner replan --from 2026-12-02 --without-team T2\n"
            "  planner replan --from 2026-12-03 --cancel village:17.02.06.2005 "
            "--add-team-day T4:2026-12-05",
        },
        "help.replan.from": {
            "id": "Tanggal pertama yang diubah (YYYY-MM-DD).",
            "en": "First date to change (YYYY-MM-DD).",
        },
        "help.replan.out": {
            "id": "Keluaran ada di OUT/<minggu>/.",
            "en": "Outputs live in OUT/<week>/.",
        },
        "help.replan.plan": {
            "id": "Rencana yang diubah (bawaan OUT/<minggu>/plan.json).",
            "en": "The plan to change (default OUT/<week>/plan.json).",
        },
        "help.replan.without": {
            "id": "Tim yang libur (boleh diulang).",
            "en": "A team that is off (repeat).",
        },
        "help.replan.cancel": {
            "id": "Id lokasi yang dibatalkan, mis. village:17.02.01.2001 (boleh diulang).",
            "en": "A site id to drop, e.g. village:17.02.01.2001 (repeat).",
        },
        "help.replan.add": {
            "id": "Hari kerja tim tambahan TIM:YYYY-MM-DD[:HH:MM-HH:MM] (boleh diulang).",
            "en": "Extra team-day TEAM:YYYY-MM-DD[:HH:MM-HH:MM] (repeat).",
        },
        "help.replan.keep": {
            "id": "Pertahankan setiap titik sesudahnya yang masih bisa tetap pada tim, hari dan "
            "jam yang sudah diberitahukan.",
            "en": "Keep every later stop that can stay at its notified team, day and time.",
        },
        "help.opt.time_limit": {
            "id": "Batas pengaman pencarian dalam detik (bawaan 600); pencarian berhenti sendiri.",
            "en": "Safety net on the search in seconds (default 600); it stops by itself.",
        },
        "help.opt.solution_limit": {
            "id": "Jumlah solusi yang lebih baik sebelum pencarian berhenti (bawaan 100).",
            "en": "Improving solutions before the search stops (default 100).",
        },
        "help.opt.seed": {
            "id": "Seed lain menjelajahi jalur pencarian lain.",
            "en": "Another seed explores another search path.",
        },
        "help.opt.roads": {
            "id": "Berkas jaringan jalan (OSM XML atau GraphML) sebagai ganti pengaturan "
            "kabupaten.",
            "en": "Road network file (OSM XML or GraphML) instead of the district's setting.",
        },
        "help.opt.offline": {
            "id": "Peta sebagai satu berkas mandiri tanpa internet; --online memakai ubin OSM.",
            "en": "Maps as single self-contained files (no tiles); --online adds OSM tiles.",
        },
        "help.roads": {
            "id": "Jaringan jalan untuk waktu tempuh nyata (tanpanya, planner memperkirakan dari "
            "garis lurus).\n\n"
            "\b\nContoh:\n  planner roads import sumatra-latest.osm.pbf --data rejang-lebong\n"
            "  planner roads fetch --data rejang-lebong        # perlu internet",
            "en": "Road networks for real travel times (without one, planner estimates from "
            "straight lines).\n\n"
            "\b\nExample:\n  planner roads import sumatra-latest.osm.pbf --data rejang-lebong\n"
            "  planner roads fetch --data rejang-lebong        # needs internet",
        },
        "help.roads.import": {
            "id": "Impor berkas OpenStreetMap (.osm, .osm.gz, .osm.bz2, .osm.pbf) atau jaringan "
            "GraphML.\n\n"
            "Bekerja tanpa internet. Menyimpan jalan di dalam kabupaten ditambah --margin-km, "
            "menyederhanakannya dan menulis maps/roads.graphml. Berkasnya boleh satu ekstrak "
            "wilayah utuh (mis. .osm.pbf Sumatra dari Geofabrik): dibaca dua kali secara "
            "mengalir, dengan memori yang bergantung pada kabupaten, bukan pada berkasnya "
            "(beberapa menit untuk berkas ratusan MB).\n\n"
            "\b\nContoh:\n"
            "  planner roads import sumatra-latest.osm.pbf --data rejang-lebong --margin-km 5",
            "en": "Import an OpenStreetMap file (.osm, .osm.gz, .osm.bz2, .osm.pbf) or a GraphML "
            "network.\n\n"
            "Works offline. Keeps the roads inside the district plus --margin-km, simplifies "
            "them and writes maps/roads.graphml. The file may be a whole regional extract (e.g. "
            "Geofabrik's Sumatra .osm.pbf): it is read twice, streaming, in memory that depends "
            "on the district, not on the file (a few minutes for a file of several hundred "
            "MB).\n\n"
            "\b\nExample:\n"
            "  planner roads import sumatra-latest.osm.pbf --data rejang-lebong --margin-km 5",
        },
        "help.roads.fetch": {
            "id": "Unduh jalan kabupaten dari OpenStreetMap (perlu internet) ke maps/.\n\n"
            "Tanpa internet perintah langsung berhenti dengan pesan; pakai `planner roads "
            "import` dengan berkas yang diunduh di tempat lain.\n\n"
            "\b\nContoh:\n  planner roads fetch --data rejang-lebong",
            "en": "Download the district's roads from OpenStreetMap (needs internet) into "
            "maps/.\n\n"
            "Without internet it stops at once with a message; use `planner roads import` with "
            "a file downloaded elsewhere instead.\n\n"
            "\b\nExample:\n  planner roads fetch --data rejang-lebong",
        },
        "help.roads.margin": {
            "id": "Simpan jalan sejauh ini di luar batas kabupaten (rute bisa keluar batas).",
            "en": "Keep roads this far outside the district boundary (routes may leave it).",
        },
        "help.roads.output": {
            "id": "Nama berkas yang ditulis di folder maps kabupaten.",
            "en": "File name to write in the district's maps folder.",
        },
    }
)
TEXT.update(
    {
        "help.plan": {
            "id": "Susun rencana satu minggu: tim mana mengunjungi lokasi mana, kapan, dengan "
            "printer dan blangko.\n\n"
            "Menulis OUT/<minggu>/plan.json, summary.txt, map.html, coverage.html, "
            "schedule.pdf/.html/.xlsx hanya setelah pemeriksaan mandiri semua aturan wajib "
            "lolos.\n\n"
            "\b\nContoh:\n  planner plan --week next\n"
            "  planner plan --week 2026-W49 --data ./rejang-lebong --teams T1,T2 --lang en",
            "en": "Plan a week: which team visits which site, when, with printers and cards.\n\n"
            "Writes OUT/<week>/plan.json, summary.txt, map.html, coverage.html, "
            "schedule.pdf/.html/.xlsx only after an independent check of every hard rule "
            "passes.\n\n"
            "\b\nExample:\n  planner plan --week next\n"
            "  planner plan --week 2026-W49 --data ./rejang-lebong --teams T1,T2 --lang en",
        },
        "help.plan.week": {
            "id": "Minggu ISO YYYY-Www, atau 'next' / 'this'.",
            "en": "ISO week YYYY-Www, or 'next' / 'this'.",
        },
        "help.plan.data": {
            "id": "Folder kabupaten (bawaan: contoh yang disertakan). Ulangi untuk menyusun "
            "beberapa kabupaten sekaligus, masing-masing ke OUT/<nama folder>/<minggu>/.",
            "en": "District folder (default: the bundled sample). Repeat it to plan several "
            "districts in parallel, each into OUT/<folder name>/<week>/.",
        },
        "help.plan.cluster": {
            "id": "Susun kabupaten-kabupaten di klaster Dask: tcp://host:8786, atau 'local' "
            "(perlu planner[cluster]).",
            "en": "Plan the districts on a Dask cluster: tcp://host:8786, or 'local' (needs "
            "planner[cluster]).",
        },
        "help.plan.out": {"id": "Keluaran ke OUT/<minggu>/.", "en": "Outputs go to OUT/<week>/."},
        "help.plan.engine": {
            "id": "Mesin rute: keduanya sekaligus lalu yang lebih baik disimpan (portfolio), "
            "atau salah satunya.",
            "en": "Routing engine: both at once, the better plan kept (portfolio), or one.",
        },
        "help.plan.teams": {
            "id": "Hanya tim ini, mis. T1,T3.",
            "en": "Only these team ids, e.g. T1,T3.",
        },
        "help.plan.min_visit": {
            "id": "Naikkan nilai desa dengan belum rekam yang tidak dikunjungi N minggu atau "
            "lebih.",
            "en": "Raise the value of villages with backlog not visited for N weeks or more.",
        },
        "help.plan.fair_reach": {
            "id": "Nilai lokasi naik dengan lamanya kecamatan menunggu dan ketertinggalan "
            "cakupannya (bawaan: [fairness] di planner.toml, aktif).",
            "en": "A place's value grows with the weeks its kecamatan waited and its coverage "
            "gap (default: planner.toml [fairness], on).",
        },
        "help.plan.ledger": {
            "id": "Pakai dan perbarui buku kampanye (DISTRICT/.planner/ledger.sqlite).",
            "en": "Use and update the campaign ledger (DISTRICT/.planner/ledger.sqlite).",
        },
        "help.render.out": {
            "id": "Folder keluaran (bawaan: folder berkas rencana).",
            "en": "Folder for the outputs (default: the plan file's folder).",
        },
    }
)
