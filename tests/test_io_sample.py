"""The bundled sample is exactly what ``scripts/make_sample.py`` writes (seeded, re-runnable)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SOURCE = Path(__file__).resolve().parents[2] / "shared" / "data" / "rejang_lebong"


@pytest.mark.skipif(not SOURCE.is_dir(), reason="the shared Rejang Lebong geodata is not here")
def test_make_sample_reproduces_the_committed_files(tmp_path: Path) -> None:
    """Re-running the script gives byte-identical data/ and maps/ files."""
    subprocess.run(
        [
            sys.executable,
            str(REPO / "scripts" / "make_sample.py"),
            "--source",
            str(SOURCE),
            "--out",
            str(tmp_path),
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    for folder in ("data", "maps"):
        made = {p.name: p.read_bytes() for p in (tmp_path / folder).iterdir()}
        committed = {p.name: p.read_bytes() for p in (REPO / folder).iterdir() if p.name in made}
        assert made == committed, folder
        assert set(made) <= {p.name for p in (REPO / folder).iterdir()}
