"""campaign: fair reach, the forecast (``planner forecast``) and what-if (``planner whatif``)."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    # --- what-if --------------------------------------------------------------------------
    "whatif.base": {"id": "rencana sekarang", "en": "as planned"},
    "whatif.printers": {"id": "{n} printer", "en": "{n} printers"},
    "whatif.cards": {"id": "blangko {n}", "en": "blank cards {n}"},
    "whatif.saturday": {"id": "kerja Sabtu pagi", "en": "Saturday mornings"},
    "whatif.add_team": {"id": "tambah tim {team}", "en": "add team {team}"},
    "whatif.teams": {"id": "hanya tim {teams}", "en": "only teams {teams}"},
    "whatif.bad_team": {
        "id": "{value!r} bukan tim yang bisa dibaca",
        "en": "{value!r} is not a team planner can read",
    },
    "whatif.bad_team_hint": {
        "id": "tulis ID:KENDARAAN:HARI[:JJ:MM-JJ:MM], mis. T5:motor:Senin-Jumat",
        "en": "write ID:VEHICLE:DAYS[:HH:MM-HH:MM], e.g. T5:motor:Mon-Fri",
    },
    "whatif.team_exists": {
        "id": "tim {team} sudah ada: pilih ID lain",
        "en": "team {team} exists already: choose another id",
    },
    "whatif.bad_stock": {
        "id": "{value!r} bukan jumlah kartu seperti +500 atau -200",
        "en": "{value!r} is not a card count such as +500 or -200",
    },
    "whatif.col_variant": {"id": "varian", "en": "variant"},
    "whatif.col_people": {"id": "orang", "en": "people"},
    "whatif.col_weighted": {"id": "orang berbobot", "en": "weighted people"},
    "whatif.col_cards": {"id": "kartu", "en": "cards"},
    "whatif.col_km": {"id": "km", "en": "km"},
    "whatif.col_unserved": {"id": "lokasi tak terlayani", "en": "unserved sites"},
    "whatif.col_kecamatan": {"id": "kecamatan dikunjungi", "en": "kecamatan reached"},
    "whatif.title": {
        "id": "Bagaimana jika — {week} (seed {seed}, {limit} solusi per varian; ledger tidak "
        "diubah)",
        "en": "What if — {week} (seed {seed}, {limit} solutions per variant; ledger untouched)",
    },
    # --- forecast -------------------------------------------------------------------------
    "forecast.title": {
        "id": "Prakiraan kampanye: target cakupan {target}, {weeks} minggu disimulasikan "
        "(rencana nyata, pencarian singkat, kehadiran sesuai perkiraan; ledger tidak diubah)",
        "en": "Campaign forecast: coverage target {target}, {weeks} weeks simulated (the real "
        "planner, a shorter search, expected turnout; ledger untouched)",
    },
    "forecast.page_title": {
        "id": "Prakiraan cakupan perekaman",
        "en": "Recording coverage forecast",
    },
    "forecast.col_week": {"id": "minggu", "en": "week"},
    "forecast.col_coverage": {"id": "cakupan", "en": "coverage"},
    "forecast.col_people": {"id": "orang", "en": "people"},
    "forecast.col_counted": {"id": "kurangi tunggakan", "en": "lower backlog"},
    "forecast.col_cards": {"id": "kartu", "en": "cards"},
    "forecast.col_stock": {"id": "stok blangko", "en": "blank stock"},
    "forecast.col_new": {"id": "wajib KTP baru", "en": "newly eligible"},
    "forecast.district": {"id": "Kabupaten", "en": "District"},
    "forecast.not_reached": {"id": "tidak tercapai", "en": "not reached"},
    "forecast.not_by": {
        "id": "target tidak tercapai sampai {week} (cakupan {coverage})",
        "en": "target not reached by {week} ({coverage} then)",
    },
    "forecast.reached_in": {"id": "target tercapai {week}", "en": "target reached {week}"},
    "forecast.already": {"id": "sudah tercapai", "en": "already reached"},
    "forecast.district_reaches": {
        "id": "Kabupaten mencapai target: {week}",
        "en": "District reaches the target: {week}",
    },
    "forecast.target": {"id": "target {target}", "en": "target {target}"},
    "forecast.kecamatan_head": {
        "id": "Kecamatan mencapai target:",
        "en": "Each kecamatan reaches the target:",
    },
    "forecast.kecamatan_reaches": {"id": "  {name}: {week}", "en": "  {name}: {week}"},
    "forecast.why_time": {
        "id": "Setelah {week} cakupan {coverage}: masih perlu {needed} orang; {pace} orang "
        "per minggu mengurangi tunggakan pada minggu terakhir, {new} wajib KTP baru per minggu "
        "(waktu tim)",
        "en": "After {week} coverage is {coverage}: {needed} more people needed; the last weeks "
        "lowered the backlog by {pace} people a week, with {new} newly eligible a week (team "
        "time)",
    },
    "forecast.why_weeks": {
        "id": "Dengan laju itu perlu sekitar {weeks} minggu lagi (tambah hari tim atau tim)",
        "en": "At that pace about {weeks} more weeks (add team-days or teams)",
    },
    "forecast.why_never": {
        "id": "Dengan laju itu target tidak pernah tercapai: tunggakan bertambah secepat yang "
        "direkam (tambah hari tim atau tim)",
        "en": "At that pace never: the backlog grows as fast as it is recorded (add team-days "
        "or teams)",
    },
    "forecast.why_cards": {
        "id": "Blangko habis setelah {week}: warga tetap direkam, tetapi tanpa kartu sampai "
        "ada kiriman (planner stock add)",
        "en": "Blank cards run out after {week}: residents are still recorded, but get no card "
        "until a delivery (planner stock add)",
    },
    "forecast.stock_out": {
        "id": "Blangko habis (tinggal cadangan) setelah {week}",
        "en": "Blank cards run out (only the reserve left) after {week}",
    },
    "forecast.stock_lasts": {
        "id": "Blangko cukup sampai akhir prakiraan",
        "en": "Blank cards last to the end of the forecast",
    },
    "forecast.cards_used": {"id": "Kartu dicetak: {cards}", "en": "Cards printed: {cards}"},
    "forecast.by_met": {
        "id": "Tenggat {week}: tercapai dengan sumber daya sekarang",
        "en": "Deadline {week}: met with the present means",
    },
    "forecast.by_missed": {
        "id": "Tenggat {week}: tidak tercapai dengan sumber daya sekarang; dicoba:",
        "en": "Deadline {week}: not met with the present means; tried:",
    },
    "forecast.by_tried": {
        "id": "  {change}: {when} — memenuhi tenggat: {ok}",
        "en": "  {change}: {when} — meets the deadline: {ok}",
    },
    "forecast.by_smallest": {
        "id": "Perubahan terkecil yang memenuhi tenggat: {change}",
        "en": "The smallest change that meets the deadline: {change}",
    },
    "forecast.by_none": {
        "id": "Tidak ada perubahan yang dicoba yang memenuhi tenggat",
        "en": "No change tried meets the deadline",
    },
    "forecast.yes": {"id": "ya", "en": "yes"},
    "forecast.no": {"id": "tidak", "en": "no"},
    "forecast.bad_delivery": {
        "id": "{value!r} bukan TANGGAL:JUMLAH",
        "en": "{value!r} is not DATE:CARDS",
    },
    "forecast.bad_delivery_hint": {
        "id": "tulis mis. --delivery 2027-01-10:1000",
        "en": "write e.g. --delivery 2027-01-10:1000",
    },
    "forecast.bad_by": {
        "id": "{value!r} bukan tanggal",
        "en": "{value!r} is not a date",
    },
    "forecast.wrote": {"id": "Ditulis: {paths}", "en": "Wrote: {paths}"},
}
