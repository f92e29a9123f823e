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
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

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
    _app_config(config, file_edition=wanted)
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


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    plugin = _enabled(config, PRINT_SITE)
    if plugin is None or page.file.src_uri.startswith(plugin.config.get("print_page_basename", "print_page")):
        return output
    return _PRINT_ASSET.sub("", output)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """The 404 page is a template, not a page."""
    return _PRINT_ASSET.sub("", output_content) if _enabled(config, PRINT_SITE) is not None else output_content


# --- The installable offline app (macros/pwa.py): settings, the offline page, and the files written last. ---


def _app_config(config: MkDocsConfig, file_edition: bool) -> None:
    from macros import pwa

    app = pwa.read_app_config(Path(config.config_file_path).parent, config.site_name)
    edition = str(config.extra.get("edition", "public"))
    # Templates read these two (overrides/main.html): the worker's script and the save box, and the colour.
    config.extra["offline_storage"] = pwa.offline_storage(edition, app.app, file_edition)
    config.extra["app_theme_color"] = app.app.theme_color


def on_template_context(context: Any, template_name: str, config: MkDocsConfig) -> Any:
    """The offline page is served at any address: absolute links under the site's path, as MkDocs does for 404.html."""
    from macros import pwa

    if template_name == pwa.OFFLINE_PAGE:
        context["base_url"] = urlsplit(config.site_url or "/").path.rstrip("/") or "/"
    return context


@event_priority(-100)  # last: every other file (print page, feed, contacts) is written, so the lists hash them all
def on_post_build(config: MkDocsConfig) -> None:
    from macros import pwa

    root, site = Path(config.config_file_path).parent, Path(config.site_dir)
    app = pwa.read_app_config(root, config.site_name)
    logo = pwa.logo_path(root, app.app)
    try:
        icons = pwa.icons(logo, app.app.theme_color)
    except ValueError as error:
        raise PluginError(f"data/department.yml app.logo: {error}; expected a square PNG or JPEG, 512 px or more") from error
    for path, data in icons.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_bytes(data)
    lang = str(config.theme.get("language") or "en")
    manifest = pwa.web_manifest(app.name, app.short_name, config.site_description or "", app.app.theme_color, lang)
    (site / pwa.MANIFEST).write_bytes(manifest)
    if not config.extra.get("offline_storage"):
        (site / pwa.WORKER).write_bytes(pwa.RETIRING_WORKER)
        return
    search = config.plugins.get("material/search")
    languages = list(search.config.get("lang") or [lang]) if search is not None else [lang]
    shell, edition = pwa.precache_lists(site, config.use_directory_urls, keep_lunr=languages != ["en"])
    (site / pwa.WORKER).write_bytes(pwa.service_worker(shell, edition))
