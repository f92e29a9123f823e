"""Officers' words in Material's search: boosts and keywords on Material's index entries before it writes
them, and the pages pointed at the engine's search worker (hosts/mkdocs/search_worker.py), which loads Material's own.

Material's internals used here (tests/site/test_engine_contracts.py checks them): the search plugin's
`search_index.entries`, the list of dicts it serialises as the index's "docs" in its on_post_build.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from engagement_playbooks.domain.snapshot import Snapshot
from engagement_playbooks.hosts.mkdocs import other_plugins
from engagement_playbooks.hosts.mkdocs.search_worker import use_playbooks_worker, write_header
from engagement_playbooks.rendering.links import SiteLinks
from engagement_playbooks.search.expansions import term_map
from engagement_playbooks.search.index import KEYWORDS_BOOST, KEYWORDS_FIELD, SearchPage, enrich

__all__ = ["add_keywords_field", "enrich_entries", "use_playbooks_worker", "write_worker_header"]
NAME = "material/search"


def add_keywords_field(config: MkDocsConfig) -> None:
    """The hidden keywords field, through the search plugin's own `fields` option (read in its on_config)."""
    plugin = other_plugins.enabled(config, NAME)
    if plugin is not None:
        plugin.config["fields"] = {**(plugin.config.get("fields") or {}), KEYWORDS_FIELD: {"boost": KEYWORDS_BOOST}}


def enrich_entries(config: MkDocsConfig, site: Snapshot, links: SiteLinks) -> None:
    """Boosts and keywords on the entries Material is about to write (in memory: re-reading the written
    index cost more memory than any other step of the build)."""
    plugin = other_plugins.enabled(config, NAME)
    if plugin is None:
        return
    pages = [SearchPage(links.site_url(src), meta.is_play, list(meta.keywords)) for src, meta in site.metas.items() if site.shows(src)]
    enrich(plugin.search_index.entries, {page.url.removeprefix("./"): page for page in pages})


def write_worker_header(site_dir: Path, material_worker: str | None, site: Snapshot) -> None:
    synonyms = [(s.words, s.means) for s in site.catalog.synonyms]
    write_header(site_dir, material_worker, term_map(site.catalog.glossary.abbreviations().items(), synonyms))
