"""Tiny named districts built straight from the model, for solver and checker tests.

Coordinates sit around Curup; distances are a few km so travel takes minutes, not hours.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from planner.model import (
    DateOverride,
    District,
    Holiday,
    Homebound,
    HomeboundCategory,
    School,
    Settings,
    Shift,
    Team,
    TimeWindow,
    VehicleProfile,
    Village,
    WeeklyWindow,
)

OFFICE = (-3.4707, 102.5237)
WEEK = "2026-W49"
MONDAY = dt.date(2026, 11, 30)
MON_FRI = frozenset(range(5))


def hm(text: str) -> int:
    """Minutes since midnight of ``HH:MM``."""
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


def window(start: str, end: str) -> TimeWindow:
    """A time window from two ``HH:MM``."""
    return TimeWindow(hm(start), hm(end))


def settings(**overrides: object) -> Settings:
    """Sample-like settings: 1 printer, 100 blanks, 20 kept back."""
    base = Settings(
        name="Tiny",
        office_name="Kantor",
        office_lat=OFFICE[0],
        office_lon=OFFICE[1],
        printers=1,
        blank_stock=100,
        blank_reserve=20,
    )
    return replace(base, **overrides)  # type: ignore[arg-type]


def village(
    code: str,
    dlat: float,
    dlon: float,
    backlog: int,
    weekly: dict[int, tuple[str, str]] | None = None,
    **extra: object,
) -> Village:
    """A village ``dlat``/``dlon`` degrees from the office with head windows per weekday
    (default: Mon–Fri 08:00–12:00)."""
    weekly = weekly if weekly is not None else dict.fromkeys(range(5), ("08:00", "12:00"))
    return Village(
        code=code,
        name=f"Desa {code[-4:]}",
        district="Curup",
        kind="desa",
        lat=OFFICE[0] + dlat,
        lon=OFFICE[1] + dlon,
        obliged=backlog * 10,
        backlog=backlog,
        head_weekly=tuple(WeeklyWindow(d, window(*w)) for d, w in weekly.items()),
        **extra,  # type: ignore[arg-type]
    )


def team(
    tid: str,
    kits: int = 1,
    vehicle: VehicleProfile = VehicleProfile.CAR,
    shifts: tuple[Shift, ...] | None = None,
) -> Team:
    """A team at the office, Mon–Fri 08:00–15:00 unless ``shifts`` says otherwise."""
    return Team(
        id=tid,
        name=f"Tim {tid}",
        vehicle=vehicle,
        kits=kits,
        shifts=shifts or (Shift(MON_FRI, window("08:00", "15:00")),),
        base_lat=OFFICE[0],
        base_lon=OFFICE[1],
    )


def district(
    villages: tuple[Village, ...],
    teams: tuple[Team, ...],
    *,
    schools: tuple[School, ...] = (),
    homebound: tuple[Homebound, ...] = (),
    holidays: tuple[Holiday, ...] = (),
    **setting_overrides: object,
) -> District:
    """Assemble a district."""
    return District(
        settings=settings(**setting_overrides),
        villages=villages,
        schools=schools,
        homebound=homebound,
        teams=teams,
        holidays=holidays,
        inputs_sha256="0" * 64,
    )


def wednesday_afternoon() -> District:
    """One team, three villages; the big one's head is only there on Wednesday afternoon."""
    return district(
        (
            village("17.02.09.1001", 0.02, 0.01, 40),
            village("17.02.09.1002", -0.03, 0.02, 30),
            village("17.02.09.1003", 0.05, -0.04, 200, weekly={2: ("13:00", "15:00")}),
        ),
        (team("T1", kits=2),),
    )


def mixed() -> District:
    """Three teams, two printers, villages, a school, homebound residents, a Tuesday holiday
    and a team that also works on Saturday."""
    v1 = village("17.02.09.1001", 0.02, 0.01, 60)
    v2 = village("17.02.09.1002", -0.03, 0.02, 45, preregistered=12)
    v3 = village("17.02.09.1003", 0.06, -0.05, 120, weekly={0: ("09:00", "11:00"),
                                                             5: ("08:00", "11:00")})
    v4 = replace(
        village("17.02.09.1004", -0.05, -0.03, 80),
        head_overrides=(DateOverride(MONDAY, False),),
    )
    school = School(
        npsn="10700001",
        name="SMA Negeri 1",
        village_code=v1.code,
        lat=v1.lat,
        lon=v1.lon,
        students=50,
        printable=20,
        closed=frozenset({MONDAY + dt.timedelta(days=3)}),
    )
    residents = tuple(
        Homebound(
            id=f"H{i}",
            category=HomeboundCategory.ELDERLY,
            village_code=v2.code,
            lat=v2.lat + 0.002 * i,
            lon=v2.lon,
            window=window("09:00", "14:00") if i % 2 else None,
            companion="Ibu Pendamping",
            name=f"Warga Contoh {i}",
            nik=f"17020199{i:08d}",
        )
        for i in range(3)
    )
    saturday = (
        Shift(MON_FRI, window("07:30", "15:30")),
        Shift(frozenset({5}), window("08:00", "12:00")),
    )
    return district(
        (v1, v2, v3, v4),
        (
            team("T1", kits=2),
            team("T2", kits=1, vehicle=VehicleProfile.MOTORBIKE, shifts=saturday),
            team("T3", kits=1),
        ),
        schools=(school,),
        homebound=residents,
        holidays=(Holiday(MONDAY + dt.timedelta(days=1), "Libur"),),
        printers=2,
        blank_stock=60,
        blank_reserve=10,
    )
