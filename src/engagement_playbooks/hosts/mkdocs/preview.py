"""The MkDocs side of the quick preview (`mkdocs serve --dirty`, as `make serve` runs it).

MkDocs' dirty rebuild renders only pages whose source is newer than their output, and leaves every
other page unread. This adapter makes that safe for the engine's pages:
- it marks for rebuild the pages a data edit affects (domain/preview.py decides which),
  by dating their output back, which is how MkDocs itself tells a page is out of date;
- it gives pages that were not re-read what they held after their last build (title, front matter,
  HTML, table of contents), so the navigation and the search index built around them stay whole;
- a full rebuild empties the output folder first, so a deleted page leaves nothing behind.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, MutableMapping
from dataclasses import dataclass
from typing import Any

from mkdocs import utils
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page


@dataclass(frozen=True)
class Kept:
    """What a page held after it was last rendered."""

    markdown: str
    meta: MutableMapping[str, Any]
    content: str | None
    toc: Any
    title_from_render: str | None
    anchors: set[str] | None


def mark_for_rebuild(files: Files, config: MkDocsConfig, pages: Iterable[str] | None) -> None:
    """Rebuild `pages` (docs-relative paths) in this dirty build; None: every page, from an empty folder."""
    if pages is None:
        utils.clean_directory(config.site_dir)
        for plugin in config.plugins.values():
            if hasattr(plugin, "search_index_prev"):  # Material's search merges the last index in: start afresh
                plugin.search_index_prev = None
        return
    wanted = set(pages)
    for file in files.documentation_pages():
        if file.src_uri in wanted and os.path.isfile(file.abs_dest_path):
            os.utime(file.abs_dest_path, (0, 0))  # older than its source: File.is_modified() says rebuild


def restore_and_keep(files: Files, kept: dict[str, Kept]) -> None:
    """Give unread pages what they held last time, then remember every page for the next save."""
    for file in files.documentation_pages():
        page = file.page
        if not isinstance(page, Page):
            continue
        if page.markdown is None and file.src_uri in kept:
            last = kept[file.src_uri]
            page.markdown, page.meta, page.content, page.toc = last.markdown, last.meta, last.content, last.toc
            page._title_from_render = last.title_from_render
            page.present_anchor_ids = last.anchors
        if page.markdown is not None:
            kept[file.src_uri] = Kept(page.markdown, page.meta, page.content, page.toc, page._title_from_render, page.present_anchor_ids)
    present = {file.src_uri for file in files.documentation_pages()}
    for gone in set(kept) - present:
        del kept[gone]
