"""Enrich Material's search index entries (the "docs" of search_index.json): page weights and hidden keywords."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

# Field boosts: Material gives title 1000, text 1, tags 1e6. Keywords are hidden titles, a little below real ones.
KEYWORDS_FIELD = "keywords"
KEYWORDS_BOOST = 500.0

# Document boosts (lunr multiplies every field's score): plays first, reference and news pages after.
PLAY = 2.0
REFERENCE = 0.5
REFERENCE_PREFIXES = ("glossary/", "glossary.html", "tags/", "tags.html", "trainers/", "updates/")


@dataclass(frozen=True)
class SearchPage:
    url: str  # site-relative, as in the index's "location" before any "#"
    is_play: bool = False
    keywords: list[str] = field(default_factory=list)

    @property
    def boost(self) -> float:
        if self.url.startswith(REFERENCE_PREFIXES):
            return REFERENCE  # trainers' pages (the play template too) and the glossary explain; plays answer
        return PLAY if self.is_play else 1.0


def enrich(docs: list[dict[str, Any]], pages: Mapping[str, SearchPage]) -> None:
    """Boosts and keywords on the index entries of `pages`, in place. It never adds an entry."""
    for doc in docs:
        location = str(doc.get("location", ""))
        path, _, anchor = location.partition("#")
        page = pages.get(path) or pages.get(f"{path}/")  # blog posts and generated pages may be missing
        if page is None:
            continue
        if page.boost != 1.0:  # times front matter `search: boost:`, which Material copied to every entry
            doc["boost"] = round(float(doc.get("boost", 1.0)) * page.boost, 3)
        if not anchor and page.keywords:
            doc[KEYWORDS_FIELD] = list(page.keywords)
