"""The installable offline web app: the web app manifest, its icons, and the service worker's precache lists.

Pure functions over plain data and the built site folder; the playbooks plugin calls them last (hosts/mkdocs/web_app.py).
The service worker itself is outputs/static/sw.js (Workbox, vendored in assets/vendor/workbox/);
this module puts the precache lists in front of it, so the build needs Python only.

Two lists, both with a content hash for every file (Workbox's `revision`, and `integrity` for
Subresource Integrity):
- shell: the theme's assets, the offline page, the app icons. Stored when the worker installs.
- edition: every page, the search index, the contact files. Stored page by page as the officer opens
  them, or all at once with "Save for offline use". Workbox stores a page only when its content
  matches the hash of this build, so cached content never mixes builds.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import io
import json
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

from engagement_playbooks.models.app import App

STATIC = Path(__file__).parent / "static"
WORKER_SOURCE = STATIC / "sw.js"
RETIRING_SOURCE = STATIC / "sw-retiring.js"
WORKER = "sw.js"
MANIFEST = "manifest.webmanifest"
OFFLINE_PAGE = "offline.html"
WORKBOX = "assets/playbooks/vendor/workbox/"
# The names the app's scripts (sw.js, sw-retiring.js, assets/javascripts/offline.js) and this module share,
# declared once: the build writes them in front of each script as self.__EP_APP (names_script).
APP_NAMES = {
    "worker": WORKER,
    "offline": OFFLINE_PAGE,
    "workbox": WORKBOX,
    "caches": {"shell": "ep-shell", "edition": "ep-edition", "state": "ep-state"},  # each followed by " " + the site's scope
    "messages": {name: "EP_" + name.upper() for name in ("save", "status", "progress", "saved", "failed", "skip_waiting", "edition")},
}
ICONS = {192: "assets/playbooks/icons/app-icon-192.png", 512: "assets/playbooks/icons/app-icon-512.png"}
# The engine's own icons (a book on the theme's indigo), for a department without a logo: ready-made, so
# a build decodes no image (a 1024 px logo added 5 MiB to every build's memory).
ENGINE_ICONS = {size: STATIC / f"app-icon-{size}.png" for size in ICONS}

# Never precached: the worker and the Workbox files it imports (the browser keeps those itself), the
# 404 page (offline, unknown addresses get the offline page), the print page (the whole site in one page,
# for printing), feeds, source maps, and the file:// edition's shim.
_SKIPPED_PREFIXES = (WORKBOX, "print_page/")
_SKIPPED_FILES = {WORKER, "404.html", "feed.xml", "sitemap.xml.gz"}
_LUNR = "assets/javascripts/lunr/"  # search languages other than English; kept only when the site needs them


@dataclass(frozen=True)
class Entry:
    url: str  # relative to the site root (where sw.js is), such as "forums/" or "search/search_index.json"
    revision: str
    integrity: str
    size: int  # about the bytes over the network with gzip (fast level 1: a little above what servers send)


def offline_storage(edition: str, app: App, file_edition: bool) -> bool:
    """Whether this build may store pages on devices. Never for the file:// edition (no service worker there);
    the internal edition only when the department switched it on."""
    if file_edition:
        return False
    return edition == "public" or app.offline_internal


def logo_path(root: Path, app: App) -> Path | None:
    """The department's logo, or None for the engine's own icons."""
    return root / app.logo if app.logo else None


def icons(logo: Path | None, background: str) -> dict[str, bytes]:
    """The app icons by site path: the logo centred on a square of the theme colour, so no icon is transparent
    (the engine's own icons without a logo)."""
    if logo is None:
        return {path: ENGINE_ICONS[size].read_bytes() for size, path in ICONS.items()}
    from PIL import Image, UnidentifiedImageError  # only for a department's logo: most builds never load Pillow

    try:
        with Image.open(logo) as opened:
            opened.thumbnail((max(ICONS), max(ICONS)))  # in place, before the copies below: a quarter of the memory
            source = opened.convert("RGBA")
    except (OSError, UnidentifiedImageError) as error:
        raise ValueError(f"{logo} is not a PNG or JPEG image that can be read ({error})") from error
    side = max(source.size)
    square = Image.new("RGBA", (side, side), background)
    square.alpha_composite(source, ((side - source.width) // 2, (side - source.height) // 2))
    files = {}
    for size, path in ICONS.items():
        out = io.BytesIO()
        square.resize((size, size), Image.Resampling.LANCZOS).convert("RGB").save(out, "PNG", optimize=True)
        files[path] = out.getvalue()
    return files


def web_manifest(name: str, short_name: str, description: str, theme_color: str, lang: str) -> bytes:
    """Addresses are relative to the manifest, which sits at the site root: right under any sub-path."""
    manifest = {
        "name": name,
        "short_name": short_name,
        "description": description,
        "lang": lang,
        "id": "./",
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "theme_color": theme_color,
        "background_color": "#ffffff",
        "icons": [{"src": path, "sizes": f"{size}x{size}", "type": "image/png", "purpose": "any maskable"} for size, path in ICONS.items()],
    }
    return json.dumps(manifest, indent=2, ensure_ascii=False).encode("utf-8")


def _group(path: str, keep_lunr: bool, leave_out: Callable[[str], bool]) -> str | None:
    """'shell', 'edition', or None for files never precached."""
    if path in _SKIPPED_FILES or path.endswith(".map") or path.startswith(_SKIPPED_PREFIXES) or leave_out(path):
        return None
    if path.startswith(_LUNR):
        return "shell" if keep_lunr else None
    if path.startswith("assets/") or path in {OFFLINE_PAGE, MANIFEST, "sitemap.xml"}:
        return "shell"
    return "edition"


def _url(path: str, use_directory_urls: bool) -> str:
    """The address a browser asks for: a page's folder, not its index.html."""
    if use_directory_urls and (path == "index.html" or path.endswith("/index.html")):
        return path.removesuffix("index.html") or "./"
    return path


def entry(path: str, data: bytes, use_directory_urls: bool) -> Entry:
    digest = hashlib.sha256(data).digest()
    return Entry(
        url=_url(path, use_directory_urls),
        revision=digest.hex()[:16],
        integrity="sha256-" + base64.b64encode(digest).decode("ascii"),
        size=len(gzip.compress(data, compresslevel=1, mtime=0)),
    )


def precache_lists(
    site: Path, use_directory_urls: bool, keep_lunr: bool, leave_out: Callable[[str], bool] = lambda path: False
) -> tuple[list[Entry], list[Entry]]:
    """(shell, edition) of a built site, in path order; `leave_out` names more files officers never need (the editor's)."""
    shell: list[Entry] = []
    edition: list[Entry] = []
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        relative = path.relative_to(site).as_posix()
        group = _group(relative, keep_lunr, leave_out)
        if group is not None:
            (shell if group == "shell" else edition).append(entry(relative, path.read_bytes(), use_directory_urls))
    return shell, edition


def transfer_size(entries: Iterable[Entry]) -> int:
    return sum(e.size for e in entries)


def service_worker(shell: list[Entry], edition: list[Entry], label: str) -> bytes:
    """sw.js: this build's lists and the name of its edition (`label`, which the app shows when it has saved the
    edition and when a new one is ready), then the worker. Any changed file changes sw.js, so browsers see the update."""
    lists = {"shell": [asdict(e) for e in shell], "edition": [asdict(e) for e in edition]}
    version = hashlib.sha256(json.dumps(lists, sort_keys=True).encode("utf-8")).hexdigest()[:16]
    facts = {"version": version, "label": label, **lists}
    header = (
        "// Written by the build (engagement_playbooks/outputs/web_app.py): the precache lists of this build. Do not edit.\n"
        f"self.__EP = {json.dumps(facts, separators=(',', ':'))};\n" + names_script()
    )
    return (header + WORKER_SOURCE.read_text(encoding="utf-8")).encode("utf-8")


def names_script() -> str:
    """The first line the build writes in front of each of the app's scripts."""
    return f"self.__EP_APP = {json.dumps(APP_NAMES, separators=(',', ':'))};\n"


def retiring_worker() -> bytes:
    """sw.js when offline storage is off for this edition: it deletes what a device saved before and steps aside."""
    return (names_script() + RETIRING_SOURCE.read_text(encoding="utf-8")).encode("utf-8")
