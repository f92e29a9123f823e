"""Issued editions on a temporary git repository: `playbooks release` refuses bad requests and tags good ones,
`playbooks editions` builds the site with every edition archived, and each page names its edition."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from support import git, serve

from engagement_playbooks.cli.main import main as playbooks

ROOT = Path(__file__).resolve().parents[2]
PLAY = "docs/plays/example-coffee-with-residents.md"
GIT_ENV = {
    "GIT_AUTHOR_NAME": "Trainer",
    "GIT_AUTHOR_EMAIL": "t@example.org",
    "GIT_COMMITTER_NAME": "Trainer",
    "GIT_COMMITTER_EMAIL": "t@example.org",
}
SECRET_SUBJECT = "Night manager cell for the shelter"


def release(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "engagement_playbooks.cli.main", "release", *args]
    return subprocess.run(command, cwd=project, capture_output=True, text=True, env={**os.environ, **GIT_ENV, "NO_MKDOCS_2_WARNING": "1"})


def tags(project: Path) -> list[str]:
    return git(project, "tag", "--list").split()


def text(page: Path, selector: str = "article") -> str:
    found = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one(selector)
    assert found is not None, f"{page}: no {selector}"
    return " ".join(found.get_text().split())


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new site with two issued editions: between them a public play change, an internal page change and an
    internal contact change; after the second, one more public change not yet issued."""
    base = tmp_path_factory.mktemp("issued")
    site = base / "harbor"
    args = ["--name", "Harbor City Police Department", "--short-name", "HCPD", "--site-url", "https://example.org/hcpd/"]
    assert (
        playbooks(
            ["new-site", str(site), *args, "--repo-url", "https://github.com/hcpd/playbooks", "--engine-spec", str(ROOT), "--example"]
        )
        == 0
    )
    git(site, "init", "-q", "-b", "main")
    git(site, "add", "-A")
    git(site, "commit", "-qm", "Start the playbooks")
    done = release(site, "2027.1", "--effective", "2027-01-15", "--summary", "The first edition.")
    assert done.returncode == 0, done.stderr
    play = site / PLAY
    play.write_text(play.read_text() + "\nBring a sign-up sheet for the next coffee.\n")
    git(site, "commit", "-qam", "Coffee: bring a sign-up sheet")
    internal = site / "docs/internal/index.md"
    internal.write_text(internal.read_text() + "\nThe night manager's cell is (217) 555-0199.\n")
    git(site, "commit", "-qam", SECRET_SUBJECT)
    return site


def test_bad_requests_are_refused_with_every_problem_and_nothing_is_tagged(project: Path) -> None:
    before = tags(project)
    bad = release(project, "27.2", "--effective", "2027-02-30")
    assert bad.returncode == 1
    assert "version 27.2: got '27.2'; expected year.number" in bad.stderr
    assert "--effective 2027-02-30: expected a date as YYYY-MM-DD" in bad.stderr
    assert "Nothing was tagged." in bad.stderr
    old = release(project, "2027.1", "--effective", "2027-01-10")
    assert "version 2027.1: must be newer than the last edition, 2027.1" in old.stderr
    assert "--effective 2027-01-10: is before the last edition's effective date, 2027-01-15" in old.stderr
    (project / "stray.txt").write_text("not committed")
    try:
        dirty = release(project, "2027.2", "--effective", "2027-03-01")
        assert dirty.returncode == 1
        assert "working tree has changes not committed (stray.txt)" in dirty.stderr
    finally:
        (project / "stray.txt").unlink()
    assert tags(project) == before


@pytest.fixture(scope="module")
def built(project: Path) -> Path:
    """Edition 2027.2 issued with its default summary, one change after it, then every edition built."""
    done = release(project, "2027.2", "--effective", "2027-03-01")
    assert done.returncode == 0, done.stderr
    play = project / PLAY
    play.write_text(play.read_text() + "\nA change after the second edition.\n")
    git(project, "commit", "-qam", "Coffee: a later change")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "engagement_playbooks.cli.main", "editions", "--no-pdf"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert git(project, "worktree", "list").count("\n") == 1  # the checkouts of the tags are gone
    return project / "site"


def test_the_tag_carries_the_date_and_a_public_summary(project: Path, built: Path) -> None:
    message = git(project, "tag", "--list", "--format=%(contents)", "edition/2027.2")
    assert "Effective: 2027-03-01" in message
    assert "Pages changed: Example: Meet residents over coffee." in message
    assert "internal" not in message.lower() and SECRET_SUBJECT not in message


def test_pages_print_and_sign_off_name_the_edition(built: Path) -> None:
    play = built / "plays/example-coffee-with-residents/index.html"
    footer = text(play, ".ep-edition")
    assert "Edition 2027.2, effective 1 March 2027" in footer
    assert "includes changes not yet issued" in footer
    assert "Changed in edition 2027.2: Coffee: bring a sign-up sheet." in text(play)
    assert "Edition 2027.2, effective 1 March 2027" in text(play, ".ep-sign__edition")
    cover = (built / "print_page/index.html").read_text(encoding="utf-8")
    assert '<p class="ep-cover__issued">Edition 2027.2, effective 1 March 2027</p>' in cover
    assert 'content: "Edition 2027.2, effective 1 March 2027"' in cover  # the PDF's page footer
    unissued = text(built / "editions/unissued/index.html")
    assert "Coffee: a later change" in unissued and "sign-up sheet" not in unissued


def test_what_changed_names_the_public_play_and_nothing_internal(built: Path) -> None:
    page = text(built / "editions/2027.2/index.html")
    assert "Example: Meet residents over coffee: Coffee: bring a sign-up sheet" in page
    assert "Compared with edition 2027.1" in page
    for folder in (built, built / "archive/2027.1", built / "archive/2027.2"):
        for file in folder.rglob("*"):
            if file.is_file() and file.suffix in (".html", ".xml", ".json", ".js", ".yml"):
                content = file.read_text(encoding="utf-8", errors="replace")
                assert SECRET_SUBJECT not in content, file
                assert "555-0199" not in content, file


def test_the_first_archive_shows_the_old_text_its_banner_and_its_zip(built: Path) -> None:
    old = built / "archive/2027.1/plays/example-coffee-with-residents/index.html"
    assert "sign-up sheet" not in text(old)
    assert "Archived edition This is Edition 2027.1, effective 15 January 2027, kept as it was issued." in text(old)
    assert "sign-up sheet" in text(built / "archive/2027.2/plays/example-coffee-with-residents/index.html")
    assert (built / "archive/2027.1/playbooks-offline-2027.1.zip").is_file()
    assert not (built / "archive/2027.1/admin").exists()  # an archive is kept as issued: no editor
    listing = text(built / "editions/index.html")
    assert "2027.1 15 January 2027 The first edition." in listing
    assert '"archive/' not in (built / "sw.js").read_text(encoding="utf-8")  # each archive has its own worker


def test_a_shallow_clone_builds_and_says_the_edition_is_unknown(project: Path, tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", "--no-tags", project.as_uri(), str(clone)], check=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    out = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)], cwd=clone, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "Edition unknown (no git history)" in text(out / "index.html", ".ep-edition")
    shutil.rmtree(clone)


@pytest.mark.browser
def test_the_selector_moves_between_editions(built: Path, page: object) -> None:
    with serve(built) as url:
        page.goto(url + "plays/example-coffee-with-residents/")  # type: ignore[attr-defined]
        page.get_by_text("Other editions").click()  # type: ignore[attr-defined]
        page.get_by_role("link", name="Edition 2027.1, effective 15 January 2027").click()  # type: ignore[attr-defined]
        page.wait_for_url("**/archive/2027.1/plays/example-coffee-with-residents/")  # type: ignore[attr-defined]
        assert "Archived edition" in page.locator(".ep-archived").inner_text()  # type: ignore[attr-defined]
        page.get_by_role("link", name="see the current edition").click()  # type: ignore[attr-defined]
        page.wait_for_url(url)  # type: ignore[attr-defined]
        assert page.locator(".ep-archived").count() == 0  # type: ignore[attr-defined]
