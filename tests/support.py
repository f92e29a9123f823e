"""Building sites, serving them on 127.0.0.1 and scanning their output, for the tests."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from engagement_playbooks.browser import CHROMIUM_ARGS, chromium_executable
from engagement_playbooks.domain.snapshot import Snapshot
from engagement_playbooks.rendering.context import PageContext, SiteRender
from engagement_playbooks.rendering.links import SiteLinks
from engagement_playbooks.testing.server import serve

__all__ = ["CHROMIUM_ARGS", "chromium_executable", "serve"]  # the tests take both from here

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("docs", "data", "macros", "overrides", "mkdocs.yml")


def load_snapshot(project: Path, edition: str = "public") -> Snapshot:
    """The checked snapshot of a project folder (docs/ and data/), as a build of it would see it."""
    return Snapshot.load(project, project / "docs", edition)


def page_context(site: Snapshot | PageContext, path: str, use_directory_urls: bool = True) -> PageContext:
    """A fresh render context for the page at `path` (docs-relative), as the host makes one for each page."""
    if isinstance(site, PageContext):
        return site.site.page(path)
    return SiteRender(site, SiteLinks(site.pages, use_directory_urls, site.internal)).page(path)


@dataclass
class Build:
    returncode: int
    output: str  # stdout and stderr together
    site: Path

    @property
    def ok(self) -> bool:
        return self.returncode == 0


def build(project: Path, site: Path, edition: str = "public", today: str | None = None, offline: bool = False) -> Build:
    """A strict build. Never --quiet: it hides warnings, and then --strict does not count them."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PLAYBOOKS_EDITION": edition, "PLAYBOOKS_OFFLINE": "true" if offline else ""}
    if today:
        env["PLAYBOOKS_TODAY"] = today
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site)]
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=600)
    return Build(result.returncode, result.stdout + result.stderr, site)


def copy_project(destination: Path) -> Path:
    """A private copy of the project to change in a test (no git history: dates are left out)."""
    destination.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, destination / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, destination / part)
    return destination


def git(repo: Path, *args: str, when: str | None = None) -> str:
    """Run git in a test repository as a fictional trainer, optionally at a fixed date (ISO 8601)."""
    env = {**os.environ, "GIT_AUTHOR_NAME": "Trainer", "GIT_AUTHOR_EMAIL": "trainer@example.org"}
    env |= {"GIT_COMMITTER_NAME": "Trainer", "GIT_COMMITTER_EMAIL": "trainer@example.org"}
    if when:
        env |= {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    return subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True).stdout


def site_url(page: str) -> str:
    """forums/plan-a-forum.md -> forums/plan-a-forum/ ; forums/index.md -> forums/ (directory URLs)."""
    without_index = re.sub(r"(^|/)index\.md$", r"\1", page)
    return without_index.removesuffix(".md") + "/" if without_index.endswith(".md") else without_index


def output_files(site: Path) -> Iterator[Path]:
    return (path for path in sorted(site.rglob("*")) if path.is_file())
