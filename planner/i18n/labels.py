"""Labels and messages of the plan outputs (summary, maps, schedules, unserved reasons)."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    # --- unserved reasons (planner.solve.explain) ---
    "reason.head_never": {
        "id": "kepala desa tidak pernah tersedia minggu ini (isi kades.csv)",
        "en": "the village head is never available this week (add rows to village_heads.csv)",
    },
    "reason.head_no_workday": {
        "id": "kepala desa hanya tersedia pada hari tim tidak bekerja atau hari libur",
        "en": "the village head is only available when no team works (or on holidays)",
    },
    "reason.school_closed": {
        "id": "sekolah tutup sepanjang minggu (libur/ujian) pada hari kerja tim",
        "en": "the school is closed all week on the teams' working days (holiday/exams)",
    },
    "reason.window_no_workday": {
        "id": "jam kunjungan warga tidak bertemu jam kerja tim mana pun",
        "en": "the resident's visiting hours never meet any team's working hours",
    },
    "reason.unreachable": {
        "id": "tidak terjangkau: pergi, melayani dan kembali tidak muat dalam jam kerja tim "
        "mana pun",
        "en": "cannot be reached, served and left within any team's working hours",
    },
    "reason.needs_boat": {
        "id": "perlu penyeberangan kapal: tambahkan di planner.toml ([[crossing]])",
        "en": "needs a boat crossing: add one in planner.toml ([[crossing]])",
    },
    "reason.no_time": {
        "id": "waktu tim habis: perlu sekitar {minutes} menit lagi (paling dekat: {team}, {day})",
        "en": "no team time left: it would need about {minutes} more minutes "
        "(closest: {team}, {day})",
    },
    "reason.not_selected": {
        "id": "waktu tim lebih bernilai di lokasi lain minggu ini",
        "en": "team time was worth more at other sites this week",
    },
    "reason.no_team_days": {
        "id": "tidak ada tim yang bekerja minggu ini (libur, hari tidak bekerja, atau --teams)",
        "en": "no team works this week (holidays, days off, or --teams)",
    },
    # --- weekdays and months ---
    "weekday.0": {"id": "Senin", "en": "Monday"},
    "weekday.1": {"id": "Selasa", "en": "Tuesday"},
    "weekday.2": {"id": "Rabu", "en": "Wednesday"},
    "weekday.3": {"id": "Kamis", "en": "Thursday"},
    "weekday.4": {"id": "Jumat", "en": "Friday"},
    "weekday.5": {"id": "Sabtu", "en": "Saturday"},
    "weekday.6": {"id": "Minggu", "en": "Sunday"},
    "month.1": {"id": "Januari", "en": "January"},
    "month.2": {"id": "Februari", "en": "February"},
    "month.3": {"id": "Maret", "en": "March"},
    "month.4": {"id": "April", "en": "April"},
    "month.5": {"id": "Mei", "en": "May"},
    "month.6": {"id": "Juni", "en": "June"},
    "month.7": {"id": "Juli", "en": "July"},
    "month.8": {"id": "Agustus", "en": "August"},
    "month.9": {"id": "September", "en": "September"},
    "month.10": {"id": "Oktober", "en": "October"},
    "month.11": {"id": "November", "en": "November"},
    "month.12": {"id": "Desember", "en": "December"},
    # --- summary (planner.render.summary) ---
    "summary.title": {
        "id": "Rencana {district}, minggu {week} ({first} – {last})",
        "en": "Plan for {district}, week {week} ({first} – {last})",
    },
    "summary.travel_estimate": {
        "id": "Waktu tempuh: PERKIRAAN garis lurus × {detour} ÷ kecepatan (tanpa peta jalan)",
        "en": "Travel times: straight-line ESTIMATES × {detour} ÷ speed (no road network)",
    },
    "summary.travel_roads": {
        "id": "Waktu tempuh: dari jaringan jalan",
        "en": "Travel times: from the road network",
    },
    "summary.travel_mixed": {
        "id": "Waktu tempuh: CAMPURAN: jaringan jalan di mana terpetakan, PERKIRAAN garis lurus "
        "di tempat lain ({share} km rencana ini perkiraan)",
        "en": "Travel times: MIXED: the road network where mapped, straight-line ESTIMATES "
        "elsewhere ({share} of this plan's km estimated)",
    },
    "summary.joins": {
        "id": "  Tempat ({profile}): {direct} langsung di jalan, {by_leg} lewat jalur di luar "
        "jalan > 1 km{longest}, {estimated} hanya perkiraan (> {join} km dari jalan)",
        "en": "  Places ({profile}): {direct} on the roads, {by_leg} by an off-road leg over 1 km"
        "{longest}, {estimated} estimates only (over {join} km from a road)",
    },
    "summary.longest": {
        "id": " (terpanjang: {place}, {km} km)",
        "en": " (longest: {place}, {km} km)",
    },
    "render.team_base": {"id": "basis tim {team}", "en": "team {team}'s base"},
    "summary.boat": {
        "id": "Penyeberangan kapal: {count} dalam rencana ini",
        "en": "Boat crossings: {count} in this plan",
    },
    "summary.solver": {
        "id": "Solver: {engine}, seed {seed}, berhenti karena {stopped}",
        "en": "Solver: {engine}, seed {seed}, stopped by {stopped}",
    },
    "summary.stopped.local_optimum": {
        "id": "optimum lokal (tidak ada perbaikan lagi)",
        "en": "local optimum (nothing left to improve)",
    },
    "summary.stopped.solution_limit": {
        "id": "batas jumlah solusi",
        "en": "its solution limit",
    },
    "summary.stopped.time_limit": {"id": "batas waktu", "en": "the time limit"},
    "summary.stopped.empty": {"id": "tidak ada yang dicari", "en": "nothing to search"},
    "summary.time_limit": {
        "id": "PERHATIAN: pencarian dihentikan oleh batas waktu ({seconds} detik), bukan oleh "
        "hitungannya: rencana bisa berbeda bila dijalankan lagi (naikkan --time-limit)",
        "en": "NOTE: the search was stopped by the time limit ({seconds} s), not by its count: "
        "the plan may differ from run to run (raise --time-limit)",
    },
    "summary.fallback": {
        "id": "Mesin cadangan dipakai: {note}",
        "en": "Fallback engine used: {note}",
    },
    "summary.people": {
        "id": "Perkiraan warga direkam: {people} (berbobot {weighted}) dari belum rekam {backlog}"
        " ({share} dilayani minggu ini)",
        "en": "People expected to be recorded: {people} (weighted {weighted}) of a backlog of "
        "{backlog} ({share} served this week)",
    },
    "summary.by_kind": {"id": "Menurut jenis", "en": "By kind"},
    "summary.cards": {
        "id": "Blanko: {cards} dicetak di lokasi; stok {stock} → {left} tersisa (cadangan kantor "
        "{reserve})",
        "en": "Blank cards: {cards} printed on site; stock {stock} → {left} left (office reserve "
        "{reserve})",
    },
    "summary.teams": {"id": "Tim", "en": "Teams"},
    "summary.team_line": {
        "id": "{team}: {days} hari, {stops} kunjungan, {people} warga, {km} km",
        "en": "{team}: {days} days, {stops} stops, {people} people, {km} km",
    },
    "summary.unserved": {
        "id": "Tidak terlayani: {count} lokasi (belum rekam {backlog})",
        "en": "Unserved: {count} sites (backlog {backlog})",
    },
    "summary.unserved_more": {
        "id": "… dan {count} lainnya (lihat plan.json)",
        "en": "… and {count} more (see plan.json)",
    },
    # --- replan (planner.solve.replan) ---
    "reason.cancelled": {"id": "kunjungan dibatalkan", "en": "visit cancelled"},
    "replan.title": {
        "id": "Perubahan rencana minggu {week}: versi {version} (berdasarkan {based_on})",
        "en": "Changes to the plan of week {week}: version {version} (based on {based_on})",
    },
    "replan.none": {"id": "Tidak ada kunjungan yang berubah.", "en": "No visit changed."},
    "replan.moved": {"id": "PINDAH  {site}: {old} → {new}", "en": "MOVED   {site}: {old} → {new}"},
    "replan.dropped": {"id": "BATAL   {site}: {old}", "en": "DROPPED {site}: {old}"},
    "replan.added": {"id": "BARU    {site}: {new}", "en": "ADDED   {site}: {new}"},
    # --- site kinds ---
    "kind.village": {"id": "desa", "en": "village"},
    "kind.school": {"id": "sekolah", "en": "school"},
    "kind.homebound": {"id": "warga khusus", "en": "homebound resident"},
    # --- render ---
    "render.arrive": {"id": "Tiba", "en": "Arrive"},
    "render.backlog": {"id": "Belum rekam", "en": "Not yet recorded"},
    "render.base": {"id": "Basis tim", "en": "Team base"},
    "render.blanks": {"id": "Blanko dibawa", "en": "Blank cards to carry"},
    "render.boat": {
        "id": "Kapal: {crossing} (naik {board}, tiba {land})",
        "en": "Boat: {crossing} (board {board}, land {land})",
    },
    "render.blanks_title": {
        "id": "Pengambilan blanko per tim",
        "en": "Blank cards issued per team",
    },
    "render.cards": {"id": "Kartu dicetak", "en": "Cards printed"},
    "render.cards_short": {"id": "Kartu", "en": "Cards"},
    "render.category.bedridden": {"id": "tirah baring", "en": "bedridden"},
    "render.category.disabled": {"id": "penyandang disabilitas", "en": "person with disability"},
    "render.category.elderly": {"id": "lansia", "en": "elderly"},
    "render.category.mental": {"id": "ODGJ", "en": "person with mental illness"},
    "render.contact": {"id": "Yang ditemui", "en": "Contact to meet"},
    "render.contact.companion": {
        "id": "pendamping sosial (PKH/TKSK)",
        "en": "companion social worker (PKH/TKSK)",
    },
    "render.contact.lurah": {"id": "lurah / kasi pemerintahan", "en": "ward head (lurah)"},
    "render.contact.principal": {"id": "kepala sekolah", "en": "school principal"},
    "render.contact.village_head": {
        "id": "kepala desa / kasi pemerintahan",
        "en": "village head (kepala desa)",
    },
    "render.contact_hours": {"id": "hadir {hours}", "en": "present {hours}"},
    "render.coverage_after": {"id": "Cakupan sesudah rencana", "en": "Coverage after the plan"},
    "render.coverage_before": {"id": "Cakupan sebelum rencana", "en": "Coverage before the plan"},
    "render.coverage_note": {
        "id": "Cakupan = 1 − belum rekam ÷ wajib KTP. Sesudah = belum rekam dikurangi orang yang "
        "direncanakan minggu ini di lokasi desa itu (desa, sekolah, warga khusus).",
        "en": "Coverage = 1 − not yet recorded ÷ obliged. After = not yet recorded minus the "
        "people planned this week at sites in that village (village, schools, homebound).",
    },
    "render.coverage_title": {
        "id": "Cakupan perekaman KTP-el {district}, minggu {week}",
        "en": "e-KTP recording coverage {district}, week {week}",
    },
    "render.date": {"id": "Tanggal", "en": "Date"},
    "render.day": {"id": "Hari", "en": "Day"},
    "render.depart": {
        "id": "Berangkat pukul {time} dari {place}",
        "en": "Depart at {time} from {place}",
    },
    "render.distance_km": {"id": "Jarak (km)", "en": "Distance (km)"},
    "render.end": {"id": "Selesai", "en": "End"},
    "render.estimate_footnote": {
        "id": "≈ waktu tempuh perkiraan (tidak ada jalan di peta)",
        "en": "≈ estimated travel time (no road on the map)",
    },
    "render.estimated_share": {
        "id": "{share} km perkiraan (garis putus-putus)",
        "en": "{share} of km estimated (dashed)",
    },
    "render.estimate_note": {
        "id": "Waktu tempuh adalah perkiraan dari jarak garis lurus (tanpa peta jalan); "
        "garis rute digambar lurus.",
        "en": "Travel times are straight-line estimates (no road network); "
        "route lines are drawn straight.",
    },
    "render.homebound_group": {
        "id": "{count} warga khusus, {village}",
        "en": "{count} homebound residents, {village}",
    },
    "render.kecamatan": {"id": "Kecamatan", "en": "Sub-district (kecamatan)"},
    "render.kind": {"id": "Jenis", "en": "Kind"},
    "render.kits": {"id": "{kits} alat perekaman", "en": "{kits} recording kits"},
    "render.leg": {"id": "Perjalanan", "en": "Travel"},
    "render.leg_boat": {"id": "kapal", "en": "boat"},
    "render.leg_estimate": {"id": "≈ perkiraan", "en": "≈ estimate"},
    "render.legend": {"id": "Keterangan", "en": "Legend"},
    "render.line_boat": {"id": "Kapal (penyeberangan)", "en": "Boat crossing"},
    "render.line_estimate": {
        "id": "Perkiraan garis lurus (tidak ada jalan di peta)",
        "en": "Straight-line estimate (no road on the map)",
    },
    "render.line_road": {"id": "Di jalan (peta jalan)", "en": "On the roads (road network)"},
    "render.mixed_note": {
        "id": "Waktu tempuh dari jaringan jalan di mana terpetakan, di tempat lain perkiraan "
        "garis lurus ({share} km perkiraan: ≈ di jadwal, garis putus-putus di peta).",
        "en": "Travel times from the road network where it is mapped, straight-line estimates "
        "elsewhere ({share} of km estimated: ≈ in the schedule, dashed on the map).",
    },
    "render.nik": {"id": "NIK", "en": "NIK"},
    "render.no": {"id": "tidak", "en": "no"},
    "render.no_data": {"id": "tanpa data wajib KTP", "en": "no obliged count"},
    "render.no_routes": {"id": "Tidak ada kunjungan minggu ini.", "en": "No visits this week."},
    "render.obliged": {"id": "Wajib KTP", "en": "Obliged"},
    "render.office": {"id": "Kantor", "en": "Office"},
    "render.order": {"id": "No.", "en": "No."},
    "render.people": {"id": "Orang", "en": "People"},
    "render.people_expected": {"id": "Perkiraan orang", "en": "People expected"},
    "render.planned": {"id": "Direncanakan", "en": "Planned"},
    "render.printer": {"id": "Printer", "en": "Printer"},
    "render.reason": {"id": "Alasan", "en": "Reason"},
    "render.resident": {"id": "Warga", "en": "Resident"},
    "render.resident_place": {"id": "{category}, {kind} {village}", "en": "{category}, {village}"},
    "render.return": {
        "id": "Kembali pukul {time} di {place}",
        "en": "Back at {time} at {place}",
    },
    "render.road_data": {
        "id": "Data jalan: {credit} (ODbL)",
        "en": "Road data: {credit} (ODbL)",
    },
    "render.roads_note": {
        "id": "Waktu tempuh dari jaringan jalan.",
        "en": "Travel times from the road network.",
    },
    "render.routes": {"id": "Rute tim-hari", "en": "Team-day routes"},
    "render.schedule_title": {
        "id": "Jadwal kunjungan perekaman KTP-el",
        "en": "e-KTP recording visit schedule",
    },
    "render.signature": {
        "id": "Tanda tangan {who}",
        "en": "Signature of the {who}",
    },
    "render.signature_lead": {"id": "ketua tim", "en": "team leader"},
    "render.start": {"id": "Mulai", "en": "Start"},
    "render.stop_ref": {"id": "Kode", "en": "Ref"},
    "render.stops": {"id": "Kunjungan", "en": "Stops"},
    "render.tally": {
        "id": "Hasil {ref}: direkam ______ orang, dicetak ______ kartu",
        "en": "Result {ref}: recorded ______ people, printed ______ cards",
    },
    "render.team": {"id": "Tim", "en": "Team"},
    "render.total": {"id": "Jumlah", "en": "Total"},
    "render.totals": {"id": "Jumlah minggu ini", "en": "This week's totals"},
    "render.unknown_site": {"id": "lokasi tidak dikenal", "en": "unknown site"},
    "render.unserved": {"id": "Tidak terlayani", "en": "Not served"},
    "render.map_title": {
        "id": "Peta rute {district}, minggu {week}",
        "en": "Route map {district}, week {week}",
    },
    "render.vehicle.car": {"id": "mobil", "en": "car"},
    "render.vehicle.motorbike": {"id": "motor", "en": "motorbike"},
    "render.village_kind.desa": {"id": "Desa", "en": "village"},
    "render.village_kind.kelurahan": {"id": "Kelurahan", "en": "ward"},
    "render.villages": {"id": "Desa/kel.", "en": "Villages"},
    "render.week": {"id": "Minggu", "en": "Week"},
    "render.yes": {"id": "ya", "en": "yes"},
}
