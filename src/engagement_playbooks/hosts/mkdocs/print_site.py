"""Adapter for mkdocs-print-site-plugin 2.9's internals (the print edition, one page with every play).

Everything the engine knows about print-site's insides is here, and tests/site/test_engine_contracts.py
fails when an upgrade changes it:
- `plugin.renderer.items`: the navigation items the print page renders;
- `page.html`: the HTML print-site keeps for each page (set in its on_page_content);
- `mkdocs_print_site_plugin.exclude.exclude`: its pattern matching for `exclude:`;
- its CSS/JS file names, added to every page's extra_css/extra_javascript;
- `mkdocs_print_site_plugin.urls.update_anchor_ids`, replaced by a faster copy for the build (see `speed_up`);
- its on_post_build renders the print page with `config.theme.get_env()` (see `share_environment`) and
  writes it to `plugin.print_page.file.abs_dest_path` (see `finish_print_page`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Section
from mkdocs.structure.pages import Page

from engagement_playbooks.hosts.mkdocs import other_plugins

NAME = "print-site"
COVER = Path(__file__).resolve().parents[2] / "theme" / "print-cover.html"

# print-site lists its stylesheets and script for every page; only its own page uses them.
_PRINT_ASSET = re.compile(
    r'<link rel="stylesheet" href="[^"]*css/print-site[^"]*\.css">\n?'
    r'|<script src="[^"]*js/print-site\.js"></script>\n?'
)


# print-site's pattern for tags with an id, and the tags whose ids it prefixes with the page's key.
_ID_TAG = re.compile(r"<([^\s]+).*?id=\"([^\"]*?)\".*?>", flags=re.IGNORECASE)
_PREFIXED_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6", "sup", "li")


def update_anchor_ids(page_html: str, page_key: str) -> str:
    """print-site's update_anchor_ids with the same result, about 20 times faster on our pages.

    Its pattern backtracks along every line from every "<", which cost 1.5 s of a 345-page build. A match
    never crosses a line (unless an id value holds a newline, which Markdown and our templates never write),
    so only lines that hold an id are searched."""
    for line in page_html.split("\n"):
        if 'd="' not in line and 'D="' not in line:
            continue
        for match in _ID_TAG.finditer(line):
            if match.group(1) in _PREFIXED_TAGS:
                tag = match.group()
                page_html = page_html.replace(tag, tag.replace(match.group(2), page_key + "-" + match.group(2)))
    return page_html


def share_environment(config: MkDocsConfig, env: Environment) -> None:
    """print-site renders its page with `theme.get_env()`, a new environment that compiles every template
    again and lacks what plugins added in on_env: it gets this build's environment instead."""
    if enabled_plugin(config) is not None:
        config.theme.get_env = lambda: env  # type: ignore[method-assign]  # this build's Theme object only


def speed_up(config: MkDocsConfig) -> Callable[[], None]:
    """Use the faster update_anchor_ids for this build (print-site calls it by its module name, once per
    printed page). Returns what puts print-site's own back: the plugin calls it when the build ends or fails,
    so nothing else in the process (another build, a test) runs with the copy."""
    if enabled_plugin(config) is None:
        return lambda: None
    from mkdocs_print_site_plugin import urls  # type: ignore[import-untyped]

    own = urls.update_anchor_ids
    urls.update_anchor_ids = update_anchor_ids

    def restore() -> None:
        urls.update_anchor_ids = own

    return restore


def enabled_plugin(config: MkDocsConfig) -> Any:
    return other_plugins.enabled(config, NAME)


def use_engine_cover(config: MkDocsConfig) -> None:
    """The engine's cover page, unless the site names its own (print-site reads this in its on_config)."""
    plugin = enabled_plugin(config)
    if plugin is not None and plugin.config.get("add_cover_page") and not plugin.config.get("cover_page_template"):
        plugin.config["cover_page_template"] = str(COVER)  # an absolute path survives print-site's join with the config folder


def _printable(item: Any, excluded: list[str]) -> Any:
    """The item as print-site should see it, or None when nothing in it is printed."""
    from mkdocs_print_site_plugin.exclude import exclude  # type: ignore[import-untyped]

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


def drop_empty_sections(config: MkDocsConfig) -> None:
    """Sections whose pages are all left out of the print page (the blog) are dropped, not printed as empty headings."""
    plugin = enabled_plugin(config)
    if plugin is not None:
        excluded = list(plugin.config.get("exclude", []))
        plugin.renderer.items = [kept for item in plugin.renderer.items if (kept := _printable(item, excluded)) is not None]


def hand_finished_html(html: str, page: Page, config: MkDocsConfig) -> None:
    """Give print-site the page's finished HTML (after the editions' link notes), with its title as <h1>.

    Our pages take their heading from front matter `title:`, so print-site would warn about a missing <h1>.
    A section's index page repeats the section's title: the marker lets the print CSS show it once.
    """
    if enabled_plugin(config) is not None and hasattr(page, "html"):
        heading = "" if "<h1" in html else f"<h1>{escape(page.title or '')}</h1>"
        marker = '<span class="ep-print-index" hidden></span>' if page.is_index else ""
        page.html = narrow(marker + heading + html)  # print-site's own attribute


def narrow(html: str) -> str:
    """The same HTML with characters beyond Latin-1 (curly quotes, dashes) written as references.

    Python stores a string at the width of its widest character, so one curly quote in one page
    would double the memory of the print page, which joins them all. Script and style text is
    not HTML-decoded, so a page that has either is left as it is.
    """
    if html.isascii() or "<script" in html or "<style" in html:
        return html
    return html.encode("latin-1", "xmlcharrefreplace").decode("latin-1")


_SAME_PAGE_LINK = re.compile(r'(<a\b[^>]*?)\s+href="#([^"]*)"')
_ANCHOR = re.compile(r'\s(?:id|name)="([^"]*)"')


def finish_print_page(config: MkDocsConfig) -> None:
    """After print-site wrote its page (its on_post_build): no link on it leads nowhere."""
    plugin = enabled_plugin(config)
    if plugin is None:
        return
    page = Path(plugin.print_page.file.abs_dest_path)
    if page.is_file():
        page.write_text(unlink_missing_anchors(page.read_text(encoding="utf-8")), encoding="utf-8")


def unlink_missing_anchors(html: str) -> str:
    """The print page holds the pages of the print edition only: a link to one it leaves out (What's new, the
    home page) or to an anchor print-site did not carry over (code line numbers) becomes plain text."""
    anchors = set(_ANCHOR.findall(html))
    return _SAME_PAGE_LINK.sub(lambda link: link.group(0) if link.group(2) in anchors else link.group(1), html)


def is_print_page(page: Page, config: MkDocsConfig) -> bool:
    plugin = enabled_plugin(config)
    return plugin is not None and page.file.src_uri.startswith(plugin.config.get("print_page_basename", "print_page"))


def strip_print_assets(output: str, config: MkDocsConfig) -> str:
    return _PRINT_ASSET.sub("", output) if enabled_plugin(config) is not None else output
