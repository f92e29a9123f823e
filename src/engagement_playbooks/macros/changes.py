"""What changed, for this build's edition: a play's last changes (theme partial) and the `recent_changes()` macro.

The facts come from data/history.py (one git walk per build, shared with the "last updated" dates);
this module only picks what the edition may show and hands it to a template.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from engagement_playbooks.data import history
from engagement_playbooks.domain.repository import history_url
from engagement_playbooks.macros.reviews import long_date
from engagement_playbooks.site import Site

NO_HISTORY = "The list of changes is not available in this copy of the site."


def _usable(site: Site) -> bool:
    return site.git_log is not None and not site.git_log.shallow


@dataclass(frozen=True)
class PlayHistory:
    changes: list[history.Change]
    url: str | None  # the file's full history on the repository host
    note: str | None  # instead of the list, when there is no usable history

    @staticmethod
    def date(moment: dt.datetime) -> str:
        return long_date(moment.date())


def play_history(site: Site, conf: Mapping[str, Any], path: str) -> PlayHistory | None:
    """A play's last changes, or None for other pages."""
    meta = site.metas.get(path)
    info = site.pages.get(path)
    if meta is None or info is None or not meta.is_play:
        return None
    extra = conf.get("extra") or {}
    url = history_url(conf.get("repo_url"), conf.get("edit_uri"), info.shown, extra.get("history_url"))
    if not _usable(site):
        return PlayHistory([], url, NO_HISTORY)
    return PlayHistory(history.page_changes(site.changes, path), url, None)


def recent_changes(site: Site, days: int = history.RECENT_DAYS) -> str:
    """The `recent_changes()` macro: every page change of the last `days` days, by week, newest first."""
    weeks = history.recent_weeks(site.changes, site.today, days) if _usable(site) else []
    rows = [(week.monday, [(change, [(path, site.link(path)) for path in change.pages]) for change in week.changes]) for week in weeks]
    note = None if _usable(site) else NO_HISTORY
    return site.render("recent_changes.html", weeks=rows, note=note, days=days, today=site.today, long_date=long_date)
