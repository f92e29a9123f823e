"""Issued editions in a build: what every page says about its edition, the generated "Editions" and
"What changed" pages, and the archived editions `playbooks editions` hands to the root build.

The facts are domain/releases.py and domain/edition_changes.py; this adapter puts them where MkDocs and
the theme read them: config.extra (the print cover and page-less templates see only config), page.meta
(partials/edition.html), generated files, and the site folder.
"""

from __future__ import annotations

import functools
import shutil
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from engagement_playbooks.domain import releases
from engagement_playbooks.domain.edition_changes import EditionChanges
from engagement_playbooks.domain.releases import EDITIONS_PAGE, changes_page
from engagement_playbooks.domain.snapshot import Snapshot
from engagement_playbooks.readers import git_tags
from engagement_playbooks.rendering.urls import from_root, page_url


@dataclass(frozen=True)
class Choice:
    label: str
    href: str  # relative to the page
    here: bool


@dataclass(frozen=True)
class EditionLine:
    """What partials/edition.html shows on one page."""

    label: str  # Edition 2027.1, effective 15 January 2027 / Draft: not yet issued / Edition unknown (no git history)
    kind: str
    version: str | None  # the edition this build is of (None: a draft, or no git history)
    editions_href: str  # the Editions page
    unissued_href: str | None  # "includes changes not yet issued": what changed since
    current_href: str | None  # an archived edition: the current one
    choices: tuple[Choice, ...]  # the edition selector (only when archives are published beside this build)
    changed: tuple[str, ...]  # this play changed in this edition: the reasons
    changed_href: str | None


class Editions:
    """This build's editions, worked out once (on_config) and asked per page."""

    def __init__(self, snapshot: Snapshot, use_directory_urls: bool, file_edition: bool) -> None:
        self.snapshot = snapshot
        self.state = snapshot.releases
        # The offline zip is one edition on its own: no links out of it to the others.
        self.shelf = None if file_edition else snapshot.shelf
        self.use_directory_urls = use_directory_urls

    @functools.cached_property
    def entries(self) -> tuple[releases.ShelfEntry, ...]:
        if self.shelf is None:
            return ()
        root, docs = self.snapshot.root, self.snapshot.docs_dir
        return releases.shelf_entries(self.shelf, self.state, lambda revision: git_tags.paths_at(root, revision, docs))

    @functools.cached_property
    def current_changes(self) -> EditionChanges:
        """What changed in the edition this build is of (a play says so at its top)."""
        return self.snapshot.edition_changes(self.state.current) if self.state.current else EditionChanges()

    @property
    def issued_here(self) -> tuple[releases.Release, ...]:
        """The editions in this build's history, newest first (an archive does not know what came after it)."""
        current = self.state.current
        return tuple(r for r in self.state.releases if current is not None and r.key <= current.key)

    def extra(self) -> dict[str, str]:
        """config.extra["playbooks_release"]: for the print cover and the templates without a page."""
        return {"label": self.state.label, "kind": self.state.kind}

    def for_page(self, path: str, url: str) -> EditionLine:
        state = self.state
        meta = self.snapshot.metas.get(path)
        is_play = meta is not None and meta.is_play
        unissued = from_root(page_url(changes_page(None), self.use_directory_urls), url) if state.kind == "ahead" else None
        current = None
        if state.kind == "archived" and self.shelf is not None and self.shelf.here:
            current = from_root(self.shelf.to_root, url)
        same_page = url == page_url(path, self.use_directory_urls) if path else False  # a blog post's address may differ between editions
        choices = tuple(
            Choice(
                entry.label,
                from_root(entry.prefix + (url if same_page and (entry.pages is None or path in entry.pages) else ""), url),
                entry.here,
            )
            for entry in self.entries
        )
        reasons = self.current_changes.reasons_for_page(path) if is_play and state.current else ()
        changed_href = (
            from_root(page_url(changes_page(state.current.version), self.use_directory_urls), url) if reasons and state.current else None
        )
        editions = from_root(page_url(EDITIONS_PAGE, self.use_directory_urls), url)
        version = state.current.version if state.current else None
        return EditionLine(state.label, state.kind, version, editions, unissued, current, choices, reasons, changed_href)

    def generated_pages(self) -> dict[str, str]:
        """The Editions page and each edition's "What changed" page, as Markdown that calls the engine's macros."""
        pages = {EDITIONS_PAGE: _page("Editions", "{{ edition_list() }}")}
        for release in self.issued_here:
            pages[changes_page(release.version)] = _page(
                f"What changed in edition {release.version}", f'{{{{ edition_changes("{release.version}") }}}}'
            )
        if self.state.kind == "ahead":
            pages[changes_page(None)] = _page("Changes not yet issued", "{{ edition_changes() }}")
        return pages


def _page(title: str, body: str) -> str:
    return f"---\ntitle: {title}\n---\n\n# {title}\n\n{body}\n"


def configure(config: MkDocsConfig, snapshot: Snapshot, file_edition: bool) -> Editions:
    """In on_config, before other plugins read site_url: an archived edition lives at archive/<version>/ of the site."""
    shelf = snapshot.shelf
    if shelf is not None and shelf.here and config.site_url:
        config.site_url = urljoin(
            config.site_url if config.site_url.endswith("/") else config.site_url + "/", f"{releases.ARCHIVE_FOLDER}/{shelf.here}/"
        )
    editions = Editions(snapshot, config.use_directory_urls, file_edition)
    config.extra["playbooks_release"] = editions.extra()
    return editions


def add_pages(files: Files, config: MkDocsConfig, editions: Editions) -> list[str]:
    """The generated pages, unless the site has its own page at that path (the paths added). Not in the
    navigation: every page's footer links the Editions page."""
    added = {path: content for path, content in editions.generated_pages().items() if files.get_file_from_path(path) is None}
    for path, content in added.items():
        files.append(File.generated(config, path, content=content, inclusion=InclusionLevel.NOT_IN_NAV))
    return list(added)


def is_archive_file(path: str, editions: Editions) -> bool:
    """A file of an archived edition in the root build: each archive has its own service worker and lists."""
    return editions.shelf is not None and bool(editions.shelf.built) and path.startswith(releases.ARCHIVE_FOLDER + "/")


def take_in_archives(config: MkDocsConfig, editions: Editions) -> None:
    """The root build: the archived editions `playbooks editions` built, copied under archive/ before the link
    check and the leak guard read the site (so both cover every archive)."""
    built = editions.shelf.built if editions.shelf is not None else None
    if not built:
        return
    target = Path(config.site_dir) / releases.ARCHIVE_FOLDER
    for version in editions.shelf.archived if editions.shelf else ():
        shutil.copytree(Path(built) / version, target / version, dirs_exist_ok=True)
