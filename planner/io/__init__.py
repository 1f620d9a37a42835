"""Reading a district folder: tables (CSV/XLSX, English or Indonesian) and ``planner.toml``.

``load_district`` reads everything, validates everything, and either returns the district with
its warnings or raises one ``InputError`` listing every problem (file:row:column).

``load`` runs it; ``settings`` reads ``planner.toml``; ``tables`` finds a table's file and its
columns, through ``sheets`` (a CSV's or workbook's bytes as rows of text); ``cells`` reads one
cell; ``validate`` checks each table and builds the ``District``. ``tally`` (with
``tally_rows``) reads the filled-in tally back for ``planner record``. ``templates`` starts a new
district folder.
"""

from __future__ import annotations

from pathlib import Path

from planner.errors import Problem
from planner.model import District


def sample_dir() -> Path:
    """The bundled sample district (Rejang Lebong): the repo's ``data/`` or the wheel's copy."""
    here = Path(__file__).resolve().parent.parent
    repo = here.parent / "data"
    if (repo / "planner.toml").is_file():
        return repo
    return here / "_sample" / "data"


def load_district(folder: Path | None = None) -> tuple[District, list[Problem]]:
    """Load and validate the district in ``folder`` (default: the sample); InputError if bad."""
    from planner.io.load import load

    return load(folder if folder is not None else sample_dir())
