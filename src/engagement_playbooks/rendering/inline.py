"""Inline Markdown from data files, rendered safely.

Raw HTML is escaped before Markdown runs, and only web, mail, phone and page links survive, so a data
value can never inject markup or script. A link to a page of the site is written as in pages, relative
to docs/ (`[partner directory](directory/index.md)`), and becomes that page's address from the page
that shows the data.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from xml.etree.ElementTree import Element

import markdown
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

from engagement_playbooks.models.common import is_page_link

Resolver = Callable[[str], str | None]  # docs-relative target (may end in #anchor) -> URL, or None to drop the link

_SAFE = re.compile(r"^(https?:|mailto:|tel:|#)", re.IGNORECASE)


class _SafeLinks(Treeprocessor):
    resolve: Resolver | None = None

    def run(self, root: Element) -> None:
        for link in root.iter("a"):
            href = link.get("href", "")
            if is_page_link(href):
                url = self.resolve(href) if self.resolve else None
                if url is None:
                    link.attrib.pop("href", None)  # a staff-only page, in the public edition: keep the words only
                else:
                    link.set("href", url)
            elif not _SAFE.match(href):
                link.attrib.pop("href", None)
        for image in list(root.iter("img")):
            image.attrib.pop("src", None)  # no images, and so no third-party requests, from data


class InlineMarkdown:
    """One converter per build; results are cached per (text, page), since page links depend on the page."""

    def __init__(self) -> None:
        self._links = _SafeLinks()
        converter = markdown.Markdown()
        self._links.md = converter
        converter.treeprocessors.register(self._links, "safe_links", 0)
        self._converter = converter
        self._cache: dict[tuple[str, str], Markup] = {}

    def __call__(self, text: str, page: str = "", resolve: Resolver | None = None) -> Markup:
        """`**Bring** <ID>` -> `<strong>Bring</strong> &lt;ID&gt;` (one paragraph, no <p> wrapper)."""
        key = (text, page if "](" in text else "")  # only a page link makes the result depend on the page
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        self._links.resolve = resolve
        rendered = self._converter.reset().convert(html.escape(text, quote=False))
        if rendered.startswith("<p>") and rendered.endswith("</p>") and rendered.count("<p>") == 1:
            rendered = rendered[3:-4]
        self._cache[key] = result = Markup(rendered)
        return result


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!>])")  # what Python-Markdown lets a backslash escape


def markdown_text(text: str) -> str:
    """Plain text made safe to place in Markdown source (a heading), shown literally."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))
