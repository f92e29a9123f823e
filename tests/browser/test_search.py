"""Search finds what officers type: real queries typed into Material's search box in Chromium.

Each query is one an officer would type (a partner's name, a checklist item, an abbreviation, a hyphenated
or numeric term), with the page that answers it; that page must be among the first results.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

TOP = 5  # the results a person reads without scrolling on a phone

# (query, the page that answers it: a site-relative URL prefix)
QUERIES = [
    ("crisis line", "directory/"),  # partner: Riverton 24-Hour Crisis Line
    ("food bank", "directory/"),  # partner: Riverton Community Food Bank
    ("harbor house", "directory/"),  # partner: Harbor House Family Shelter
    ("SARA", "partners/solve-problems-with-sara/"),
    ("FTO", "onboarding/week-1/"),
    ("MOU school", "partners/set-up-an-mou/"),
    ("interpreter", "forums/venue-access-and-interpreters/"),
    ("angry resident", "forums/handle-anger-and-hard-questions/"),
    ("co-responder", "partners/work-with-a-co-responder/"),
    ("responder", "partners/work-with-a-co-responder/"),
    ("21st century", "everyday-contact/procedural-justice-in-stops/"),  # cites the 21st Century Policing report
    ("911", "everyday-contact/informal-conversations/"),
    ("week 1", "onboarding/week-1/"),
    ("swap phone numbers", "onboarding/week-1/"),  # checklist item text
    ("glossary", "glossary/"),
]


def search(page: object, base: str, query: str) -> list[str]:
    """Type `query` into the search box as a person does; the site-relative URLs of the pages found, best first."""
    page.goto(base)  # type: ignore[attr-defined]
    page.keyboard.press("/")  # type: ignore[attr-defined]
    page.keyboard.type(query, delay=20)  # type: ignore[attr-defined]
    page.wait_for_selector(".md-search-result__item", timeout=10_000)  # type: ignore[attr-defined]
    page.wait_for_timeout(300)  # type: ignore[attr-defined]  # the last keystroke's results replace the earlier ones
    links: list[str] = page.eval_on_selector_all(  # type: ignore[attr-defined]
        ".md-search-result__item > .md-search-result__link",
        "links => links.map(a => new URL(a.href).pathname + new URL(a.href).hash)",
    )
    pages: list[str] = []  # one entry per page: a page's section links follow its own
    for link in links:
        path = link.lstrip("/").split("#", 1)[0]
        if path not in pages:
            pages.append(path)
    return pages


@pytest.mark.parametrize(("query", "expected"), QUERIES, ids=[q for q, _ in QUERIES])
def test_query_finds_page(page: object, public_url: str, query: str, expected: str) -> None:
    results = search(page, public_url, query)
    assert any(result.startswith(expected) for result in results[:TOP]), f"{query!r}: {expected} not in the first {TOP}: {results[:TOP]}"


def test_unknown_word_finds_nothing(page: object, public_url: str) -> None:
    """The check above can fail: a word that is nowhere on the site gives no result."""
    page.goto(public_url)  # type: ignore[attr-defined]
    page.keyboard.press("/")  # type: ignore[attr-defined]
    page.keyboard.type("xylophonist", delay=20)  # type: ignore[attr-defined]
    page.wait_for_timeout(800)  # type: ignore[attr-defined]
    assert page.locator(".md-search-result__item").count() == 0  # type: ignore[attr-defined]
