"""Top-3 hit rate of officer-style queries (bench/search_queries.py), typed into Material's search box in Chromium."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.search_queries import QUERIES, TOP
from engagement_playbooks.search.index import KEYWORDS_FIELD

# Results of the last keystroke: Material renders them in one go, so wait until the list stops changing.
_SETTLE_MS = 250


@dataclass
class Quality:
    answered: list[str] = field(default_factory=list)
    missed: dict[str, list[str]] = field(default_factory=dict)  # query -> the pages it listed first

    @property
    def hit_rate(self) -> float:
        total = len(self.answered) + len(self.missed)
        return len(self.answered) / total if total else 0.0


def result_pages(page: Any, query: str) -> list[str]:
    """Type `query` into the open search box; the site-relative URLs of the pages listed, best first."""
    box = page.locator("input[data-md-component=search-query]")
    box.fill("")
    page.keyboard.press("Backspace")  # Material reads the query on keyup: this clears the results
    page.wait_for_function("document.querySelector('.md-search-result__list').children.length === 0")
    page.keyboard.type(query, delay=15)
    try:
        page.wait_for_selector(".md-search-result__item", timeout=3_000)
    except Exception:  # Playwright's TimeoutError: nothing found
        return []
    previous: list[str] = []
    while True:  # settled when two reads a moment apart agree
        page.wait_for_timeout(_SETTLE_MS)
        links: list[str] = page.eval_on_selector_all(
            ".md-search-result__item > .md-search-result__link", "links => links.map(a => new URL(a.href).pathname)"
        )
        if links == previous:
            break
        previous = links
    base = page.evaluate("new URL(document.querySelector('#__config') ? JSON.parse(__config.textContent).base : '.', location).pathname")
    pages: list[str] = []
    for link in links:
        path = link[len(base) :] if link.startswith(base) else link.lstrip("/")
        path = path.removesuffix("index.html")
        if path not in pages:
            pages.append(path)
    return pages


def measure(page: Any, url: str, queries: list[tuple[str, tuple[str, ...]]] = QUERIES) -> Quality:
    """Every query on one open page (search kept open): which ones list a right page among the first TOP."""
    page.goto(url)
    page.keyboard.press("/")
    quality = Quality()
    for query, expected in queries:
        found = result_pages(page, query)
        if any(p.startswith(e) or p == e.rstrip("/") + ".html" for p in found[:TOP] for e in expected):
            quality.answered.append(query)
        else:
            quality.missed[query] = found[:TOP]
    return quality


def measure_site(site: Any) -> Quality:
    from playwright.sync_api import sync_playwright

    from engagement_playbooks.browser import CHROMIUM_ARGS, chromium_executable
    from engagement_playbooks.testing.server import serve

    with serve(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_executable(), args=CHROMIUM_ARGS, headless=True)
        try:
            return measure(browser.new_page(viewport={"width": 1280, "height": 900}), url)
        finally:
            browser.close()


if __name__ == "__main__":
    import sys

    result = measure_site(Path(sys.argv[1] if len(sys.argv) > 1 else "site"))
    print(f"top-{TOP} hit rate: {result.hit_rate:.1%} ({len(result.answered)}/{len(result.answered) + len(result.missed)})")
    for query, found in result.missed.items():
        print(f"  miss: {query!r} -> {found}")


def material_index_bytes(path: Path) -> int:
    """About the size search_index.json would have without the engine's boosts and keywords (same pages).

    Every boost is dropped, front matter ones too (a few dozen bytes), so the ratio to it errs on the high side.
    """
    index = json.loads(path.read_text(encoding="utf-8"))
    config = index.get("config", {})
    config.get("fields", {}).pop(KEYWORDS_FIELD, None)
    for doc in index.get("docs", []):
        doc.pop(KEYWORDS_FIELD, None)
        doc.pop("boost", None)
    return len(json.dumps(index, separators=(",", ":"), default=str).encode("utf-8"))  # as Material's json.dumps
