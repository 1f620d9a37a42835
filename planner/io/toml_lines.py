"""Where a key of ``planner.toml`` is written: the line numbers its problems are reported at."""

from __future__ import annotations

import re


def line_of(text: str, dotted: str) -> int | None:
    """The line of ``key = …`` (inside ``[table]`` for ``table.key``), or of the ``[dotted]``
    header when the key is a table of its own; None when neither is written so."""
    *tables, key = dotted.split(".")
    want = ".".join(tables)
    current = ""
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        header = re.match(r"^\[\s*([^\]]+?)\s*\]", stripped)
        if header:
            current = header[1]
            if current == dotted:
                return number
            continue
        if current == want and re.match(rf"^\"?{re.escape(key)}\"?\s*=", stripped):
            return number
    return None
