"""The "last updated" dates come from one `git log` walk (plugin/git_dates.py, data/history.py): they must be what git says per file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from support import build, copy_project, git

from engagement_playbooks.hosts.mkdocs.git_dates import last_commits
from engagement_playbooks.readers import git_log


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    project = copy_project(tmp_path / "project")
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "Start", when="2026-01-05T10:00:00Z")
    plan = project / "docs" / "forums" / "plan-a-forum.md"
    plan.write_text(plan.read_text() + "\nBring name tags.\n")
    git(project, "commit", "-qam", "Name tags", when="2026-03-09T10:00:00Z")
    return project


def test_one_walk_agrees_with_the_plugins_per_file_query(repo: Path) -> None:
    walked = git_log.walk(repo / "docs")
    assert walked is not None
    commits = last_commits(walked)
    docs = repo / "docs"
    for page in ("forums/plan-a-forum.md", "forums/index.md", "glossary.md"):
        path = (docs / page).resolve()
        # The query git-revision-date-localized runs for one file (its util.py), as the oracle.
        per_file = git(
            repo,
            "log",
            "-n",
            "1",
            "--format=%H %at",
            "--diff-filter=r",
            "--follow",
            "--ignore-all-space",
            "--ignore-blank-lines",
            "--",
            str(path),
        ).split()
        assert commits[path] == (per_file[0], per_file[1]), page
    assert commits[(docs / "forums" / "plan-a-forum.md").resolve()][1] == "1773050400"  # 2026-03-09T10:00:00Z


def test_built_pages_show_those_dates(repo: Path, tmp_path: Path) -> None:
    result = build(repo, tmp_path / "site")
    assert result.ok, result.output

    def updated(page: str) -> str:
        html = (tmp_path / "site" / page / "index.html").read_text()
        match = re.search(r'md-source-file__fact">\s*<span[^>]*>.*?</span>\s*(.*?)\s*</span>', html, re.DOTALL)
        assert match, page
        return re.sub(r"<[^>]+>", "", match.group(1)).strip()

    assert updated("forums/plan-a-forum") == "March 9, 2026"
    assert updated("forums") == "January 5, 2026"


def test_not_a_repository_gives_none(tmp_path: Path) -> None:
    assert git_log.walk(tmp_path) is None
