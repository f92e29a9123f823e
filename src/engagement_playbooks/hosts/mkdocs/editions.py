"""The public edition: internal pages never reach it, and links to them become a neutral note.

Pages with `audience: internal` are excluded before any other plugin sees the files, so they reach no
HTML, search index, sitemap, feed or navigation. A link to one of them from a public page becomes the
words "a staff-only page". outputs/leak_guard.py then checks the finished output.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from urllib.parse import urljoin, urlsplit

from mkdocs.structure.files import Files, InclusionLevel

from engagement_playbooks.domain.editions import may_reach
from engagement_playbooks.readers.pages import PageInfo

_LINK = re.compile(r"<a\b[^>]*?\bhref=\"([^\"]*)\"[^>]*>.*?</a>", re.DOTALL)
STAFF_ONLY_NOTE = '<em class="ep-internal-ref">a staff-only page</em>'


def exclude_internal(files: Files, pages: Mapping[str, PageInfo]) -> set[str]:
    """Exclude the internal pages from the build; return their site-relative URLs."""
    internal_urls: set[str] = set()
    for file in files.documentation_pages():
        info = pages.get(file.src_uri)
        if info is not None and info.internal:
            file.inclusion = InclusionLevel.EXCLUDED
            internal_urls.add(file.url)
    return internal_urls


def neutralise_links(html: str, page_url: str, internal_urls: set[str]) -> str:
    """Replace every link to an internal page with a note that names no page."""
    if not may_reach(html, page_url, internal_urls):
        return html  # most pages: no regex pass, and no copy of the page

    def neutral(match: re.Match[str]) -> str:
        href = match.group(1)
        if urlsplit(href).scheme or href.startswith("#"):
            return match.group(0)
        target = urlsplit(urljoin(page_url or "./", href)).path.lstrip("/")
        if target in internal_urls or target + "/" in internal_urls or target.removesuffix("index.html") in internal_urls:
            return STAFF_ONLY_NOTE
        return match.group(0)

    return _LINK.sub(neutral, html)
