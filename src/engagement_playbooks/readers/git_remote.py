"""The address of the site's git remote (`origin`), read once with `git`: the editor's backend comes from it."""

from __future__ import annotations

import subprocess
from pathlib import Path


def origin_url(folder: Path) -> str | None:
    """`git remote get-url origin` in `folder`; None without git, outside a repository, or without that remote."""
    try:
        found = subprocess.run(["git", "remote", "get-url", "origin"], cwd=folder, capture_output=True, text=True, check=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    return found.stdout.strip() or None
