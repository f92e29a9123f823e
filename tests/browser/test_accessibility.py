"""WCAG 2.1 AA with axe-core in Chromium: every page type, light and dark palettes, phone and desktop widths.

Covered (PAGES x PALETTES x WIDTHS = 11 x 2 x 2 = 44 axe runs, each must have 0 violations of the tags
wcag2a, wcag2aa, wcag21a, wcag21aa):
  pages: home, a play, a checklist page, the partner directory, review status, updates, tags, glossary,
         data reference, the 404 page (a missing address), and the search dialog open with results;
  palettes: light (default) and dark (slate), set the way Material stores the reader's choice;
  widths: 360 px (phone) and 1280 px (desktop).
The site is served under its real base path (/engagement-playbooks/, from site_url), so the 404 page,
whose links are absolute, loads its styles as it does when published.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from support import ROOT, Build

from engagement_playbooks.testing.server import base_path, serve

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# (name, path under the base, what to do after loading)
PAGES = [
    ("home", "", None),
    ("play", "forums/plan-a-forum/", None),
    ("checklist", "onboarding/week-1/", None),
    ("directory", "directory/", None),
    ("review-status", "trainers/review-status/", None),
    ("updates", "updates/", None),
    ("tags", "tags/", None),
    ("glossary", "glossary/", None),
    ("data-reference", "trainers/data-reference/", None),
    ("404", "no-such-page/", None),
    ("search-open", "", "search"),
]
# Material keeps the reader's palette in localStorage under "<base path>.__palette" (partials/javascripts/base.html).
PALETTES = {"light": (1, "default"), "dark": (2, "slate")}
WIDTHS = {"phone": 360, "desktop": 1280}


@pytest.fixture(scope="module")
def site_url(public_site: Build, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The public site served at its real base path, e.g. http://127.0.0.1:PORT/engagement-playbooks/."""
    base = base_path(ROOT / "mkdocs.yml")
    root = tmp_path_factory.mktemp("served")
    mount = root / base.strip("/") if base.strip("/") else root
    if mount != root:
        mount.parent.mkdir(parents=True, exist_ok=True)
        mount.symlink_to(public_site.site, target_is_directory=True)
    else:
        root = public_site.site
    with serve(root, not_found=public_site.site / "404.html") as url:
        yield url + base.lstrip("/")


def open_page(browser: Any, url: str, palette: str, width: int) -> Any:
    index, scheme = PALETTES[palette]
    context = browser.new_context(viewport={"width": width, "height": 800})
    stored = json.dumps({"index": index, "color": {"media": "", "scheme": scheme, "primary": "indigo", "accent": "indigo"}})
    key = json.dumps(f"{base_path(ROOT / 'mkdocs.yml')}.__palette")
    context.add_init_script(f"localStorage.setItem({key}, {json.dumps(stored)})")
    page = context.new_page()
    page.goto(url)
    return page


def open_search(page: Any) -> None:
    """Open the search dialog as a reader would (the header's search button on a phone, `/` on a desktop) and search."""
    button = page.locator("label.md-header__button[for='__search']")
    if button.is_visible():
        button.click()
    else:
        page.keyboard.press("/")
    page.keyboard.type("forum", delay=20)
    page.wait_for_selector(".md-search-result__item")
    assert page.locator("#__search").is_checked() or page.evaluate("document.activeElement.matches('.md-search__input')")


def axe_violations(page: Any, options: dict[str, Any]) -> list[dict[str, Any]]:
    from axe_playwright_python.sync_playwright import Axe

    result = Axe().run(page, options={**options, "resultTypes": ["violations"]})
    return list(result.response["violations"])


def describe(violations: list[dict[str, Any]]) -> str:
    return "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']}\n    "
        + "\n    ".join(f"{n['target']}: {n['failureSummary'][:200]}" for n in v["nodes"][:5])
        for v in violations
    )


@pytest.mark.parametrize("width", list(WIDTHS), ids=list(WIDTHS))
@pytest.mark.parametrize("palette", list(PALETTES), ids=list(PALETTES))
@pytest.mark.parametrize(("name", "path", "action"), PAGES, ids=[name for name, _, _ in PAGES])
def test_no_wcag_violations(browser: Any, site_url: str, name: str, path: str, action: str | None, palette: str, width: str) -> None:
    page = open_page(browser, site_url + path, palette, WIDTHS[width])
    try:
        # The state under test is really there: the palette applied, the styles loaded, the page found.
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == PALETTES[palette][1]
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
        if name == "404":
            assert page.locator("h1").first.inner_text().startswith("404")
        else:
            assert page.title() and "404" not in page.title()
        if action == "search":
            open_search(page)
        violations = axe_violations(page, {"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        assert not violations, f"{name} ({palette}, {width}):\n{describe(violations)}"
    finally:
        page.context.close()


# Rules Material is known to fail by default, checked by name too (aria-dialog-name is a best-practice
# rule, outside the WCAG tags): the search dialog's name and focusable, named scroll boxes of wide tables.
NAMED_RULES = ["aria-dialog-name", "scrollable-region-focusable", "aria-progressbar-name", "color-contrast", "link-in-text-block"]


@pytest.mark.parametrize(("name", "path"), [("search-open", ""), ("data-reference", "trainers/data-reference/")])
def test_known_material_problems_fixed(browser: Any, site_url: str, name: str, path: str) -> None:
    page = open_page(browser, site_url + path, "dark", 360)
    try:
        if name == "search-open":
            open_search(page)
            assert page.locator(".md-search").get_attribute("aria-label")
        else:
            assert page.locator(".md-typeset__scrollwrap[tabindex='0'][aria-label]").count() > 0
        violations = axe_violations(page, {"runOnly": {"type": "rule", "values": NAMED_RULES}})
        assert not violations, describe(violations)
    finally:
        page.context.close()


def test_axe_finds_a_planted_problem(browser: Any, site_url: str) -> None:
    """The checks above can fail: an image without alt text on a real page is reported."""
    page = open_page(browser, site_url, "light", 1280)
    try:
        page.evaluate("document.querySelector('article').insertAdjacentHTML('beforeend', '<img src=\"x.png\">')")
        violations = axe_violations(page, {"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        assert "image-alt" in {v["id"] for v in violations}
    finally:
        page.context.close()


def test_tags_page_lists_tags(public_site: Build) -> None:
    """docs/tags.md holds Material's tags listing: the built page lists the plays' tags."""
    html = (public_site.site / "tags" / "index.html").read_text(encoding="utf-8")
    assert "Forums" in html and "plan-a-forum" in html
