"""What the host keeps for one build, on the plugin instance: made in on_config, read by the later events.

The snapshot is shared and frozen; each page's context (its macro problems, what it read, its slots) is
kept here by docs path once the page is rendered, so the end of the build can collect them.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from engagement_playbooks.domain.snapshot import Snapshot
from engagement_playbooks.hosts.mkdocs.macros_binding import MacroBinding
from engagement_playbooks.hosts.mkdocs.releases import Editions
from engagement_playbooks.readers.problems import Problem
from engagement_playbooks.rendering.context import PageContext, SiteRender


@dataclass
class BuildState:
    snapshot: Snapshot
    binding: MacroBinding
    started: float  # when the build began (time.time()): a quick preview's leak scan reads what it wrote since
    editions: Editions  # the issued editions: what each page says of its edition (hosts/mkdocs/releases.py)
    site: SiteRender | None = None  # made in on_nav, once the host's files know their final URLs (the blog's posts too)
    internal_urls: set[str] = field(default_factory=set)  # site-relative URLs of internal pages, public edition only
    pages: dict[str, PageContext] = field(default_factory=dict)  # the pages rendered in this build
    material_worker: str | None = None  # Material's search worker, as the pages name it

    @property
    def problems(self) -> list[Problem]:
        """Every bad macro call of the build, page by page."""
        return list(itertools.chain.from_iterable(page.problems for page in self.pages.values()))

    def reads(self) -> dict[str, set[str]]:
        """What each page rendered in this build read (domain/preview.py)."""
        return {path: page.reads for path, page in self.pages.items()}
