"""The last guard of a public build: no file may point at an internal page or hold an internal contact.

It reads every file the build wrote that a reader or a program could open (HTML, XML, JSON, JS, vCards,
CSV, text) and fails the build naming each leak.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urljoin, urlsplit

SCANNED = {".html", ".xml", ".json", ".js", ".vcf", ".csv", ".txt", ".webmanifest"}
_ADDRESS = re.compile(r'(?:href|src)="([^"]*)"|<loc>([^<]*)</loc>|"location":\s*"([^"]*)"')


def find_leaks(
    site_dir: Path, site_url: str, internal_urls: set[str], secrets: Iterable[str] = (), since: float | None = None
) -> list[str]:
    """Every place in the output that points at an internal page, or holds one of `secrets` (internal contact details).

    `since` (a time stamp) limits the scan to files written after it: the preview's partial rebuilds."""
    base = urlsplit(site_url or "").path or "/"
    needles = sorted({secret for secret in secrets if len(secret) >= 5})
    finder = re.compile("|".join(re.escape(needle) for needle in needles)) if needles else None
    leaks: list[str] = []
    targets: dict[tuple[str, str], str] = {}  # (folder, address) -> site path: most links repeat on many pages

    def target_of(page_url: str, address: str) -> str:
        if not address or address[0] in "#?":
            address, folder = page_url, "/"  # the page itself
        else:
            # A relative address resolves from the page's folder; "../x" from a/b/ is "x" from a/.
            folder = page_url.rsplit("/", 1)[0] + "/"
            while address.startswith("../") and folder != "/":
                folder, address = folder[:-1].rsplit("/", 1)[0] + "/", address[3:]
        found = targets.get((folder, address))
        if found is None:
            found = urlsplit(urljoin(folder, address)).path
            found = found[len(base) - 1 :] if found.startswith(base) and base != "/" else found
            targets[(folder, address)] = found
        return found

    for path in sorted(site_dir.rglob("*")):
        if not path.is_file() or path.suffix not in SCANNED:
            continue
        if since is not None and path.stat().st_mtime < since:
            continue
        text = path.read_text(encoding="utf-8", errors="ignore")
        shown = path.relative_to(site_dir).as_posix()
        if internal_urls:
            page_url = urljoin("/", shown)
            for match in _ADDRESS.finditer(text):
                address = next(group for group in match.groups() if group is not None)
                target = urlsplit(address).path if path.name.startswith("search_index") else target_of(page_url, address)
                if target.lstrip("/") in internal_urls:
                    leaks.append(f"{shown} points at {address}")
        if finder is not None:
            leaks += [f"{shown} holds internal contact detail {found!r}" for found in sorted(set(finder.findall(text)))]
    return sorted(set(leaks))
