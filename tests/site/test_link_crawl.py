"""A crawl of each built edition, as an outside link checker sees it: every link, stylesheet, script and
picture between the site's own files leads to a file that exists, and every #anchor to an id on that page."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup
from support import Build, build, copy_project

from engagement_playbooks.outputs import link_check

REFERENCES = (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("source", "src"))


@cache
def anchors(page: Path) -> frozenset[str]:
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    return frozenset(str(tag["id"]) for tag in soup.find_all(id=True)) | frozenset(
        str(a["name"]) for a in soup.find_all("a", attrs={"name": True})
    )


def broken_links(site: Path) -> list[str]:
    broken = []
    for page in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag, attribute in REFERENCES:
            for element in soup.find_all(tag):
                reference = str(element.get(attribute) or "")
                parts = urlsplit(reference)
                if not reference or parts.scheme or parts.netloc or parts.path.startswith("/"):
                    continue  # another site, mailto:/tel:/data:, or the 404 page's absolute links (tests/browser/test_accessibility.py)
                target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
                if target.is_dir():
                    target = target / "index.html"
                fragment = unquote(parts.fragment)
                if not target.is_file() or (fragment and target.suffix == ".html" and fragment not in anchors(target)):
                    broken.append(f"{page.relative_to(site).as_posix()} -> {reference}")
    return broken


@pytest.mark.parametrize("edition", ["public_site", "internal_site"])
def test_no_internal_link_is_broken(edition: str, request: pytest.FixtureRequest) -> None:
    built: Build = request.getfixturevalue(edition)
    assert broken_links(built.site) == []


@pytest.fixture
def planted(tmp_path: Path) -> Path:
    """Two pages, with a link to a missing page and one to a missing anchor."""
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text(
        '<a href="a/">ok</a> <a href="b/">gone</a> <a href="#top">no anchor</a> <p id="x"></p> <a href="#x">ok</a>'
    )
    (tmp_path / "a" / "index.html").write_text('<a href="../index.html#x">ok</a> <a href="..">ok</a>')
    return tmp_path


def test_the_crawl_finds_a_broken_link(planted: Path) -> None:
    assert broken_links(planted) == ["index.html -> b/", "index.html -> #top"]


def test_the_builds_own_check_agrees_with_the_crawl(planted: Path) -> None:
    assert link_check.broken_links(planted) == [
        "index.html links to b/: no such file in the site",
        "index.html links to #top: that page has no anchor #top",
    ]
    (planted / "a" / "b").mkdir()
    (planted / "a" / "b" / "index.html").write_text(
        '<a href="../gone.html">gone</a> <a href="../../a/#y">no anchor</a> <a href="../../../outside/">not this build\'s</a>'
    )
    assert link_check.broken_links(planted)[:2] == [  # in page order: a/b/ before index.html
        "a/b/index.html links to ../gone.html: no such file in the site",
        "a/b/index.html links to ../../a/#y: that page has no anchor #y",
    ]


def test_a_data_link_to_a_missing_anchor_fails_the_strict_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    checklist = project / "data" / "checklists" / "after-forum.yml"
    text = checklist.read_text(encoding="utf-8")
    assert "link: forums/publish-what-was-heard.md#steps" in text
    checklist.write_text(text.replace("publish-what-was-heard.md#steps", "publish-what-was-heard.md#no-such-part"), encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert not result.ok
    assert "forums/publish-what-was-heard/index.html links to ./#no-such-part: that page has no anchor #no-such-part" in result.output
