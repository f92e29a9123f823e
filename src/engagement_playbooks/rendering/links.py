"""Links between pages, resolved the way the host resolves them, and kept edition-safe."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from engagement_playbooks.readers.pages import PageInfo
from engagement_playbooks.rendering.urls import page_url, relative_url


@dataclass(frozen=True)
class Link:
    url: str
    title: str


class SiteLinks:
    def __init__(
        self, pages: Mapping[str, PageInfo], use_directory_urls: bool, internal_edition: bool, urls: Mapping[str, str] | None = None
    ) -> None:
        self.pages = pages
        self.use_directory_urls = use_directory_urls
        self.internal_edition = internal_edition
        # The host's own page URLs (a blog post's address is not its source path); computed for pages it did not list.
        self.urls: Mapping[str, str] = urls or {}

    def site_url(self, path: str) -> str:
        """The site-root-relative URL of a docs page, such as 'forums/plan-a-forum/'."""
        return self.urls.get(path) or page_url(path, self.use_directory_urls)

    def from_page(self, url: str, from_page: str) -> str:
        """A site-root-relative URL (such as contacts/partners.vcf) as seen from a docs page."""
        return relative_url(url, self.site_url(from_page)) if from_page else url

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
