"""Contacts of village heads, schools and homebound residents."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    # --- loading (planner.io.validate.contacts): warnings, a phone never blocks a plan ---
    "contacts.phone_bad": {
        "id": "{value} bukan nomor telepon ({ident})",
        "en": "{value} is not a phone number ({ident})",
    },
    "contacts.phone_bad_private": {
        "id": "nomor telepon tidak terbaca ({ident})",
        "en": "the phone number cannot be read ({ident})",
    },
    "contacts.phone_hint": {
        "id": "tulis seperti 0812-3456-7890, +62 812 3456 7890 atau (0732) 21234; beberapa "
        "nomor dipisah dengan /. Dicetak apa adanya di jadwal tim",
        "en": "write it like 0812-3456-7890, +62 812 3456 7890 or (0732) 21234; separate "
        "several numbers with /. It is printed as written on the team schedule",
    },
    "contacts.phone_lost_zero": {
        "id": "nomor telepon tanpa 0 di depan ({ident}): dibaca sebagai {value}",
        "en": "phone number without its leading 0 ({ident}): read as {value}",
    },
    "contacts.phone_lost_zero_private": {
        "id": "nomor telepon tanpa 0 di depan ({ident}): 0 ditambahkan",
        "en": "phone number without its leading 0 ({ident}): the 0 was added",
    },
    "contacts.lost_zero_hint": {
        "id": "Excel membuang 0 di depan angka: format kolom sebagai Teks",
        "en": "Excel drops the leading 0 of numbers: format the column as Text",
    },
    # --- the team schedule (planner.render) ---
    "contacts.phone": {"id": "telp. {phone}", "en": "tel. {phone}"},
    "contacts.address": {"id": "Alamat", "en": "Address"},
    "contacts.resident_phone": {"id": "Telp. warga", "en": "Resident's phone"},
    # --- changes.txt after a replan (planner.workflow.call_list) ---
    "contacts.call_title": {
        "id": "Beri tahu ({count}) — siapa yang ditelepon:",
        "en": "Tell ({count}) — whom to call:",
    },
    "contacts.no_phone.village": {
        "id": "{role}: nomor telepon belum ada (isi kolom telepon di kades.csv)",
        "en": "{role}: no phone number yet (fill in the phone column of village_heads.csv)",
    },
    "contacts.no_phone.school": {
        "id": "{role}: nomor telepon belum ada (isi kolom telepon di sekolah.csv)",
        "en": "{role}: no phone number yet (fill in the phone column of schools.csv)",
    },
    "contacts.resident_call": {
        "id": "tim {team} menelepon warga (nomor ada di jadwal tim)",
        "en": "team {team} calls the resident (the number is on the team's schedule)",
    },
    "contacts.resident_no_team": {
        "id": "kantor memberi tahu warga (nomor ada di jadwal tim sebelumnya)",
        "en": "the office tells the resident (the number is on the earlier team schedule)",
    },
    "contacts.teams_of_site": {"id": "tim {teams}", "en": "team {teams}"},
    "contacts.teams_dropped": {"id": "batal, tim {teams}", "en": "dropped, team {teams}"},
}
