"""The pages under docs/, read once per build with their front matter (checked by validation/pages.py)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from engagement_playbooks.readers.front_matter import FrontMatter, read_front_matter
from engagement_playbooks.readers.problems import Problem


@dataclass(frozen=True)
class PageInfo:
    path: str  # relative to docs/, with forward slashes
    shown: str  # as error messages name it, such as docs/forums/index.md
    front: FrontMatter

    @property
    def text(self) -> str:
        """The whole file, read once per build."""
        return self.front.text

    @property
    def meta(self) -> dict[str, Any]:
        return self.front.meta

    @property
    def internal(self) -> bool:
        return self.meta.get("audience") == "internal"


def read_page(file: Path, relative: str, shown: str) -> tuple[PageInfo, list[Problem]]:
    text = file.read_text(encoding="utf-8")
    front, problems = read_front_matter(text, shown)
    return PageInfo(relative, shown, front), problems


def scan_pages(docs_dir: Path, root: Path, known: Mapping[str, PageInfo] | None = None) -> tuple[dict[str, PageInfo], list[Problem]]:
    """Every Markdown page with its front matter, keyed by docs-relative path.

    `known` are pages read before without a problem (the preview's last build): a page whose text is
    unchanged is taken from there, not parsed again."""
    pages: dict[str, PageInfo] = {}
    problems: list[Problem] = []
    for file in sorted(docs_dir.rglob("*.md")):
        relative = file.relative_to(docs_dir).as_posix()
        if any(part.startswith(".") for part in relative.split("/")):
            continue
        shown = file.relative_to(root).as_posix() if file.is_relative_to(root) else relative
        before = (known or {}).get(relative)
        if before is not None and before.text == file.read_text(encoding="utf-8"):
            pages[relative] = before
            continue
        pages[relative], found = read_page(file, relative, shown)
        problems += found
    return pages, problems
