"""Issued editions: dated, citable versions of the site, recorded as annotated git tags `edition/<year>.<n>`.

One scheme for names: the year, a dot and the edition's number in that year, from 1 (2027.1, 2027.2,
2028.1). Each tag's message carries the effective date and a summary (`tag_message`), written by
`playbooks release`. Which edition a build is of comes from git alone:
- issued: the build is exactly the newest edition;
- ahead: the newest edition plus content changes not yet issued;
- archived: an older edition, built from its tag (a newer one exists);
- draft: no edition issued yet;
- unknown: no git history (a download, or a shallow clone that is not at an edition's tag).

(Not to be confused with the public and internal editions, domain/editions.py: every issued edition has both.)
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from engagement_playbooks.domain.clock import long_date
from engagement_playbooks.readers.git_tags import Tag, Tags

TAG_PREFIX = "edition/"
SCHEME = "year.number, such as 2027.1 (the first edition of 2027) or 2027.2"
_VERSION = re.compile(r"(\d{4})\.([1-9]\d{0,2})")
_EFFECTIVE = re.compile(r"^Effective: (\S+)$", re.MULTILINE)

Kind = Literal["issued", "ahead", "archived", "draft", "unknown"]
DRAFT = "Draft: not yet issued"
UNKNOWN = "Edition unknown (no git history)"


def version_key(version: str) -> tuple[int, int]:
    """(year, number) for ordering; ValueError naming the scheme for anything else."""
    found = _VERSION.fullmatch(version)
    if found is None:
        raise ValueError(f"got {version!r}; expected {SCHEME}")
    return int(found.group(1)), int(found.group(2))


@dataclass(frozen=True)
class Release:
    version: str
    effective: dt.date
    summary: str
    commit: str

    @property
    def key(self) -> tuple[int, int]:
        return version_key(self.version)

    @property
    def tag(self) -> str:
        return TAG_PREFIX + self.version

    @property
    def label(self) -> str:
        """Edition 2027.1, effective 15 January 2027"""
        return f"Edition {self.version}, effective {long_date(self.effective)}"


def tag_message(version: str, effective: dt.date, summary: str) -> str:
    """The annotated tag's message: a title line, the effective date, then the summary."""
    return f"Edition {version}\n\nEffective: {effective.isoformat()}\n\n{summary.strip()}\n"


def from_tag(tag: Tag) -> Release | None:
    """The edition a tag records, or None for a tag this scheme did not write (misnamed, lightweight, no date)."""
    version = tag.name.removeprefix(TAG_PREFIX)
    found = _EFFECTIVE.search(tag.message)
    try:
        version_key(version)
        effective = dt.date.fromisoformat(found.group(1)) if found else None
    except ValueError:
        return None
    if effective is None:
        return None
    summary = tag.message[found.end() :].strip() if found else ""
    return Release(version, effective, summary, tag.commit)


@dataclass(frozen=True)
class EditionState:
    """Which issued edition a build is of, and the others it can point to."""

    kind: Kind
    releases: tuple[Release, ...] = ()  # every issued edition, newest first
    current: Release | None = None  # the newest edition in this build's history: what it is of
    unissued: frozenset[str] = frozenset()  # content commits (docs/, data/) after `current`

    @property
    def latest(self) -> Release | None:
        return self.releases[0] if self.releases else None

    @property
    def label(self) -> str:
        """What the footer, the print cover and the sign-off sheets say."""
        if self.current is None:
            return UNKNOWN if self.kind == "unknown" else DRAFT
        return self.current.label

    def previous(self, release: Release) -> Release | None:
        """The edition issued before `release`, if any."""
        older = [other for other in self.releases if other.key < release.key]
        return older[0] if older else None

    def find(self, version: str) -> Release | None:
        return next((release for release in self.releases if release.version == version), None)


def edition_state(tags: Tags | None, content_commits: frozenset[str], commits_after: Callable[[str], frozenset[str]]) -> EditionState:
    """The build's edition from its tags. `content_commits` are the commits that changed docs/ or data/;
    `commits_after(commit)` every commit since that one (asked once, only when there is a current edition)."""
    if tags is None:
        return EditionState("unknown")
    releases = tuple(sorted((r for tag in tags.tags if (r := from_tag(tag)) is not None), key=lambda r: r.key, reverse=True))
    names = {tag.name for tag in tags.tags if tag.in_history}
    if tags.shallow:  # a cut history: only an edition's own tag tells what this is
        at_head = next((release for release in releases if release.commit == tags.head), None)
        if at_head is None:
            return EditionState("unknown", releases)
        return EditionState("issued" if at_head == releases[0] else "archived", releases, at_head)
    current = next((release for release in releases if release.tag in names), None)
    if current is None:
        return EditionState("draft", releases)
    if current != releases[0]:
        return EditionState("archived", releases, current)
    unissued = content_commits & commits_after(current.commit)
    return EditionState("ahead" if unissued else "issued", releases, current, unissued)


EDITIONS_PAGE = "editions/index.md"  # the engine writes these pages (hosts/mkdocs/releases.py) unless the site has its own


def changes_page(version: str | None) -> str:
    """The docs path of an edition's "What changed" page (None: the changes not yet issued)."""
    return f"editions/{version or 'unissued'}.md"


ARCHIVE_FOLDER = "archive"  # every archived edition at archive/<version>/ under the published root
SHELF_VARIABLE = "PLAYBOOKS_SHELF"  # set by `playbooks editions` (cli/building.py strict_build(shelf=…))


def archive_pdf(version: str) -> str:
    return f"playbooks-{version}.pdf"


def archive_zip(version: str) -> str:
    return f"playbooks-offline-{version}.zip"


@dataclass(frozen=True)
class Shelf:
    """Where a build sits among the published editions, as `playbooks editions` tells it (PLAYBOOKS_SHELF)."""

    here: str | None = None  # the archived edition this build is; None: the published root
    archived: tuple[str, ...] = ()  # the versions under archive/, newest first
    root_revision: str | None = None  # an archive build: the commit the root serves (for links to the same page)
    built: str | None = None  # the root build: the folder of built archives it takes in

    @classmethod
    def from_environment(cls) -> Shelf | None:
        """None for a plain build (no archives around it)."""
        raw = os.environ.get(SHELF_VARIABLE)
        if not raw:
            return None
        data = json.loads(raw)
        return cls(data.get("here"), tuple(data.get("archived", ())), data.get("root_revision"), data.get("built"))

    def to_environment(self) -> str:
        return json.dumps({"here": self.here, "archived": list(self.archived), "root_revision": self.root_revision, "built": self.built})

    def archive_file(self, version: str, name: str) -> bool:
        """Whether the built archive of `version` holds the file `name` (its PDF, its offline zip)."""
        return bool(self.built) and (Path(str(self.built)) / version / name).is_file()

    @property
    def to_root(self) -> str:
        """From this build's root to the published root."""
        return "../../" if self.here else ""


@dataclass(frozen=True)
class ShelfEntry:
    label: str
    prefix: str  # from this build's root to that edition's root ("" for this build)
    pages: frozenset[str] | None  # the docs pages it has; None: this build's own
    here: bool


def shelf_entries(shelf: Shelf, state: EditionState, pages_at: Callable[[str], frozenset[str] | None]) -> tuple[ShelfEntry, ...]:
    """The published root, then every archived edition, newest first, as links from this build."""

    def pages(revision: str | None) -> frozenset[str]:
        return (pages_at(revision) if revision else None) or frozenset()  # unknown: links go to that edition's home

    here_root = shelf.here is None
    entries = [ShelfEntry("Current edition", shelf.to_root, None if here_root else pages(shelf.root_revision), here_root)]
    for version in shelf.archived:
        release = state.find(version)
        label = release.label if release else f"Edition {version}"
        here = version == shelf.here
        prefix = "" if here else f"{shelf.to_root}{ARCHIVE_FOLDER}/{version}/"
        entries.append(ShelfEntry(label, prefix, None if here else pages(release.commit if release else None), here))
    return tuple(entries)
