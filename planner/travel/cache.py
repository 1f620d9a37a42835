"""A disk cache of travel matrices: one ``.npz`` per (graph, points, profile, speed settings).

The key is a sha256 over everything the matrix depends on, so a changed road file, moved site,
other profile or edited speed table simply misses; nothing is ever invalidated by hand. The key
is also stored inside the file and checked on load, and any file that cannot be read back whole
(truncated, corrupt, another version) is ignored and rebuilt: the cache can only save time,
never change an answer or fail a run.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import logging
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from planner.fsutil import write_bytes_atomic

log = logging.getLogger("planner")

CACHE_VERSION = 2
"""Bump when the way matrices are computed changes, so old files stop matching."""
POINT_DECIMALS = 6
"""Points are rounded to 1e-6 degrees (about 0.1 m) before keying."""

Arrays = dict[str, npt.NDArray[Any]]


def cache_key(
    graph_sha256: str,
    points: Sequence[tuple[float, float]] | npt.NDArray[np.float64],
    profile: str,
    settings: Mapping[str, Any],
) -> str:
    """The hex sha256 naming one matrix: graph file, rounded points, profile, speed settings."""
    rounded = np.round(np.asarray(points, dtype=np.float64).reshape(-1, 2), POINT_DECIMALS)
    rounded += 0.0  # turn -0.0 into 0.0 so equal points hash equally
    digest = hashlib.sha256()
    header = {
        "version": CACHE_VERSION,
        "graph": graph_sha256,
        "profile": str(profile),
        "settings": settings,
        "n": int(rounded.shape[0]),
    }
    digest.update(json.dumps(header, sort_keys=True, default=str).encode())
    digest.update(rounded.tobytes())
    return digest.hexdigest()


class MatrixCache:
    """Matrices on disk under ``folder`` (created owner-only on first write)."""

    def __init__(self, folder: Path, max_files: int = 64):
        self.folder = folder
        self.max_files = max_files

    def path_for(self, key: str, profile: str) -> Path:
        """The file holding the matrix with ``key``."""
        return self.folder / f"travel-{profile}-{key[:32]}.npz"

    def load(self, key: str, profile: str) -> Arrays | None:
        """The arrays stored under ``key``, or None when absent, corrupt or for another key."""
        path = self.path_for(key, profile)
        if not path.is_file():
            return None
        try:
            # read the bytes first: np.load(path) leaks its file handle on a broken zip
            with np.load(io.BytesIO(path.read_bytes()), allow_pickle=False) as data:
                arrays = {name: data[name] for name in data.files}
            if str(arrays.pop("key", "")) != key:
                raise ValueError("key mismatch")
        except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile) as exc:
            log.info("ignoring unreadable travel cache %s (%s); rebuilding it", path, exc)
            return None
        return arrays

    def store(self, key: str, profile: str, arrays: Mapping[str, npt.NDArray[Any]]) -> None:
        """Write ``arrays`` under ``key`` atomically; a failed write only logs (it is a cache)."""
        buffer = io.BytesIO()
        np.savez(buffer, key=np.array(key), **dict(arrays))  # type: ignore[arg-type]
        try:
            write_bytes_atomic(self.path_for(key, profile), buffer.getvalue())
            self._prune()
        except OSError as exc:
            log.warning("could not write the travel cache in %s (%s)", self.folder, exc)

    def _prune(self) -> None:
        """Keep the newest ``max_files`` matrices: old weeks' site lists are rarely asked again."""
        files = sorted(
            self.folder.glob("travel-*.npz"), key=lambda p: p.stat().st_mtime, reverse=True
        )
        for old in files[self.max_files :]:
            with contextlib.suppress(OSError):
                old.unlink()
