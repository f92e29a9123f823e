"""Every page's front matter checked against the page model, with each problem's file and line."""

from __future__ import annotations

from engagement_playbooks.models.common import Context
from engagement_playbooks.models.page import PageMeta
from engagement_playbooks.readers.pages import PageInfo
from engagement_playbooks.readers.problems import Problem
from engagement_playbooks.validation.validate import validate


def validate_pages(pages: dict[str, PageInfo], context: Context) -> tuple[dict[str, PageMeta], list[Problem]]:
    checked: dict[str, PageMeta] = {}
    problems: list[Problem] = []
    for path, info in pages.items():
        if info.front.document is None:
            checked[path] = PageMeta()
            continue
        meta, found = validate(PageMeta, info.front.document, context)
        problems += [Problem(p.file, p.line, f"front matter {p.field}".strip(), p.message) for p in found]
        if meta is not None:
            checked[path] = meta
    return checked, problems
