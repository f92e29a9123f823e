"""What one build knows, checked once and then frozen: the edition, the pages, the checked data and the git facts.

Nothing changes it during a build: what a page's rendering finds (macro problems, what it read) lives on
that page's context (rendering/context.py).
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from engagement_playbooks.domain import edition_changes, history
from engagement_playbooks.domain import releases as issued
from engagement_playbooks.domain.clock import today
from engagement_playbooks.domain.editions import shows
from engagement_playbooks.models.page import PageMeta
from engagement_playbooks.readers import git_log, git_tags
from engagement_playbooks.readers.pages import PageInfo, scan_pages
from engagement_playbooks.readers.problems import ProblemsError
from engagement_playbooks.readers.yaml_source import parse_yaml
from engagement_playbooks.validation.catalog import Catalog, load_catalog
from engagement_playbooks.validation.jinja_syntax import jinja_syntax_problems
from engagement_playbooks.validation.pages import validate_pages

log = logging.getLogger("mkdocs.plugins.playbooks")


@dataclass(frozen=True)
class Snapshot:
    root: Path  # the site's folder (where mkdocs.yml is)
    docs_dir: Path
    data_dir: Path
    edition: str
    today: dt.date
    pages: Mapping[str, PageInfo]  # by docs-relative path
    metas: Mapping[str, PageMeta]  # checked front matter of every page
    catalog: Catalog  # already filtered for the edition
    internal_details: frozenset[str]  # internal contacts' phones and emails (for the public edition's leak guard)
    shelf: issued.Shelf | None = None  # the published editions around this build (PLAYBOOKS_SHELF), if any

    @property
    def internal(self) -> bool:
        return self.edition == "internal"

    def variables(self) -> dict[str, object]:
        """The variables every page may use: `department`, `edition` and `internal`."""
        return {"department": self.catalog.department, "edition": self.edition, "internal": self.internal}

    def shows(self, path: str) -> bool:
        """Whether this edition publishes the page at `path` (docs-relative)."""
        info = self.pages.get(path)
        return info is not None and shows(self.internal, info)

    @classmethod
    def load(cls, root: Path, docs_dir: Path, edition: str, data_dir: Path | str = "data", previous: Snapshot | None = None) -> Snapshot:
        """Check all data and every page's Jinja syntax; raise once with every problem found.

        `previous` (the preview's last build, which loaded without a problem) lends its unchanged pages:
        they are neither parsed nor checked for Jinja syntax again."""
        now = today()
        data = root / data_dir
        known = previous.pages if previous is not None else {}
        pages, problems = scan_pages(docs_dir, root, known)
        catalog, found = load_catalog(root, data, frozenset(pages), now)
        problems += found
        metas: dict[str, PageMeta] = {}
        if catalog is not None:
            metas, found = validate_pages(pages, catalog.context)
            problems += found
        problems += jinja_syntax_problems({path: info for path, info in pages.items() if known.get(path) is not info})
        if problems or catalog is None:
            raise ProblemsError(problems)
        return cls(
            root,
            docs_dir,
            data,
            edition,
            now,
            MappingProxyType(pages),
            MappingProxyType(metas),
            catalog.for_edition(edition == "internal"),
            catalog.internal_details(),
            issued.Shelf.from_environment(),
        )

    # Worked out on first use from the frozen fields above (a check that needs no history never walks git).
    @functools.cached_property
    def git_log(self) -> git_log.GitLog | None:
        """The build's one walk of the git history (docs/ and data/): dates and change lists share it."""
        return git_log.walk(self.docs_dir, self.data_dir)

    @functools.cached_property
    def changes(self) -> tuple[history.Change, ...]:
        """What this edition may show of the history (empty without a full history)."""
        if not self.has_history:
            why = "this is a shallow clone" if self.git_log is not None else "there is no git history"
            log.info(f"Recent changes are left out: {why}. Clone with full history to show them.")
            return ()
        assert self.git_log is not None
        return tuple(history.changes(self.git_log, self.docs_dir, self.shows, public=not self.internal))

    @property
    def has_history(self) -> bool:
        """A full git history, so change lists can be shown (not a download or a shallow clone)."""
        return self.git_log is not None and not self.git_log.shallow

    @functools.cached_property
    def releases(self) -> issued.EditionState:
        """Which issued edition this build is of (domain/releases.py); "unknown" without git history."""
        tags = git_tags.read(self.root, issued.TAG_PREFIX) if self.git_log is not None else None
        content = frozenset(commit.sha for commit in self.git_log.commits) if self.git_log is not None else frozenset()
        return issued.edition_state(tags, content, lambda since: git_tags.commits_between(self.root, since, "HEAD"))

    def edition_changes(self, release: issued.Release | None) -> edition_changes.EditionChanges:
        """What changed in `release` since the edition before it, or (None) since the current edition: empty for a
        first edition and without history."""
        state = self.releases
        if self.git_log is None or self.git_log.shallow:
            return edition_changes.EditionChanges()
        if release is None:
            chosen = state.unissued
        else:
            previous = state.previous(release)
            if previous is None:
                return edition_changes.EditionChanges()
            chosen = git_tags.commits_between(self.root, previous.commit, release.commit)
        commits = [commit for commit in self.git_log.commits if commit.sha in chosen]
        sources = edition_changes.Sources(
            self.docs_dir, self.data_dir, self.shows, self.catalog.checklists, self.catalog.partners, public=not self.internal
        )
        return edition_changes.edition_changes(commits, sources, self._partners_at)

    def _partners_at(self, revision: str) -> Mapping[str, object] | None:
        text = git_tags.file_at(self.root, revision, self.data_dir / edition_changes.PARTNERS_FILE)
        document = parse_yaml(text, edition_changes.PARTNERS_FILE)[0] if text is not None else None
        listed = document.data.get("partners") if document is not None and isinstance(document.data, dict) else None
        if not isinstance(listed, list):
            return None
        return {str(p["id"]): p for p in listed if isinstance(p, dict) and "id" in p}
