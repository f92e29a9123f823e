"""The `checklist` and `onboarding_progress` macros."""

from __future__ import annotations

import re
from typing import Any

import yaml

from engagement_playbooks.site import Site
from engagement_playbooks.validation.suggest import unknown


def checklist(site: Site, checklist_id: str) -> str:
    found = site.catalog.checklists.get(checklist_id)
    if found is None:
        return site.report(f"checklist({checklist_id!r})", unknown("checklist id", checklist_id, site.catalog.checklists))
    links = {item.id: site.link(item.link) if item.link else None for item in found.all_items}
    return site.render("checklist.html", checklist=found, links=links, department=site.catalog.department)


def onboarding_progress(site: Site) -> str:
    """The progress of every checklist shown in the hub's own section (onboarding/), in navigation order.

    New-hire checklists of plays elsewhere stay on their plays: the hub is the new hire's path, not a catalogue.
    """
    section = site.current_page.rsplit("/", 1)[0] + "/" if "/" in site.current_page else ""
    order = _navigation_order(site, section)
    entries: list[dict[str, Any]] = []
    for path in order:
        for checklist_id in _CALL.findall(site.pages[path].text):
            found = site.catalog.checklists.get(checklist_id)
            link = site.link(path)
            if found is not None and link is not None and all(e["checklist"] is not found for e in entries):
                entries.append({"checklist": found, "url": link.url})
    return site.render("onboarding_progress.html", entries=entries)


_CALL = re.compile(r"""\bchecklist\(\s*["']([a-z0-9-]+)["']""")


def _navigation_order(site: Site, section: str) -> list[str]:
    """The section's other pages in the order its .nav.yml lists them (week 1, 30 days, 90 days), then the rest."""
    nav_file = site.docs_dir / section / ".nav.yml"
    listed = yaml.safe_load(nav_file.read_text(encoding="utf-8")).get("nav", []) if nav_file.exists() else []
    rank = {section + entry: index for index, entry in enumerate(listed) if isinstance(entry, str)}
    pages = [path for path in site.pages if path.startswith(section) and path != site.current_page]
    return sorted(pages, key=lambda path: (rank.get(path, len(rank)), path))
