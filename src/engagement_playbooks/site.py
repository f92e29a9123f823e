"""Everything one build knows: the edition, the pages, the checked data, and the macro problems found so far."""

from __future__ import annotations

import datetime as dt
import functools
import logging
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from engagement_playbooks.data import history
from engagement_playbooks.data.catalog import Catalog, load_catalog
from engagement_playbooks.data.pages import PageInfo, scan_pages, validate_pages
from engagement_playbooks.models.page import PageMeta
from engagement_playbooks.rendering.links import Link, SiteLinks
from engagement_playbooks.rendering.render import Renderer
from engagement_playbooks.rendering.slots import Slots
from engagement_playbooks.validation.problems import Problem, ProblemsError

log = logging.getLogger("mkdocs.plugins.playbooks")

# Pages use `{#id}` (attr_list heading ids), which Jinja's default comment marker `{#` would swallow.
# The engine sets these markers for mkdocs-macros too (plugin/macros_config.py), so both agree.
COMMENT_START, COMMENT_END = "{##", "##}"


def today() -> dt.date:
    """The build's idea of today. PLAYBOOKS_TODAY=YYYY-MM-DD pins it (tests, reproducible builds)."""
    pinned = os.environ.get("PLAYBOOKS_TODAY")
    return dt.date.fromisoformat(pinned) if pinned else dt.date.today()


def jinja_environment(**options: Any) -> jinja2.Environment:
    """A Jinja environment that reads pages as mkdocs-macros does under the engine's settings."""
    return jinja2.Environment(comment_start_string=COMMENT_START, comment_end_string=COMMENT_END, **options)


@dataclass
class Site:
    root: Path
    docs_dir: Path
    edition: str
    today: dt.date
    pages: dict[str, PageInfo]
    metas: dict[str, PageMeta]  # checked front matter of every page
    catalog: Catalog  # already filtered for the edition
    links: SiteLinks
    internal_details: frozenset[str]  # internal contacts' phones and emails (for the public edition's leak guard)
    data_dir: Path
    current_page: str = ""
    problems: list[Problem] = field(default_factory=list)
    renderer: Renderer = field(default_factory=Renderer)
    reads: dict[str, set[str]] = field(default_factory=dict)  # page -> the data its macros read (preview.py)
    slots: Slots = field(default_factory=Slots)  # macro HTML that goes into pages after Markdown (rendering/slots.py)
    in_macro: bool = False  # set by the macros' adapter while a macro runs: its template output becomes a slot

    @property
    def internal(self) -> bool:
        return self.edition == "internal"

    @classmethod
    def load(
        cls, root: Path, docs_dir: Path, edition: str, use_directory_urls: bool, data_dir: str = "data", previous: Site | None = None
    ) -> Site:
        """Check all data and every page's Jinja syntax; raise once with every problem found.

        `previous` (the preview's last build, which loaded without a problem) lends its unchanged pages:
        they are neither parsed nor checked for Jinja syntax again."""
        now = today()
        known = previous.pages if previous is not None else {}
        pages, problems = scan_pages(docs_dir, root, known)
        catalog, found = load_catalog(root, root / data_dir, frozenset(pages), now)
        problems += found
        metas: dict[str, PageMeta] = {}
        if catalog is not None:
            metas, found = validate_pages(pages, catalog.context)
            problems += found
        problems += jinja_syntax_problems({path: info for path, info in pages.items() if known.get(path) is not info})
        if problems or catalog is None:
            raise ProblemsError(problems)
        internal = edition == "internal"
        links = SiteLinks(pages, use_directory_urls, internal)
        return cls(
            root, docs_dir, edition, now, pages, metas, catalog.for_edition(internal), links, catalog.internal_details(), root / data_dir
        )

    def report(self, call: str, message: str) -> str:
        """Record a bad macro call on the current page; the build fails at its end with all of them."""
        page = self.pages[self.current_page]
        line = _template_line()
        problem = Problem(page.shown, line + page.front.body_start if line else None, call, message)
        self.problems.append(problem)
        log.error(str(problem))
        return ""

    @functools.cached_property
    def git_log(self) -> history.GitLog | None:
        """The build's one walk of the git history (docs/ and data/): dates and change lists share it."""
        return history.walk(self.docs_dir, self.data_dir)

    @functools.cached_property
    def changes(self) -> list[history.Change]:
        """What this edition may show of the history (empty without a full history)."""
        walked = self.git_log
        if walked is None or walked.shallow:
            why = "this is a shallow clone" if walked is not None else "there is no git history"
            log.info(f"Recent changes are left out: {why}. Clone with full history to show them.")
            return []

        def visible(path: str) -> bool:
            info = self.pages.get(path)
            return info is not None and (self.internal or not info.internal)

        return history.changes(walked, self.docs_dir, visible, public=not self.internal)

    def link(self, target: str) -> Link | None:
        return self.links.to(target, self.current_page)

    def resolve_link(self, target: str) -> str | None:
        """The address of a page linked from data text, from the current page (None: staff-only, public edition)."""
        link = self.link(target)
        return link.url if link else None

    def render(self, template: str, **values: Any) -> str:
        """A template's HTML for the current page: data links in it resolve from this page. Inside a macro it
        comes back as a slot token, and the plugin puts the HTML in after Markdown (no second parse)."""
        html = self.renderer.render(template, page_path=self.current_page, resolve_link=self.resolve_link, **values)
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


def jinja_syntax_problems(pages: dict[str, PageInfo]) -> list[Problem]:
    """Jinja syntax errors of every page at once (the macros plugin would stop at the first)."""
    checker = jinja_environment()
    problems = []
    for info in pages.values():
        if info.meta.get("render_macros") is False:
            continue
        body = info.front.body
        if not re.search(r"\{[{%]|\{##", body):
            continue
        try:
            checker.parse(body)
        except jinja2.TemplateSyntaxError as error:
            line = error.lineno + info.front.body_start if error.lineno else None
            hint = ""
            if "comment" in str(error.message):
                # Jinja notices at the end of the page; the comment that never closes starts at the last opening mark.
                opened = body.rfind(COMMENT_START)
                line = body.count("\n", 0, opened) + 1 + info.front.body_start
                hint = f" ({COMMENT_START} starts a comment here; write it as {{{{ '{COMMENT_START}' }}}} to show it)"
            problems.append(Problem(info.shown, line, "", f"Jinja syntax error: {error.message}{hint}"))
    return problems
