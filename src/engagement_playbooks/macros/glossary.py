"""The glossary page."""

from __future__ import annotations

import re

from engagement_playbooks.site import Site


def glossary(site: Site) -> str:
    terms = sorted(site.catalog.glossary.terms, key=lambda t: t.term.lower())
    entries = [{"term": t, "anchor": re.sub(r"[^a-z0-9]+", "-", t.term.lower()).strip("-")} for t in terms]
    return site.render("glossary.html", terms=entries)
