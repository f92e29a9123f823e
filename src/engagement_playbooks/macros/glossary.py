"""The glossary page."""

from __future__ import annotations

import re

from engagement_playbooks.rendering.context import PageContext


def glossary(ctx: PageContext) -> str:
    terms = sorted(ctx.catalog.glossary.terms, key=lambda t: t.term.lower())
    entries = [{"term": t, "anchor": re.sub(r"[^a-z0-9]+", "-", t.term.lower()).strip("-")} for t in terms]
    return ctx.render("glossary.html", terms=entries)
