"""The render context: a build-wide, read-only `SiteRender` (the snapshot, page links, the templates), and
one `PageContext` per page, which is all a macro sees.

Nothing shared is written while a page renders: the problems a page's macros find, the data they read
(for the preview) and the HTML they hold back from Markdown (slots) live on that page's context, and
the host collects them when the page is done.
"""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass, field
from typing import Any

import jinja2

from engagement_playbooks.domain.snapshot import Snapshot
from engagement_playbooks.readers.problems import Problem
from engagement_playbooks.rendering.links import Link, SiteLinks
from engagement_playbooks.rendering.render import Renderer
from engagement_playbooks.rendering.slots import Slots
from engagement_playbooks.validation.catalog import Catalog

log = logging.getLogger("mkdocs.plugins.playbooks")


class SiteRender:
    """What every page of one build renders from: read-only once made."""

    def __init__(self, snapshot: Snapshot, links: SiteLinks, renderer: Renderer | None = None) -> None:
        self.snapshot = snapshot
        self.links = links
        self.renderer = renderer or Renderer()

    def page(self, path: str) -> PageContext:
        """A fresh context for rendering the page at `path` (docs-relative; "" for a page that is not in docs/)."""
        return PageContext(self, path)


@dataclass
class PageContext:
    """One page being rendered: the macros take it first."""

    site: SiteRender
    path: str  # docs-relative, such as forums/plan-a-forum.md
    problems: list[Problem] = field(default_factory=list)
    reads: set[str] = field(default_factory=set)  # the data its macros read (domain/preview.py)
    slots: Slots = field(default_factory=Slots)  # macro HTML that goes into the page after Markdown (rendering/slots.py)
    in_macro: bool = False  # set while a macro runs: its template output becomes a slot

    @property
    def snapshot(self) -> Snapshot:
        return self.site.snapshot

    @property
    def catalog(self) -> Catalog:
        return self.site.snapshot.catalog

    def report(self, call: str, message: str) -> str:
        """Record a bad macro call on this page; the build fails at its end with all of them."""
        page = self.snapshot.pages[self.path]
        line = _template_line()
        problem = Problem(page.shown, line + page.front.body_start if line else None, call, message)
        self.problems.append(problem)
        log.error(str(problem))
        return ""

    def link(self, target: str) -> Link | None:
        return self.site.links.to(target, self.path)

    def resolve_link(self, target: str) -> str | None:
        """The address of a page linked from data text, from this page (None: staff-only, public edition)."""
        link = self.link(target)
        return link.url if link else None

    def site_file(self, path: str) -> str:
        """A build-written file's URL (such as contacts/partners.vcf), relative to this page."""
        return self.site.links.from_page(path, self.path)

    def render(self, template: str, **values: Any) -> str:
        """A template's HTML for this page: data links in it resolve from this page. Inside a macro it comes
        back as a slot token, and the host puts the HTML in after Markdown (no second parse)."""
        html = self.site.renderer.render(template, page_path=self.path, resolve_link=self.resolve_link, **values)
        return self.slots.hold(html) if self.in_macro else html


def _template_line() -> int | None:
    """The line of the page being rendered where the running macro was called (Jinja keeps a map from its
    compiled code back to the template's lines), so two calls that look alike are told apart."""
    frame = sys._getframe(1)
    while frame is not None:
        template = frame.f_globals.get("__jinja_template__")
        if isinstance(template, jinja2.Template):
            return template.get_corresponding_lineno(frame.f_lineno)
        frame = frame.f_back  # type: ignore[assignment]
    return None
