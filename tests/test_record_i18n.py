"""record speaks the district's language: every catalogue entry in both languages, and no
English word in what it says in Indonesian."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from planner.errors import InputError
from planner.i18n import record as catalogue
from planner.io.tally import read_tally
from planner.ledger import RecordOutcome
from planner.ledger.record_text import record_lines
from tests.test_ledger import HOME1, SCHOOL1, VILLAGE1, week1_plan, write_tally

_WORDS = """a above already an and are at blank but cannot card cards carried check column code
    date empty error expected file filled fill first folder from header in is it its keep
    left missing more no not nothing of on one only or other people person plan planned
    please printed recorded record row rows same sheet site stop stops students team than
    that the this to too typo visited warning was week were what when where with"""
ENGLISH = frozenset(_WORDS.split())
"""Common English words of record's messages; none may appear in an Indonesian one."""

_NOT_WORDS = re.compile(
    r"\{[a-z_]+\}|planner [a-z]+(?: [a-z]+)?|--[a-z-]+|YYYY-MM-DD|schedule\.xlsx|'[^']*'"
)


def _english_words(text: str) -> set[str]:
    """English words in ``text`` outside placeholders, commands, formats and quoted names."""
    return {w for w in re.findall(r"[a-z]+", _NOT_WORDS.sub(" ", text).lower()) if w in ENGLISH}


@pytest.mark.parametrize("key", sorted(catalogue.TEXT))
def test_every_entry_in_both_languages_with_the_same_values(key: str) -> None:
    """Both languages, the same placeholders, and the Indonesian one has no English word."""
    entry = catalogue.TEXT[key]
    assert set(entry) == {"id", "en"}
    assert entry["id"].strip()
    assert entry["en"].strip()
    names = re.compile(r"\{([a-z_]+)\}")
    assert set(names.findall(entry["id"])) == set(names.findall(entry["en"]))
    if key != "record.col.order":  # "No." (nomor) is Indonesian too
        assert _english_words(entry["id"]) == set(), key


def test_record_output_and_errors_in_indonesian_have_no_english_word(tmp_path: Path) -> None:
    """The summary lines (numbers with Indonesian separators) and a bad tally's problems."""
    outcome = RecordOutcome("2026-W48", 2, True, True, 3, 1506, 51, 1400, 40, -12)
    out, err = record_lines(outcome, week1_plan(), 1, "rekap.xlsx", 175, "id")
    assert out[2] == "  orang direkam:        1.506 (rencana 111), sebelumnya 1.400"
    for line in (*out, *err):
        assert _english_words(line) == set(), line
    path = write_tally(
        tmp_path / "bad.csv",
        week1_plan(),
        {VILLAGE1: ("-1", 0), HOME1: ("banyak", 1), SCHOOL1: (10, 20)},
    )
    with pytest.raises(InputError) as caught:
        read_tally(path, week1_plan(), {VILLAGE1: 5})
    assert len(caught.value.problems) == 3
    for problem in caught.value.problems:
        text = problem.text("id").removeprefix(f"{path}:")
        assert _english_words(text.split(": ", 1)[1]) == set(), text
