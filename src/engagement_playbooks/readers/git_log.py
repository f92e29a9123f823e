"""The one reader of the git log: one `git log` walk per build over docs/ and data/, newest first.

Whitespace-only changes and pure renames are left out, as the git-dates plugin does, so its "last
updated" dates (hosts/mkdocs/git_dates.py) and the change lists (domain/history.py) agree. A shallow
clone has a cut history, so the walk reports it. A folder that is not a git repository, or has no
commits, gives no history (None) and the build goes on.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass
from pathlib import Path

_HEADER = "\x00"  # git writes it (%x00) before each commit line; never part of a path or subject
_FIELD = "\x1f"


@dataclass(frozen=True)
class Commit:
    sha: str
    when: dt.datetime  # author time, UTC
    subject: str
    files: tuple[Path, ...]  # resolved absolute paths this commit changed


@dataclass(frozen=True)
class GitLog:
    commits: tuple[Commit, ...]  # newest first
    shallow: bool


def walk(folder: Path, *extra: Path) -> GitLog | None:
    """Every commit that changed a file under `folder` (and the `extra` folders), newest first; None without git history.

    Called once per build: the build's snapshot keeps the result (Snapshot.git_log).
    """
    return _walk(folder, [path for path in extra if path.exists()])


def _walk(folder: Path, extra: list[Path]) -> GitLog | None:
    try:
        top = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=folder, capture_output=True, text=True, check=True)
        shallow = subprocess.run(["git", "rev-parse", "--is-shallow-repository"], cwd=folder, capture_output=True, text=True, check=True)
        history = subprocess.run(
            # The date plugin's own query, for all files at once: -w and --ignore-blank-lines skip whitespace-only
            # changes, --diff-filter=r leaves out pure renames.
            [
                "git",
                "log",
                "--format=%x00%H%x1f%at%x1f%s",  # _HEADER, then fields split by _FIELD
                "--name-only",
                "--diff-filter=r",
                "-w",
                "--ignore-blank-lines",
                "--",
                ".",
                *(str(path.resolve()) for path in extra),
            ],
            cwd=folder,
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return None  # no git, not a repository, or no commit yet
    root = Path(top.stdout.strip()).resolve()
    commits: list[Commit] = []
    header: tuple[str, dt.datetime, str] | None = None
    files: list[Path] = []

    def close() -> None:
        if header is not None and files:
            commits.append(Commit(header[0], header[1], header[2], tuple(files)))

    for line in history.stdout.splitlines():
        if line.startswith(_HEADER):
            close()
            sha, stamp, subject = line[1:].split(_FIELD, 2)
            header, files = (sha, dt.datetime.fromtimestamp(int(stamp), dt.UTC), subject), []
        elif line:
            files.append(root / line)
    close()
    return GitLog(tuple(commits), shallow.stdout.strip() == "true")
