"""Command output lines (validate, check, init, roads); the help texts are in ``help``."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {}
TEXT.update(
    {
        # planner validate (workflow/validate_report.py, workflow/travel_report.py)
        "validate.title": {"id": "planner validate: {folder}", "en": "planner validate: {folder}"},
        "validate.district": {"id": "kabupaten", "en": "district"},
        "validate.district.v": {"id": "{name}", "en": "{name}"},
        "validate.villages": {"id": "desa/kelurahan", "en": "villages"},
        "validate.villages.v": {
            "id": "{count} ({desa} desa, {kelurahan} kelurahan)",
            "en": "{count} ({desa} desa, {kelurahan} kelurahan)",
        },
        "validate.obliged": {"id": "wajib KTP", "en": "obliged (wajib KTP)"},
        "validate.obliged.v": {"id": "{count}", "en": "{count}"},
        "validate.backlog": {"id": "belum rekam", "en": "backlog (belum rekam)"},
        "validate.backlog.v": {"id": "{count}", "en": "{count}"},
        "validate.prereg": {"id": "pra-daftar", "en": "pre-registered"},
        "validate.prereg.v": {
            "id": "{count} di {villages} desa",
            "en": "{count} in {villages} villages",
        },
        "validate.schools": {"id": "sekolah", "en": "schools"},
        "validate.schools.v": {"id": "{count}", "en": "{count}"},
        "validate.students": {"id": "siswa (belum rekam)", "en": "students (unrecorded)"},
        "validate.students.v": {"id": "{count}", "en": "{count}"},
        "validate.homebound": {"id": "warga khusus", "en": "homebound residents"},
        "validate.homebound.v": {"id": "{count}", "en": "{count}"},
        "validate.teams": {"id": "tim", "en": "teams"},
        "validate.teams.v": {"id": "{count} (alat: {kits})", "en": "{count} (kits: {kits})"},
        "validate.team_days": {
            "id": "hari kerja tim minggu depan ({week})",
            "en": "team-days next week ({week})",
        },
        "validate.team_days.v": {"id": "{count}", "en": "{count}"},
        "validate.printers": {"id": "printer portabel", "en": "portable printers"},
        "validate.printers.v": {"id": "{count}", "en": "{count}"},
        "validate.budget": {"id": "anggaran blangko", "en": "blank budget"},
        "validate.budget.v": {
            "id": "{budget} (stok {stock} − cadangan {reserve})",
            "en": "{budget} (stock {stock} − reserve {reserve})",
        },
        "validate.warnings": {"id": "peringatan", "en": "warnings"},
        "validate.warnings.v": {"id": "{count}", "en": "{count}"},
        "validate.crossings": {"id": "penyeberangan", "en": "boat crossings"},
        "validate.crossings.v": {
            "id": "{count} dinyatakan di planner.toml",
            "en": "{count} declared in planner.toml",
        },
        "validate.travel": {"id": "waktu tempuh", "en": "travel times"},
        "validate.travel.estimate": {
            "id": "perkiraan garis lurus (tanpa baris roads di planner.toml)",
            "en": "straight-line estimate (no roads line in planner.toml)",
        },
        "validate.travel.roads": {"id": "jaringan jalan {name}", "en": "road network {name}"},
        "validate.joins": {"id": "lokasi untuk {profile}", "en": "places by {profile}"},
        "validate.joins.longest": {
            "id": " (terjauh: {place}, {km} km)",
            "en": " (longest: {place}, {km} km)",
        },
        "validate.joins.v": {
            "id": "{direct} di jalan (≤ 1 km), {by_leg} lewat ruas luar jalan lebih dari "
            "1 km{longest}, {estimated} hanya perkiraan (lebih dari {km} km dari jalan yang "
            "dapat dilalui)",
            "en": "{direct} on the roads (≤ 1 km), {by_leg} by an off-road leg over "
            "1 km{longest}, {estimated} estimates only (over {km} km from a usable road)",
        },
        # planner init, check
        "init.office_without_blank": {
            "id": "--office hanya bersama --blank (contoh kabupaten sudah punya kantornya)",
            "en": "--office goes with --blank (the sample has its own office)",
        },
        "init.wrote": {
            "id": "{folder} sudah ditulis. Berikutnya: planner validate --data {folder}",
            "en": "Wrote {folder}. Next: planner validate --data {folder}",
        },
        "check.ok": {
            "id": "rencana OK: {routes} rute, {stops} titik, ketujuh aturan terpenuhi",
            "en": "plan OK: {routes} routes, {stops} stops, all 7 rules hold",
        },
        "check.broken": {
            "id": "rencana melanggar aturan {rules}: {count} pelanggaran tercantum di atas "
            "({routes} rute, {stops} titik)",
            "en": "the plan breaks rule(s) {rules}: {count} violation(s) listed above "
            "({routes} routes, {stops} stops)",
        },
        # planner roads
        "roads.reading": {"id": "Membaca {file} …", "en": "Reading {file} …"},
        "roads.downloading": {
            "id": "Mengunduh jalan dari OpenStreetMap …",
            "en": "Downloading roads from OpenStreetMap …",
        },
        # planner render (workflow/rerender.py)
        "render.tables_changed": {
            "id": "tabel kabupaten berubah sejak rencana ini dibuat; nama dan tempat diambil "
            "dari tabel yang sekarang",
            "en": "the district's tables changed since this plan was made; names and places "
            "come from the tables as they are now",
        },
    }
)
