"""The `edition_list()` and `edition_changes()` macros: the issued editions of the site, and what changed in one.

The facts come from domain/releases.py and domain/edition_changes.py, as this edition (public or internal)
may show them. The engine generates an Editions page and a page per edition that call these
(hosts/mkdocs/releases.py); a department can call them on its own pages too.
"""

from __future__ import annotations

from engagement_playbooks.domain import releases
from engagement_playbooks.domain.clock import long_date
from engagement_playbooks.macros.changes import NO_HISTORY
from engagement_playbooks.rendering.context import PageContext
from engagement_playbooks.rendering.urls import from_root, page_url
from engagement_playbooks.validation.suggest import unknown


def _from_root(ctx: PageContext, target: str) -> str:
    return from_root(target, ctx.site.links.site_url(ctx.path))


def _changes_url(ctx: PageContext, version: str | None) -> str:
    return ctx.site_file(page_url(releases.changes_page(version), ctx.site.links.use_directory_urls))


def edition_list(ctx: PageContext) -> str:
    """Every issued edition in this build's history, newest first, with what changed and where to read it."""
    state = ctx.snapshot.releases
    shelf = ctx.snapshot.shelf
    current = state.current
    rows = []
    for release in state.releases:
        if current is None or release.key > current.key:
            continue  # an archived edition does not know what came after it
        version = release.version
        base = f"{shelf.to_root if shelf else ''}{releases.ARCHIVE_FOLDER}/{version}/"
        readable = shelf is not None and version in shelf.archived and version != shelf.here
        files = {"pdf": releases.archive_pdf(version), "zip": releases.archive_zip(version)}
        rows.append(
            {
                "release": release,
                "changes": _changes_url(ctx, version),
                "read": _from_root(ctx, base) if readable else None,
                **{
                    kind: _from_root(ctx, base + name) if shelf and shelf.archive_file(version, name) else None
                    for kind, name in files.items()
                },
            }
        )
    unissued = _changes_url(ctx, None) if state.kind == "ahead" else None
    return ctx.render("edition_list.html", state=state, rows=rows, unissued=unissued, long_date=long_date)


def edition_changes(ctx: PageContext, version: str | None = None) -> str:
    """The pages, checklists and partners that changed in edition `version`, or (no version) since the last edition."""
    snapshot = ctx.snapshot
    state = snapshot.releases
    release = state.find(version) if version is not None else None
    if version is not None and release is None:
        known = {r.version: r for r in state.releases}
        return ctx.report(f"edition_changes({version!r})", unknown("edition", version, known))
    previous = state.previous(release) if release is not None else state.current
    changes = snapshot.edition_changes(release)
    catalog = snapshot.catalog
    pages = [(link, c) for c in changes.pages if (link := ctx.link(c.key)) is not None]
    checklists = [(catalog.checklists[c.key].title, c) for c in changes.checklists]
    partners = [(catalog.partners[c.key].name, c) for c in changes.partners]
    note = None if snapshot.has_history else NO_HISTORY
    return ctx.render(
        "edition_changes.html",
        release=release,
        previous=previous,
        first=release is not None and previous is None,
        pages=pages,
        checklists=checklists,
        partners=partners,
        note=note,
        previous_url=_changes_url(ctx, previous.version) if previous else None,
        long_date=long_date,
    )
