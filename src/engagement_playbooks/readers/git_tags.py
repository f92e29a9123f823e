"""The one reader of git tags and of files at other revisions: what issued editions were recorded, and
what the site's files said then.

Every function answers None (or nothing) when there is no git, no repository or no such revision, so a
download or a shallow clone without tags still builds.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

_RECORD = "\x00"
_FIELD = "\x1f"
_FORMAT = "%(refname:strip=2)%1f%(objectname)%1f%(*objectname)%1f%(contents)%00"


@dataclass(frozen=True)
class Tag:
    name: str  # such as edition/2027.1
    commit: str  # the commit it points at
    message: str  # an annotated tag's message ("" for a lightweight tag)
    in_history: bool  # the commit is HEAD or one of its ancestors


@dataclass(frozen=True)
class Tags:
    tags: tuple[Tag, ...]
    head: str
    shallow: bool


def _git(folder: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    return done.stdout


def _records(text: str) -> dict[str, tuple[str, str]]:
    found = {}
    for record in text.split(_RECORD):
        record = record.lstrip("\n")
        if record:
            name, target, peeled, message = record.split(_FIELD, 3)
            found[name] = (peeled or target, message if peeled else "")
    return found


def read(folder: Path, prefix: str) -> Tags | None:
    """The tags named `prefix`* (such as "edition/"), or None without a git repository with a commit."""
    head = _git(folder, "rev-parse", "HEAD")
    shallow = _git(folder, "rev-parse", "--is-shallow-repository")
    listed = _git(folder, "for-each-ref", f"--format={_FORMAT}", f"refs/tags/{prefix}")
    if head is None or shallow is None or listed is None:
        return None
    merged = _git(folder, "for-each-ref", "--merged", "HEAD", "--format=%(refname:strip=2)", f"refs/tags/{prefix}") or ""
    in_history = set(merged.split())
    tags = tuple(Tag(name, commit, message, name in in_history) for name, (commit, message) in _records(listed).items())
    return Tags(tags, head.strip(), shallow.strip() == "true")


def commits_between(folder: Path, since: str | None, until: str) -> frozenset[str]:
    """The commits reachable from `until` and not from `since` (all of `until`'s history when `since` is None)."""
    listed = _git(folder, "rev-list", until, *([f"^{since}"] if since else []))
    return frozenset(listed.split()) if listed else frozenset()


def file_at(folder: Path, revision: str, path: Path) -> str | None:
    """A file's text at a revision (such as "<sha>^"), or None where it did not exist."""
    return _git(folder, "show", f"{revision}:{_relative(folder, path)}")


def paths_at(folder: Path, revision: str, subfolder: Path) -> frozenset[str] | None:
    """Every file under `subfolder` at a revision, relative to it; None when the revision is not here."""
    listed = _git(folder, "ls-tree", "-r", "--name-only", "--full-tree", revision, "--", _relative(folder, subfolder))
    if listed is None:
        return None
    base = _relative(folder, subfolder).rstrip("/") + "/"
    return frozenset(line.removeprefix(base) for line in listed.splitlines() if line.startswith(base))


def _relative(folder: Path, path: Path) -> str:
    top = _git(folder, "rev-parse", "--show-toplevel")
    root = Path(top.strip()).resolve() if top else folder.resolve()
    return path.resolve().relative_to(root).as_posix()
