"""The per-page values the theme shows under every page: report links, and a play's recent changes.

Called once per page by the playbooks plugin (plugin/plugin.py); the theme partials under
theme/partials/ read what this returns from `page.meta`. Reads only a few config values.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import urljoin

from engagement_playbooks.macros.changes import play_history
from engagement_playbooks.rendering.report_links import issue_template, report_links
from engagement_playbooks.site import Site


def page_title(site: Site, path: str, fallback: str | None) -> str:
    meta = site.metas.get(path)
    return (meta.title if meta is not None else None) or fallback or path


def absolute_url(conf: Mapping[str, Any], url: str) -> str:
    """The page's address as a reader sees it: absolute when site_url is set, else site-relative."""
    site_url = conf.get("site_url") or ""
    return urljoin(site_url, url) if site_url else "/" + url.lstrip("/")


def page_parts(site: Site, conf: Mapping[str, Any], path: str, url: str, title: str | None) -> dict[str, Any]:
    meta = site.metas.get(path)
    info = site.pages.get(path)
    extra = conf.get("extra") or {}
    report = report_links(
        department=site.catalog.department,
        title=page_title(site, path, title),
        source=info.shown if info is not None else f"docs/{path}",
        page_url=absolute_url(conf, url),
        owner_id=meta.owner if meta is not None else None,
        template=issue_template(conf.get("repo_url"), extra.get("report_issue_url")),
    )
    return {"report": report, "history": play_history(site, conf, path)}
