"""Everything one build knows: the edition, the pages, the checked data, and the macro problems found so far."""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from .catalog import Catalog, load_catalog
from .links import SiteLinks
from .models.page import PageMeta
from .pages import PageInfo, scan_pages, validate_pages
from .problems import Problem, ProblemsError

log = logging.getLogger("mkdocs.plugins.playbooks")

EDITIONS = ("public", "internal")


def today() -> dt.date:
    """The build's idea of today. PLAYBOOKS_TODAY=YYYY-MM-DD pins it (tests, reproducible builds)."""
    pinned = os.environ.get("PLAYBOOKS_TODAY")
    return dt.date.fromisoformat(pinned) if pinned else dt.date.today()


def edition_of(extra: dict[str, Any]) -> str:
    edition = extra.get("edition", "public")
    if edition not in EDITIONS:
        raise ProblemsError([Problem("mkdocs.yml", None, "extra.edition", f"got {edition!r}; expected one of: {', '.join(EDITIONS)}")])
    return str(edition)


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
    current_page: str = ""
    problems: list[Problem] = field(default_factory=list)

    @property
    def internal(self) -> bool:
        return self.edition == "internal"

    @classmethod
    def load(cls, config_file: Path, docs_dir: Path, extra: dict[str, Any], use_directory_urls: bool) -> Site:
        """Check all data and every page's Jinja syntax; raise once with every problem found."""
        root = config_file.parent
        edition = edition_of(extra)
        now = today()
        pages, problems = scan_pages(docs_dir, root)
        catalog, found = load_catalog(root, frozenset(pages), now)
        problems += found
        metas: dict[str, PageMeta] = {}
        if catalog is not None:
            metas, found = validate_pages(pages, catalog.context)
            problems += found
        problems += jinja_syntax_problems(pages)
        if problems or catalog is None:
            raise ProblemsError(problems)
        internal = edition == "internal"
        links = SiteLinks(pages, use_directory_urls, internal)
        return cls(root, docs_dir, edition, now, pages, metas, catalog.for_edition(internal), links)

    def report(self, call: str, needle: str, message: str) -> str:
        """Record a bad macro call on the current page; the build fails at its end with all of them."""
        problem = Problem(self.pages[self.current_page].shown, self._line_of(needle), call, message)
        self.problems.append(problem)
        log.error(str(problem))
        return ""

    def _line_of(self, needle: str) -> int | None:
        page = self.pages.get(self.current_page)
        for number, line in enumerate(page.text.splitlines() if page else [], start=1):
            if needle in line:
                return number
        return None

    def link(self, target: str) -> Any:
        return self.links.to(target, self.current_page)


_syntax_checker = jinja2.Environment()


def jinja_syntax_problems(pages: dict[str, PageInfo]) -> list[Problem]:
    """Jinja syntax errors of every page at once (the macros plugin would stop at the first)."""
    problems = []
    for info in pages.values():
        if info.meta.get("render_macros") is False:
            continue
        if not re.search(r"\{[{%#]", info.text):
            continue
        try:
            _syntax_checker.parse(info.text)
        except jinja2.TemplateSyntaxError as error:
            problems.append(Problem(info.shown, error.lineno, "", f"Jinja syntax error: {error.message}"))
    return problems
