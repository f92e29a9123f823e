"""How fast Material's search shows results in Chromium, typing as a person does."""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from engagement_playbooks.browser import CHROMIUM_ARGS, chromium_executable
from engagement_playbooks.testing.server import serve

# Installed in the page before each query: the first keydown starts the clock, the first rendered
# result stops it, and a result linking to `expected` marks the answer as settled.
_ARM = """
(expected) => {
  const input = document.querySelector("input[data-md-component=search-query]");
  const list = document.querySelector(".md-search-result__list");
  const timing = { start: null, first: null, last: null, settled: null };
  window.__benchTiming = timing;
  input.addEventListener("keydown", () => {
    const now = performance.now();
    if (timing.start === null) timing.start = now;
    timing.last = now;
  });
  new MutationObserver(() => {
    const now = performance.now();
    if (timing.start === null || list.children.length === 0) return;
    if (timing.first === null) timing.first = now;
    if (timing.settled === null && list.querySelector(`a[href*="${expected}"]`)) timing.settled = now;
  }).observe(list, { childList: true, subtree: true });
}
"""


@dataclass(frozen=True)
class SearchTiming:
    runs: int
    first_results_ms: list[float]  # first keystroke -> first result rendered
    settled_ms: list[float]  # last keystroke -> the expected page among the results

    @property
    def median_first_ms(self) -> float:
        return statistics.median(self.first_results_ms)

    @property
    def median_settled_ms(self) -> float:
        return statistics.median(self.settled_ms)


def time_search(site: Path, query: str, expected: str, runs: int = 7) -> SearchTiming:
    """Warm search timings: one untimed query first (loads the index), then `runs` timed ones."""
    from playwright.sync_api import sync_playwright

    first: list[float] = []
    settled: list[float] = []
    with serve(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_executable(), args=CHROMIUM_ARGS, headless=True)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(url)
        search = page.locator("input[data-md-component=search-query]")
        for run in range(runs + 1):
            page.keyboard.press("/")
            search.fill("")
            page.keyboard.press("Backspace")  # Material reads the query on keyup: this clears the results
            page.wait_for_function("document.querySelector('.md-search-result__list').children.length === 0")
            page.evaluate(_ARM, expected)
            page.keyboard.type(query, delay=40)
            page.wait_for_function("window.__benchTiming.settled !== null", timeout=15_000)
            timing: dict[str, Any] = page.evaluate("window.__benchTiming")
            if run > 0:  # run 0 warms the worker and the index
                first.append(timing["first"] - timing["start"])
                settled.append(max(0.0, timing["settled"] - timing["last"]))
            page.keyboard.press("Escape")
        browser.close()
    return SearchTiming(runs, first, settled)
