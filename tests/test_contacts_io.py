"""Contacts in the input tables: optional columns in English or Indonesian, phones read
leniently, one warning per unreadable phone (never quoting a resident's)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from planner.cli import cli
from planner.cli._common import run_guarded
from planner.io.load import load
from planner.io.phones import check_phone
from planner.model import Contact

DATA = Path(__file__).parent / "data"


def _copy(tmp_path: Path, name: str) -> Path:
    return Path(shutil.copytree(DATA / name, tmp_path / name))


def _add_columns(path: Path, header: str, values: dict[int, str], sep: str = ",") -> None:
    """Append columns named ``header`` to every line; data line ``n`` (1 = first row after
    the header) gets ``values[n]``, the others blank cells."""
    lines = path.read_text(encoding="utf-8").splitlines()
    blanks = sep * header.count(sep)
    out = [lines[0] + sep + header]
    out += [f"{line}{sep}{values.get(n, blanks)}" for n, line in enumerate(lines[1:], start=1)]
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


@pytest.mark.parametrize(
    ("phone", "shown", "issue"),
    [
        ("0812-0000-0001", "0812-0000-0001", None),
        ("0812 3456 7890", "0812 3456 7890", None),
        ("+62 812-3456-7890", "+62 812-3456-7890", None),
        ("6281234567890", "6281234567890", None),
        ("+62 (0)812 3456 789", "+62 (0)812 3456 789", None),
        ("(0732) 21234", "(0732) 21234", None),
        ("0812.3456.7890", "0812.3456.7890", None),
        ("0812-1111-2222 / 0732  21234", "0812-1111-2222 / 0732 21234", None),
        ("0812-1111-2222; 0813-3333-4444", "0812-1111-2222 / 0813-3333-4444", None),
        ("81234567890", "081234567890", "lost_zero"),
        ("8.12345678901E+10", "8.12345678901E+10", "bad"),
        ("0812", "0812", "bad"),
        ("08123456", "08123456", "bad"),
        ("+1 555 123 4567", "+1 555 123 4567", "bad"),
        ("Pak Budi", "Pak Budi", "bad"),
        ("0812-1111-2222 / pagi saja", "0812-1111-2222 / pagi saja", "bad"),
    ],
)
def test_phone_numbers_are_read_leniently(phone: str, shown: str, issue: str | None) -> None:
    """Indonesian formats pass as written; a lost leading 0 is put back; the rest is kept
    but flagged."""
    check = check_phone(phone)
    assert (check.text, check.issue) == (shown, issue)


def test_english_headers(tmp_path: Path) -> None:
    """contact_name/phone in village_heads.csv and schools.csv, address/phone/companion_phone
    in homebound.csv; a head's contact repeated on several rows is kept once."""
    folder = _copy(tmp_path, "io_tiny_en")
    _add_columns(
        folder / "village_heads.csv",
        "contact_name,phone",
        {1: "Pak Kades Satu,0812-0000-0001", 2: "Pak Kades Satu,0812-0000-0001", 4: ",0732 21234"},
    )
    _add_columns(folder / "schools.csv", "contact_person,phone", {2: "Ibu Guru,+62 813 0000 0002"})
    _add_columns(
        folder / "homebound.csv",
        "address,phone,companion_phone",
        {1: "Dusun Satu RT 02,0899-0000-0001,0811-0000-0001"},
    )
    district, warnings = load(folder)
    assert not [w for w in warnings if "phone" in str(w)]
    village = district.village("17.02.07.2001")
    assert village.head_contacts == (Contact("Pak Kades Satu", "0812-0000-0001"),)
    assert district.village("17.02.21.2003").head_contacts == (Contact(None, "0732 21234"),)
    assert district.village("17.02.09.1025").head_contacts == ()
    schools = {s.npsn: s for s in district.schools}
    assert schools["10700670"].contact is None
    assert schools["10700671"].contact == Contact("Ibu Guru", "+62 813 0000 0002")
    h1, h2 = sorted(district.homebound, key=lambda h: h.id)
    assert (h1.address, h1.phone, h1.companion_phone) == (
        "Dusun Satu RT 02",
        "0899-0000-0001",
        "0811-0000-0001",
    )
    assert (h2.address, h2.phone, h2.companion_phone) == (None, None, None)
    assert "0899" not in repr(h1)
    assert "Dusun" not in repr(h1)


def test_indonesian_headers(tmp_path: Path) -> None:
    """nama_kades/telepon, narahubung/hp, alamat/no_hp/hp_pendamping; a deputy named on a
    date row is a second contact of the village."""
    folder = _copy(tmp_path, "io_tiny_id")
    _add_columns(
        folder / "kades.csv",
        "nama_kades;telepon",
        {1: "Kades Contoh;0812-0000-0001", 4: "Kasi Pemerintahan Contoh;0812-0000-0004"},
        sep=";",
    )
    _add_columns(folder / "sekolah.csv", "narahubung;HP", {1: "Wakasek Contoh;0813 0000 0001"}, ";")
    _add_columns(
        folder / "warga_khusus.csv",
        "Alamat;No HP;HP Pendamping",
        {2: "Jl. Contoh No. 5;0899-0000-0002;"},
        sep=";",
    )
    district, _ = load(folder)
    assert district.village("17.02.07.2001").head_contacts == (
        Contact("Kades Contoh", "0812-0000-0001"),
    )
    assert district.village("17.02.21.2003").head_contacts == (
        Contact("Kasi Pemerintahan Contoh", "0812-0000-0004"),
    )
    schools = {s.npsn: s for s in district.schools}
    assert schools["10700670"].contact == Contact("Wakasek Contoh", "0813 0000 0001")
    h2 = next(h for h in district.homebound if h.id == "H2")
    assert (h2.address, h2.phone, h2.companion_phone) == (
        "Jl. Contoh No. 5",
        "0899-0000-0002",
        None,
    )


def test_without_contact_columns_nothing_changes(tmp_path: Path) -> None:
    """The columns are optional: the tiny districts load as before, with no contacts."""
    for name in ("io_tiny_en", "io_tiny_id"):
        district, warnings = load(_copy(tmp_path, name))
        assert all(v.head_contacts == () for v in district.villages)
        assert all(s.contact is None for s in district.schools)
        assert all(h.phone is None and h.address is None for h in district.homebound)
        assert not [w for w in warnings if "phone" in str(w)]


def test_unreadable_phones_are_one_warning_each(tmp_path: Path) -> None:
    """A bad phone is a warning at file:row:column (the load goes on and the text is printed
    as written); a head's or school's phone is quoted, a resident's never."""
    folder = _copy(tmp_path, "io_tiny_en")
    _add_columns(folder / "village_heads.csv", "contact_name,phone", {3: "Pak Tiga,12345"})
    _add_columns(folder / "schools.csv", "contact_name,hp", {1: "Bu Satu,81234567890"})
    _add_columns(
        folder / "homebound.csv", "address,phone,companion_phone", {2: ",0899-12,8.12345E+10"}
    )
    district, warnings = load(folder)
    found = {(w.file, w.row, w.column): w for w in warnings}
    head = found[("village_heads.csv", 4, "phone")]
    assert head.severity == "warning"
    assert head.text("en") == (
        "village_heads.csv:4:phone: 12345 is not a phone number (17.02.21.2003) — write it like "
        "0812-3456-7890, +62 812 3456 7890 or (0732) 21234; separate several numbers with /. "
        "It is printed as written on the team schedule"
    )
    assert "12345 bukan nomor telepon (17.02.21.2003)" in head.text("id")
    school = found[("schools.csv", 2, "hp")]
    assert "read as 081234567890" in school.text("en")
    assert "format the column as Text" in school.text("en")
    assert "format kolom sebagai Teks" in school.text("id")
    resident = [found[("homebound.csv", 3, c)] for c in ("phone", "companion_phone")]
    for problem in resident:
        for lang in ("en", "id"):
            text = problem.text(lang)
            assert "0899-12" not in text
            assert "8.12345E+10" not in text
            assert "(H2)" in text
    assert district.village("17.02.21.2003").head_contacts == (Contact("Pak Tiga", "12345"),)
    assert next(s for s in district.schools if s.npsn == "10700670").contact == Contact(
        "Bu Satu", "081234567890"
    )
    h2 = next(h for h in district.homebound if h.id == "H2")
    assert (h2.phone, h2.companion_phone) == ("0899-12", "8.12345E+10")


def test_validate_exits_0_with_phone_warnings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`planner validate` prints the warning with file:row:column and exits 0: a phone never
    blocks planning."""
    folder = _copy(tmp_path, "io_tiny_en")
    _add_columns(folder / "village_heads.csv", "contact_name,phone", {3: "Pak Tiga,12345"})
    assert run_guarded(cli, ["validate", "--data", str(folder)]) == 0
    err = capsys.readouterr().err
    assert "village_heads.csv:4:phone: " in err
    assert err.count(":phone: ") == 1
