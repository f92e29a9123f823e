"""Links between the built site's own pages, checked after the build: the links MkDocs does not see.

MkDocs checks the links a page's Markdown writes. The HTML the macros add after Markdown (checklists,
partner cards, recent changes) and links written in data files reach the page later, so the build checks
every written page here: each relative link leads to a file that exists, and each #anchor to an id there.
"""

from __future__ import annotations

import os
import posixpath
import re
from functools import cache
from html import unescape
from pathlib import Path
from urllib.parse import unquote, urlsplit

_REFERENCE = re.compile(r'<(?:a|link|img|script|source)\b[^>]*?\s(?:href|src)="([^"]*)"')
_ANCHOR = re.compile(r'\s(?:id|name)="([^"]*)"')


def broken_links(site: Path) -> list[str]:
    """'page -> link: what is wrong', for every broken link between the site's own files, in page order."""
    # The site's files listed once, and links resolved as strings: a filesystem call per link (about 50,000
    # on 345 pages) was most of this check's time.
    files: set[str] = set()
    folders = {"."}
    for folder, subfolders, names in os.walk(site):
        here = Path(folder).relative_to(site).as_posix()
        folders.update(posixpath.normpath(posixpath.join(here, name)) for name in subfolders)
        files.update(posixpath.normpath(posixpath.join(here, name)) for name in names)

    @cache
    def anchors(page: str) -> frozenset[str]:
        return frozenset(unescape(found) for found in _ANCHOR.findall((site / page).read_text(encoding="utf-8")))

    broken = []
    for page in sorted((name for name in files if name.endswith(".html")), key=lambda name: name.split("/")):
        for reference in map(unescape, _REFERENCE.findall((site / page).read_text(encoding="utf-8"))):
            parts = urlsplit(reference)
            if not reference or parts.scheme or parts.netloc or parts.path.startswith("/"):
                continue  # another site, mailto:/tel:/data:, or a 404 page's absolute links
            target = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(parts.path))) if parts.path else page
            if target == ".." or target.startswith("../"):
                continue  # out of this build's folder (an archived edition's link to the current one): the build holding both checks it
            if target in folders:
                target = posixpath.normpath(posixpath.join(target, "index.html"))
            where = f"{page} links to {reference}"
            if target not in files:
                broken.append(f"{where}: no such file in the site")
            elif parts.fragment and target.endswith(".html") and unquote(parts.fragment) not in anchors(target):
                broken.append(f"{where}: that page has no anchor #{unquote(parts.fragment)}")
    return broken
