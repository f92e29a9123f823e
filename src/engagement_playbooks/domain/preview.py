"""Live preview that rebuilds only what an edit affects (`make serve`, MkDocs' dirty rebuilds).

Pure logic over the engine's own data: which pages a save makes out of date. Each page's context records
what its macros read (the keys below, named for each macro in macros/registry.py); after a save the
previous and the new Snapshot are compared, and the pages whose reads changed are rebuilt. Anything that
can change every page (navigation: a page added, removed or retitled; department.yml; the blog; an unknown
data file) asks for a full rebuild.
The host's side (marking pages for rebuild, keeping what unchanged pages hold) is hosts/mkdocs/preview.py.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from engagement_playbooks.domain.checklists import checklists_called
from engagement_playbooks.domain.partners import partner_matches
from engagement_playbooks.domain.snapshot import Snapshot

# What a macro reads, as keys a data change can be matched against.
ALL_DATA = "data"  # any data file at all
PAGES = "pages"  # other pages' text or front matter (review status, recent changes, onboarding hub)
PARTNERS = "partners"  # every partner, in file order
CHECKLISTS = "checklists"  # every checklist
GLOSSARY = "glossary"
PARTNER_TABLE = "partner-table:"  # then the table's filter (partner_table_key)
ONE_PARTNER = "partner:"  # then the partner's id
ONE_CHECKLIST = "checklist:"  # then the checklist's id
# Data files whose changes are tracked partner by partner, checklist by checklist or term by term.
TRACKED = re.compile(r"^(partners\.ya?ml|glossary\.ya?ml|checklists/[^/]+\.ya?ml)$")


def partner_table_key(category: str | None, district: str | None, tag: str | None) -> str:
    """What a `partner_table` call reads: the partners its filter matches (see _table_pages)."""
    return PARTNER_TABLE + json.dumps([category, district, tag])


@dataclass(frozen=True)
class Plan:
    full: bool
    pages: frozenset[str] = frozenset()  # docs-relative paths to rebuild when not full
    reason: str = ""


def data_fingerprints(data_dir: Path) -> dict[str, tuple[int, int]]:
    """Every data file's modification time and size: enough to tell which files a save touched."""
    found: dict[str, tuple[int, int]] = {}
    for path in sorted(data_dir.rglob("*")):
        if path.is_file():
            stat = path.stat()
            found[path.relative_to(data_dir).as_posix()] = (stat.st_mtime_ns, stat.st_size)
    return found


@dataclass
class PreviewState:
    """What the preview remembers between saves: the last snapshot, its data files, and what each page read."""

    snapshot: Snapshot | None = None
    data: dict[str, tuple[int, int]] = field(default_factory=dict)
    config_stamp: tuple[int, int] | None = None
    reads: dict[str, set[str]] = field(default_factory=dict)

    def plan(self, new: Snapshot, data: dict[str, tuple[int, int]], config_stamp: tuple[int, int] | None) -> Plan:
        """Which pages the change from the last build to `new` affects; and remember `new`."""
        old, old_data, old_config = self.snapshot, self.data, self.config_stamp
        self.snapshot, self.data, self.config_stamp = new, data, config_stamp
        if old is None:
            return Plan(True, reason="first build")
        if config_stamp != old_config:
            return Plan(True, reason="mkdocs.yml changed")
        return changed_pages(old, new, old_data, data, self.reads)

    def record(self, built: Mapping[str, set[str]]) -> None:
        """The reads of the pages this build rendered replace what they read before."""
        self.reads.update({path: set(keys) for path, keys in built.items()})
        if self.snapshot is not None:
            for gone in set(self.reads) - set(self.snapshot.pages):
                del self.reads[gone]


def changed_pages(
    old: Snapshot,
    new: Snapshot,
    old_data: Mapping[str, tuple[int, int]],
    data: Mapping[str, tuple[int, int]],
    reads: Mapping[str, set[str]],
) -> Plan:
    if set(old.pages) != set(new.pages):
        return Plan(True, reason="a page was added or removed")
    edited = {path for path, info in new.pages.items() if info.text != old.pages[path].text}
    for path in sorted(edited):
        if _nav_fields(old, path) != _nav_fields(new, path):
            return Plan(True, reason=f"{path}: title, tags or audience changed")
        if path.startswith("updates/"):
            return Plan(True, reason=f"{path}: a blog page")
    touched = {name for name in set(old_data) | set(data) if old_data.get(name) != data.get(name)}
    untracked = sorted(name for name in touched if not TRACKED.match(name))
    if untracked:
        return Plan(True, reason=f"data/{untracked[0]} changed")
    if old.catalog.department != new.catalog.department:
        return Plan(True, reason="department data changed")
    keys = _changed_keys(old, new, bool(touched))
    if any(_listed_fields(old, path) != _listed_fields(new, path) for path in edited):
        keys.add(PAGES)  # review dates, owners or checklist calls that other pages list
    wanted = set(edited) | {path for path, read in reads.items() if read & keys}
    wanted |= _table_pages(old, new, reads) | _abbreviation_pages(old, new)
    return Plan(False, frozenset(path for path in wanted if path in new.pages), reason=f"{len(wanted)} page(s) affected")


def _nav_fields(site: Snapshot, path: str) -> tuple[Any, ...]:
    meta = site.pages[path].meta
    heading = re.search(r"^#\s+(.+)$", site.pages[path].front.body, re.MULTILINE)
    return (meta.get("title"), heading.group(1) if heading else None, meta.get("tags"), meta.get("audience"))


def _listed_fields(site: Snapshot, path: str) -> tuple[Any, ...]:
    """What pages that list other pages read from them: front matter, and which checklists they call."""
    return (site.pages[path].meta, checklists_called(site.pages[path].text))


def _changed_keys(old: Snapshot, new: Snapshot, data_touched: bool) -> set[str]:
    keys: set[str] = set()
    if not data_touched:
        return keys
    before, after = old.catalog, new.catalog
    if before.partners != after.partners:
        keys |= {ALL_DATA, PARTNERS}
        changed = _changed_ids(before.partners, after.partners)
        keys |= {ONE_PARTNER + key for key in changed}
    if before.checklists != after.checklists:
        keys |= {ALL_DATA, CHECKLISTS} | {ONE_CHECKLIST + key for key in _changed_ids(before.checklists, after.checklists)}
    if before.glossary != after.glossary:
        keys |= {ALL_DATA, GLOSSARY}
    return keys


def _changed_ids(before: Mapping[str, Any], after: Mapping[str, Any]) -> set[str]:
    changed = {key for key in set(before) | set(after) if before.get(key) != after.get(key)}
    if [key for key in before if key in after] != [key for key in after if key in before]:
        changed |= set(before) | set(after)  # reordered: every list in file order changes
    return changed


def _table_pages(old: Snapshot, new: Snapshot, reads: Mapping[str, set[str]]) -> set[str]:
    """Pages whose partner table shows, or showed, a partner that changed."""
    changed = _changed_ids(old.catalog.partners, new.catalog.partners)
    versions = [p for key in changed for p in (old.catalog.partners.get(key), new.catalog.partners.get(key)) if p is not None]
    found: set[str] = set()
    for path, read in reads.items():
        for key in read:
            if key.startswith(PARTNER_TABLE):
                category, district, tag = json.loads(key.removeprefix(PARTNER_TABLE))
                if any(partner_matches(p, category, district, tag) for p in versions):
                    found.add(path)
    return found


def _abbreviation_pages(old: Snapshot, new: Snapshot) -> set[str]:
    """Pages that use an abbreviation whose glossary entry was added, removed or changed (every page
    carries the definitions, but only a page that uses the word shows a difference)."""
    before, after = old.catalog.glossary.abbreviations(), new.catalog.glossary.abbreviations()
    changed = [abbr for abbr in set(before) | set(after) if before.get(abbr) != after.get(abbr)]
    if not changed:
        return set()
    word = re.compile("|".join(rf"\b{re.escape(abbr)}\b" for abbr in sorted(changed)))
    return {path for path, info in new.pages.items() if word.search(info.text)}
