"""stock: blank-card deliveries and recounts."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    "stock.bad_count": {
        "id": "jumlah kartu {value!r} bukan bilangan bulat {least} atau lebih",
        "en": "card count {value!r} is not a whole number of {least} or more",
    },
    "stock.bad_count_hint": {
        "id": "tulis jumlah kartu, mis. 'planner stock add 500 --date 2026-12-03'",
        "en": "give the number of cards, e.g. 'planner stock add 500 --date 2026-12-03'",
    },
    "stock.bad_date": {
        "id": "--date {value!r} bukan tanggal",
        "en": "--date {value!r} is not a date",
    },
    "stock.bad_date_hint": {
        "id": "tulis YYYY-MM-DD atau DD/MM/YYYY, mis. 2026-12-03",
        "en": "use YYYY-MM-DD or DD/MM/YYYY, e.g. 2026-12-03",
    },
    "stock.future_date": {
        "id": "--date {date}: tanggal ini belum tiba (hari ini {today})",
        "en": "--date {date}: that day has not come yet (today is {today})",
    },
    "stock.future_date_hint": {
        "id": "catat kiriman atau hitung ulang pada hari terjadinya",
        "en": "record a delivery or a recount on the day it happens",
    },
    "stock.old_date": {
        "id": "--date {date}: lebih dari setahun yang lalu (hari ini {today}) — salah ketik tahun?",
        "en": "--date {date}: more than a year ago (today is {today}) — a typo in the year?",
    },
    "stock.added": {
        "id": "Kiriman {cards} blanko pada {date} dicatat.",
        "en": "Delivery of {cards} blank cards on {date} recorded.",
    },
    "stock.counted": {
        "id": "Hitung ulang pada {date} dicatat: {cards} blanko.",
        "en": "Recount on {date} recorded: {cards} blank cards.",
    },
    "stock.now": {
        "id": "Stok blanko kini {now} (cadangan kantor {reserve}; tim masih boleh mencetak "
        "{budget}).",
        "en": "Blank stock now {now} (office reserve {reserve}; the teams may still print "
        "{budget}).",
    },
}
