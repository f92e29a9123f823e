"""What changed: one `git log` walk per build, giving each play's last changes and the site's recent changes.

The walk (`walk`) is the one plugin/git_dates.py uses for "last updated" dates, run once per build
and kept on the build's Site (Site.git_log). It covers docs/ and
data/: whitespace-only changes and pure renames are left out, as the date plugin does.

Editions. The public edition never shows an internal page's title, path or commit subject:
- a commit that touched no public page is not listed at all;
- a commit that touched public pages and anything else (an internal page, a deleted page, a picture, a
  data file, which may hold internal contacts) is listed with its public pages only and the subject
  "Updated", because a subject may describe the other part ("Add the night manager's cell").
The internal edition lists every current page and every subject.

A shallow clone has a cut history, so `walk` reports it and the lists give way to a note. A folder
that is not a git repository, or has no commits, gives no history and the build goes on.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

_HEADER = "\x00"  # git writes it (%x00) before each commit line; never part of a path or subject
_FIELD = "\x1f"
SUBJECT_HIDDEN = "Updated"
RECENT_DAYS = 60
DATA_DIR = "data"  # walked too: a commit that also changed data files gets no public subject
PLAY_CHANGES = 3


@dataclass(frozen=True)
class Commit:
    sha: str
    when: dt.datetime  # author time, UTC
    subject: str
    files: tuple[Path, ...]  # resolved absolute paths this commit changed


@dataclass(frozen=True)
class GitLog:
    commits: tuple[Commit, ...]  # newest first
    shallow: bool


def walk(folder: Path, *extra: Path) -> GitLog | None:
    """Every commit that changed a file under `folder` (and the `extra` folders), newest first; None without git history.

    Called once per build: the Site keeps the result (Site.git_log).
    """
    return _walk(folder, [path for path in extra if path.exists()])


def _walk(folder: Path, extra: list[Path]) -> GitLog | None:
    try:
        top = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=folder, capture_output=True, text=True, check=True)
        shallow = subprocess.run(["git", "rev-parse", "--is-shallow-repository"], cwd=folder, capture_output=True, text=True, check=True)
        history = subprocess.run(
            # The date plugin's own query, for all files at once: -w and --ignore-blank-lines skip whitespace-only
            # changes, --diff-filter=r leaves out pure renames.
            [
                "git",
                "log",
                "--format=%x00%H%x1f%at%x1f%s",  # _HEADER, then fields split by _FIELD
                "--name-only",
                "--diff-filter=r",
                "-w",
                "--ignore-blank-lines",
                "--",
                ".",
                *(str(path.resolve()) for path in extra),
            ],
            cwd=folder,
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return None  # no git, not a repository, or no commit yet
    root = Path(top.stdout.strip()).resolve()
    commits: list[Commit] = []
    header: tuple[str, dt.datetime, str] | None = None
    files: list[Path] = []

    def close() -> None:
        if header is not None and files:
            commits.append(Commit(header[0], header[1], header[2], tuple(files)))

    for line in history.stdout.splitlines():
        if line.startswith(_HEADER):
            close()
            sha, stamp, subject = line[1:].split(_FIELD, 2)
            header, files = (sha, dt.datetime.fromtimestamp(int(stamp), dt.UTC), subject), []
        elif line:
            files.append(root / line)
    close()
    return GitLog(tuple(commits), shallow.stdout.strip() == "true")


# --- what one edition may show ----------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    sha: str
    when: dt.datetime
    subject: str  # SUBJECT_HIDDEN when the public edition may not show it
    pages: tuple[str, ...]  # docs-relative paths of the pages this edition may show, in git's order


def changes(log: GitLog, docs_dir: Path, visible: Callable[[str], bool], public: bool) -> list[Change]:
    """Each commit as this edition may show it: only its visible pages; none listed when it touched no visible page."""
    docs = docs_dir.resolve()
    found: list[Change] = []
    for commit in log.commits:
        pages = tuple(_page_paths(commit.files, docs, visible))
        if not pages:
            continue
        # Anything besides the pages shown (an internal or deleted page, a picture, a data file) may be what the subject describes.
        hidden = public and len(commit.files) > len(pages)
        found.append(Change(commit.sha, commit.when, SUBJECT_HIDDEN if hidden else commit.subject, pages))
    return found


def _page_paths(files: Iterable[Path], docs: Path, visible: Callable[[str], bool]) -> Iterable[str]:
    for file in files:
        if file.is_relative_to(docs) and file.suffix == ".md":
            path = file.relative_to(docs).as_posix()
            if visible(path):
                yield path


def page_changes(all_changes: list[Change], path: str, limit: int = PLAY_CHANGES) -> list[Change]:
    return [change for change in all_changes if path in change.pages][:limit]


@dataclass(frozen=True)
class Week:
    monday: dt.date
    changes: list[Change]


def recent_weeks(all_changes: list[Change], today: dt.date, days: int = RECENT_DAYS) -> list[Week]:
    """Changes of the `days` days ending today (both ends included), grouped by week (Monday first), newest week first."""
    since = today - dt.timedelta(days=days)
    weeks: dict[dt.date, list[Change]] = {}
    for change in all_changes:  # already newest first
        day = change.when.date()
        if since < day <= today:
            weeks.setdefault(day - dt.timedelta(days=day.weekday()), []).append(change)
    return [Week(monday, found) for monday, found in sorted(weeks.items(), reverse=True)]
