"""Engagement Playbooks macros, loaded by mkdocs-macros (`module_name: macros`).

`define_env` checks every data file and page up front and registers the macros
authors call in pages. Bad macro calls are collected while pages render, and
the build fails at its end listing all of them.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from . import checklists, feed, glossary, partners, reference, reviews
from .problems import ProblemsError
from .search.build import write_index
from .search.expansions import term_map
from .search.index import SearchPage
from .site import Site

_site: Site | None = None

MACROS: dict[str, Callable[..., str]] = {
    "checklist": checklists.checklist,
    "onboarding_progress": checklists.onboarding_progress,
    "partner": partners.partner,
    "partner_table": partners.partner_table,
    "partner_directory": partners.partner_directory,
    "glossary": glossary.glossary,
    "data_reference": reference.data_reference,
    "review_status": reviews.review_status,
}


def define_env(env: Any) -> None:
    global _site
    conf = env.conf
    _site = Site.load(Path(conf["config_file_path"]), Path(conf["docs_dir"]), dict(conf["extra"]), conf["use_directory_urls"])
    env.variables["department"] = _site.catalog.department
    env.variables["edition"] = _site.edition
    env.variables["internal"] = _site.internal
    for name, function in MACROS.items():
        env.macro(partial(function, _site), name)


def on_pre_page_macros(env: Any) -> None:
    if _site is not None:
        _site.current_page = env.page.file.src_path
        # The theme's review line and overdue banner (overrides/partials/review.html) read `page.meta.review`.
        # Computed here, once per page and in Python, because Jinja cannot do calendar arithmetic.
        # `env.page` is a shallow copy of the page, so its `meta` dict is the page's own.
        review = reviews.review_of(_site, env.page.file.src_path)
        if review is not None:
            env.page.meta["review"] = review


def on_post_page_macros(env: Any) -> None:
    if _site is not None:
        env.markdown += glossary.abbreviations(_site)


def on_post_build(env: Any) -> None:
    if _site is not None and _site.problems:
        raise ProblemsError(_site.problems, "macro problem")
    if _site is not None:
        feed.write_feed(env.conf, _site.internal)
        _enrich_search(_site, Path(env.conf["site_dir"]))


def _enrich_search(site: Site, site_dir: Path) -> None:
    """Officers' words in the search index (macros/search/). Runs after Material writes it, before offline copies it."""
    pages = [
        SearchPage(site.links.site_url(src), meta.is_play, list(meta.keywords))
        for src, meta in site.metas.items()
        if site.internal or not site.pages[src].internal
    ]
    abbreviations = [(t.abbr, t.term) for t in site.catalog.glossary.terms if t.abbr]
    synonyms = [(s.words, s.means) for s in site.catalog.synonyms]
    write_index(site_dir, pages, term_map(abbreviations, synonyms))
