"""A small, realistic district around Curup (Rejang Lebong) and a hand-made week's plan.

Used by the render tests and by ``scripts/screenshots.py`` until a solved sample plan exists.
Villages are real desa/kelurahan (codes, names, a point inside each); counts, schools'
positions, residents and the plan are made up. Homebound residents carry sentinel names and
NIKs so privacy tests can search every output for them.

``build(contacts=True)`` gives two villages' heads and a school a name and phone, and the
residents sentinel addresses and phones (their own and their companions').
``build(xss=True)`` plants hostile text (a village named like an HTML tag, a resident named
like a spreadsheet formula); ``build(long_day=True)`` gives team T1 a Monday of many stops so
the printed schedule must break pages.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from planner.model import (
    Contact,
    District,
    Homebound,
    HomeboundCategory,
    Plan,
    Route,
    School,
    Settings,
    Shift,
    SiteKind,
    SolverInfo,
    Stop,
    Team,
    TimeWindow,
    Unserved,
    VehicleProfile,
    Village,
    WeeklyWindow,
    totals_of,
)

HERE = Path(__file__).resolve().parent
BOUNDARIES = HERE / "render_desa.geojson"
WEEK = "2026-W48"
MONDAY = dt.date(2026, 11, 23)

SENTINEL_NAMES = ("Sentinelia Rahmawati", "Bapak Sentinel Sutrisno", "Ibu Sentinela Ningsih")
SENTINEL_NIKS = ("1702094107450001", "1702161203380002", "1702110506520003")
SENTINEL_ADDRESSES = ("Jalan Sentinelweg 11", "Dusun Sentinelkamp RT 02", "Gang Sentinelhof 3")
SENTINEL_PHONES = ("0877-4040-0001", "0877-4040-0002", "0877-4040-0003")
SENTINEL_COMPANION_PHONES = ("0878-4040-0001", "0878-4040-0002")
HEAD_CONTACTS = {
    "17.02.16.2009": (Contact("Kades Contoh Tabarenah", "0812-0000-0009"),),
    "17.02.10.2001": (
        Contact("Kades Contoh Air Mundu", "0812-0000-0101"),
        Contact("Kasi Pemerintahan Contoh", None),
    ),
}
SCHOOL_CONTACT = Contact("Wakasek Kesiswaan Contoh", "+62 813 0000 0001")
XSS_VILLAGE = "<img src=x onerror=alert(1)>"
FORMULA_RESIDENT = '=HYPERLINK("http://x")'

_VILLAGES = (
    ("17.02.09.1012", "Dwi Tunggal", "Curup", "kelurahan", -3.478269, 102.513701),
    ("17.02.09.1025", "Air Rambai", "Curup", "kelurahan", -3.473871, 102.519221),
    ("17.02.09.1031", "Jalan Baru", "Curup", "kelurahan", -3.461998, 102.524733),
    ("17.02.10.2001", "Air Mundu", "Bermani Ulu", "desa", -3.405413, 102.442766),
    ("17.02.10.2012", "Kampung Melayu", "Bermani Ulu", "desa", -3.392732, 102.455752),
    ("17.02.10.2016", "Suka Rami", "Bermani Ulu", "desa", -3.444386, 102.461887),
    ("17.02.11.1004", "Air Duku", "Selupu Rejang", "kelurahan", -3.440428, 102.610667),
    ("17.02.11.2001", "Air Putih Kali Bandung", "Selupu Rejang", "desa", -3.463667, 102.609045),
    ("17.02.11.2005", "Suban Ayam", "Selupu Rejang", "desa", -3.469076, 102.601282),
    ("17.02.11.2010", "Sumber Bening", "Selupu Rejang", "desa", -3.455058, 102.63555),
    ("17.02.11.2016", "Talang Lahat", "Selupu Rejang", "desa", -3.467843, 102.659088),
    ("17.02.16.2003", "Batu Dewa", "Curup Utara", "desa", -3.462172, 102.520583),
    ("17.02.16.2006", "Dusun Sawah", "Curup Utara", "desa", -3.477597, 102.486357),
    ("17.02.16.2009", "Tabarenah", "Curup Utara", "desa", -3.43472, 102.505186),
    ("17.02.16.2012", "Tanjung Beringin", "Curup Utara", "desa", -3.409086, 102.531145),
    ("17.02.17.1001", "Sukaraja", "Curup Timur", "kelurahan", -3.461891, 102.536881),
    ("17.02.17.1004", "Talang Ulu", "Curup Timur", "kelurahan", -3.454939, 102.559764),
    ("17.02.17.2007", "Air Meles Bawah", "Curup Timur", "desa", -3.465898, 102.552439),
    ("17.02.18.2004", "Watas Marga", "Curup Selatan", "desa", -3.496072, 102.504432),
    ("17.02.18.2010", "Tanjung Dalam", "Curup Selatan", "desa", -3.498966, 102.464661),
    ("17.02.19.1005", "Kampung Jawa", "Curup Tengah", "kelurahan", -3.463081, 102.533354),
    ("17.02.19.1008", "Batu Galing", "Curup Tengah", "kelurahan", -3.474782, 102.537639),
)

# (team, weekday, [(site id, people, cards)]) — the hand-made week.
_ROUTES: tuple[tuple[str, int, tuple[tuple[str, int, int], ...]], ...] = (
    ("T1", 0, (("village:17.02.16.2009", 38, 20), ("homebound:H1", 1, 1))),
    ("T1", 1, (("school:10702001", 60, 25), ("village:17.02.16.2012", 22, 10))),
    ("T1", 2, (("village:17.02.10.2001", 30, 15), ("village:17.02.10.2012", 26, 12))),
    ("T1", 3, (("village:17.02.09.1012", 34, 0), ("village:17.02.18.2004", 28, 0))),
    ("T1", 4, (("village:17.02.16.2006", 30, 18), ("homebound:H2", 1, 1))),
    ("T2", 0, (("village:17.02.17.1001", 24, 0), ("village:17.02.17.2007", 22, 0))),
    ("T2", 1, (("village:17.02.11.2005", 26, 0), ("homebound:H3", 1, 0))),
    ("T2", 2, (("school:10702002", 45, 0),)),
    ("T2", 3, (("village:17.02.09.1031", 20, 0), ("village:17.02.19.1005", 20, 0))),
    ("T3", 0, (("village:17.02.11.2010", 30, 20), ("village:17.02.11.2016", 24, 15))),
    ("T3", 2, (("village:17.02.11.1004", 36, 20), ("village:17.02.11.2001", 22, 10))),
    ("T3", 4, (("village:17.02.17.1004", 28, 12), ("village:17.02.19.1008", 25, 10))),
)

_LONG_MONDAY = (
    ("village:17.02.16.2009", 12, 0),
    ("homebound:H1", 1, 0),
    ("village:17.02.16.2003", 10, 0),
    ("village:17.02.09.1025", 10, 0),
    ("homebound:H2", 1, 0),
    ("village:17.02.09.1012", 10, 0),
    ("village:17.02.19.1008", 8, 0),
    ("homebound:H3", 1, 0),
    ("village:17.02.17.1001", 8, 0),
    ("village:17.02.17.2007", 8, 0),
    ("village:17.02.19.1005", 8, 0),
    ("village:17.02.09.1031", 8, 0),
)


def _with_contacts(district: District) -> District:
    """``district`` with the contacts of ``build(contacts=True)``."""
    villages = tuple(
        replace(v, head_contacts=HEAD_CONTACTS.get(v.code, ())) for v in district.villages
    )
    schools = tuple(
        replace(s, contact=SCHOOL_CONTACT if s.npsn == "10702001" else None)
        for s in district.schools
    )
    phones = (*SENTINEL_COMPANION_PHONES, None)
    homebound = tuple(
        replace(h, address=address, phone=phone, companion_phone=companion)
        for h, address, phone, companion in zip(
            district.homebound, SENTINEL_ADDRESSES, SENTINEL_PHONES, phones, strict=True
        )
    )
    return replace(district, villages=villages, schools=schools, homebound=homebound)


def _district(xss: bool, xss_village: str) -> District:
    settings = Settings(
        name="Rejang Lebong (uji)",
        office_name="Dinas Dukcapil Kabupaten Rejang Lebong, Curup",
        office_lat=-3.4707,
        office_lon=102.5237,
        printers=2,
        blank_stock=773,
        blank_reserve=175,
    )
    head = tuple(WeeklyWindow(d, TimeWindow(8 * 60, 14 * 60)) for d in range(5))
    villages = []
    for i, (code, name, kecamatan, kind, lat, lon) in enumerate(_VILLAGES):
        obliged = 900 + 137 * i % 1700
        backlog = 40 + (53 * i) % 140
        if xss and code == "17.02.16.2009":
            name = xss_village
        villages.append(
            Village(code, name, kecamatan, kind, lat, lon, obliged, backlog, head_weekly=head)
        )
    schools = (
        School("10702001", "SMA NEGERI 1 REJANG LEBONG", "17.02.16.2003", -3.4601, 102.5189, 120),
        School("10702002", "SMK NEGERI 1 REJANG LEBONG", "17.02.11.2005", -3.4702, 102.5991, 80),
    )
    names = list(SENTINEL_NAMES)
    if xss:
        names[0] = FORMULA_RESIDENT
    homebound = (
        Homebound(
            "H1",
            HomeboundCategory.ELDERLY,
            "17.02.16.2009",
            -3.4361,
            102.5071,
            window=TimeWindow(9 * 60, 15 * 60),
            companion="Pendamping PKH Yuliana",
            name=names[0],
            nik=SENTINEL_NIKS[0],
        ),
        Homebound(
            "H2",
            HomeboundCategory.BEDRIDDEN,
            "17.02.16.2006",
            -3.4792,
            102.4881,
            companion="TKSK Curup Utara",
            name=names[1],
            nik=SENTINEL_NIKS[1],
        ),
        Homebound(
            "H3",
            HomeboundCategory.DISABLED,
            "17.02.11.2005",
            -3.4688,
            102.6031,
            name=names[2],
            nik=SENTINEL_NIKS[2],
        ),
    )
    weekdays = frozenset(range(5))
    teams = (
        Team(
            "T1",
            "Tim 1" if not xss else 'Tim "1" <b>',
            VehicleProfile.CAR,
            2,
            (Shift(weekdays, TimeWindow(7 * 60 + 30, 15 * 60 + 30)),),
            -3.4707,
            102.5237,
        ),
        Team(
            "T2",
            "Tim 2",
            VehicleProfile.MOTORBIKE,
            1,
            (Shift(weekdays, TimeWindow(8 * 60, 15 * 60)),),
            -3.4707,
            102.5237,
        ),
        Team(
            "T3",
            "Tim 3 Selupu",
            VehicleProfile.CAR,
            1,
            (Shift(weekdays, TimeWindow(8 * 60, 15 * 60)),),
            -3.4552,
            102.6105,
            base_is_office=False,
        ),
    )
    return District(
        settings=settings,
        villages=tuple(villages),
        schools=schools,
        homebound=homebound,
        teams=teams,
        boundaries_path=str(BOUNDARIES),
    )


def _route(team: Team, date: dt.date, visits: tuple[tuple[str, int, int], ...]) -> Route:
    hours = team.hours_on(date.weekday())
    assert hours is not None
    clock = hours.start
    depart = clock
    stops = []
    for site, people, cards in visits:
        clock += 20  # travel
        arrive = clock
        start = arrive + (10 if site.startswith("school") else 0)
        end = start + 20 + -(-people * 6 // team.kits) + (2 * cards if cards else 0) // 4
        kind = SiteKind(site.partition(":")[0])
        stops.append(Stop(site, kind, arrive, start, end, people, cards))
        clock = end
    travel_minutes = 20 * (len(visits) + 1)
    cards = sum(s.cards for s in stops)
    printer = cards > 0
    return Route(
        team=team.id,
        date=date,
        printer=printer,
        blanks=cards + (5 if printer else 0),
        depart=depart,
        return_=clock + 20,
        travel_minutes=travel_minutes,
        distance_km=round(travel_minutes * 0.55, 1),
        stops=tuple(stops),
    )


def build(
    *,
    xss: bool = False,
    long_day: bool = False,
    xss_village: str = XSS_VILLAGE,
    contacts: bool = False,
) -> tuple[District, Plan]:
    """The fixture district and its plan for week 2026-W48 (``xss_village``: the name the
    village Tabarenah gets with ``xss``)."""
    district = _district(xss, xss_village)
    if contacts:
        district = _with_contacts(district)
    teams = {team.id: team for team in district.teams}
    routes = []
    for team_id, weekday, visits in _ROUTES:
        if long_day and team_id == "T1" and weekday == 0:
            visits = _LONG_MONDAY
        routes.append(_route(teams[team_id], MONDAY + dt.timedelta(days=weekday), visits))
    unserved = (
        Unserved("village:17.02.10.2016", 121, "waktu tim lebih bernilai di lokasi lain", "x"),
        Unserved("village:17.02.18.2010", 95, "tidak terjangkau dalam jam kerja tim", "x"),
        Unserved("village:17.02.09.1025", 60, "kepala desa tidak pernah tersedia", "x"),
    )
    plan = Plan(
        district=district.settings.name,
        week=WEEK,
        inputs_sha256="0" * 64,
        solver=SolverInfo(engine="hand", time_limit_s=0, seed=0),
        routes=tuple(routes),
        unserved=unserved,
        totals=totals_of(tuple(routes), district.settings.weights),
    )
    return district, plan


def tiny() -> tuple[District, Plan]:
    """A tiny district for the golden file: one team, two days, one stop of each kind."""
    district, plan = build()
    keep = [r for r in plan.routes if r.team == "T1" and r.date.weekday() in (0, 1)]
    district = District(
        settings=district.settings,
        villages=district.villages,
        schools=district.schools,
        homebound=district.homebound,
        teams=district.teams[:1],
        boundaries_path=None,
    )
    routes = tuple(keep)
    plan = Plan(
        district=plan.district,
        week=plan.week,
        inputs_sha256=plan.inputs_sha256,
        solver=plan.solver,
        routes=routes,
        unserved=plan.unserved[:1],
        totals=totals_of(routes, district.settings.weights),
    )
    return district, plan
