"""The per-page values the theme shows under every page: its review line, report links, and a play's recent changes.

Called once per page by the playbooks plugin (plugin.py); the theme partials under theme/partials/ read
what this returns from `page.meta`. Paths and addresses come from the host's page (its file's source path
relative to the project, its URL), never rebuilt from the docs path. Reads only a few config values.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

from engagement_playbooks.domain import history
from engagement_playbooks.domain.clock import long_date
from engagement_playbooks.domain.repository import history_url
from engagement_playbooks.domain.reviews import review_of
from engagement_playbooks.domain.snapshot import Snapshot
from engagement_playbooks.macros.changes import NO_HISTORY
from engagement_playbooks.rendering.report_links import issue_template, report_links


@dataclass(frozen=True)
class PlayHistory:
    changes: list[history.Change]
    url: str | None  # the file's full history on the repository host
    note: str | None  # instead of the list, when there is no usable history

    @staticmethod
    def date(moment: dt.datetime) -> str:
        return long_date(moment.date())


def absolute_url(conf: Mapping[str, Any], url: str) -> str:
    """The page's address as a reader sees it: absolute when site_url is set, else site-relative."""
    site_url = conf.get("site_url") or ""
    return urljoin(site_url, url) if site_url else "/" + url.lstrip("/")


def play_history(snapshot: Snapshot, conf: Mapping[str, Any], path: str, source: str) -> PlayHistory | None:
    """A play's last changes, or None for other pages. `source` is its file as the repository names it."""
    meta = snapshot.metas.get(path)
    if meta is None or not meta.is_play:
        return None
    extra = conf.get("extra") or {}
    url = history_url(conf.get("repo_url"), conf.get("edit_uri"), source, extra.get("history_url"))
    if not snapshot.has_history:
        return PlayHistory([], url, NO_HISTORY)
    return PlayHistory(history.page_changes(snapshot.changes, path), url, None)


def page_parts(snapshot: Snapshot, conf: Mapping[str, Any], path: str, source: str, url: str, title: str | None) -> dict[str, Any]:
    """`page.meta` values for the page at docs path `path`, whose file is `source` (relative to the project) at `url`."""
    meta = snapshot.metas.get(path)
    extra = conf.get("extra") or {}
    report = report_links(
        department=snapshot.catalog.department,
        title=(meta.title if meta is not None else None) or title or path,
        source=source,
        page_url=absolute_url(conf, url),
        owner_id=meta.owner if meta is not None else None,
        template=issue_template(conf.get("repo_url"), extra.get("report_issue_url")),
    )
    parts: dict[str, Any] = {"report": report, "history": play_history(snapshot, conf, path, source)}
    # The theme's review line (partials/review.html): computed here, in Python, because Jinja cannot do calendar arithmetic.
    review = review_of(snapshot, path)
    if review is not None:
        parts["review"] = review
    return parts
