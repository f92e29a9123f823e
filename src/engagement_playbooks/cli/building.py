"""Run a strict MkDocs build of the site with the engine's switches, for the commands that need one."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def strict_build(config_file: Path, site_dir: Path, **switches: str) -> int:
    """`mkdocs build --strict` into `site_dir`, with PLAYBOOKS_* switches such as offline="true"; the exit code."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **{f"PLAYBOOKS_{key.upper()}": value for key, value in switches.items()}}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config_file), "--site-dir", str(site_dir)]
    return subprocess.run(command, env=env, check=False).returncode


def edition_suffix() -> str:
    return "-internal" if os.environ.get("PLAYBOOKS_EDITION", "").strip().lower() == "internal" else ""
