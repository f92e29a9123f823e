"""The glossary page, and the abbreviations every page explains on hover."""

from __future__ import annotations

import re

from engagement_playbooks.site import Site


def glossary(site: Site) -> str:
    terms = sorted(site.catalog.glossary.terms, key=lambda t: t.term.lower())
    entries = [{"term": t, "anchor": re.sub(r"[^a-z0-9]+", "-", t.term.lower()).strip("-")} for t in terms]
    return site.render("glossary.html", terms=entries)


def abbreviations(site: Site) -> str:
    """Markdown abbreviation definitions (`*[FTO]: Field training officer`) to append to a page."""
    lines = [f"*[{t.abbr}]: {t.term}" for t in site.catalog.glossary.terms if t.abbr]
    return "\n\n" + "\n".join(lines) + "\n" if lines else ""
