"""The `checklist` and `onboarding_progress` macros."""

from __future__ import annotations

from typing import Any

from engagement_playbooks.domain.checklists import checklists_called
from engagement_playbooks.readers.nav_file import read_nav_file
from engagement_playbooks.rendering.context import PageContext
from engagement_playbooks.validation.suggest import unknown


def checklist(ctx: PageContext, checklist_id: str) -> str:
    found = ctx.catalog.checklists.get(checklist_id)
    if found is None:
        return ctx.report(f"checklist({checklist_id!r})", unknown("checklist id", checklist_id, ctx.catalog.checklists))
    links = {item.id: ctx.link(item.link) if item.link else None for item in found.all_items}
    edition = ctx.snapshot.releases.label  # the printed sign-off names what the new hire was trained on
    return ctx.render("checklist.html", checklist=found, links=links, department=ctx.catalog.department, edition=edition)


def onboarding_progress(ctx: PageContext) -> str:
    """The progress of every checklist shown in the hub's own section (onboarding/), in navigation order.

    New-hire checklists of plays elsewhere stay on their plays: the hub is the new hire's path, not a catalogue.
    """
    section = ctx.path.rsplit("/", 1)[0] + "/" if "/" in ctx.path else ""
    order = _navigation_order(ctx, section)
    entries: list[dict[str, Any]] = []
    for path in order:
        for checklist_id in checklists_called(ctx.snapshot.pages[path].text):
            found = ctx.catalog.checklists.get(checklist_id)
            link = ctx.link(path)
            if found is not None and link is not None and all(e["checklist"] is not found for e in entries):
                entries.append({"checklist": found, "url": link.url})
    return ctx.render("onboarding_progress.html", entries=entries)


def _navigation_order(ctx: PageContext, section: str) -> list[str]:
    """The section's other pages in the order its .nav.yml lists them (week 1, 30 days, 90 days), then the rest."""
    nav = read_nav_file(ctx.snapshot.docs_dir / section)
    rank = {section + entry: index for index, entry in enumerate(nav.files if nav else [])}
    pages = [path for path in ctx.snapshot.pages if path.startswith(section) and path != ctx.path]
    return sorted(pages, key=lambda path: (rank.get(path, len(rank)), path))
