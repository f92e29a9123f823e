"""The site with the keyboard alone: skip link, search (shortcut and Tab), navigation and a checklist."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.browser

MAX_TABS = 80  # more Tab presses than this to reach something counts as unreachable


@pytest.fixture
def desk(browser: Any) -> Any:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def tab_to(page: Any, selector: str) -> int:
    """Press Tab until the focused element matches `selector`; how many presses it took."""
    for presses in range(1, MAX_TABS + 1):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return presses
    raise AssertionError(f"{selector} not reached with {MAX_TABS} Tab presses")


def test_skip_link_is_first_and_jumps_to_content(desk: Any, public_url: str) -> None:
    desk.goto(public_url + "forums/plan-a-forum/")
    assert tab_to(desk, "a.md-skip") == 1
    assert desk.locator("a.md-skip").is_visible()  # shown when focused
    target = desk.evaluate("new URL(document.activeElement.href).hash")  # instant navigation makes hrefs absolute
    assert target
    desk.keyboard.press("Enter")
    desk.wait_for_function("t => location.hash === t", arg=target)
    # Focus itself moves to the target, so a screen reader and the next Tab start there.
    assert desk.evaluate("t => document.activeElement === document.querySelector(t)", target)
    # The target heading is scrolled into view near the top (below the sticky header).
    desk.wait_for_function(
        "t => { const r = document.querySelector(t).getBoundingClientRect(); return r.top >= 0 && r.top < 200 }", arg=target
    )
    desk.wait_for_timeout(300)
    # The next Tab continues from the content, not from the header.
    desk.keyboard.press("Tab")
    focused = desk.evaluate("document.activeElement.outerHTML.slice(0, 120)")
    assert desk.evaluate("document.activeElement.closest('.md-content') !== null"), focused


def test_search_shortcut_then_arrows_and_enter(desk: Any, public_url: str) -> None:
    desk.goto(public_url)
    desk.keyboard.press("/")
    assert desk.evaluate("document.activeElement.matches('input.md-search__input')")
    desk.keyboard.type("interpreter", delay=20)
    desk.wait_for_selector(".md-search-result__item")
    desk.keyboard.press("ArrowDown")
    assert desk.evaluate("document.activeElement.matches('.md-search-result__link')")
    href = desk.evaluate("document.activeElement.href")
    desk.keyboard.press("Enter")
    desk.wait_for_url(href.split("#")[0] + "*")
    assert desk.locator("h1").first.is_visible()


def test_search_reached_with_tab(desk: Any, public_url: str) -> None:
    desk.goto(public_url)
    tab_to(desk, "input.md-search__input")
    desk.keyboard.type("food bank", delay=20)
    desk.wait_for_selector(".md-search-result__item")
    assert desk.locator(".md-search-result__item").count() > 0


def test_navigation_with_tab_and_enter(desk: Any, public_url: str) -> None:
    desk.goto(public_url + "forums/plan-a-forum/")
    tab_to(desk, ".md-sidebar--primary a.md-nav__link[href*='venue-access-and-interpreters']")
    desk.keyboard.press("Enter")
    desk.wait_for_url("**/forums/venue-access-and-interpreters/")
    assert "interpreters" in desk.locator("h1").first.inner_text().lower()


def test_checklist_item_checked_with_space(desk: Any, public_url: str) -> None:
    desk.goto(public_url + "onboarding/week-1/")
    tab_to(desk, "input.ep-checklist__box")
    box = desk.evaluate_handle("document.activeElement")
    assert box.evaluate("b => b.checked") is False
    desk.keyboard.press("Space")
    assert box.evaluate("b => b.checked") is True
    # Focus stays visible on the box, so a keyboard user sees where they are.
    outline = box.evaluate("b => getComputedStyle(b).outlineStyle + getComputedStyle(b.closest('li')).outlineStyle")
    assert outline != "nonenone" or box.evaluate("b => b.matches(':focus-visible')")
