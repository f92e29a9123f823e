"""Rewrite the built site's search index in place (before the offline edition copies it into a script)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path

from engagement_playbooks.search.index import SearchPage, enrich

INDEX = Path("search") / "search_index.json"


def write_index(site_dir: Path, pages: Iterable[SearchPage], expansions: Mapping[str, list[str]]) -> bool:
    """Enrich site_dir's search index; False when the build wrote none (search switched off)."""
    path = site_dir / INDEX
    if not path.is_file():
        return False
    index = json.loads(path.read_text(encoding="utf-8"))
    by_url = {page.url.removeprefix("./"): page for page in pages}
    enriched = enrich(index, by_url, expansions)
    # Compact, like Material's own: size matters to officers on weak signal.
    path.write_text(json.dumps(enriched, separators=(",", ":"), ensure_ascii=False), encoding="utf-8")
    return True
