"""MkDocs hooks (`hooks:` in mkdocs.yml): editions and git history.

Public edition (the default): pages with `audience: internal` are excluded before
any plugin sees them, so they reach no HTML, search index, sitemap, feed or nav;
links to them from public pages become a neutral note; and a last scan of the
output fails the build if an internal page's address appears anywhere.
"""

from __future__ import annotations

import logging
import re
import subprocess
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data

log = logging.getLogger("mkdocs.plugins.playbooks")

GIT_DATES = "git-revision-date-localized"
_internal_urls: set[str] = set()  # site-relative URLs of internal pages, public edition only


def _public(config: MkDocsConfig) -> bool:
    return bool(config.extra.get("edition", "public") == "public")


def git_history_problem(root: Path) -> str | None:
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


@event_priority(100)  # before the git-dates plugin reads its own settings
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _internal_urls.clear()
    plugin = config.plugins.get(GIT_DATES)
    if plugin is not None and plugin.config.get("enabled", True):
        problem = git_history_problem(Path(config.config_file_path).parent)
        if problem:
            plugin.config["enabled"] = False
            log.info(f"'Last updated' dates are left out: {problem}. Clone with full history (git clone, not a download) to show them.")
    return config


@event_priority(100)  # before the blog, tags and search plugins see the files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    if not _public(config):
        return files
    for file in files.documentation_pages():
        _, meta = get_data(file.content_string)
        if isinstance(meta, dict) and meta.get("audience") == "internal":
            file.inclusion = InclusionLevel.EXCLUDED
            _internal_urls.add(file.url)
    return files


_LINK = re.compile(r"<a\b[^>]*?\bhref=\"([^\"]*)\"[^>]*>.*?</a>", re.DOTALL)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not _internal_urls:
        return html

    def neutral(match: re.Match[str]) -> str:
        href = match.group(1)
        if urlsplit(href).scheme or href.startswith("#"):
            return match.group(0)
        target = urlsplit(urljoin(page.url or "./", href)).path.lstrip("/")
        if target in _internal_urls or target + "/" in _internal_urls or target.removesuffix("index.html") in _internal_urls:
            return '<em class="ep-internal-ref">a staff-only page</em>'
        return match.group(0)

    return _LINK.sub(neutral, html)


_ADDRESS = re.compile(r'(?:href|src)="([^"]*)"|<loc>([^<]*)</loc>|"location":\s*"([^"]*)"')


@event_priority(-200)  # after every writer: search enrichment (macros/search/) and the offline edition's search_index.js
def on_post_build(config: MkDocsConfig) -> None:
    """The last guard: no link, sitemap entry or search result of a public build may point at an internal page."""
    if not _internal_urls:
        return
    site = Path(config.site_dir)
    base = urlsplit(config.site_url or "").path or "/"
    leaks = []
    for path in site.rglob("*"):
        if not path.is_file() or (path.suffix not in {".html", ".xml", ".json"} and path.name != "search_index.js"):
            continue
        page_url = urljoin("/", path.relative_to(site).as_posix())
        for match in _ADDRESS.finditer(path.read_text(encoding="utf-8", errors="ignore")):
            address = next(group for group in match.groups() if group is not None)
            if path.name in {"search_index.json", "search_index.js"}:
                target = urlsplit(address).path
            else:
                target = urlsplit(urljoin(page_url, address)).path
                target = target[len(base) - 1 :] if target.startswith(base) and base != "/" else target
            if target.lstrip("/") in _internal_urls:
                leaks.append(f"{path.relative_to(site)} points at {address}")
    if leaks:
        raise PluginError("Internal pages leaked into the public build:\n  " + "\n  ".join(sorted(set(leaks))))
