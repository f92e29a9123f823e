"""What changed, for this build's edition: a play's last changes (theme partial) and the `recent_changes()` macro.

The facts come from macros/history.py (one git walk per build, shared with the "last updated" dates);
this module only picks what the edition may show and hands it to a template.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from . import history
from .rendering import render
from .reviews import long_date
from .site import Site

log = logging.getLogger("mkdocs.plugins.playbooks")

NO_HISTORY = "The list of changes is not available in this copy of the site."

_last: tuple[Site, history.GitLog | None, list[history.Change]] | None = None


def site_changes(site: Site) -> tuple[history.GitLog | None, list[history.Change]]:
    """The walk and this edition's view of it, worked out once per build (per Site)."""
    global _last
    walked = history.walk(site.docs_dir, site.root / history.DATA_DIR)
    if _last is None or _last[0] is not site or _last[1] is not walked:
        if walked is None or walked.shallow:
            why = "this is a shallow clone" if walked is not None else "there is no git history"
            log.info(f"Recent changes are left out: {why}. Clone with full history to show them.")

        def visible(path: str) -> bool:
            info = site.pages.get(path)
            return info is not None and (site.internal or not info.internal)

        found = [] if walked is None or walked.shallow else history.changes(walked, site.docs_dir, visible, public=not site.internal)
        _last = (site, walked, found)
    return _last[1], _last[2]


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
    walked, found = site_changes(site)
    extra = conf.get("extra") or {}
    url = history.history_url(conf.get("repo_url"), conf.get("edit_uri"), info.shown, extra.get("history_url"))
    if walked is None or walked.shallow:
        return PlayHistory([], url, NO_HISTORY)
    return PlayHistory(history.page_changes(found, path), url, None)


def recent_changes(site: Site, days: int = history.RECENT_DAYS) -> str:
    """The `recent_changes()` macro: every page change of the last `days` days, by week, newest first."""
    walked, found = site_changes(site)
    weeks = [] if walked is None or walked.shallow else history.recent_weeks(found, site.today, days)
    rows = [(week.monday, [(change, [(path, site.link(path)) for path in change.pages]) for change in week.changes]) for week in weeks]
    note = NO_HISTORY if walked is None or walked.shallow else None
    return render("recent_changes.html", weeks=rows, note=note, days=days, today=site.today, long_date=long_date)
