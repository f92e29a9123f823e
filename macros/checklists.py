"""The `checklist` and `onboarding_progress` macros."""

from __future__ import annotations

import re

from .rendering import render
from .site import Site
from .suggest import unknown


def checklist(site: Site, checklist_id: str) -> str:
    found = site.catalog.checklists.get(checklist_id)
    if found is None:
        return site.report(f"checklist({checklist_id!r})", checklist_id, unknown("checklist id", checklist_id, site.catalog.checklists))
    links = {item.id: site.link(item.link) if item.link else None for item in found.all_items}
    return render("checklist.html", checklist=found, links=links)


def onboarding_progress(site: Site) -> str:
    """Every new-hire checklist, linked to the page that shows it, for the onboarding hub."""
    shown_on = _pages_showing_checklists(site)
    entries = [
        {"checklist": c, "url": site.link(shown_on[c.id]).url if c.id in shown_on and site.link(shown_on[c.id]) else None}
        for c in site.catalog.checklists.values()
        if "new-hire" in c.audience
    ]
    return render("onboarding_progress.html", entries=entries)


def _pages_showing_checklists(site: Site) -> dict[str, str]:
    found: dict[str, str] = {}
    call = re.compile(r"""checklist\(\s*["']([a-z0-9-]+)["']""")
    for path, page in site.pages.items():
        for checklist_id in call.findall(page.text):
            found.setdefault(checklist_id, path)
    return found
