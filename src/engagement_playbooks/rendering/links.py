"""Links between pages, resolved the way MkDocs resolves them, and kept edition-safe."""

from __future__ import annotations

from dataclasses import dataclass

from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from .pages import PageInfo


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
        return File(path, "", "", self.use_directory_urls).url

    def to(self, target: str, from_page: str) -> Link | None:
        """A link from one page to another (`target` may end in #anchor).

        None when the target is internal and this is the public edition: a public page
        must not reveal an internal page, not even its title.
        """
        path, _, anchor = target.partition("#")
        info = self.pages.get(path)
        if info is None or (info.internal and not self.internal_edition):
            return None
        url = get_relative_url(self.site_url(path), self.site_url(from_page))
        title = str(info.meta.get("title") or path)
        return Link(f"{url}#{anchor}" if anchor else url, title)
