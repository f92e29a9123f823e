"""The shipped site builds strictly into real pages; broken input fails the build and publishes nothing."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup
from support import ROOT, Build, build, copy_project, output_files, site_url

EDIT_BASE = "https://github.com/riverton-pd/engagement-playbooks/edit/main/docs/"


def public_pages() -> list[str]:
    pages = []
    for path in sorted((ROOT / "docs").rglob("*.md")):
        text = path.read_text()
        if re.search(r"^audience: internal$", text, re.MULTILINE):
            continue
        pages.append(path.relative_to(ROOT / "docs").as_posix())
    return pages


def html_of(site: Path, page: str) -> Path:
    return site / site_url(page) / "index.html"


def test_every_public_page_is_built(public_site: Build) -> None:
    missing = [page for page in public_pages() if not page.startswith("updates/") and not html_of(public_site.site, page).exists()]
    assert missing == []


def test_navigation_lists_the_sections(public_site: Build) -> None:
    soup = BeautifulSoup((public_site.site / "index.html").read_text(), "html.parser")
    nav = " ".join(a.get_text(" ", strip=True) for a in soup.select("nav.md-nav--primary a, nav.md-nav--primary label"))
    for section in (
        "Trust-building in everyday contact",
        "Community forums and listening sessions",
        "Partner collaboration",
        "Feedback and measuring trust",
    ):
        assert section in nav


def test_search_index_has_entries_for_plays(public_site: Build) -> None:
    index = json.loads((public_site.site / "search" / "search_index.json").read_text())
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert "forums/plan-a-forum/" in locations
    assert len(index["docs"]) > 100


def test_play_has_last_updated_and_edit_link(public_site: Build) -> None:
    soup = BeautifulSoup((public_site.site / "forums" / "plan-a-forum" / "index.html").read_text(), "html.parser")
    assert soup.select_one(".md-source-file__fact") is not None, "last updated from git"
    assert soup.select_one(f"a[href='{EDIT_BASE}forums/plan-a-forum.md']") is not None


def test_no_third_party_requests_from_any_page(public_site: Build) -> None:
    """Only plain <a> links may point off-site: nothing the browser loads by itself goes to another host."""
    own_host = urlsplit(yaml.safe_load((ROOT / "mkdocs.yml").read_text().split("\ntheme:")[0])["site_url"]).netloc
    offenders = []
    pages = [p for p in output_files(public_site.site) if p.suffix == ".html"]
    assert len(pages) > 30
    for path in pages:
        soup = BeautifulSoup(path.read_text(), "html.parser")
        for tag in soup.find_all(["script", "link", "img", "iframe", "source", "audio", "video", "embed", "object"]):
            for attribute in ("src", "href", "srcset", "data"):
                value = tag.get(attribute)
                if value and urlsplit(value).netloc not in ("", own_host):
                    offenders.append(f"{path.relative_to(public_site.site)}: <{tag.name} {attribute}={value}>")
    assert offenders == []


def test_abbreviations_show_their_meaning(public_site: Build) -> None:
    html = (public_site.site / "onboarding" / "week-1" / "index.html").read_text()
    assert '<abbr title="Field training officer">FTO</abbr>' in html


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def test_broken_link_fails_naming_page_and_link(project: Path, tmp_path: Path) -> None:
    page = project / "docs" / "forums" / "index.md"
    page.write_text(page.read_text() + "\n\nSee [the old guide](old-guide.md).\n")
    result = build(project, tmp_path / "site")
    assert not result.ok
    assert "Doc file 'forums/index.md' contains a link 'old-guide.md', but the target 'forums/old-guide.md' is not found" in result.output


def test_broken_anchor_fails(project: Path, tmp_path: Path) -> None:
    page = project / "docs" / "forums" / "index.md"
    page.write_text(page.read_text() + "\n\nSee [steps](plan-a-forum.md#no-such-heading).\n")
    result = build(project, tmp_path / "site")
    assert not result.ok
    assert "no-such-heading" in result.output and "forums/index.md" in result.output


def test_jinja_syntax_errors_of_all_pages_are_reported_and_nothing_is_published(project: Path, tmp_path: Path) -> None:
    for page in ("forums/index.md", "feedback/index.md"):
        path = project / "docs" / page
        path.write_text(path.read_text() + "\n\n{{ checklist('x' }}\n")
    result = build(project, tmp_path / "site")
    assert not result.ok
    assert re.search(r"docs/forums/index\.md:\d+ Jinja syntax error", result.output)
    assert re.search(r"docs/feedback/index\.md:\d+ Jinja syntax error", result.output)
    assert not (tmp_path / "site").exists()


def test_undefined_variable_fails_and_is_not_published(project: Path, tmp_path: Path) -> None:
    path = project / "docs" / "forums" / "index.md"
    path.write_text(path.read_text() + "\n\nCall {{ departmnet.name }} now.\n")
    result = build(project, tmp_path / "site")
    assert not result.ok
    assert "departmnet" in result.output
    published = [p for p in output_files(tmp_path / "site")] if (tmp_path / "site").exists() else []
    assert not any("departmnet" in p.read_text(errors="ignore") or "Traceback" in p.read_text(errors="ignore") for p in published)


def test_unknown_checklist_fails_the_build_naming_page_and_line(project: Path, tmp_path: Path) -> None:
    path = project / "docs" / "forums" / "index.md"
    lines = path.read_text().splitlines()
    path.write_text("\n".join([*lines, "", '{{ checklist("forum-plannin") }}', ""]))
    result = build(project, tmp_path / "site")
    assert not result.ok
    assert (
        f"docs/forums/index.md:{len(lines) + 2} checklist('forum-plannin'): unknown checklist id 'forum-plannin'; did you mean 'forum-planning'"
        in result.output
    )


def test_checkout_without_history_builds_with_a_note(project: Path, tmp_path: Path) -> None:
    result = build(project, tmp_path / "site")
    assert result.ok, result.output
    assert "'Last updated' dates are left out: this folder is not a git clone" in result.output
    assert (tmp_path / "site" / "index.html").exists()


def test_no_data_file_is_published(public_site: Build) -> None:
    """Data stays in data/; the navigation files under docs/ (.nav.yml) are dotfiles MkDocs does not copy. The one
    YAML file is the editor's generated config (admin/config.yml: forms and ids, no data; tests/site/test_editor_build.py)."""
    published = [p.relative_to(public_site.site).as_posix() for p in output_files(public_site.site) if p.suffix in {".yml", ".yaml"}]
    assert published == ["admin/config.yml"]


def test_recent_changes_link_blog_posts_at_their_address(public_site: Build) -> None:
    """Links between pages take the host's own page URLs: a blog post is linked where the blog put it, not at its source path."""
    page = public_site.site / "recent-changes" / "index.html"
    links = [a["href"] for a in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select("article a[href], main a[href]")]
    relative = [href for href in links if not urlsplit(href).scheme and not href.startswith(("#", "/"))]
    assert any("updates/" in href for href in relative), "no change of a blog post is listed"
    broken = [
        href
        for href in relative
        if not (page.parent / urlsplit(href).path / "index.html").resolve().is_file()
        and not (page.parent / urlsplit(href).path).resolve().is_file()
    ]
    assert broken == []
