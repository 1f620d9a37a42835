"""Which language a command speaks, decided once before it runs.

``--lang id|en`` on the command line wins, then the ``PLANNER_LANG`` environment variable, then
the ``language`` of the district's ``planner.toml`` (``--data DIR``, else the bundled sample)
when it can be read, else Indonesian. The choice is made from the raw arguments, before the
front end parses them, so that a bad option, a broken ``planner.toml`` and the help texts are
all shown in the same language as the command's output.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from pathlib import Path

from planner.i18n import DEFAULT_LANGUAGE, LANGUAGES

ENV_VARIABLE = "PLANNER_LANG"


def option_value(args: Sequence[str], name: str) -> str | None:
    """The first value of option ``name`` in ``args`` (``--lang en`` or ``--lang=en``)."""
    for i, arg in enumerate(args):
        if arg == "--":
            return None
        if arg == name and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith(name + "="):
            return arg.split("=", 1)[1]
    return None


def _known(value: str | None) -> str | None:
    value = (value or "").strip().lower()
    return value if value in LANGUAGES else None


def _asked(args: Sequence[str], environ: Mapping[str, str]) -> str | None:
    """``--lang`` in ``args``, else ``PLANNER_LANG``; None when neither names a language."""
    return _known(option_value(args, "--lang")) or _known(environ.get(ENV_VARIABLE))


def help_language(args: Sequence[str], environ: Mapping[str, str]) -> str:
    """The language of help texts: ``--lang`` in ``args``, else ``PLANNER_LANG``, else ``id``."""
    return _asked(args, environ) or DEFAULT_LANGUAGE


def district_language(folder: Path) -> str | None:
    """``language`` from ``folder/planner.toml``; None when it is missing, unreadable or odd
    (the loader reports those problems itself, in the language chosen without it)."""
    try:
        doc = tomllib.loads((folder / "planner.toml").read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None
    value = doc.get("language", DEFAULT_LANGUAGE)
    return _known(value) if isinstance(value, str) else None


def command_language(args: Sequence[str], environ: Mapping[str, str]) -> str:
    """The language of a whole command run with ``args``: ``--lang``, ``PLANNER_LANG``, the
    district's ``planner.toml`` (the first ``--data``, else the bundled sample), ``id``."""
    chosen = _asked(args, environ)
    if chosen:
        return chosen
    from planner.io import sample_dir

    data = option_value(args, "--data")
    return district_language(Path(data) if data else sample_dir()) or DEFAULT_LANGUAGE
