"""Inline Markdown from data files, rendered safely.

Raw HTML is escaped before Markdown runs, and only web, mail and phone links
survive, so a data value can never inject markup or script.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from xml.etree.ElementTree import Element

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

SAFE_SCHEMES = re.compile(r"^(https?:|mailto:|tel:|#|/|\.|[\w\-./]+($|#))", re.IGNORECASE)


class _SafeLinks(Treeprocessor):
    def run(self, root: Element) -> None:
        for link in root.iter("a"):
            if not SAFE_SCHEMES.match(link.get("href", "")):
                link.attrib.pop("href", None)
        for image in list(root.iter("img")):
            image.attrib.pop("src", None)  # no images, and so no third-party requests, from data


class _SafeLinksExtension(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Markdown's API)
        md.treeprocessors.register(_SafeLinks(md), "safe_links", 0)


_converter = markdown.Markdown(extensions=[_SafeLinksExtension()])


@lru_cache(maxsize=4096)
def inline_markdown(text: str) -> Markup:
    """`**Bring** <ID>` -> `<strong>Bring</strong> &lt;ID&gt;` (one paragraph, no <p> wrapper)."""
    rendered = _converter.reset().convert(html.escape(text, quote=False))
    if rendered.startswith("<p>") and rendered.endswith("</p>") and rendered.count("<p>") == 1:
        rendered = rendered[3:-4]
    return Markup(rendered)


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!>])")  # what Python-Markdown lets a backslash escape


def markdown_text(text: str) -> str:
    """Plain text made safe to place in Markdown source (a heading), shown literally."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))
