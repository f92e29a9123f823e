"""The one reader of awesome-nav's `.nav.yml` (a folder's menu order): the onboarding hub and `new-play` read it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

NAV_FILE = ".nav.yml"


@dataclass(frozen=True)
class NavFile:
    entries: tuple[object, ...]  # as listed under `nav:`: file names, globs and {title: …} mappings
    append_unmatched: bool = False

    @property
    def files(self) -> list[str]:
        """The entries that name one file of the folder, in menu order."""
        return [entry for entry in self.entries if isinstance(entry, str) and entry != "*"]

    @property
    def globbed(self) -> bool:
        """Whether the menu takes every page of the folder (`*`, or `append_unmatched`), so a new page shows up in it."""
        glob = any(entry == "*" or (isinstance(entry, dict) and entry.get("glob") == "*") for entry in self.entries)
        return glob or self.append_unmatched


def read_nav_file(folder: Path) -> NavFile | None:
    """The folder's .nav.yml, or None when it has none (or lists no `nav:`): awesome-nav then orders it by name."""
    path = folder / NAV_FILE
    if not path.is_file():
        return None
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    nav = data.get("nav") if isinstance(data, dict) else None
    if not isinstance(nav, list):
        return None
    return NavFile(tuple(nav), bool(data.get("append_unmatched")))
