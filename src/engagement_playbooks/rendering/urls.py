"""Page addresses, computed the way MkDocs 1.6 computes them (tests/site/test_engine_contracts.py compares the two)."""

from __future__ import annotations

import posixpath


def page_url(path: str, use_directory_urls: bool) -> str:
    """The site-root-relative URL of a docs page: forums/plan-a-forum.md -> forums/plan-a-forum/ (or .html)."""
    stem, _ = posixpath.splitext(path)
    folder, name = posixpath.split(stem)
    if name in ("index", "README"):
        html = posixpath.join(folder, "index.html")
        if use_directory_urls:
            return f"{folder}/" if folder else "./"
        return html
    if use_directory_urls:
        return f"{stem}/"
    return f"{stem}.html"


def _parts(path: str) -> list[str]:
    parts: list[str] = []
    for part in path.split("/"):
        if part in ("", "."):
            continue
        if part == "..":
            if parts:
                parts.pop()
            continue
        parts.append(part)
    return parts


def relative_url(url: str, other: str) -> str:
    """`url` as seen from the page at `other` (both site-root-relative), as mkdocs.utils.get_relative_url does."""
    folder, _, basename = other.rpartition("/")
    if "." in basename:
        other = folder
    other_parts, dest_parts = _parts(other), _parts(url)
    common = 0
    for a, b in zip(other_parts, dest_parts, strict=False):
        if a != b:
            break
        common += 1
    relative = "/".join([".."] * (len(other_parts) - common) + dest_parts[common:]) or "."
    return relative + "/" if url.endswith("/") else relative


def from_root(target: str, page: str) -> str:
    """A target relative to the site's root, which may climb out of it (an archived edition's link to the
    current one: ../../), as seen from the page at the site-root-relative URL `page`."""
    depth = page.count("/") if page not in ("", "./") else 0
    return ("../" * depth + target) or "./"
