"""A checker for "no English in Indonesian output", shared by the language tests.

``english_words(text)`` lists the common English words left in ``text`` after identifiers are
stripped: paths, file names, codes and ids (anything with a digit), options (``--lang``),
column and setting names (``belum_rekam``, ``blank_reserve``), quoted cell values and
``inline code``. Those are the user's own words or names a program reads, the same in both
languages.
"""

from __future__ import annotations

import re

_WORDS = """
    the is not must row rows column columns file files error errors warning warnings missing
    should expected number numbers plan plans week weeks and or of with cannot can has have
    are be was were found empty given use write more than only each add unknown ignored read
    this that these it an at by for from to on no into which when then routes stops rules
    hold team teams days hours visited people recorded printed wrote next check interrupted
    nothing written internal bug details log problems villages schools students
    budget travel times places estimate longest declared
"""
ENGLISH = frozenset(_WORDS.split())

_IDENTIFIERS = (
    re.compile(r"`[^`]*`"),  # inline code
    re.compile(r"'[^']*'|\"[^\"]*\""),  # quoted values
    re.compile(r"\S*[/\\]\S*"),  # paths
    re.compile(r"--?[A-Za-z][\w-]*"),  # options
    re.compile(r"\S*\d\S*"),  # codes, ids, numbers, dates
    re.compile(r"\b\w+\.\w+\b"),  # file names, dotted keys
    re.compile(r"\b\w*_\w*\b"),  # column and setting names
    re.compile(r"\[[^\]]*\]"),  # [office], [[crossing]]
)


def strip_identifiers(text: str) -> str:
    """``text`` without the identifiers that are the same in every language."""
    for pattern in _IDENTIFIERS:
        text = pattern.sub(" ", text)
    return text


def english_words(text: str, allowed: frozenset[str] = frozenset()) -> list[str]:
    """The common English words in ``text`` (identifiers stripped), in order, lower-case;
    ``allowed`` words are not reported (e.g. a district or column name of the fixture)."""
    words = re.findall(r"[A-Za-z]+", strip_identifiers(text))
    return [w.lower() for w in words if w.lower() in ENGLISH - allowed]
