"""Officers' words in Material's search: the index enriched after Material writes it, and the pages pointed
at the engine's search worker (search/worker.py), which loads Material's own."""

from __future__ import annotations

from pathlib import Path

from engagement_playbooks.search.build import write_index
from engagement_playbooks.search.expansions import term_map
from engagement_playbooks.search.index import SearchPage
from engagement_playbooks.search.worker import name_material_worker, use_playbooks_worker
from engagement_playbooks.site import Site

__all__ = ["enrich_index", "name_material_worker", "use_playbooks_worker"]


def enrich_index(site: Site, site_dir: Path) -> None:
    pages = [
        SearchPage(site.links.site_url(src), meta.is_play, list(meta.keywords))
        for src, meta in site.metas.items()
        if site.internal or not site.pages[src].internal
    ]
    abbreviations = [(t.abbr, t.term) for t in site.catalog.glossary.terms if t.abbr]
    synonyms = [(s.words, s.means) for s in site.catalog.synonyms]
    write_index(site_dir, pages, term_map(abbreviations, synonyms))
