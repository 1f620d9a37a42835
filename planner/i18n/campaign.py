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
    # --- planner.toml [fairness], [forecast] (io/campaign_settings.py) ----------------------
    "campaign.toml.not_bool": {
        "id": "{setting} = {raw} harus true atau false",
        "en": "{setting} = {raw} is not true or false",
    },
    # --- progress and help texts (cli/campaign.py) ----------------------------------------
    "forecast.progress": {"id": "prakiraan {done}/{total}", "en": "forecast {done}/{total}"},
    "whatif.progress": {"id": "varian {done}/{total}", "en": "variant {done}/{total}"},
    "help.campaign.solution_limit": {
        "id": "Jumlah solusi yang lebih baik per minggu atau varian yang disimulasikan.",
        "en": "Improving solutions per simulated week or variant.",
    },
    "help.forecast": {
        "id": "Simulasikan kampanye minggu demi minggu dari keadaan ledger sampai target "
        "cakupan: cakupan kabupaten dan tiap kecamatan per minggu, minggu target tercapai, "
        "blangko terpakai dan kapan habis; dengan --by, apakah tenggat tercapai dan perubahan "
        "terkecil yang memenuhinya. Menulis OUT/forecast/forecast.csv dan forecast.html "
        "(grafik); ledger tidak pernah diubah.\n\n"
        "\b\nContoh:\n  planner forecast --target 98 --by 2027-03-31 "
        "--delivery 2027-01-10:1000",
        "en": "Simulate the campaign week by week from the ledger to a coverage target: "
        "coverage by week for the district and each kecamatan, the week each reaches the "
        "target, cards used and when stock runs out; with --by, whether the date is met and "
        "the smallest change that meets it. Writes OUT/forecast/forecast.csv and forecast.html "
        "(a chart); never writes to the ledger.\n\n"
        "\b\nExample:\n  planner forecast --target 98 --by 2027-03-31 "
        "--delivery 2027-01-10:1000",
    },
    "help.forecast.target": {
        "id": "Target cakupan dalam %, mis. 98.",
        "en": "Coverage %, e.g. 98.",
    },
    "help.forecast.by": {
        "id": "Tenggat: apakah tercapai, dan apa yang membuatnya tercapai.",
        "en": "Deadline: is it met, and what would meet it.",
    },
    "help.forecast.weeks": {
        "id": "Jumlah minggu yang disimulasikan.",
        "en": "Weeks to simulate.",
    },
    "help.forecast.delivery": {
        "id": "Kiriman blangko yang akan datang, mis. 2027-01-10:1000 (boleh diulang).",
        "en": "Cards to arrive, e.g. 2027-01-10:1000 (repeat it).",
    },
    "help.forecast.out": {
        "id": "Keluaran ke OUT/forecast/.",
        "en": "Outputs go to OUT/forecast/.",
    },
    "help.whatif": {
        "id": "Rencanakan satu minggu apa adanya dan dengan tiap varian (seed yang sama), satu "
        "baris per varian: orang, orang berbobot, kartu, km, lokasi tak terlayani, kecamatan "
        "dikunjungi. Tidak menulis apa pun: ledger dan out/ tidak diubah.\n\n"
        "\b\nContoh:\n  planner whatif --week next --printers 3 --blank-stock +500 --saturday",
        "en": "Plan one week as it stands and under each variant (same seed), one row each: "
        "people, weighted people, cards, km, unserved sites, kecamatan reached. Writes "
        "nothing: not the ledger, not out/.\n\n"
        "\b\nExample:\n  planner whatif --week next --printers 3 --blank-stock +500 --saturday",
    },
    "help.whatif.week": {
        "id": "Minggu yang direncanakan: YYYY-Www atau 'next'.",
        "en": "The week to plan: YYYY-Www or 'next'.",
    },
    "help.whatif.printers": {"id": "Jumlah printer seluruhnya.", "en": "Printers in all."},
    "help.whatif.blank_stock": {
        "id": "Blangko ditambah atau dikurangi, mis. +500.",
        "en": "Cards added or taken away, e.g. +500.",
    },
    "help.whatif.add_team": {
        "id": "Tim tambahan ID:KENDARAAN:HARI, mis. T5:motor:Senin-Jumat (boleh diulang).",
        "en": "An added team ID:VEHICLE:DAYS, e.g. T5:motor:Mon-Fri (repeat it).",
    },
    "help.whatif.saturday": {
        "id": "Semua tim bekerja Sabtu pagi.",
        "en": "Every team works Saturday mornings.",
    },
    "help.whatif.teams": {
        "id": "Hanya tim ini, mis. T1,T2.",
        "en": "Only these teams, e.g. T1,T2.",
    },
}
