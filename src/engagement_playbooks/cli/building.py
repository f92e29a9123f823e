"""Run a strict build of the site with the engine's switches, for the commands that need one."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from engagement_playbooks.domain.editions import edition_from_environment, site_folder


def strict_build(config_file: Path, site_dir: Path, **switches: str) -> int:
    """`mkdocs build --strict` into `site_dir`, with PLAYBOOKS_* switches such as offline="true"; the exit code."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **{f"PLAYBOOKS_{key.upper()}": value for key, value in switches.items()}}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config_file), "--site-dir", str(site_dir)]
    return subprocess.run(command, env=env, check=False).returncode


def edition_suffix() -> str:
    """ "-internal" for the staff edition, for the files a command writes; an unknown PLAYBOOKS_EDITION raises ProblemsError."""
    return "-internal" if edition_from_environment() == "internal" else ""


def build_folder(config_file: Path, variant: str) -> Path:
    """Where a command builds this edition's `variant` (offline, print): the folder the plugin would pick (domain/editions.py)."""
    return config_file.resolve().parent / site_folder(edition_from_environment(), variant)
