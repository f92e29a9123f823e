"""Editions: which one a build makes (public, the default, or internal), what it shows, and where it goes.

One switch for every command and build (PLAYBOOKS_EDITION), one rule for what an edition shows, and
one name for each output folder, so the plugin and the commands never disagree about them.
"""

from __future__ import annotations

import os

from engagement_playbooks.readers.pages import PageInfo
from engagement_playbooks.readers.problems import Problem, ProblemsError

EDITIONS = ("public", "internal")
EDITION_VARIABLE = "PLAYBOOKS_EDITION"


def edition_from_environment() -> str:
    """PLAYBOOKS_EDITION, checked: an unknown value is an error everywhere, never a quiet public build."""
    edition = os.environ.get(EDITION_VARIABLE, "").strip().lower() or "public"
    if edition not in EDITIONS:
        raise ProblemsError(
            [Problem(EDITION_VARIABLE, None, "", f"got {edition!r}; expected one of: {', '.join(EDITIONS)} (leave it unset for public)")]
        )
    return edition


def shows(internal_edition: bool, page: PageInfo) -> bool:
    """Whether an edition publishes the page: the internal edition every page, the public one no `audience: internal` page."""
    return internal_edition or not page.internal


def site_folder(edition: str, variant: str = "") -> str:
    """The output folder of an edition, beside mkdocs.yml: site, site-internal, site-offline, site-internal-offline, site-print…

    The edition comes first, so every staff-only folder starts with site-internal."""
    return "site" + ("-internal" if edition == "internal" else "") + (f"-{variant}" if variant else "")


def last_segment(url: str) -> str:
    """The last path segment of a site-relative page URL: any address that reaches the page names it,
    unless it climbs from below ("../")."""
    return url.removesuffix("index.html").rstrip("/").rsplit("/", 1)[-1].removesuffix(".html")


def may_reach(text: str, where: str, internal_urls: set[str]) -> bool:
    """Whether `text`, found at `where` (its path or URL), may hold an address of an internal page: the
    address names the page's last segment, or climbs from below it, and then `where` names it."""
    segments = {last_segment(url) for url in internal_urls}
    return "" in segments or any(segment in text or segment in where for segment in segments)
