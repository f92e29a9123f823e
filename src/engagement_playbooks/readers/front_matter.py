"""The one reader of page front matter: every part of the engine that needs a page's metadata comes here."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from engagement_playbooks.readers.problems import Problem
from engagement_playbooks.readers.yaml_source import YamlDocument, parse_yaml

# The same rule as MkDocs' own (mkdocs.utils.meta.YAML_RE): `---` on the first line, then YAML, then `---` or `...`.
_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.UNICODE | re.DOTALL)


@dataclass(frozen=True)
class FrontMatter:
    meta: dict[str, Any]  # {} when the page has none, or when it is not a mapping
    document: YamlDocument | None  # with line numbers, for error messages
    body_start: int  # lines before the body: the body's first line is body_start + 1
    text: str  # the whole page
    body_offset: int  # where the body starts in text

    @property
    def body(self) -> str:
        """The Markdown after the front matter, as MkDocs hands it to plugins (cut when asked: every page
        is held for the whole build, and a second copy of each would cost memory for nothing)."""
        return self.text[self.body_offset :]


def read_front_matter(text: str, shown_as: str) -> tuple[FrontMatter, list[Problem]]:
    """Split a page into front matter and body; YAML errors come back as problems naming the file and line."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return FrontMatter({}, None, 0, text, 0), []
    document, problems = parse_yaml(match.group(1), shown_as, first_line=2)
    meta = document.data if document is not None and isinstance(document.data, dict) else {}
    # MkDocs drops the blank lines after the front matter too (mkdocs.utils.meta.get_data), so lines count from there.
    offset = match.end()
    while text.startswith("\n", offset):
        offset += 1
    return FrontMatter(meta, document, text.count("\n", 0, offset), text, offset), problems


def meta_of(text: str) -> dict[str, Any]:
    """Just the metadata, for callers that report no errors (an unreadable header reads as none)."""
    front, _ = read_front_matter(text, "")
    return front.meta
