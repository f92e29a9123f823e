"""Links between the built site's own pages, checked after the build: the links MkDocs does not see.

MkDocs checks the links a page's Markdown writes. The HTML the macros add after Markdown (checklists,
partner cards, recent changes) and links written in data files reach the page later, so the build checks
every written page here: each relative link leads to a file that exists, and each #anchor to an id there.
"""

from __future__ import annotations

import re
from functools import cache
from html import unescape
from pathlib import Path
from urllib.parse import unquote, urlsplit

_REFERENCE = re.compile(r'<(?:a|link|img|script|source)\b[^>]*?\s(?:href|src)="([^"]*)"')
_ANCHOR = re.compile(r'\s(?:id|name)="([^"]*)"')


def broken_links(site: Path) -> list[str]:
    """'page -> link: what is wrong', for every broken link between the site's own files, in page order."""

    @cache
    def anchors(page: Path) -> frozenset[str]:
        return frozenset(unescape(found) for found in _ANCHOR.findall(page.read_text(encoding="utf-8")))

    broken = []
    root = site.resolve()
    for page in sorted(site.rglob("*.html")):
        for reference in map(unescape, _REFERENCE.findall(page.read_text(encoding="utf-8"))):
            parts = urlsplit(reference)
            if not reference or parts.scheme or parts.netloc or parts.path.startswith("/"):
                continue  # another site, mailto:/tel:/data:, or a 404 page's absolute links
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if not target.is_relative_to(root):
                continue  # out of this build's folder (an archived edition's link to the current one): the build holding both checks it
            if target.is_dir():
                target = target / "index.html"
            where = f"{page.relative_to(site).as_posix()} links to {reference}"
            if not target.is_file():
                broken.append(f"{where}: no such file in the site")
            elif parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in anchors(target):
                broken.append(f"{where}: that page has no anchor #{unquote(parts.fragment)}")
    return broken
