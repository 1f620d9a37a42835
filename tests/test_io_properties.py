"""Property tests: whatever garbage a cell, a file or the settings hold, loading either
succeeds or raises ``InputError`` — never another exception, never a traceback."""

from __future__ import annotations

import csv
import io
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.errors import InputError
from planner.io.load import load

DATA = Path(__file__).parent / "data"
TABLES = [
    "villages.csv",
    "village_heads.csv",
    "schools.csv",
    "homebound.csv",
    "teams.csv",
    "holidays.csv",
]
PROPERTY = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Garbage that looks like what spreadsheets hold, plus anything at all.
cell_text = st.one_of(
    st.text(max_size=30),
    st.sampled_from(
        [
            "",
            " ",
            "-",
            "0",
            "-1",
            "1e400",
            "nan",
            "inf",
            "24:00",
            "23:60",
            "1,5",
            "1.234,5",
            "Senin-",
            "s/d",
            "2026-02-30",
            "99/99/9999",
            "ya",
            "NaN",
            "17.02.07.2001",
            "\ufeff",
            "\x00",
            '"',
            "a\nb",
            "−3,4",
            "9" * 40,
        ]
    ),
    st.integers(-(10**20), 10**20).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
)


@contextmanager
def tiny_copy() -> Iterator[Path]:
    """A fresh writable copy of the English tiny district (hypothesis reruns many times)."""
    with tempfile.TemporaryDirectory() as tmp:
        yield Path(shutil.copytree(DATA / "io_tiny_en", Path(tmp) / "d"))


def load_or_input_error(folder: Path) -> None:
    """Load; an InputError must carry at least one problem with a file or message."""
    problems: tuple[object, ...] = ("none",)
    try:
        load(folder, years=[2026])
    except InputError as exc:
        problems = tuple(p.message for p in exc.problems)
    assert problems
    assert all(problems)


@PROPERTY
@given(
    table=st.sampled_from(TABLES), row=st.integers(0, 6), column=st.integers(0, 11), value=cell_text
)
def test_garbage_in_any_cell(table: str, row: int, column: int, value: str) -> None:
    """One cell (header included) replaced by garbage: InputError or a district."""
    with tiny_copy() as folder:
        path = folder / table
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
        row %= len(rows)
        while len(rows[row]) <= column:
            rows[row].append("")
        rows[row][column] = value
        out = io.StringIO()
        csv.writer(out).writerows(rows)
        path.write_text(out.getvalue(), encoding="utf-8", errors="surrogatepass")
        load_or_input_error(folder)


@PROPERTY
@given(table=st.sampled_from([*TABLES, "planner.toml"]), content=st.binary(max_size=300))
def test_garbage_files(table: str, content: bytes) -> None:
    """A whole file replaced by random bytes: InputError or a district."""
    with tiny_copy() as folder:
        (folder / table).write_bytes(content)
        load_or_input_error(folder)


toml_value = st.one_of(
    st.integers(-(10**30), 10**30).map(str),
    st.floats().map(lambda f: repr(f).replace("inf", "inf").replace("nan", "nan")),
    st.text(max_size=20).map(lambda t: '"' + t.replace("\\", "").replace('"', "") + '"'),
    st.sampled_from(
        [
            "true",
            "[]",
            "[1, 2]",
            "{}",
            "{ a = 1 }",
            "1979-05-27",
            "08:00:00",
            '""',
            "-0.0",
            "inf",
            "nan",
        ]
    ),
)
TOML_KEYS = [
    "name",
    "timezone",
    "language",
    "printers",
    "blank_stock",
    "blank_reserve",
    "recording_minutes",
    "setup_minutes",
    "turnout",
    "school_turnout",
    "detour_factor",
    "team_day_capacity",
    "card_value",
    "roads",
    "maps",
    "max_distance_km",
    "office",
    "weights",
    "speed_kmh",
    "office_lat",
]


@PROPERTY
@given(
    key=st.sampled_from(TOML_KEYS),
    value=toml_value,
    table=st.sampled_from(["", "office", "weights", "speed_kmh"]),
)
def test_garbage_settings(key: str, value: str, table: str) -> None:
    """Any value of any type under any settings key: InputError or a district."""
    with tiny_copy() as folder:
        path = folder / "planner.toml"
        text = path.read_text(encoding="utf-8")
        line = f"{key} = {value}\n"
        if table:
            header = f"[{table}]\n"
            if header in text:
                text = text.replace(header, header + line, 1)
            else:
                text += "\n" + header + line
        else:
            text = line + text
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        load_or_input_error(folder)
