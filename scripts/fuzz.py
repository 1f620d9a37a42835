"""Fuzz the district loaders, ``planner record`` and the plan.json readers with generated files.

    python scripts/fuzz.py --examples 5000            # every target, 5000 examples each
    python scripts/fuzz.py --examples 500 --target tally

Each target is a hypothesis property over whole generated files (wrong types, missing and
doubled columns, Indonesian and odd-cased headers, unicode, huge numbers, empty files, BOMs,
UTF-16 and cp1252, semicolons and tabs, CSV or XLSX with typed cells such as Excel dates):

- ``tables``: one table of the tiny test district replaced by a generated one; loading must
  give a district or an ``InputError`` whose problems each name a file.
- ``tally``: the "all stops" sheet of a real plan, mangled, given to ``planner record``
  (in-process); exit 0 or 2, never a traceback or an internal error.
- ``plan``: a real plan.json with one field replaced or removed, or its text cut short, given
  to ``planner check`` and ``planner render``; exit 0, 1 (rule violations) or 2.

tests/test_reliability_fuzz.py runs the same targets with a few hundred examples.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime as dt
import io
import json
import shutil
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from planner.cli import cli
from planner.cli._common import run_guarded
from planner.errors import InputError
from planner.io.load import load
from planner.io.tables import SPECS, TableSpec
from planner.io.tally_columns import RESULT_COLUMNS, all_stops_sheet

ROOT = Path(__file__).resolve().parent.parent
TINY = ROOT / "tests" / "data" / "io_tiny_en"
WEEK = "2026-W49"
OUTCOMES: Counter[str] = Counter()
"""How the examples ended (e.g. ``record: exit 2``), for the report."""

# --- cells ------------------------------------------------------------------------------------

_ODD = [
    *("", " ", "-", "\ufeff", "\x00", '"', "a\nb", "Ä" * 300),  # blanks, CSV troublemakers
    *("0", "-1", "12.0", "3.000", "1,5", "1.234,5", "−3,4", "١٢٣", "𝟙𝟚", "9" * 40),  # counts
    *("1e400", "nan", "NaN", "inf", "-inf"),  # floats a reader must refuse
    *("24:00", "23:60", "7:5", "Senin-", "s/d", "Senin s/d Jumat", "ya", "tidak"),  # times, days
    *("2026-02-30", "31/12/2026", "99/99/9999", "46000"),  # dates; 46000 is an Excel serial
    *("17.02.07.2001", "=1+1", "@SUM(A1)", "<script>alert(1)</script>"),  # codes, injection
]
_TYPED = st.one_of(
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.datetimes(min_value=dt.datetime(1900, 3, 1), max_value=dt.datetime(2100, 1, 1)),
    st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(2100, 1, 1)),
    st.times(),
    st.none(),
)
text_cell = st.one_of(
    st.sampled_from(_ODD),
    st.text(max_size=20),
    st.integers(-(10**20), 10**20).map(str),
    st.floats().map(str),
)
any_cell = st.one_of(text_cell, _TYPED)
"""A cell as a workbook may hold it (typed) or as text; CSV writes ``str`` of it."""


def good_cell(column: str) -> st.SearchStrategy[Any]:
    """A plausible value for ``column``, so that generated rows get past the first check."""
    plausible: dict[str, st.SearchStrategy[Any]] = {
        "code": st.sampled_from(["17.02.07.2001", "17.02.21.2003", "17.02.09.1025"]),
        "village": st.sampled_from(["17.02.07.2001", "17.02.09.1025", "17.02.99.9999"]),
        "lat": st.floats(-3.6, -3.3).map(lambda v: f"{v:.5f}"),
        "lon": st.floats(102.4, 102.9).map(lambda v: f"{v:.5f}"),
        "base_lat": st.floats(-3.6, -3.3).map(lambda v: f"{v:.5f}"),
        "base_lon": st.floats(102.4, 102.9).map(lambda v: f"{v:.5f}"),
        "start": st.sampled_from(["07:30", "08:00", "09:00", dt.time(8, 0)]),
        "end": st.sampled_from(["12:00", "15:00", "16:30", dt.time(14, 0)]),
        "weekday": st.sampled_from(["Mon-Fri", "Senin;Rabu", "Kamis"]),
        "days": st.sampled_from(["Mon-Fri", "Senin s/d Sabtu", "Tue"]),
        "date": st.sampled_from(["2026-12-01", "02/12/2026", dt.datetime(2026, 12, 3)]),
        "available": st.sampled_from(["ya", "no"]),
        "kind": st.sampled_from(["desa", "kelurahan"]),
        "category": st.sampled_from(["lansia", "disabled", "odgj"]),
        "vehicle": st.sampled_from(["car", "motor"]),
        "id": st.sampled_from(["T1", "T2", "H1", "H9"]),
        "nik": st.sampled_from(["1702079900000001", "12"]),
    }
    counts = st.integers(0, 5000)
    if column in ("obliged", "backlog", "preregistered", "students", "printable", "kits"):
        return st.one_of(counts, counts.map(str))
    return plausible.get(column, st.text(max_size=12))


# --- writing files ----------------------------------------------------------------------------


@st.composite
def table_file(draw: st.DrawFn, spec: TableSpec) -> tuple[str, bytes]:
    """A file name and its bytes: ``spec``'s table with generated header and rows."""
    columns = list(spec.columns)
    chosen = draw(st.lists(st.sampled_from(columns), max_size=len(columns) + 2))
    if draw(st.booleans()):
        chosen = list(dict.fromkeys([*spec.required, *chosen]))  # mostly complete headers
    header = []
    for column in chosen:
        alias = draw(st.sampled_from(spec.columns[column]))
        header.append(draw(st.sampled_from([alias, alias.upper(), f" {alias} ", alias.title()])))
    header += draw(st.lists(st.sampled_from(["notes", "", "x y", "\ufeffid"]), max_size=2))
    n_rows = draw(st.integers(0, 6))
    extra = len(header) - len(chosen)

    def cell(column: str) -> Any:
        # Mostly plausible cells, so that rows get past the first check to the deeper ones.
        return draw(good_cell(column)) if draw(st.integers(0, 9)) else draw(any_cell)

    rows = [
        [cell(c) for c in chosen] + [draw(any_cell) for _ in range(extra)] for _ in range(n_rows)
    ]
    ragged = [r[: draw(st.integers(0, len(r)))] if draw(st.booleans()) else r for r in rows]
    stem = draw(st.sampled_from(spec.names))
    return (
        (f"{stem}.xlsx", _xlsx(header, ragged))
        if draw(st.booleans())
        else (
            f"{stem}.csv",
            draw(csv_bytes([header, *ragged])),
        )
    )


@st.composite
def csv_bytes(draw: st.DrawFn, rows: list[list[Any]]) -> bytes:
    """``rows`` as CSV: a delimiter, line ends and an encoding as Excel and editors write."""
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    out = io.StringIO()
    csv.writer(
        out, delimiter=delimiter, lineterminator=draw(st.sampled_from(["\n", "\r\n"]))
    ).writerows([[_text(c) for c in row] for row in rows])
    text = out.getvalue()
    if draw(st.integers(0, 4)) == 0:
        text = text[: draw(st.integers(0, len(text)))]  # cut short
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]))
    return (
        text.encode(encoding, errors="replace")
        if encoding != "utf-8"
        else text.encode("utf-8", errors="surrogatepass")
    )


def _text(value: Any) -> str:
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    return "" if value is None else str(value)


def _xlsx(header: list[str], rows: list[list[Any]], title: str | None = None) -> bytes:
    """A workbook with typed cells (numbers, dates, booleans) as Excel would hold them."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    if title:
        sheet.title = title
    for row in [header, *rows]:
        sheet.append([_xlsx_value(v) for v in row])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _xlsx_value(value: Any) -> Any:
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)[:32_000]
    if isinstance(value, float) and value != value:
        return "nan"  # a workbook cannot store NaN
    if isinstance(value, float) and abs(value) == float("inf"):
        return str(value)
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 2**53:
        return str(value)
    return value


# --- the targets ------------------------------------------------------------------------------


@contextlib.contextmanager
def tiny_copy() -> Iterator[Path]:
    """A fresh copy of the English tiny district."""
    with tempfile.TemporaryDirectory() as tmp:
        yield Path(shutil.copytree(TINY, Path(tmp) / "d"))


def check_tables(spec: TableSpec, name: str, data: bytes) -> None:
    """Replace ``spec``'s table of the tiny district by ``data``: a district or InputError."""
    with tiny_copy() as folder:
        for old in folder.iterdir():
            if old.stem.lower() in spec.names:
                old.unlink()
        (folder / name).write_bytes(data)
        try:
            load(folder, years=[2026])
            OUTCOMES["tables: district"] += 1
        except InputError as exc:
            problems = exc.problems
            OUTCOMES["tables: InputError"] += 1
            if not problems or not all(p.message for p in problems):
                raise AssertionError(f"an InputError without a message: {problems}") from None


@dataclass
class Planned:
    """The tiny district planned once, with its ledger: what ``record`` and ``check`` need."""

    folder: Path
    plan_file: Path
    all_stops: list[list[Any]]


def plan_tiny(root: Path) -> Planned:
    """Plan the tiny district (in-process, seconds) into ``root``."""
    folder = Path(shutil.copytree(TINY, root / "district"))
    out = root / "out"
    args = ["plan", "--week", WEEK, "--data", str(folder), "--out", str(out)]
    with quiet():
        code = run_guarded(
            cli, [*args, "--time-limit", "1", "--solution-limit", "1", "--no-progress"]
        )
    assert code == 0, "the tiny district should plan"
    sheet = openpyxl.load_workbook(out / WEEK / "schedule.xlsx").worksheets[0]  # all stops
    # Without its empty result columns: the fuzzer adds its own, in many spellings.
    rows = [list(r)[: -len(RESULT_COLUMNS)] for r in sheet.iter_rows(values_only=True)]
    return Planned(folder, out / WEEK / "plan.json", rows)


@contextlib.contextmanager
def quiet() -> Iterator[io.StringIO]:
    """Collect what a command prints (stdout and stderr)."""
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer), contextlib.redirect_stderr(buffer):
        yield buffer


def run_cli(args: list[str], allowed: tuple[int, ...]) -> int:
    """Run planner in-process; its exit code must be in ``allowed``, with no traceback."""
    with quiet() as printed:
        code = run_guarded(cli, args)
    text = printed.getvalue()
    assert "Traceback" not in text, text[-2000:]
    assert "Internal error" not in text, text[-2000:]
    assert code in allowed, (code, text[-2000:])
    OUTCOMES[f"{args[0]}: exit {code}"] += 1
    return code


@st.composite
def tally_file(draw: st.DrawFn, all_stops: list[list[Any]]) -> tuple[str, bytes]:
    """The real "all stops" rows, mangled, with recorded/printed filled in (or not)."""
    header = [str(h) for h in all_stops[0]]
    header += draw(
        st.sampled_from(
            [
                ["recorded", "printed"],
                ["tercatat", "dicetak"],
                ["Recorded ", "PRINTED"],
                ["direkam", "printed"],
                ["RECORDED "],
                ["printed", "recorded", "recorded"],
                [],
            ]
        )
    )
    if draw(st.booleans()):
        header = draw(st.permutations(header))
    odd = st.one_of(st.integers(-(10**20), 10**20), any_cell)
    rows = []
    for row in all_stops[1:]:
        if draw(st.integers(0, 9)) == 0:
            continue
        cells = list(row)
        if draw(st.integers(0, 9)) == 0:
            cells[draw(st.integers(0, len(cells) - 1))] = draw(any_cell)
        recorded = draw(st.integers(0, 60)) if draw(st.integers(0, 9)) else draw(odd)
        top = recorded if isinstance(recorded, int) and 0 <= recorded <= 60 else 10
        printed = draw(st.integers(0, top)) if draw(st.integers(0, 9)) else draw(odd)
        rows.append([*cells, recorded, printed])
    if draw(st.integers(0, 3)) == 0:
        rows += draw(st.lists(st.lists(any_cell, max_size=len(header)), max_size=2))
    if draw(st.booleans()):
        return "tally.xlsx", _xlsx(
            header, rows, draw(st.sampled_from([all_stops_sheet("id"), "x"]))
        )
    return "tally.csv", draw(csv_bytes([header, *rows]))


def check_tally(planned: Planned, name: str, data: bytes) -> None:
    """``planner record`` of the generated tally: exit 0 (recorded) or 2, nothing else."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        run_cli(["record", "--week", WEEK, str(path), "--data", str(planned.folder)], (0, 2))


_PLAN_STRINGS = [
    "",
    "08:00",
    "23:59",
    "25:61",
    "2026-11-30",
    "2026-12-01",
    "2026-12-06",
    "2026-13-40",
    "2026-W49",
    "2026-W50",
    "village:nope",
    "village:17.02.21.2003",
    "homebound:H1",
    "homebound:H2",
    "school:10700670",
    "T1",
    "T9",
    "school",
    "village",
    "homebound",
    "en",
    "xx",
    "<b>x</b>",
]
_JSON_SCALAR = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**30), 10**30),
    st.floats(allow_nan=False),
    st.sampled_from(_PLAN_STRINGS),
    st.text(max_size=10),
)
_JSON_VALUE = st.one_of(
    _JSON_SCALAR,
    st.lists(_JSON_SCALAR, max_size=3),
    st.dictionaries(st.text(max_size=5), _JSON_SCALAR, max_size=3),
)


def _same_type(value: Any) -> st.SearchStrategy[Any]:
    """A value of the same JSON type: the reader accepts it, the checker and renderer meet it."""
    if isinstance(value, bool):
        return st.booleans()
    if isinstance(value, int):
        return st.one_of(st.integers(-3, 600), st.integers(0, 10**18))
    if isinstance(value, float):
        return st.floats(-1e9, 1e12)
    if isinstance(value, str):
        return st.sampled_from(_PLAN_STRINGS)
    return _JSON_VALUE


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value[:3]):
            yield from _paths(item, (*prefix, index))


@st.composite
def plan_text(draw: st.DrawFn, original: str) -> str:
    """A real plan.json with one field replaced or removed, or its text cut short."""
    data = json.loads(original)
    how = draw(st.sampled_from(["same type", "same type", "same type", "replace", "remove", "cut"]))
    if how == "cut":
        return original[: draw(st.integers(0, len(original)))]
    path = draw(st.sampled_from(list(_paths(data))[1:]))
    parent = data
    for key in path[:-1]:
        parent = parent[key]
    if how == "remove":
        del parent[path[-1]]
    elif how == "same type":
        parent[path[-1]] = draw(_same_type(parent[path[-1]]))
    else:
        parent[path[-1]] = draw(_JSON_VALUE)
    return json.dumps(data)


def check_plan_file(planned: Planned, text: str, render: bool) -> None:
    """``planner check`` (and ``render``) of the changed plan: exit 0, 1 or 2."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "plan.json"
        path.write_text(text, encoding="utf-8")
        data = ["--data", str(planned.folder)]
        code = run_cli(["check", str(path), *data], (0, 1, 2))
        if render and code != 2:
            run_cli(["render", str(path), *data, "--out", str(Path(tmp) / "out")], (0, 2))


# --- running ----------------------------------------------------------------------------------

TARGETS = ("tables", "tally", "plan")


def properties(planned: Planned) -> dict[str, Callable[..., None]]:
    """The undecorated hypothesis properties, by target (``settings`` is applied by callers)."""

    @given(data=st.data())
    def tables(data: st.DataObject) -> None:
        spec = data.draw(st.sampled_from(SPECS))
        name, content = data.draw(table_file(spec))
        check_tables(spec, name, content)

    @given(data=st.data())
    def tally(data: st.DataObject) -> None:
        name, content = data.draw(tally_file(planned.all_stops))
        check_tally(planned, name, content)

    original = planned.plan_file.read_text(encoding="utf-8")

    @given(text=plan_text(original), render=st.integers(0, 9))
    def plan(text: str, render: int) -> None:
        check_plan_file(planned, text, render=render == 0)

    return {"tables": tables, "tally": tally, "plan": plan}


def fuzz_settings(examples: int) -> settings:
    """Hypothesis settings for ``examples`` examples, no deadline, no database."""
    return settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )


def main(argv: list[str] | None = None) -> int:
    """Run the targets; print examples and time per target; exit 1 on the first failure."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=1000, help="examples per target")
    parser.add_argument("--target", choices=TARGETS, action="append", help="default: all")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        planned = plan_tiny(Path(tmp))
        props = properties(planned)
        for target in args.target or TARGETS:
            started = time.monotonic()
            fuzz_settings(args.examples)(props[target])()
            seconds = time.monotonic() - started
            print(f"{target}: {args.examples} examples, no failure ({seconds:.0f} s)", flush=True)
        for outcome, count in sorted(OUTCOMES.items()):
            print(f"  {outcome}: {count}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
