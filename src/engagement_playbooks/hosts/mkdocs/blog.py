"""Adapter for Material's blog plugin internals (9.8): the posts it published.

Used for the feed (feed.py) and the announcement bar. Internals relied on, checked by
tests/site/test_engine_contracts.py: `plugin.blog` (set once posts are collected), `blog.posts`, `blog.url`,
and for each post `url`, `title`, `meta`, `content`, `authors[].name`, `categories[].title`,
`config.date.created` and `config.date.get("updated")`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

NAME = "material/blog"


@dataclass(frozen=True)
class Post:
    url: str  # site-relative
    title: str  # HTML text, as MkDocs keeps it (entities such as &amp; kept)
    created: dt.datetime
    updated: dt.datetime | None
    authors: list[str]
    categories: list[str]
    description: str | None
    content: str | None


def _blog(config: Any) -> Any:
    plugin = config.plugins.get(NAME)
    if plugin is None or not plugin.config.enabled:
        return None
    return getattr(plugin, "blog", None)


def blog_url(config: Any) -> str | None:
    blog = _blog(config)
    return str(blog.url) if blog is not None else None


def posts(config: Any, internal_edition: bool) -> list[Post]:
    """The blog's posts for this edition, newest first (by date, ignoring `pin`, which only orders the blog index)."""
    blog = _blog(config)
    if blog is None:
        return []
    found = [
        Post(
            url=post.url,
            title=post.title or post.url,
            created=post.config.date.created,
            updated=post.config.date.get("updated"),
            authors=[writer.name for writer in post.authors],
            categories=[category.title for category in post.categories],
            description=str(post.meta["description"]) if post.meta.get("description") else None,
            content=post.content,
        )
        for post in blog.posts
        if internal_edition or post.meta.get("audience") != "internal"
    ]
    return sorted(found, key=lambda post: post.created, reverse=True)
