"""Load YAML while remembering the line of every value, so errors can name it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from engagement_playbooks.readers.problems import Problem

Loc = tuple[str | int, ...]


class _Loader(yaml.SafeLoader):
    """SafeLoader that keeps dates as text, so the models check them and can say which line is wrong."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class _FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The same rules on libyaml's parser when PyYAML has it: pure-Python parsing was most of a large site's build time.

    Its error messages are terser, so a file that fails is parsed again with _Loader to explain the error.
    """

    yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers


def _parse(text: str, loader_class: type[Any]) -> tuple[yaml.Node | None, Any]:
    """One parse: the node tree gives the lines, and the data is constructed from that same tree."""
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        return node, loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()


@dataclass
class YamlDocument:
    path: str  # as shown to trainers, relative to the project
    data: Any
    lines: dict[Loc, int] = field(default_factory=dict)

    def line_of(self, loc: Loc) -> int | None:
        """The line of the value at `loc`, or of its nearest parent that has one."""
        while loc:
            if loc in self.lines:
                return self.lines[loc]
            loc = loc[:-1]
        return self.lines.get((), None)


def load_yaml(path: Path, shown_as: str) -> tuple[YamlDocument | None, list[Problem]]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return None, [Problem(shown_as, None, "", f"cannot be read: {error}")]
    return parse_yaml(text, shown_as)


def parse_yaml(text: str, shown_as: str, first_line: int = 1) -> tuple[YamlDocument | None, list[Problem]]:
    """Parse YAML text that starts at line `first_line` of the file `shown_as`."""
    offset = first_line - 1
    try:
        node, data = _parse(text, _FastLoader)
    except yaml.MarkedYAMLError:
        try:
            node, data = _parse(text, _Loader)
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark
            line = mark.line + 1 + offset if mark else None
            column = f", column {mark.column + 1}" if mark else ""
            return None, [Problem(shown_as, line, "", f"is not valid YAML{column}: {error.problem}")]
    document = YamlDocument(shown_as, data)
    problems: list[Problem] = []
    if node is not None:
        _record_lines(node, (), document, problems, offset)
    return document, problems


def _record_lines(node: yaml.Node, loc: Loc, document: YamlDocument, problems: list[Problem], offset: int) -> None:
    document.lines[loc] = node.start_mark.line + 1 + offset
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = key_node.value
            if key in seen:
                problems.append(
                    Problem(document.path, key_node.start_mark.line + 1 + offset, format_loc((*loc, key)), "appears twice; keep one")
                )
            seen.add(key)
            _record_lines(value_node, (*loc, key), document, problems, offset)
            # A missing or wrong value is best pointed at by its key's line.
            document.lines[(*loc, key)] = key_node.start_mark.line + 1 + offset
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record_lines(item, (*loc, index), document, problems, offset)


def format_loc(loc: Loc) -> str:
    """('partners', 3, 'phone') -> 'partners[3].phone'."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text
