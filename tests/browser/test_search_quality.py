"""Search understands officers (issue 12): their words, abbreviations and typos find the right play.

Typed into Material's own search box in Chromium. The query set lives in bench/search_queries.py so the
benchmark reports the same hit rate.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest
from support import Build, build, copy_project

from bench.search_quality import measure, result_pages
from bench.search_queries import QUERIES, TOP
from engagement_playbooks.testing.server import serve

pytestmark = pytest.mark.browser

TARGET = 0.95


def open_search(page: Any, url: str) -> None:
    page.goto(url)
    page.keyboard.press("/")


def test_officer_queries_hit_rate(page: Any, public_url: str) -> None:
    quality = measure(page, public_url)
    misses = "\n".join(f"  {query!r} listed {found}" for query, found in quality.missed.items())
    assert len(QUERIES) >= 40
    assert quality.hit_rate >= TARGET, f"top-{TOP} hit rate {quality.hit_rate:.1%}; misses:\n{misses}"


def test_abbreviation_and_long_form_find_each_other(page: Any, public_url: str) -> None:
    open_search(page, public_url)
    # The play says "MOU" in its title; the glossary and trainers' pages spell it out. The play still comes first.
    assert result_pages(page, "memorandum of understanding")[0] == "partners/set-up-an-mou/"
    assert result_pages(page, "school resource officer")[:TOP].count("partners/set-up-an-mou/") == 1
    assert "everyday-contact/school-and-youth-contact/" in result_pages(page, "SRO")[:TOP]


def test_widened_word_is_not_listed_as_missing_and_matches_are_highlighted(page: Any, public_url: str) -> None:
    open_search(page, public_url)
    assert result_pages(page, "rehab")[0] == "partners/make-referrals/"  # the page never says "rehab"
    first = page.locator(".md-search-result__item").first
    assert first.locator("mark").count() > 0  # Material highlights what matched: recovery, treatment...
    assert page.locator(".md-search-result__terms del", has_text="rehab").count() == 0


def test_suggestions_still_complete_the_word_being_typed(page: Any, public_url: str) -> None:
    open_search(page, public_url)
    page.keyboard.type("interpr", delay=20)
    suggest = page.locator("[data-md-component=search-suggest]")
    page.wait_for_function("document.querySelector('[data-md-component=search-suggest]').textContent.length > 7")
    assert suggest.inner_text().lower().startswith("interpr")


def test_unknown_word_still_finds_nothing(page: Any, public_url: str) -> None:
    """Typo tolerance has limits: a word two letters away from everything finds nothing."""
    open_search(page, public_url)
    assert result_pages(page, "xylophonist") == []


@pytest.fixture(scope="module")
def subpath_url(public_site: Build, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("subpath")
    os.symlink(public_site.site, root / "engagement-playbooks")
    with serve(root) as url:
        yield url + "engagement-playbooks/"


def test_works_under_a_sub_path(page: Any, subpath_url: str) -> None:
    open_search(page, subpath_url + "forums/")
    assert result_pages(page, "interpeter")[0] == "forums/venue-access-and-interpreters/"


# A project copy with pages made to compare: the same made-up word in a title, a heading and body text.
PAGES = {
    "forums/zz-title.md": "---\ntitle: Zqxrank guide\n---\n\nA page for the ranking test.\n",
    "forums/zz-heading.md": "---\ntitle: Another test page\n---\n\nIntro text.\n\n## Zqxrank notes\n\nMore text.\n",
    "forums/zz-body.md": "---\ntitle: A third test page\n---\n\nThis page names zqxrank once in its text.\n",
}
SYNONYM = "  - words: [zqxslang]\n    means: [zqxrank]\n"


@pytest.fixture(scope="module")
def made_up_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = copy_project(tmp_path_factory.mktemp("search-project") / "project")
    docs = project / "docs"
    for path, text in PAGES.items():
        (docs / path).write_text(text)
    same = "\n\nZqxequal is the word that both pages use once.\n"
    for path in ("forums/plan-a-forum.md", "trainers/how-to-publish.md"):
        (docs / path).write_text((docs / path).read_text() + same)
    play = docs / "feedback" / "run-a-community-survey.md"
    play.write_text(play.read_text().replace("type: play\n", "type: play\nkeywords:\n  - zqxhidden\n", 1))
    synonyms = project / "data" / "synonyms.yml"
    synonyms.write_text(synonyms.read_text() + SYNONYM)
    result = build(project, tmp_path_factory.mktemp("search-site") / "site")
    assert result.ok, result.output
    assert "zqxhidden" not in (result.site / "feedback" / "run-a-community-survey" / "index.html").read_text()
    with serve(result.site) as url:
        yield url


def test_title_ranks_above_heading_above_body(page: Any, made_up_url: str) -> None:
    open_search(page, made_up_url)
    assert result_pages(page, "zqxrank")[:3] == ["forums/zz-title/", "forums/zz-heading/", "forums/zz-body/"]


def test_play_ranks_above_trainers_page_on_an_equal_match(page: Any, made_up_url: str) -> None:
    open_search(page, made_up_url)
    assert result_pages(page, "zqxequal") == ["forums/plan-a-forum/", "trainers/how-to-publish/"]


def test_keywords_find_a_page_without_showing_on_it(page: Any, made_up_url: str) -> None:
    open_search(page, made_up_url)
    assert result_pages(page, "zqxhidden") == ["feedback/run-a-community-survey/"]


def test_department_synonyms_come_from_the_data_file(page: Any, made_up_url: str) -> None:
    open_search(page, made_up_url)
    assert set(result_pages(page, "zqxslang")) == {"forums/zz-title/", "forums/zz-heading/", "forums/zz-body/"}


def test_public_index_names_no_internal_page(public_site: Build) -> None:
    index = (public_site.site / "search" / "search_index.json").read_text()
    assert '"location":"internal/' not in index
    assert "Escalation contacts" not in index and "After-hours partner lines" not in index
    assert '"keywords":{"boost":500.0}' in index and '"keywords":["' in index  # the enrichment reached this very file
