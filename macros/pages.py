"""The pages under docs/ and what their front matter says about them."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.utils.meta import get_data


@dataclass(frozen=True)
class PageInfo:
    path: str  # relative to docs/, with forward slashes
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def internal(self) -> bool:
        return self.meta.get("audience") == "internal"


def is_internal(meta: dict[str, Any]) -> bool:
    return meta.get("audience") == "internal"


def scan_pages(docs_dir: Path) -> dict[str, PageInfo]:
    """Every Markdown page with its front matter, keyed by docs-relative path."""
    pages = {}
    for file in sorted(docs_dir.rglob("*.md")):
        relative = file.relative_to(docs_dir).as_posix()
        if any(part.startswith(".") for part in relative.split("/")):
            continue
        _, meta = get_data(file.read_text(encoding="utf-8"))
        pages[relative] = PageInfo(relative, meta if isinstance(meta, dict) else {})
    return pages
