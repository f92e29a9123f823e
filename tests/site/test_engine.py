"""Engine behaviour a department relies on: exact lines for bad macro calls, `{#id}` headings, links in data
text, and `playbooks check` reading mkdocs.yml the way MkDocs does."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from support import Build, build, copy_project, site_url

from engagement_playbooks.rendering.urls import page_url, relative_url


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def check(project: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "engagement_playbooks", "check", *args], cwd=project, capture_output=True, text=True, timeout=120, env=env
    )


def append(page: Path, *lines: str) -> int:
    """Append lines to a page; the line number of the first one."""
    before = page.read_text(encoding="utf-8").splitlines()
    page.write_text("\n".join([*before, *lines, ""]), encoding="utf-8")
    return len(before) + 1


def test_a_bad_call_is_reported_at_its_own_line_not_at_a_lookalike(project: Path, tmp_path: Path) -> None:
    page = project / "docs/glossary.md"
    good = append(page, "", '{{ checklist("forum-planning") }}', "", '{{ checklist("forum-plannin") }}')
    bad = good + 3
    expected = f"docs/glossary.md:{bad} checklist('forum-plannin'): unknown checklist id 'forum-plannin'"
    assert expected in check(project).stderr
    result = build(project, tmp_path / "site")
    assert not result.ok
    assert expected in result.output


def test_attr_list_heading_ids_work_in_pages(project: Path, tmp_path: Path) -> None:
    append(project / "docs/glossary.md", "", "## Ask for help {#ask-for-help}", "", "Call your sergeant.")
    assert check(project).returncode == 0
    result = build(project, tmp_path / "site")
    assert result.ok, result.output
    soup = BeautifulSoup((result.site / "glossary/index.html").read_text(encoding="utf-8"), "html.parser")
    heading = soup.select_one("h2#ask-for-help")
    assert heading is not None and "Ask for help" in heading.get_text()


def test_an_unclosed_comment_names_the_fix(project: Path) -> None:
    line = append(project / "docs/glossary.md", "", "Notes {## never closed") + 1
    result = check(project)
    assert result.returncode == 1
    assert f"docs/glossary.md:{line}" in result.stderr and "{##" in result.stderr


def _link_in_checklist(project: Path, target: str) -> Path:
    checklist = project / "data/checklists/map-your-partners.yml"
    text = checklist.read_text(encoding="utf-8")
    checklist.write_text(text.replace("[partner directory](directory/index.md)", f"[partner directory]({target})"), encoding="utf-8")
    return checklist


def test_a_page_link_in_data_text_becomes_the_page_address(project: Path, tmp_path: Path) -> None:
    result = build(project, tmp_path / "site")
    assert result.ok, result.output
    html = (result.site / site_url("partners/map-your-partners.md") / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    link = next(a for a in soup.select(".ep-checklist__label a") if a.get_text() == "partner directory")
    assert link["href"] == "../../directory/"
    assert (result.site / "partners/map-your-partners" / str(link["href"]) / "index.html").resolve().exists()


def test_a_broken_page_link_in_data_text_fails_naming_file_and_line(project: Path, tmp_path: Path) -> None:
    checklist = _link_in_checklist(project, "directory/indx.md")
    line = next(n for n, text in enumerate(checklist.read_text().splitlines(), 1) if "directory/indx.md" in text)
    expected = f"data/checklists/map-your-partners.yml:{line} items[1].text: got 'Filter the [partner directory](directory/indx.md)"
    hint = "'directory/indx.md' is not a page of this site (paths are relative to docs/); did you mean 'directory/index.md'?"
    result = check(project)
    assert result.returncode == 1
    assert expected in result.stderr and hint in result.stderr, result.stderr
    built: Build = build(project, tmp_path / "site")
    assert not built.ok and expected in built.output


def test_check_reads_mkdocs_yml_with_mkdocs_own_loader(project: Path) -> None:
    """INHERIT and !ENV work: a department may split its config, and a broken config is MkDocs' own error."""
    base = project / "base.yml"
    (project / "mkdocs.yml").rename(base)
    (project / "mkdocs.yml").write_text("INHERIT: base.yml\nsite_name: !ENV [SITE_TITLE, Playbooks]\n", encoding="utf-8")
    result = check(project, env={**__import__("os").environ, "SITE_TITLE": "Night shift"})
    assert result.returncode == 0, result.stderr
    (project / "mkdocs.yml").write_text("INHERIT: missing.yml\n", encoding="utf-8")
    assert check(project).returncode != 0


def test_a_wrong_edition_is_refused_by_every_command(project: Path, tmp_path: Path) -> None:
    env = {**__import__("os").environ, "PLAYBOOKS_EDITION": "staff"}
    result = check(project, env=env)
    assert result.returncode == 1 and "PLAYBOOKS_EDITION got 'staff'; expected one of: public, internal" in result.stderr


@pytest.mark.parametrize("directory_urls", [True, False])
def test_page_addresses_match_mkdocs(directory_urls: bool) -> None:
    """rendering/urls.py computes what MkDocs computes, without importing it at build time."""
    from mkdocs.structure.files import File
    from mkdocs.utils import get_relative_url

    paths = ["index.md", "forums/index.md", "forums/plan-a-forum.md", "README.md", "a/b/README.md", "a/b/c.md"]
    for path in paths:
        assert page_url(path, directory_urls) == File(path, "", "", directory_urls).url
        for other in paths:
            mine = relative_url(page_url(path, directory_urls), page_url(other, directory_urls))
            assert mine == get_relative_url(File(path, "", "", directory_urls).url, File(other, "", "", directory_urls).url)
