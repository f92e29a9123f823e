"""MkDocs hook (`hooks:` in mkdocs.yml): "last updated" dates from one `git log` instead of one per page.

The git-revision-date-localized plugin runs `git log -n 1 <file>` for every page (13 to 30 ms each on
2 cores: half a minute at 1,000 pages). One walk over the history of docs/ gives the same answers:
the newest commit that changed each file, renames not counted, whitespace-only changes ignored. The
results go into the plugin's own cache before its on_files runs, so it skips its per-page calls.
Pages the walk does not cover (untracked files) are left to the plugin, which asks git as before.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from macros import history

log = logging.getLogger("mkdocs.plugins.playbooks")

GIT_DATES = "git-revision-date-localized"


def last_commits(folder: Path, data: Path | None = None) -> dict[Path, tuple[str, str]] | None:
    """Resolved path of every file under `folder` -> (hash, author time) of the newest commit that changed it.

    From the build's one walk of the history (macros/history.py), which the recent-changes lists share.
    """
    walked = history.walk(folder, *([data] if data is not None else []))
    if walked is None:
        return None  # no git, or not a repository: the plugin reports it its own way
    found: dict[Path, tuple[str, str]] = {}
    for commit in walked.commits:  # newest first: the first commit seen is the last revision
        for file in commit.files:
            found.setdefault(file, (commit.sha, str(int(commit.when.timestamp()))))
    return found


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    history.clear_cache()  # a new build (mkdocs serve rebuilds in the same process) walks the history again
    return config


@event_priority(50)  # after hooks.py excluded internal pages (100), before the plugin's own on_files (0)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    plugin: Any = config.plugins.get(GIT_DATES)
    if plugin is None or not plugin.config.get("enabled", True) or not plugin.config.get("enable_parallel_processing", True):
        return files
    if plugin.last_revision_commits or plugin.util.ignored_commits:
        return files  # already known (a `mkdocs serve` rebuild), or ignored commits need the plugin's own walk
    commits = last_commits(Path(config.docs_dir), Path(config.config_file_path).parent / history.DATA_DIR)
    if commits is None:
        return files
    for file in files.documentation_pages():
        if getattr(file, "generated_by", None) or file.abs_src_path is None:
            continue
        commit = commits.get(Path(file.abs_src_path).resolve())
        if commit is not None:
            key = str(Path(file.abs_src_path).absolute())  # the plugin's cache key
            plugin.last_revision_commits[key] = commit
            plugin.cached_source_paths[key] = key
    return files
