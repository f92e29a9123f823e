"""feed.xml: an Atom feed of the updates blog, written after the build from the posts Material's blog plugin published.

Why not a feed plugin: mkdocs-rss-plugin pulls in `properdocs` (a fork of MkDocs) that makes mike
build with the wrong tool, and the other feed plugins on PyPI are unmaintained or made for other
formats. The blog plugin already knows every published post (URL, title, date, authors,
categories, rendered HTML), so a few lines of ElementTree turn that into a feed, and
ElementTree escapes every value.

Internal posts never get here in the public edition: hosts/mkdocs/editions.py excludes them before the blog
plugin collects its posts. The filter below is a second guard.
"""

from __future__ import annotations

import datetime as dt
import html
import logging
from pathlib import Path
from typing import Any
from urllib.parse import urljoin
from xml.etree import ElementTree as ET

from engagement_playbooks.hosts.mkdocs.blog import Post, blog_url, posts

log = logging.getLogger("mkdocs.plugins.playbooks")

ATOM = "http://www.w3.org/2005/Atom"
FEED_FILE = "feed.xml"
MAX_ENTRIES = 20

XML_NS = "http://www.w3.org/XML/1998/namespace"  # ElementTree writes it as the xml: prefix

ET.register_namespace("", ATOM)


def _stamp(moment: dt.datetime) -> str:
    # The blog plugin gives aware datetimes (UTC when the post gave only a date); Atom wants RFC 3339.
    return moment.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")


def _add(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
    if text is not None:
        element.text = text
    return element


def build_feed(config: Any, blog_url: str, posts: list[Post]) -> ET.ElementTree[ET.Element]:
    base = config.site_url or ""  # without site_url, links are relative to feed.xml at the site root
    feed = ET.Element(f"{{{ATOM}}}feed", {f"{{{XML_NS}}}lang": config.theme.get("language") or "en"})
    _add(feed, "title", f"{config.site_name}: what's new")
    if config.site_description:
        _add(feed, "subtitle", config.site_description)
    _add(feed, "id", urljoin(base, FEED_FILE))
    _add(feed, "link", rel="self", type="application/atom+xml", href=urljoin(base, FEED_FILE))
    _add(feed, "link", rel="alternate", type="text/html", href=urljoin(base, blog_url))
    # The newest post's date, not the clock: the same posts always give the same feed.
    newest = max((post.updated or post.created for post in posts), default=None)
    _add(feed, "updated", _stamp(newest or dt.datetime(1970, 1, 1, tzinfo=dt.UTC)))
    author = _add(feed, "author")
    _add(author, "name", config.site_author or config.site_name)
    for post in posts[:MAX_ENTRIES]:
        url = urljoin(base, post.url)
        entry = _add(feed, "entry")
        # A title taken from the post's H1 is HTML text (MkDocs keeps its entities, such as &amp;); the feed wants plain text.
        _add(entry, "title", html.unescape(post.title))
        _add(entry, "id", url)
        _add(entry, "link", rel="alternate", type="text/html", href=url)
        _add(entry, "published", _stamp(post.created))
        _add(entry, "updated", _stamp(post.updated or post.created))
        for writer in post.authors:
            _add(_add(entry, "author"), "name", writer)
        for category in post.categories:
            _add(entry, "category", term=category)
        if post.description:
            _add(entry, "summary", post.description)
        if post.content:
            # Relative links in the post resolve against the post's own address.
            _add(entry, "content", post.content, type="html", **{f"{{{XML_NS}}}base": url})
    ET.indent(feed)
    return ET.ElementTree(feed)


def write_feed(config: Any, internal_edition: bool) -> Path | None:
    url = blog_url(config)
    if url is None:
        return None
    found = posts(config, internal_edition)
    path = Path(config.site_dir) / FEED_FILE
    build_feed(config, url, found).write(path, encoding="utf-8", xml_declaration=True)
    log.info(f"Wrote {FEED_FILE} with {min(len(found), MAX_ENTRIES)} posts")
    return path
