"""Input errors of planner.toml, boat crossings, the district folder, plan.json, ``init``,
command options and the ledger (the table and cell errors are in ``errors``)."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {}


def _rules() -> dict[str, dict[str, str]]:
    """``err.rule.<English rule>``: the ranges planner.toml's numbers must lie in."""
    rules = {}
    for low, high in ((0, 120), (0, 240), (0, 60), (1, 5), (0, 50), (0, 200), (0, 10), (1, 100)):
        rules[f"between {low} and {high}"] = f"antara {low} dan {high}"
    rules.update(
        {
            "more than 0 and at most 1": "lebih dari 0 dan paling banyak 1",
            "0 or more": "0 atau lebih",
            "1 or more": "1 atau lebih",
            "more than 0": "lebih dari 0",
            "lat": "di dalam Indonesia (-11..6)",
            "lon": "di dalam Indonesia (95..141)",
        }
    )
    english = {"lat": "inside Indonesia (-11..6)", "lon": "inside Indonesia (95..141)"}
    return {
        f"err.rule.{rule}": {"id": text, "en": english.get(rule, rule)}
        for rule, text in rules.items()
    }


TEXT.update(_rules())
TEXT.update(
    {
        # planner.toml (io/settings.py)
        "err.toml.whole": {"id": "bilangan bulat", "en": "a whole number"},
        "err.toml.number": {"id": "angka", "en": "a number"},
        "err.toml.not": {
            "id": "{setting} = {raw} bukan {kind}",
            "en": "{setting} = {raw} is not {kind}",
        },
        "err.toml.write": {
            "id": "tulis mis. {setting} = {rule}",
            "en": "write e.g. {setting} = {rule}",
        },
        "err.toml.must": {
            "id": "{setting} = {raw} harus {rule}",
            "en": "{setting} = {raw} must be {rule}",
        },
        "err.toml.not_text": {
            "id": "{setting} = {raw} bukan teks",
            "en": "{setting} = {raw} is not a text",
        },
        "err.toml.text_hint": {
            "id": 'tulis mis. {setting} = "…"',
            "en": 'write e.g. {setting} = "…"',
        },
        "err.toml.table": {"id": "{setting} harus berupa tabel", "en": "{setting} must be a table"},
        "err.toml.table_hint": {
            "id": "tulis sebagai [{setting}] dengan kunci-kunci di bawahnya",
            "en": "write it as [{setting}] with keys below it",
        },
        "err.toml.syntax": {
            "id": "TOML tidak sah (kolom {column})",
            "en": "not valid TOML: {reason} (column {column})",
        },
        "err.toml.syntax_hint": {
            "id": 'teks perlu tanda kutip (name = "Rejang Lebong"), desimal memakai titik '
            "(lat = -3.47)",
            "en": 'texts need quotes (name = "Rejang Lebong"), decimals a point (lat = -3.47)',
        },
        "err.toml.unknown_key": {
            "id": "kunci {setting} di [{table}] tidak dikenal dan diabaikan",
            "en": "unknown key {setting} in [{table}] is ignored",
        },
        "err.toml.no_office": {
            "id": "lokasi kantor tidak ada",
            "en": "the office location is missing",
        },
        "err.toml.no_office_hint": {
            "id": "tambahkan [office] dengan name, lat dan lon "
            "(mis. lat = -3.4707, lon = 102.5237)",
            "en": "add [office] with name, lat and lon (e.g. lat = -3.4707, lon = 102.5237)",
        },
        "err.toml.no_roads": {
            "id": "berkas jalan {file} tidak ada di {maps} maupun {folder}",
            "en": "roads file {file} not found in {maps} or {folder}",
        },
        "err.toml.no_roads_hint": {
            "id": "taruh berkas OSM/GraphML di maps/ atau hapus baris roads",
            "en": "put the OSM/GraphML file in maps/ or remove the roads line",
        },
        "err.toml.not_utf8": {"id": "bukan teks UTF-8", "en": "is not UTF-8 text"},
        "err.toml.not_utf8_hint": {"id": "simpan sebagai UTF-8", "en": "save it as UTF-8"},
        "err.toml.unknown_setting": {
            "id": "pengaturan {setting} tidak dikenal dan diabaikan",
            "en": "unknown setting {setting} is ignored",
        },
        "err.toml.spelling_hint": {
            "id": "periksa ejaannya dengan README",
            "en": "check the spelling against the README",
        },
        "err.toml.no_name": {
            "id": "name tidak diisi; dipakai {name}",
            "en": "no name given; using {name}",
        },
        "err.toml.timezone": {
            "id": "zona waktu {zone} tidak dikenal",
            "en": "unknown timezone {zone}",
        },
        "err.toml.timezone_hint": {
            "id": "pakai Asia/Jakarta (WIB), Asia/Makassar (WITA) atau Asia/Jayapura (WIT)",
            "en": "use Asia/Jakarta (WIB), Asia/Makassar (WITA) or Asia/Jayapura (WIT)",
        },
        "err.toml.language": {
            "id": "language = {value} harus id atau en",
            "en": "language = {value} must be id or en",
        },
        "err.toml.weights_hint": {
            "id": "pakai village, school, homebound (desa, sekolah, warga_khusus)",
            "en": "use village, school, homebound (desa, sekolah, warga_khusus)",
        },
        "err.toml.speed_hint": {
            "id": "pakai car atau motorbike (mobil, motor)",
            "en": "use car or motorbike (mobil, motor)",
        },
        "err.toml.reserve": {
            "id": "blank_reserve lebih besar dari blank_stock: tidak ada kartu yang dapat dicetak",
            "en": "blank_reserve is more than blank_stock: no card can be printed",
        },
    }
)
TEXT.update(
    {
        # The district folder (io/load.py, io/validate/__init__.py)
        "err.unreadable": {"id": "tidak dapat dibaca: {reason}", "en": "cannot be read: {reason}"},
        "err.unreadable_hint": {
            "id": "pastikan berkas tidak sedang dibuka di program lain dan dapat dibaca",
            "en": "check that the file is not open elsewhere and can be read",
        },
        "err.more_problems": {
            "id": "… dan {count} masalah lain tidak ditampilkan",
            "en": "… and {count} more problems not shown",
        },
        "err.not_folder": {"id": "bukan folder", "en": "is not a folder"},
        "err.not_folder_hint": {
            "id": "beri --data sebuah folder kabupaten (`planner init DIR` membuatnya)",
            "en": "give --data a district folder (`planner init DIR` makes one)",
        },
        "err.toml.missing": {"id": "tidak ada di {folder}", "en": "missing from {folder}"},
        "err.toml.missing_hint": {
            "id": "`planner init DIR` menulis satu sebagai awal",
            "en": "`planner init DIR` writes one to start from",
        },
        "err.no_national_holidays": {
            "id": "hari libur nasional tidak diketahui (paket holidays tidak memberikannya)",
            "en": "national holidays are unknown (the holidays package gave none)",
        },
        "err.no_national_holidays_hint": {
            "id": "tambahkan ke holidays.csv (libur.csv)",
            "en": "add them to holidays.csv (libur.csv)",
        },
        "err.unusable_district": {
            "id": "data kabupaten tidak dapat dipakai",
            "en": "the district is unusable",
        },
        "err.inconsistent": {
            "id": "data kabupaten tidak konsisten: {reason}",
            "en": "the district is inconsistent: {reason}",
        },
        # Boat crossings in planner.toml (io/crossings.py)
        "err.crossing": {
            "id": "penyeberangan {number}: {message}",
            "en": "crossing {number}: {message}",
        },
        "err.crossing_hint": {"id": "tulis sebagai {example}", "en": "write it as {example}"},
        "err.crossing.point": {
            "id": "{setting} harus titik pelabuhan {{ lat = …, lon = … }}",
            "en": "{setting} must be a harbour point {{ lat = …, lon = … }}",
        },
        "err.crossing.numbers": {
            "id": "lat dan lon {setting} harus angka",
            "en": "{setting} lat and lon must be numbers",
        },
        "err.crossing.latlon": {
            "id": "{setting} = ({lat}, {lon}) bukan lintang, bujur",
            "en": "{setting} = ({lat}, {lon}) is not a latitude, longitude",
        },
        "err.crossing.no_minutes": {
            "id": "{setting} tidak diisi (menit di atas air)",
            "en": "{setting} is missing (minutes on the water)",
        },
        "err.crossing.minutes": {
            "id": "{setting} = {raw} harus menit antara 0 dan 1440",
            "en": "{setting} = {raw} must be minutes between 0 and 1440",
        },
        "err.crossing.vehicles": {
            "id": "vehicles = {raw}: sebut motorbike dan/atau car",
            "en": "vehicles = {raw}: name motorbike and/or car",
        },
        "err.crossing.tables": {
            "id": "crossing harus ditulis sebagai tabel [[crossing]]",
            "en": "crossing must be written as [[crossing]] tables",
        },
        "err.crossing.key": {
            "id": "kunci {setting} tidak dikenal dan diabaikan",
            "en": "unknown key {setting} is ignored",
        },
        "err.crossing.keys_hint": {
            "id": "pakai name, from, to, minutes, wait_minutes, vehicles",
            "en": "use name, from, to, minutes, wait_minutes, vehicles",
        },
        "err.crossing.same": {
            "id": "from dan to titik yang sama",
            "en": "from and to are the same point",
        },
        "err.crossing.zero": {
            "id": "minutes harus lebih dari 0",
            "en": "minutes must be more than 0",
        },
        # plan.json (io/plan_json.py)
        "err.cannot_read": {"id": "tidak dapat dibaca ({reason})", "en": "cannot read ({reason})"},
        "err.no_file": {"id": "berkas tidak ada", "en": "no such file"},
        "err.plan.path_hint": {
            "id": "beri jalur sebuah plan.json",
            "en": "give the path of a plan.json",
        },
        "err.plan.field": {"id": "isian tidak sah ({what})", "en": "{what}"},
        "err.plan.schema_hint": {
            "id": "pakai plan.json yang ditulis 'planner plan' (skema planner.plan/1)",
            "en": "use a plan.json written by 'planner plan' (schema planner.plan/1)",
        },
        "err.plan.json": {"id": "bukan JSON yang sah", "en": "not valid JSON: {reason}"},
        "err.plan.written_hint": {
            "id": "pakai plan.json yang ditulis 'planner plan'",
            "en": "use a plan.json written by 'planner plan'",
        },
        # planner init (io/templates.py)
        "err.init.not_folder": {
            "id": "sudah ada dan bukan folder",
            "en": "exists and is not a folder",
        },
        "err.init.new_name": {"id": "pilih nama folder baru", "en": "choose a new folder name"},
        "err.init.not_empty": {
            "id": "tidak kosong; tidak ada yang ditulis",
            "en": "is not empty; nothing was written",
        },
        "err.init.empty_hint": {
            "id": "pilih folder baru atau kosong",
            "en": "choose a new or empty folder",
        },
        # Options (calendar.py, workflow/, solve/replan.py, travel/road_import.py)
        "err.not_week": {
            "id": "{option} {text}: bukan minggu — pakai YYYY-Www (mis. 2026-W48) atau '{example}'",
            "en": "{option} {text}: not a week — use YYYY-Www (e.g. 2026-W48) or '{example}'",
        },
        "err.no_such_week": {
            "id": "{option} {text}: tahun {year} tidak punya minggu ke-{week}",
            "en": "{option} {text}: {year} has no week {week}",
        },
        "err.unknown_teams": {
            "id": "{option}: id tim tidak dikenal {ids} — yang ada: {known}",
            "en": "{option}: unknown team id(s) {ids} — known: {known}",
        },
        "err.min_visit_ledger": {
            "id": "--min-visit-every memerlukan buku kampanye (hapus --no-ledger)",
            "en": "--min-visit-every needs the campaign ledger (drop --no-ledger)",
        },
        "err.roads_output": {
            "id": "--output {name}: beri nama berkas berakhiran .graphml (tanpa folder)",
            "en": "--output {name}: give a file name ending in .graphml (no folders)",
        },
        # Ledger and many districts (ledger/store.py, workflow/many.py)
        "err.ledger_open": {
            "id": "{path}: buku kampanye tidak dapat dibuka ({reason}) — pakai --data dengan "
            "folder kabupaten yang dapat Anda tulisi",
            "en": "{path}: cannot open the campaign ledger ({reason}) — use --data with a "
            "district folder you can write to",
        },
        "err.ledger_bad": {
            "id": "{path}: bukan buku kampanye planner ({reason}) — pindahkan berkasnya untuk "
            "memulai yang baru",
            "en": "{path}: not a planner ledger ({reason}) — move the file away to start a new one",
        },
        "err.ledger_newer": {
            "id": "{path}: skema buku {version} lebih baru dari yang dipahami planner ini "
            "({known}) — perbarui planner",
            "en": "{path}: ledger schema {version} is newer than this planner understands "
            "({known}) — update planner",
        },
        "err.same_name": {
            "id": "--data: {a} dan {b} sama-sama bernama {name!r}: keluarannya akan berbagi "
            "OUT/{name}/ — beri setiap folder kabupaten nama sendiri",
            "en": "--data: {a} and {b} are both named {name!r}: their outputs would share "
            "OUT/{name}/ — give each district folder its own name",
        },
        "err.no_dask": {
            "id": "--cluster memerlukan Dask: pip install 'planner[cluster]' (dask[distributed])",
            "en": "--cluster needs Dask: pip install 'planner[cluster]' (dask[distributed])",
        },
        "err.no_scheduler": {
            "id": "--cluster: penjadwal Dask di {address} tidak dapat dihubungi ({reason})",
            "en": "--cluster: cannot reach the Dask scheduler at {address} ({reason})",
        },
        "err.roads.unknown_kind": {
            "id": "bukan berkas jaringan jalan yang dikenal (yang diharapkan: OSM XML .osm, "
            ".osm.pbf atau .graphml)",
            "en": "not a road network file I know (expected OSM XML .osm, .osm.pbf or .graphml)",
        },
        "err.roads.not_found": {
            "id": "berkas jaringan jalan tidak ditemukan",
            "en": "road network file not found",
        },
        "err.roads.not_a_file": {"id": "bukan berkas", "en": "is not a file"},
        "err.roads.empty": {
            "id": "berkas jaringan jalan kosong",
            "en": "the road network file is empty",
        },
        "err.roads.unreadable": {
            "id": "berkas jaringan jalan tidak dapat dibaca ({reason})",
            "en": "cannot read the road network file ({reason})",
        },
        "err.roads.no_roads": {
            "id": "tidak memuat jalan yang dapat dilalui mobil atau motor",
            "en": "holds no road a car or motorbike can use",
        },
    }
)
