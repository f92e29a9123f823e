"""MkDocs hooks for the print edition (print-site's one-page site) and the offline edition (mkdocs.offline.yml).

Print: print-site keeps each page's HTML from its own on_page_content, which runs before the editions
hook (macros/hooks.py) turns links to internal pages into a neutral note; this hook runs last and hands
print-site the finished HTML instead, so the print page says exactly what the public pages say. Our
pages take their heading from front matter `title:` (Material adds the <h1>), so print-site would warn
about a missing <h1> on every page and fail the strict build: the title is added here. Sections whose
pages are all left out of the print page (updates/, the blog) are dropped, not printed as empty headings.

Offline: mkdocs.yml lists Material's offline plugin switched off; `extra.offline: true` (mkdocs.offline.yml)
switches it on. One switch, in the config file, so no build can be half offline. The offline plugin would
load its iframe-worker shim from a CDN unless one is listed under extra.polyfills: we require the
vendored copy.
"""

from __future__ import annotations

import re
from html import escape
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

PRINT_SITE = "print-site"
OFFLINE = "material/offline"
SHIM = "iframe-worker"


def _enabled(config: MkDocsConfig, name: str) -> Any:
    plugin = config.plugins.get(name)
    return plugin if plugin is not None and plugin.config.get("enabled", True) else None


@event_priority(100)  # before the offline plugin reads its own `enabled`
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    offline = config.plugins.get(OFFLINE)
    wanted = bool(config.extra.get("offline", False))
    if offline is None:
        if wanted:
            raise PluginError("extra.offline is set but the offline plugin is not listed in mkdocs.yml")
        return config
    offline.config.enabled = wanted
    if wanted:
        shims = [str(url) for url in config.extra.get("polyfills", []) if SHIM in str(url)]
        if not shims or any("://" in url or url.startswith("//") for url in shims):
            raise PluginError(f"The offline edition needs the vendored {SHIM} shim under extra.polyfills (see mkdocs.offline.yml)")
    return config


def _printable(item: Any, excluded: list[str]) -> Any:
    """The item as print-site should see it, or None when nothing in it is printed."""
    from mkdocs_print_site_plugin.exclude import exclude  # type: ignore[import-untyped]  # print-site's own pattern matching

    if isinstance(item, Section):
        children = [kept for child in item.children if (kept := _printable(child, excluded)) is not None]
        if not children:
            return None
        section = Section(item.title, children)
        section.parent = item.parent
        return section
    if isinstance(item, Page) and exclude(item.file.src_path, excluded):
        return None
    return item


@event_priority(-100)  # after print-site has taken the navigation
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    plugin = _enabled(config, PRINT_SITE)
    if plugin is not None:
        excluded = list(plugin.config.get("exclude", []))
        # print-site 2.9 renders what it keeps in renderer.items; the site's own navigation is left as it is.
        plugin.renderer.items = [kept for item in plugin.renderer.items if (kept := _printable(item, excluded)) is not None]
    return nav


@event_priority(-100)  # after print-site (0) and the editions hook (0) have seen the page
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if _enabled(config, PRINT_SITE) is not None and hasattr(page, "html"):
        heading = "" if "<h1" in html else f"<h1>{escape(page.title or '')}</h1>"
        # A section's index page repeats the section's title: the marker lets the print CSS show it once.
        marker = '<span class="ep-print-index" hidden></span>' if page.is_index else ""
        page.html = marker + heading + html  # print-site's own attribute
    return html


# print-site lists its stylesheets and script in extra_css/extra_javascript, so every page would load them;
# only its own page uses them. Other pages drop them: three fewer requests, two of them render-blocking.
_PRINT_ASSET = re.compile(
    r'<link rel="stylesheet" href="[^"]*css/print-site[^"]*\.css">\n?'
    r'|<script src="[^"]*js/print-site\.js"></script>\n?'
)


def _search_worker(html: str) -> str:
    """Search through the playbooks' worker (macros/search/worker.py); imported late, once mkdocs-macros loaded the package."""
    from macros.search.worker import use_playbooks_worker

    return use_playbooks_worker(html)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    output = _search_worker(output)
    plugin = _enabled(config, PRINT_SITE)
    if plugin is None or page.file.src_uri.startswith(plugin.config.get("print_page_basename", "print_page")):
        return output
    return _PRINT_ASSET.sub("", output)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """The 404 page is a template, not a page."""
    output_content = _search_worker(output_content)
    return _PRINT_ASSET.sub("", output_content) if _enabled(config, PRINT_SITE) is not None else output_content
