"""What changed, as one edition may show it: each play's last changes and the site's recent changes.

The facts come from the build's one git walk (readers/git_log.py), which covers docs/ and data/.

Editions. The public edition never shows an internal page's title, path or commit subject:
- a commit that touched no public page is not listed at all;
- a commit that touched public pages and anything else (an internal page, a deleted page, a picture, a
  data file, which may hold internal contacts) is listed with its public pages only and the subject
  "Updated", because a subject may describe the other part ("Add the night manager's cell").
The internal edition lists every current page and every subject.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from engagement_playbooks.readers.git_log import GitLog

SUBJECT_HIDDEN = "Updated"
RECENT_DAYS = 60
PLAY_CHANGES = 3


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


def page_changes(all_changes: Sequence[Change], path: str, limit: int = PLAY_CHANGES) -> list[Change]:
    return [change for change in all_changes if path in change.pages][:limit]


@dataclass(frozen=True)
class Week:
    monday: dt.date
    changes: list[Change]


def recent_weeks(all_changes: Sequence[Change], today: dt.date, days: int = RECENT_DAYS) -> list[Week]:
    """Changes of the `days` days ending today (both ends included), grouped by week (Monday first), newest week first."""
    since = today - dt.timedelta(days=days)
    weeks: dict[dt.date, list[Change]] = {}
    for change in all_changes:  # already newest first
        day = change.when.date()
        if since < day <= today:
            weeks.setdefault(day - dt.timedelta(days=day.weekday()), []).append(change)
    return [Week(monday, found) for monday, found in sorted(weeks.items(), reverse=True)]
