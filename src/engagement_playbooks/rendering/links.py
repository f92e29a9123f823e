"""Links between pages, resolved the way MkDocs resolves them, and kept edition-safe."""

from __future__ import annotations

from dataclasses import dataclass

from engagement_playbooks.data.pages import PageInfo
from engagement_playbooks.rendering.urls import page_url, relative_url


@dataclass(frozen=True)
class Link:
    url: str
    title: str


class SiteLinks:
    def __init__(self, pages: dict[str, PageInfo], use_directory_urls: bool, internal_edition: bool) -> None:
        self.pages = pages
        self.use_directory_urls = use_directory_urls
        self.internal_edition = internal_edition

    def site_url(self, path: str) -> str:
        """The site-root-relative URL of a docs page, such as 'forums/plan-a-forum/'."""
        return page_url(path, self.use_directory_urls)

    def to(self, target: str, from_page: str) -> Link | None:
        """A link from one page to another (`target` is docs-relative and may end in #anchor).

        None when the target is internal and this is the public edition: a public page
        must not reveal an internal page, not even its title.
        """
        path, _, anchor = target.partition("#")
        info = self.pages.get(path)
        if info is None or (info.internal and not self.internal_edition):
            return None
        url = relative_url(self.site_url(path), self.site_url(from_page))
        title = str(info.meta.get("title") or path)
        return Link(f"{url}#{anchor}" if anchor else url, title)
