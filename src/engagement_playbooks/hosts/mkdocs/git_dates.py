"""Adapter for mkdocs-git-revision-date-localized-plugin 1.6's internals: "last updated" dates from one
`git log` instead of one per page. Its internals used here (tests/site/test_engine_contracts.py checks them):
`plugin.last_revision_commits`, `plugin.cached_source_paths`, `plugin.util.ignored_commits` and its
`exclude` setting.

The git-revision-date-localized plugin runs `git log -n 1 <file>` for every page (13 to 30 ms each on
2 cores: half a minute at 1,000 pages). One walk over the history of docs/ gives the same answers:
the newest commit that changed each file, renames not counted, whitespace-only changes ignored. The
results go into the plugin's own cache before its on_files runs, so it skips its per-page calls.
Pages the walk does not cover (untracked files) are left to the plugin, which asks git as before.
"""

from __future__ import annotations

import logging
import subprocess
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from engagement_playbooks.hosts.mkdocs import other_plugins
from engagement_playbooks.readers.git_log import GitLog

log = logging.getLogger("mkdocs.plugins.playbooks")

NAME = "git-revision-date-localized"


def last_commits(walked: GitLog) -> dict[Path, tuple[str, str]]:
    """Resolved path of every file in the walk -> (hash, author time) of the newest commit that changed it."""
    found: dict[Path, tuple[str, str]] = {}
    for commit in walked.commits:  # newest first: the first commit seen is the last revision
        for file in commit.files:
            found.setdefault(file, (commit.sha, str(int(commit.when.timestamp()))))
    return found


def history_problem(root: Path) -> str | None:
    """Why this checkout cannot give real "last updated" dates, or None when it can."""
    try:
        shallow = subprocess.run(["git", "rev-parse", "--is-shallow-repository"], cwd=root, capture_output=True, text=True, check=False)
    except OSError:
        return "git is not installed"
    if shallow.returncode != 0:
        return "this folder is not a git clone"
    if shallow.stdout.strip() == "true":
        return "this is a shallow clone"
    return None


def enabled_plugin(config: MkDocsConfig) -> Any:
    return other_plugins.enabled(config, NAME)


def switch_off_without_history(config: MkDocsConfig) -> None:
    """A download or shallow clone builds without dates, with a note, instead of failing (read in the plugin's on_config)."""
    plugin = enabled_plugin(config)
    if plugin is not None:
        problem = history_problem(Path(config.config_file_path).parent)
        if problem:
            plugin.config["enabled"] = False
            log.info(f"'Last updated' dates are left out: {problem}. Clone with full history (git clone, not a download) to show them.")


def seed_dates(files: Files, config: MkDocsConfig, walked: GitLog | None) -> None:
    """Fill the plugin's cache from one git walk, before its own on_files asks git once per page."""
    plugin = enabled_plugin(config)
    if plugin is None or not plugin.config.get("enable_parallel_processing", True):
        return
    if plugin.last_revision_commits or plugin.util.ignored_commits:
        return  # already known (a `mkdocs serve` rebuild), or ignored commits need the plugin's own walk
    if walked is None:
        return  # no git, or not a repository: the plugin reports it its own way
    commits = last_commits(walked)
    for file in files.documentation_pages():
        if getattr(file, "generated_by", None) or file.abs_src_path is None:
            continue
        commit = commits.get(Path(file.abs_src_path).resolve())
        if commit is not None:
            key = str(Path(file.abs_src_path).absolute())  # the plugin's cache key
            plugin.last_revision_commits[key] = commit
            plugin.cached_source_paths[key] = key


def leave_undated(config: MkDocsConfig, paths: list[str]) -> None:
    """Pages the engine generates have no git history: the plugin would stamp them with the build's clock, so two
    builds of one commit would differ. Its `exclude` setting leaves them without a "last updated" date."""
    plugin = enabled_plugin(config)
    if plugin is not None:
        plugin.config["exclude"] = sorted({*plugin.config.get("exclude", []), *paths})
