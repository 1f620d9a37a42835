"""Benchmark: reading the district tables by hand (``planner.io.sheets``) or with pandas.

    python -m benchmarks.tables [--rows 5000] [--runs 5]

pandas is a declared dependency; this measures whether reading the tables with it
(``pd.read_csv(dtype=str, keep_default_na=False)``, ``pd.read_excel(dtype=object)`` through
openpyxl, every cell as text first and then the same cell parsers) would be worth it. Both
readers produce the rows ``planner.io.tables.read_table`` turns into a ``Table``; the pandas one
below is the candidate, swapped in for ``sheets.csv_rows``/``sheets.xlsx_rows``.

Inputs: the sample district (``data/``), the same with a generated ``villages.csv`` of
``--rows`` rows, and that villages table as ``villages.xlsx``. For each, in one process: the
median time to read every table (``read_table``) and to load the district
(``planner.io.load.load``: reading plus every check), each way. Then the import cost a
``planner validate`` would pay (pandas is imported by nothing else on that path), measured in
fresh interpreters. Last, whether both readers give the same tables and problems on these
inputs and the test districts (``tests/data/io_*``). The last line is
``pandas_vs_hand_load_ratio: X`` (the 5,000-row CSV load; above 1 means pandas is slower).

Measured 2026-12-01 (pandas 3.1.1, 2 shared cores, ``--runs 9``): pandas was slower at every
step, 1.06–1.5× on the 5,000-row tables and 2.4× reading the sample, and a fresh ``planner``
process pays ~200–400 ms more to import it; in workbooks it turns whole numbers of 10^15 and
more into other digits than Excel shows (and error cells into blanks), which changes messages.
So the tables stay read by ``planner.io.sheets``.
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import openpyxl

from planner.io import sample_dir, sheets
from planner.io.cells import Problems
from planner.io.load import load
from planner.io.tables import SPECS, find_files, read_table

ROOT = Path(__file__).resolve().parents[1]
OFFICE = (-3.4707, 102.5237)


def pandas_csv_rows(text: str) -> list[list[str]]:
    """The CSV's rows through ``pd.read_csv``, every cell as text, blank lines kept.

    pandas wants a fixed width; ragged rows and blank lines above the header (both occur in
    real exports) need ``names`` wide enough for the widest record, which only a first pass
    over the text can tell (a quoted cell may hold the separator or a newline).
    """
    import pandas as pd

    text = text.replace("\x00", "")
    sep = sheets.delimiter(text)
    width = 1 + max((line.count(sep) for line in text.splitlines()), default=0)
    for attempt in (width, 1 + text.count(sep)):
        try:
            frame = pd.read_csv(
                io.StringIO(text),
                sep=sep,
                header=None,
                names=range(attempt),
                dtype=str,
                keep_default_na=False,
                na_filter=False,
                skip_blank_lines=False,
                engine="c",
            )
        except pd.errors.ParserError:
            continue
        rows: list[list[str]] = frame.to_numpy(dtype=object).tolist()
        return rows
    raise sheets.UnreadableCsv(csv.Error("pandas could not parse it"), 0)


def pandas_xlsx_rows(
    data: bytes, sheet: str | None = None, text: Callable[[object], str] = sheets.cell_text
) -> list[list[str]]:
    """The workbook's rows through ``pd.read_excel`` (openpyxl), typed cells then ``text``.

    ``dtype=object`` keeps dates and times typed, so ``text`` writes them as a CSV would; with
    ``dtype=str`` a time would read ``08:00:00`` and a date ``2026-12-01 00:00:00``.
    """
    import pandas as pd

    try:
        frame = pd.read_excel(
            io.BytesIO(data),
            sheet_name=sheet or 0,
            header=None,
            dtype=object,
            na_filter=False,
            engine="openpyxl",
        )
    except Exception as exc:  # as the hand reader: any failure is an unreadable workbook
        raise sheets.UnreadableWorkbook(exc, opened=False) from None
    return [[text(None if cell == "" else cell) for cell in row] for row in frame.values]


@contextmanager
def reader(name: str) -> Iterator[None]:
    """Read tables the ``name`` way ("hand" or "pandas") inside the block."""
    saved = sheets.csv_rows, sheets.xlsx_rows
    if name == "pandas":
        sheets.csv_rows, sheets.xlsx_rows = pandas_csv_rows, pandas_xlsx_rows  # type: ignore[assignment]
    try:
        yield
    finally:
        sheets.csv_rows, sheets.xlsx_rows = saved


def read_all(folder: Path) -> list[Any]:
    """Every table of ``folder`` as read, with the problems: what the two readers must agree on."""
    problems = Problems()
    out: list[Any] = []
    for spec in SPECS:
        path = find_files(folder, spec, problems)
        if path is None:
            continue
        table = read_table(spec, path.name, path.read_bytes(), problems)
        if table is not None:
            rows = [(r.number, {k: v for k, v in r.cells.items() if v}) for r in table.rows]
            out.append((path.name, dict(table.headers), rows, table.extra_columns))
    return [out, problems.errors, problems.warnings]


def write_villages(folder: Path, rows: int, seed: int = 0) -> None:
    """Replace the villages table by ``rows`` generated villages around the office."""
    rng = random.Random(seed)
    lines = ["kode,nama,kecamatan,jenis,lat,lon,wajib_ktp,belum_rekam,pra_daftar"]
    for i in range(rows):
        obliged = rng.randint(200, 6000)
        lines.append(
            f"17.02.{i // 900 + 1:02d}.{2001 + i % 900},Desa {i},Kecamatan {i // 900},desa,"
            f"{OFFICE[0] + rng.uniform(-0.5, 0.5):.6f},{OFFICE[1] + rng.uniform(-0.5, 0.5):.6f},"
            f"{obliged},{rng.randint(0, obliged // 5)},"
        )
    for old in folder.glob("villages.*"):
        old.unlink()
    (folder / "villages.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")


def as_xlsx(folder: Path) -> None:
    """Turn the folder's villages.csv into villages.xlsx (numbers typed as numbers)."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for line in (folder / "villages.csv").read_text(encoding="utf-8").splitlines():
        cells: list[Any] = []
        for cell in line.split(","):
            try:
                cells.append(float(cell) if "." in cell and cell.count(".") == 1 else int(cell))
            except ValueError:
                cells.append(cell or None)
        sheet.append(cells)
    (folder / "villages.csv").unlink()
    book.save(folder / "villages.xlsx")


def median_seconds(work: Callable[[], object], runs: int) -> dict[str, float]:
    """Median wall time of ``runs`` calls of ``work`` each way, after a warm-up each way; the
    two ways alternate so that load from other processes falls on both alike."""
    times: dict[str, list[float]] = {"hand": [], "pandas": []}
    for run in range(runs + 1):
        for name in times:
            with reader(name):
                start = time.perf_counter()
                work()
                if run:
                    times[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in times.items()}


def load_quietly(folder: Path) -> object:
    """``load`` the folder, an ``InputError`` being as good a result as a district here."""
    try:
        return load(folder, years=[2026])
    except Exception as exc:
        return exc


def import_seconds(code: str, runs: int) -> float:
    """Median wall time of a fresh interpreter running ``code`` (imports included)."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    """Print the figures (milliseconds) and whether both readers agree."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--rows", type=int, default=5000, help="generated villages")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per figure (median)")
    args = parser.parse_args(argv)
    import pandas as pd

    print(f"pandas {pd.__version__}, openpyxl {openpyxl.__version__}, runs {args.runs}")
    with tempfile.TemporaryDirectory() as tmp:
        inputs = {"sample data/": Path(shutil.copytree(sample_dir(), Path(tmp) / "sample"))}
        big = Path(shutil.copytree(sample_dir(), Path(tmp) / "big"))
        write_villages(big, args.rows)
        inputs[f"{args.rows}-row villages.csv"] = big
        big_xlsx = Path(shutil.copytree(big, Path(tmp) / "big_xlsx"))
        as_xlsx(big_xlsx)
        inputs[f"{args.rows}-row villages.xlsx"] = big_xlsx
        ratio = 0.0
        print(f"{'input':<26} {'step':<6} {'hand ms':>9} {'pandas ms':>10} {'ratio':>6}")
        for label, folder in inputs.items():
            for step, work in (("read", read_all), ("load", load_quietly)):
                seconds = median_seconds(lambda f=folder, w=work: w(f), args.runs)
                step_ratio = seconds["pandas"] / seconds["hand"]
                if label.endswith(".csv") and step == "load":
                    ratio = step_ratio
                print(
                    f"{label:<26} {step:<6} {seconds['hand'] * 1000:>9.1f} "
                    f"{seconds['pandas'] * 1000:>10.1f} {step_ratio:>6.2f}"
                )
        folders = [*inputs.values(), *sorted((ROOT / "tests" / "data").glob("io_*"))]
        differ = []
        for folder in folders:
            with reader("hand"):
                hand = read_all(folder)
            with reader("pandas"):
                candidate = read_all(folder)
            if hand != candidate:
                differ.append(folder.name)
        print(f"same tables and problems: {len(folders) - len(differ)} of {len(folders)} folders")
        if differ:
            print("differ: " + ", ".join(differ))
    base = import_seconds("import planner.io.load", args.runs)
    with_pandas = import_seconds("import planner.io.load, pandas", args.runs)
    print(f"cold import planner.io.load: {base * 1000:.0f} ms")
    print(f"cold import planner.io.load and pandas: {with_pandas * 1000:.0f} ms")
    print(f"pandas_vs_hand_load_ratio: {ratio:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
