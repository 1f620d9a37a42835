"""replan: changes.txt, handovers, whom to call."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    # --- refused requests (planner.solve.replan, planner.workflow.replan) ---
    "replan.err.from_outside": {
        "id": "--from {date} tidak ada di minggu {week} ({first} … {last}); tidak ada yang diubah",
        "en": "--from {date} is not in week {week} ({first} … {last}); nothing was changed",
    },
    "replan.err.unknown_site": {
        "id": "--cancel: kode lokasi tidak dikenal {sites} — pakai kode seperti "
        "village:17.02.01.2001 dari plan.json",
        "en": "--cancel: unknown site id(s) {sites} — use ids such as village:17.02.01.2001 "
        "from plan.json",
    },
    "replan.err.add_outside": {
        "id": "--add-team-day {day}: tanggal harus antara --from ({first}) dan akhir minggu "
        "({last}); tidak ada yang diubah",
        "en": "--add-team-day {day}: not between --from ({first}) and the end of the week "
        "({last}); nothing was changed",
    },
    "replan.err.add_holiday": {
        "id": "--add-team-day {day}: hari libur ({name}), tidak ada tim yang bekerja; pilih "
        "hari lain, atau hapus baris itu dari libur.csv bila tim memang bekerja",
        "en": "--add-team-day {day}: a holiday ({name}), no team works on it; pick another "
        "day, or delete that row of libur.csv if the teams do work",
    },
    "replan.err.no_team_day": {
        "id": "--from {date}: tidak ada tim yang bekerja dari tanggal itu sampai akhir minggu "
        "({last}): hari libur, hari tidak bekerja atau --without-team tidak menyisakan hari "
        "kerja tim, jadi tidak ada yang diubah — tambahkan satu dengan --add-team-day "
        "TIM:YYYY-MM-DD",
        "en": "--from {date}: no team works from then to the end of the week ({last}): "
        "holidays, days off or --without-team leave no team-day, so nothing was changed — "
        "add one with --add-team-day TEAM:YYYY-MM-DD",
    },
    "replan.err.not_date": {
        "id": "{option} {text}: bukan tanggal — tulis YYYY-MM-DD",
        "en": "{option} {text}: not a date — use YYYY-MM-DD",
    },
    "replan.err.team_day": {
        "id": "--add-team-day {text}: tulis TIM:YYYY-MM-DD[:HH:MM-HH:MM] dengan tim yang "
        "dikenal ({teams})",
        "en": "--add-team-day {text}: use TEAM:YYYY-MM-DD[:HH:MM-HH:MM] with a known team "
        "({teams})",
    },
    "replan.err.team_day_hours": {
        "id": "--add-team-day {text}: jam kerja ditulis seperti 08:00-12:00",
        "en": "--add-team-day {text}: hours must look like 08:00-12:00",
    },
    "replan.err.other_week": {
        "id": "{path}: rencana minggu {plan_week}, tetapi --from {date} ada di minggu {week} "
        "— beri --plan dengan rencana minggu itu",
        "en": "{path}: plans week {plan_week}, but --from {date} is in {week} — give that "
        "week's plan with --plan",
    },
    # --- where a plan comes from (planner.io.plan_origin) ---
    "origin.folder_gone": {
        "id": "rencana ini dibuat dari folder kabupaten {folder} ({district}), tetapi folder itu "
        "(atau planner.toml di dalamnya) sudah tidak ada",
        "en": "the plan was made from the district folder {folder} ({district}), which (or "
        "whose planner.toml) no longer exists",
    },
    "origin.folder_gone_hint": {
        "id": "beri folder kabupaten itu dengan --data FOLDER",
        "en": "give the district folder with --data DIR",
    },
    # --- changes.txt: per team, printers (planner.render.replan_notes) ---
    "replan.teams": {"id": "Per tim:", "en": "By team:"},
    "replan.team_new": {
        "id": "  {team}: kunjungan baru atau pindah ({count})",
        "en": "  {team}: new or moved stops ({count})",
    },
    "replan.team_item": {
        "id": "{when} {site} ({people} orang)",
        "en": "{when} {site} ({people} people)",
    },
    "replan.team_before": {"id": "— sebelumnya {team}, {when}", "en": "— was {team}, {when}"},
    "replan.team_lost": {
        "id": "  {team}: tidak lagi mengunjungi ({count}): {sites}",
        "en": "  {team}: no longer visits ({count}): {sites}",
    },
    "replan.printers": {"id": "Printer dan blanko:", "en": "Printers and blanks:"},
    "replan.printers_same": {
        "id": "Printer dan blanko: tidak berubah.",
        "en": "Printers and blanks: unchanged.",
    },
    "replan.printer_handover": {
        "id": "{giver} menyerahkan printer kepada {taker} ({blanks} blanko), {place}",
        "en": "{giver} hands the printer to {taker} ({blanks} blanks), {place}",
    },
    "replan.printer_spare": {
        "id": "{taker} membawa printer yang hari itu tidak terpakai ({blanks} blanko), {place}",
        "en": "{taker} takes the printer no team used that day ({blanks} blanks), {place}",
    },
    "replan.printer_back": {
        "id": "{giver} tidak membawa printer lagi: tinggalkan printer dan {before} blanko {place}",
        "en": "{giver} no longer carries a printer: leave it and the {before} blanks {place}",
    },
    "replan.printer_blanks": {
        "id": "{team} tetap membawa printer, dengan {blanks} blanko (sebelumnya {before})",
        "en": "{team} keeps the printer, with {blanks} blanks (was {before})",
    },
    "replan.place_office": {"id": "di {office}", "en": "at {office}"},
    "replan.place_base": {
        "id": "di basis {team} ({lat}, {lon})",
        "en": "at {team}'s base ({lat}, {lon})",
    },
    "replan.place_before": {"id": "sebelum berangkat {time}", "en": "before leaving at {time}"},
    # --- templates (planner.io.templates) ---
    "templates.office_placeholder": {
        "id": "lokasi kantor masih titik contoh dari `planner init --blank`",
        "en": "the office location is still the placeholder of `planner init --blank`",
    },
    "templates.office_placeholder_hint": {
        "id": "isi lat dan lon kantor Dinas Dukcapil Anda di [office] (dari peta), lalu hapus "
        "baris `placeholder = true`; atau buat folder dengan `planner init --blank --office "
        "LAT,LON`",
        "en": "put your Dinas Dukcapil office's lat and lon in [office] (from a map), then "
        "delete the line `placeholder = true`; or make the folder with `planner init --blank "
        "--office LAT,LON`",
    },
    "templates.office_bad": {
        "id": "{text!r} bukan titik di Indonesia",
        "en": "{text!r} is not a point in Indonesia",
    },
    "templates.office_bad_hint": {
        "id": "tulis LAT,LON dalam derajat desimal, misalnya -3.4707,102.5237",
        "en": "write LAT,LON in decimal degrees, e.g. -3.4707,102.5237",
    },
}
