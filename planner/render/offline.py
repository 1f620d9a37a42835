"""Folium pages that work without the internet, or with it.

Offline, a page carries Leaflet (JS, CSS and its two control images) and jQuery inline, read
from the pip packages ``xstatic-leaflet`` and ``xstatic-jquery``; folium's CDN links
(bootstrap, font-awesome, awesome-markers) are dropped, since our pages use only CircleMarker,
DivIcon with inline SVG, popups, tooltips and a layer control. ``external_urls`` finds any
``src``/``href``/``url()`` left pointing at the network, and ``finish_page`` refuses to write an
offline page that has one.
"""

from __future__ import annotations

import base64
import functools
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import folium
from branca.element import MacroElement
from folium.template import Template

from planner.render._common import OSM_CREDIT, esc

_OSM_TILES = "OpenStreetMap"

# Only what the pages need when online: Leaflet and jQuery (folium's popups use ``$``).
_ONLINE_JS = [
    ("leaflet", "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js"),
    ("jquery", "https://code.jquery.com/jquery-3.7.1.min.js"),
]
_ONLINE_CSS = [("leaflet_css", "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.css")]


class Script(MacroElement):
    """Raw JavaScript, run after the map elements added before it (folium keeps order)."""

    _template = Template("{% macro script(this, kwargs) %}{{ this.code }}{% endmacro %}")

    def __init__(self, code: str):
        super().__init__()  # type: ignore[no-untyped-call]
        self._name = "PlannerScript"
        self.code = code


def new_map(
    location: tuple[float, float],
    *,
    offline: bool,
    zoom_start: int = 10,
    title: str = "",
    height: str = "100%",
    credit: str = "",
) -> Any:
    """A folium Map with no CDN links (offline: no tiles either; online: OSM tiles).

    ``title`` is put into the page as is: escape it first. ``credit`` (plain text, e.g. the
    road data's "© OpenStreetMap contributors") joins the map's attribution: online the OSM
    tile layer carries it (the tiles credit the same source), offline, without tiles, the
    attribution control shows it.
    """
    fmap = folium.Map(
        location=list(location),
        zoom_start=zoom_start,
        tiles=None,
        control_scale=True,
        height=height,
    )
    if not offline:
        folium.TileLayer(_OSM_TILES, control=False).add_to(fmap)
    # Instance attributes shadow folium's class-level lists of CDN resources.
    fmap.default_js = [] if offline else list(_ONLINE_JS)
    fmap.default_css = [] if offline else list(_ONLINE_CSS)
    root: Any = fmap.get_root()
    if title:
        root.title = title
    if offline:
        root.header.add_child(folium.Element(_inline_assets()), name="planner_inline_assets")
    # Leaflet's attribution prefix is a link to leafletjs.com; plain text keeps pages link-free.
    name = fmap.get_name()
    control = f"{name}.attributionControl"
    code = f"{control}.setPrefix('Leaflet');"
    if credit and (offline or credit != OSM_CREDIT):
        code += f" {control}.addAttribution({json.dumps(esc(credit), ensure_ascii=False)});"
    Script(f"if ({control}) {{ {code} }}").add_to(fmap)
    return fmap


@functools.cache
def _inline_assets() -> str:
    """``<style>`` and ``<script>`` blocks holding Leaflet and jQuery."""
    import xstatic.pkg.jquery as xjquery
    import xstatic.pkg.leaflet as xleaflet

    leaflet_dir = Path(xleaflet.BASE_DIR)
    css = (leaflet_dir / "leaflet.css").read_text(encoding="utf-8")

    def data_uri(match: re.Match[str]) -> str:
        image = leaflet_dir / "images" / match.group(1)
        encoded = base64.b64encode(image.read_bytes()).decode("ascii")
        return f"url(data:image/png;base64,{encoded})"

    css = re.sub(r"url\(images/([\w.-]+\.png)\)", data_uri, css)
    leaflet_js = _strip_source_map((leaflet_dir / "leaflet.js").read_text(encoding="utf-8"))
    jquery_js = _strip_source_map(
        (Path(xjquery.BASE_DIR) / "jquery.min.js").read_text(encoding="utf-8")
    )
    return (
        f"<style>{css}</style>\n"
        f"<script>{_script_safe(leaflet_js)}</script>\n"
        f"<script>{_script_safe(jquery_js)}</script>\n"
    )


def _strip_source_map(js: str) -> str:
    return re.sub(r"^//# sourceMappingURL=.*$", "", js, flags=re.MULTILINE)


def _script_safe(js: str) -> str:
    return js.replace("</script", "<\\/script")


class _UrlFinder(HTMLParser):
    """Collects network URLs in markup attributes (``src``, ``href``, inline ``url()``)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_script = tag in ("script", "style")
        for name, value in attrs:
            if value is None:
                continue
            if name in ("src", "href", "data", "poster", "srcset", "action") and _is_remote(value):
                self.urls.append(value)
            if name == "style":
                self.urls.extend(_css_urls(value))

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.urls.extend(_css_urls(data))


def _is_remote(value: str) -> bool:
    return bool(re.match(r"\s*(https?:)?//", value, flags=re.IGNORECASE))


def _css_urls(text: str) -> list[str]:
    found = re.findall(r"url\(\s*['\"]?([^'\")]+)", text)
    found += re.findall(r"@import\s+['\"]([^'\"]+)", text)
    return [u for u in found if _is_remote(u)]


def external_urls(page: str) -> list[str]:
    """Network URLs a browser would fetch from ``page``'s markup and stylesheets."""
    finder = _UrlFinder()
    finder.feed(page)
    finder.close()
    return finder.urls


def finish_page(fmap: Any, *, offline: bool) -> str:
    """Render a folium map to HTML; an offline page with a network URL is a bug."""
    page: str = fmap.get_root().render()
    if offline:
        remote = external_urls(page)
        if remote:
            raise RuntimeError(f"offline page still links to the network: {remote[:3]}")
    return page
