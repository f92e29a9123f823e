"""The pages under docs/, and what their front matter says about them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.utils.meta import YAML_RE

from .models.common import Context
from .models.page import PageMeta
from .problems import Problem
from .validation import validate
from .yamlsource import YamlDocument, parse_yaml


@dataclass(frozen=True)
class PageInfo:
    path: str  # relative to docs/, with forward slashes
    shown: str  # as error messages name it, such as docs/forums/index.md
    meta: dict[str, Any]
    text: str  # the whole file, read once per build
    front_matter: YamlDocument | None  # with line numbers, for error messages

    @property
    def internal(self) -> bool:
        return self.meta.get("audience") == "internal"


def scan_pages(docs_dir: Path, root: Path) -> tuple[dict[str, PageInfo], list[Problem]]:
    """Every Markdown page with its front matter, keyed by docs-relative path."""
    pages: dict[str, PageInfo] = {}
    problems: list[Problem] = []
    for file in sorted(docs_dir.rglob("*.md")):
        relative = file.relative_to(docs_dir).as_posix()
        if any(part.startswith(".") for part in relative.split("/")):
            continue
        shown = file.relative_to(root).as_posix() if file.is_relative_to(root) else relative
        text = file.read_text(encoding="utf-8")
        match = YAML_RE.match(text)
        document = None
        if match:
            document, found = parse_yaml(match.group(1), shown, first_line=2)
            problems += found
        meta = document.data if document is not None and isinstance(document.data, dict) else {}
        pages[relative] = PageInfo(relative, shown, meta, text, document)
    return pages, problems


def validate_pages(pages: dict[str, PageInfo], context: Context) -> tuple[dict[str, PageMeta], list[Problem]]:
    checked: dict[str, PageMeta] = {}
    problems: list[Problem] = []
    for path, info in pages.items():
        if info.front_matter is None:
            checked[path] = PageMeta()
            continue
        meta, found = validate(PageMeta, info.front_matter, context)
        problems += [Problem(p.file, p.line, f"front matter {p.field}".strip(), p.message) for p in found]
        if meta is not None:
            checked[path] = meta
    return checked, problems
