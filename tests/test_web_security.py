"""``planner serve``'s guards, with Starlette's TestClient (no search runs here): CSRF tokens,
upload names, sizes and types, the bind check, the login, the language switch, a bad upload
refused with the loader's messages while the old file is kept, and one search per district."""

from __future__ import annotations

import fcntl
import re
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from planner.cli import cli
from planner.cli._common import run_guarded
from planner.i18n import TEXT
from planner.web.app import create_app
from planner.web.files import safe_name, set_values
from tests.language import english_words
from tests.web_helpers import broken_villages, csrf_of, district_copy


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A copy of the sample district, one folder down so ``../../`` stays in tmp_path."""
    district = tmp_path / "a" / "district"
    district.parent.mkdir()
    district_copy(district)
    return district


@pytest.fixture
def client(folder: Path) -> TestClient:
    return TestClient(create_app(folder, max_upload=2 * 1024 * 1024))


def _token(client: TestClient) -> str:
    return csrf_of(client.get("/").text)


def test_a_post_without_the_csrf_token_is_refused(client: TestClient, folder: Path) -> None:
    before = (folder / "villages.csv").read_bytes()
    _token(client)  # the session has a token; the forms below do not send it
    upload = {"file": ("villages.csv", b"kode,nama\n", "text/csv")}
    assert (
        client.post("/district/upload", data={"table": "villages"}, files=upload).status_code == 403
    )
    assert client.post("/district/upload", data={"csrf": "forged"}, files=upload).status_code == 403
    assert client.post("/district/settings", data={"printers": "9"}).status_code == 403
    assert client.post("/plan", data={"week": "2026-W49", "teams": "T1"}).status_code == 403
    assert client.post("/replan", data={"from": "2026-12-02", "without": "T2"}).status_code == 403
    assert client.post("/record", data={"week": "2026-W49"}).status_code == 403
    assert (folder / "villages.csv").read_bytes() == before
    assert "printers = 2" in (folder / "planner.toml").read_text(encoding="utf-8")
    assert not (folder / "out").exists()


def test_a_traversing_upload_name_lands_inside_the_folder_or_is_refused(
    client: TestClient, folder: Path, tmp_path: Path
) -> None:
    good = (folder / "villages.csv").read_bytes()
    token = _token(client)
    # Without a table chosen the name decides, and x.csv is no table: refused.
    response = client.post(
        "/district/upload",
        data={"csrf": token},
        files={"file": ("../../x.csv", good, "text/csv")},
    )
    assert response.status_code == 400
    assert "x.csv" in response.text
    # With the table chosen it is stored as the district's villages table, inside the folder.
    response = client.post(
        "/district/upload",
        data={"csrf": token, "table": "villages"},
        files={"file": ("../../x.csv", good, "text/csv")},
    )
    assert response.status_code == 200, response.text
    assert not list(tmp_path.rglob("x.csv"))
    assert (folder / "villages.csv").read_bytes() == good
    assert safe_name("../../x.csv") == "x.csv"
    assert safe_name("..\\..\\.bashrc") == "bashrc"


def test_a_50_mb_upload_is_refused_and_nothing_changes(folder: Path) -> None:
    client = TestClient(create_app(folder))  # the default limit, 10 MB
    before = (folder / "villages.csv").read_bytes()
    token = _token(client)
    big = b"kode,nama\n" + b"x" * (50 * 1024 * 1024)
    response = client.post(
        "/district/upload",
        data={"csrf": token, "table": "villages"},
        files={"file": ("villages.csv", big, "text/csv")},
    )
    assert response.status_code == 413
    assert "10 MB" in response.text
    assert (folder / "villages.csv").read_bytes() == before


def test_an_upload_of_another_type_is_refused(client: TestClient, folder: Path) -> None:
    response = client.post(
        "/district/upload",
        data={"csrf": _token(client), "table": "villages"},
        files={"file": ("villages.exe", b"MZ", "application/octet-stream")},
    )
    assert response.status_code == 415
    assert ".exe" in response.text
    assert not (folder / "villages.exe").exists()


def test_a_broken_table_is_refused_with_row_level_problems_and_the_old_file_kept(
    client: TestClient, folder: Path
) -> None:
    before = (folder / "villages.csv").read_bytes()
    response = client.post(
        "/district/upload",
        data={"csrf": _token(client), "table": "villages"},
        files={"file": ("desa-baru.csv", broken_villages(folder), "text/csv")},
    )
    assert response.status_code == 422
    refused = response.text[response.text.index('id="refused"') :]
    rows = re.findall(r"<tr><td>villages.csv</td><td>(\d+)</td><td>([^<]*)</td>", refused)
    assert ("4", "lat") in rows
    assert ("6", "belum_rekam") in rows
    assert (folder / "villages.csv").read_bytes() == before
    assert not [p for p in folder.parent.iterdir() if "staging" in p.name]
    # The district is still valid: the page says so.
    assert 'id="validation" class="good"' in response.text


def test_settings_are_saved_only_when_the_district_still_loads(
    client: TestClient, folder: Path
) -> None:
    token = _token(client)
    response = client.post(
        "/district/settings", data={"csrf": token, "blank_stock": "900", "printers": "3"}
    )
    assert response.status_code == 200
    text = (folder / "planner.toml").read_text(encoding="utf-8")
    assert "blank_stock = 900" in text
    assert "printers = 3" in text
    assert "# Share of a village backlog" in text  # comments kept
    assert (
        client.post("/district/settings", data={"csrf": token, "printers": "dua"}).status_code
        == 400
    )
    bad = text.replace("lat = -3.4707", 'lat = "utara"')
    response = client.post(
        "/district/upload",
        data={"csrf": token, "table": "settings"},
        files={"file": ("planner.toml", bad.encode(), "application/toml")},
    )
    assert response.status_code == 422
    assert "planner.toml" in response.text
    assert (folder / "planner.toml").read_text(encoding="utf-8") == text


def test_set_values_adds_a_missing_key_before_the_first_table() -> None:
    text = 'name = "X"\n\n[office]\nlat = -3.4\n'
    assert set_values(text, {"printers": 2}) == 'name = "X"\nprinters = 2\n\n[office]\nlat = -3.4\n'


def test_serving_beyond_this_computer_needs_a_password(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_guarded(cli, ["serve", "--host", "0.0.0.0", "--port", "8799"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert "--password" in err[0]
    assert "0.0.0.0" in err[0]


def test_with_a_password_every_page_needs_the_login(folder: Path) -> None:
    client = TestClient(create_app(folder, password="rahasia-kantor"))
    first = client.get("/", follow_redirects=False)
    assert first.status_code == 303
    assert first.headers["location"] == "/login"
    assert client.get("/static/planner.css").status_code == 200
    login = client.get("/login")
    token = csrf_of(login.text)
    assert client.post("/login", data={"csrf": token, "password": "salah"}).status_code == 403
    assert client.get("/status", follow_redirects=False).status_code == 303
    response = client.post("/login", data={"csrf": token, "password": "rahasia-kantor"})
    assert response.status_code == 200
    assert 'id="tables"' in response.text
    token = csrf_of(response.text)
    client.post("/logout", data={"csrf": token})
    assert client.get("/", follow_redirects=False).status_code == 303


def test_the_page_is_indonesian_unless_english_is_asked(client: TestClient) -> None:
    assert "Data kabupaten" in client.get("/").text
    assert "District data" in client.get("/?lang=en").text
    assert "District data" in client.get("/").text  # remembered in a cookie
    assert "Data kabupaten" in client.get("/?lang=id").text


def test_no_file_outside_a_week_folder_is_served(client: TestClient, folder: Path) -> None:
    (folder / "out" / "2026-W49").mkdir(parents=True)
    (folder / "out" / "2026-W49" / "summary.txt").write_text("ok", encoding="utf-8")
    assert client.get("/files/2026-W49/summary.txt").text == "ok"
    assert client.get("/files/2026-W49/../../planner.toml").status_code == 404
    assert client.get("/files/2026-W49/%2e%2e/%2e%2e/planner.toml").status_code == 404
    assert client.get("/files/..%2f..%2fetc/passwd").status_code == 404


def test_a_second_search_of_the_district_is_refused(client: TestClient, folder: Path) -> None:
    lock = folder / ".planner" / "search.lock"
    lock.parent.mkdir(exist_ok=True)
    with lock.open("a") as held:  # another server (or job) of this district is searching
        fcntl.flock(held, fcntl.LOCK_EX)
        response = client.post(
            "/plan",
            data={
                "csrf": _token(client),
                "week": "2026-W49",
                "teams": ["T1"],
                "solution_limit": "1",
            },
        )
    assert response.status_code == 409
    assert "sedang dihitung" in response.text
    assert not (folder / "out").exists()


def test_the_web_catalogue_speaks_both_languages() -> None:
    entries = {k: v for k, v in TEXT.items() if k.startswith(("web.", "help.serve"))}
    assert len(entries) > 80
    for key, entry in entries.items():
        assert entry.get("id"), key
        assert entry.get("en"), key
        words = english_words(re.sub(r"\{[^}]*\}", " ", entry["id"]))  # not the placeholders
        assert not words, (key, words)


def test_the_indonesian_pages_have_no_english_of_their_own(client: TestClient) -> None:
    for url in ("/", "/plan", "/record", "/status", "/replan"):
        html = client.get(url).text
        text = re.sub(r"<[^>]+>", " ", html[html.index("<body>") :])
        # the district's warnings are the loader's; the page's own words are checked here
        own = text.split("Peringatan")[0]
        assert not english_words(own, frozenset({"English"})), (url, english_words(own))
