"""The offline edition (PLAYBOOKS_OFFLINE=true + `playbooks offline`): a zip that works unzipped and opened
from disk, search included, loading nothing from outside its own folder."""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from support import ROOT, build, copy_project

from engagement_playbooks.cli.offline import pack
from engagement_playbooks.hosts.mkdocs.editor import is_editor_file

TODAY = "2026-11-15"
NAME = "engagement-playbooks-offline"
# Attributes and CSS that make a browser load something (links to other websites are fine: a reader clicks them).
LOADS = re.compile(
    r"""<(?:script|img|iframe|audio|video|source|embed)\b[^>]*?\b(?:src|srcset)=["']?((?:https?:)?//[^"'\s>]+)"""
    r"""|<link\b(?=[^>]*\brel=["']?(?:stylesheet|preload|prefetch|preconnect|dns-prefetch|icon|manifest|modulepreload))[^>]*?\bhref=["']?((?:https?:)?//[^"'\s>]+)"""
    r"""|url\(\s*["']?((?:https?:)?//[^"')\s]+)|@import\s+["']((?:https?:)?//[^"']+)""",
    re.IGNORECASE,
)


@dataclass
class Offline:
    zip: Path
    folder: Path  # the unzipped top folder


@pytest.fixture(scope="module")
def offline(tmp_path_factory: pytest.TempPathFactory) -> Offline:
    work = tmp_path_factory.mktemp("offline")
    result = build(ROOT, work / "site", today=TODAY, offline=True)
    assert result.ok, result.output
    archive = work / "dist" / f"{NAME}.zip"
    pack(result.site, archive)
    with zipfile.ZipFile(archive) as opened:
        opened.extractall(work / "unzipped")
    return Offline(archive, work / "unzipped" / NAME)


def test_zip_holds_one_folder_with_the_site_and_no_internal_page(offline: Offline) -> None:
    with zipfile.ZipFile(offline.zip) as opened:
        names = opened.namelist()
    assert {name.split("/")[0] for name in names} == {NAME}
    for needed in (
        "OPEN-ME.txt",
        "index.html",
        "search/search_index.js",
        "print_page.html",
        "assets/playbooks/vendor/iframe-worker/shim.js",
    ):
        assert f"{NAME}/{needed}" in names, needed
    assert not [name for name in names if name.startswith(f"{NAME}/internal/")]
    assert not [name for name in names if is_editor_file(name.removeprefix(f"{NAME}/"))]  # no one edits from a zip
    # Pages are files, not folders: file:// has no index.html fallback.
    assert f"{NAME}/glossary.html" in names and f"{NAME}/glossary/index.html" not in names


def test_no_file_loads_anything_from_outside(offline: Offline) -> None:
    loads = []
    for path in sorted(offline.folder.rglob("*")):
        if path.suffix not in {".html", ".css", ".js", ".json", ".xml"} or path.name.endswith(".map"):
            continue
        text = path.read_text(encoding="utf-8", errors="ignore")
        loads += [f"{path.relative_to(offline.folder)}: {next(g for g in m.groups() if g)}" for m in LOADS.finditer(text)]
        if "unpkg.com/iframe-worker" in text:
            loads.append(f"{path.relative_to(offline.folder)}: the CDN shim")
    assert loads == []


def test_offline_build_without_the_offline_plugin_fails_naming_it(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(re.sub(r"\n  - offline:\n      enabled: false\n", "\n", config.read_text()))
    result = build(project, tmp_path / "site", today=TODAY, offline=True)
    assert not result.ok
    assert "PLAYBOOKS_OFFLINE is set but Material's offline plugin is not listed" in result.output


@pytest.mark.browser
def test_search_works_opened_from_disk(offline: Offline, browser: Any) -> None:
    context = browser.new_context()
    page = context.new_page()
    outside: list[str] = []
    page.on("request", lambda request: None if request.url.startswith("file:") else outside.append(request.url))
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        page.goto((offline.folder / "index.html").as_uri())
        page.keyboard.press("/")
        page.keyboard.type("forum")
        results = page.locator(".md-search-result__item")
        results.first.wait_for(timeout=10_000)
        assert results.count() > 0
        link = page.locator(".md-search-result__link").first
        assert ".html" in (link.get_attribute("href") or "")
        link.click()
        page.wait_for_load_state("load")
        assert page.url.startswith("file://") and ".html" in page.url
        assert page.locator("article h1").first.is_visible()
        # The navigation works from disk too: a section link opens its page file.
        page.goto((offline.folder / "forums" / "index.html").as_uri())
        page.locator("article a[href$='.html']").first.click()
        page.wait_for_load_state("load")
        assert page.url.startswith("file://") and page.url.endswith(".html")
    finally:
        context.close()
    assert outside == []
    assert errors == []


def test_officer_words_find_plays_opened_from_disk(offline: Offline, browser: Any) -> None:
    """The playbooks' search worker (synonyms, typos) runs over file:// too, inside the iframe-worker shim."""
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto((offline.folder / "index.html").as_uri())
        page.keyboard.press("/")
        for query, expected in (("rehab", "partners/make-referrals.html"), ("interpeter", "forums/venue-access-and-interpreters.html")):
            page.locator("input[data-md-component=search-query]").fill("")
            page.keyboard.type(query, delay=20)
            link = page.locator(f".md-search-result__link[href*='{expected}']")  # href ends with ?h=<query>
            link.first.wait_for(timeout=10_000)
    finally:
        context.close()
