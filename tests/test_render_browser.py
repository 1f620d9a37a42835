"""The offline maps in a real browser: headless Chromium opens them from disk with the network
cut off, draws routes and markers, and asks nothing of the network.

Chromium runs with a dead proxy (127.0.0.1:9) and writes a net log; a request the page made
is one whose initiator is the page (``null`` for file://) or whose isolation key is file://.
Chromium's own background traffic (updates, accounts) has no page initiator and is ignored.
Skipped when Chromium is missing, unless CI=true.
"""

from __future__ import annotations

import json
import os
import runpy
import shutil
import subprocess
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace

import pytest

from planner.render import render_all

pytestmark = pytest.mark.browser

DATA = Path(__file__).parent / "data"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if CHROMIUM is None and os.environ.get("CI") != "true":
    pytest.skip("headless Chromium is not installed", allow_module_level=True)

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-default-apps",
    "--no-pings",
    "--proxy-server=127.0.0.1:9",
    "--proxy-bypass-list=<-loopback>",
    "--virtual-time-budget=6000",
    "--window-size=1280,860",
)

# Opens every tooltip and, one after another, every popup, so that their HTML is parsed;
# optionally unticks one layer-control entry first.
_PROBE = """
<script>
(function () {
  var map = null;
  for (var key in window) {
    try { if (window[key] instanceof L.Map) { map = window[key]; } } catch (e) {}
  }
  var untick = %s;
  if (untick) {
    document.querySelectorAll(".leaflet-control-layers-selector").forEach(function (box) {
      if (box.nextElementSibling && box.nextElementSibling.textContent.trim() === untick) {
        box.click();
      }
    });
  }
  map.eachLayer(function (layer) {
    if (layer.getPopup && layer.getPopup()) { layer.openPopup(); layer.closePopup(); }
    if (layer.getTooltip && layer.getTooltip()) { layer.openTooltip(); }
  });
  document.body.setAttribute("data-probe", "done");
})();
</script>
"""


fx = SimpleNamespace(**runpy.run_path(str(DATA / "render_district.py")))  # fixture builders


class _Dom(HTMLParser):
    """Counts elements by class in a dumped DOM and collects fetchable URLs."""

    def __init__(self) -> None:
        super().__init__()
        self.classes: Counter[str] = Counter()
        self.tags: Counter[str] = Counter()
        self.remote: list[str] = []
        self.attrs: set[str] = set()
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] += 1
        for name, value in attrs:
            self.attrs.add(name)
            if name == "class" and value:
                self.classes.update(value.split())
            if name in ("src", "href") and value and value.startswith(("http:", "https:", "//")):
                self.remote.append(value)


def _run(
    page: Path, tmp: Path, *extra: str, fragment: str = ""
) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None, "CI=true but Chromium is missing"
    profile = tmp / f"profile-{page.stem}-{len(extra)}"
    return subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *extra, page.as_uri() + fragment],
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )


def _page_requests(net_log: Path) -> list[str]:
    """http(s) URLs the page itself asked for, from a Chromium net log."""
    log = json.loads(net_log.read_text(encoding="utf-8"))
    names = {v: k for k, v in log["constants"]["logEventTypes"].items()}
    found = []
    for event in log["events"]:
        params = event.get("params") or {}
        url = str(params.get("url", ""))
        if names.get(event["type"]) != "URL_REQUEST_START_JOB":
            continue
        if not url.startswith(("http:", "https:", "ws:", "wss:")):
            continue
        from_page = params.get("initiator") != "not an origin" or "file://" in str(
            params.get("network_isolation_key", "")
        )
        if from_page:
            found.append(url)
    return found


def _open(
    page: Path, tmp: Path, *, untick: str | None = None, fragment: str = ""
) -> tuple[_Dom, list[str]]:
    """Load ``page`` (with the probe appended; ``fragment`` such as ``#day=all`` after its
    address) and return its DOM and the page's requests."""
    probed = page.with_name(f"probed-{page.name}")
    html = page.read_text(encoding="utf-8")
    probed.write_text(html.replace("</html>", _PROBE % json.dumps(untick) + "</html>"))
    net_log = tmp / f"net-{probed.stem}-{untick}-{fragment.strip('#=')}.json"
    result = _run(probed, tmp, "--dump-dom", f"--log-net-log={net_log}", fragment=fragment)
    assert result.returncode == 0, result.stderr[-2000:]
    dom = _Dom()
    dom.feed(result.stdout)
    dom.text = result.stdout
    assert 'data-probe="done"' in result.stdout, "the page's scripts did not run to the end"
    return dom, _page_requests(net_log)


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture week rendered offline."""
    district, plan = fx.build()
    out = tmp_path_factory.mktemp("browser")
    render_all(plan, district, out, offline=True)
    return out


def test_net_log_check_sees_a_page_that_fetches(tmp_path: Path) -> None:
    """The detector itself: a page with a remote image, script and fetch is caught."""
    page = tmp_path / "leaky.html"
    page.write_text(
        '<html><body><img src="http://example.com/x.png">'
        '<script src="https://cdn.example.org/a.js"></script>'
        '<script>fetch("https://api.example.net/z").catch(function () {});</script>'
        "</body></html>"
    )
    net_log = tmp_path / "net.json"
    assert _run(page, tmp_path, "--dump-dom", f"--log-net-log={net_log}").returncode == 0
    requested = _page_requests(net_log)
    assert any("example.com" in u for u in requested)
    assert any("cdn.example.org" in u for u in requested)


def test_offline_map_draws_routes_and_markers_without_network(
    outputs: Path, tmp_path: Path
) -> None:
    """The map opens on the first day: each of its routes an SVG path, each of its stops, the
    office and the other base a marker, each unserved site a grey circle; the page requests
    nothing and links nothing remote."""
    _district, plan = fx.build()
    dom, requested = _open(outputs / "map.html", tmp_path)
    assert requested == []
    assert dom.remote == []
    first = min(r.date for r in plan.routes)
    monday = [r for r in plan.routes if r.date == first]
    assert dom.classes["planner-route"] == len(monday)
    assert dom.classes[f"planner-day-{first.isoformat()}"] == len(monday) + sum(
        len(r.stops) for r in monday
    )
    stops = sum(len(r.stops) for r in monday)
    assert dom.classes["leaflet-marker-icon"] == stops + 2
    assert dom.classes["planner-unserved-site"] == len(plan.unserved)
    assert dom.classes["leaflet-control-layers-selector"] == 3 + 1  # teams, unserved
    assert dom.tags["svg"] > stops  # inline SVG marker shapes
    assert dom.classes["planner-box"] == 2  # title (with the day picker) and legend


def test_all_days_draws_every_route(outputs: Path, tmp_path: Path) -> None:
    """``#day=all`` in the address shows the whole week: every route, every stop."""
    _district, plan = fx.build()
    page = outputs / "map.html"
    dom, _ = _open(page, tmp_path, fragment="#day=all")
    assert dom.classes["planner-route"] == len(plan.routes)
    assert dom.classes["planner-stop"] == sum(len(r.stops) for r in plan.routes)


def test_offline_coverage_draws_every_village_without_network(
    outputs: Path, tmp_path: Path
) -> None:
    """Coverage: 20 boundary polygons and 2 circles in the shown layer, the before/after radio
    toggle, the kecamatan table; no request leaves the page."""
    district, _ = fx.build()
    dom, requested = _open(outputs / "coverage.html", tmp_path)
    assert requested == []
    assert dom.remote == []
    shown = dom.classes["leaflet-interactive"]
    assert shown == len(district.villages)
    assert dom.classes["planner-village-circle"] == 2
    assert dom.classes["leaflet-control-layers-selector"] == 2
    assert dom.tags["tr"] >= 7 + 2


def test_hostile_names_stay_text_in_the_browser(tmp_path: Path) -> None:
    """A village named like an <img onerror=...> tag is shown as text in popups and tooltips
    (all opened by the probe): no element is made from it and its handler never runs."""
    hostile = "<img src=x onerror=\"document.body.setAttribute('data-xss', '1')\">"
    district, plan = fx.build(xss=True, xss_village=hostile)
    render_all(plan, district, tmp_path, offline=True)
    for name in ("map.html", "coverage.html"):
        dom, requested = _open(tmp_path / name, tmp_path)
        assert requested == [], name
        assert "data-xss" not in dom.attrs, name
        assert dom.tags["img"] == 0, name
        assert "&lt;img src=x onerror=" in dom.text, name


def test_map_screenshot_shows_the_routes(outputs: Path, tmp_path: Path) -> None:
    """A screenshot of the offline map has the team colours on it (routes were painted)."""
    from PIL import Image

    shot = tmp_path / "map.png"
    result = _run(outputs / "map.html", tmp_path, f"--screenshot={shot}")
    assert result.returncode == 0, result.stderr[-2000:]
    with Image.open(shot) as image:
        counts = image.convert("RGB").getcolors(maxcolors=1 << 24) or []
    colours = {colour: n for n, colour in counts}
    for hex_colour in ("#0072b2", "#d55e00", "#009e73"):
        rgb = tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
        near = sum(
            n
            for c, n in colours.items()
            if sum(abs(a - b) for a, b in zip(c, rgb, strict=False)) < 40
        )
        assert near > 200, hex_colour
