"""The editor's weight (`make bench`, part `editor`): what admin/ loads, built from the Riverton site.

The editor is one page for trainers; officer pages load none of it (tests/site/test_editor_build.py checks that).
Figures: the first load (the page, its config, the scripts and styles it names), the lazy chunks Decap fetches
only when a screen needs them, each raw and gzip -9 as a CDN ships them.
"""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from engagement_playbooks.editor import assets
from engagement_playbooks.hosts.mkdocs.editor import is_editor_file

ROOT = Path(__file__).resolve().parent.parent


def _sizes(paths: list[Path]) -> dict[str, int]:
    return {
        "files": len(paths),
        "raw": sum(path.stat().st_size for path in paths),
        "gzip": sum(len(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0)) for path in paths),
    }


def measure(site: Path) -> dict[str, Any]:
    own = site / "assets" / "playbooks"
    first = [site / "admin" / "index.html", site / "admin" / "config.yml", *(own / path for path in (*assets.SCRIPTS, *assets.STYLES))]
    everything = [path for path in sorted(site.rglob("*")) if path.is_file() and is_editor_file(path.relative_to(site).as_posix())]
    lazy = [path for path in everything if path not in first]
    return {"first_load": _sizes(first), "lazy": _sizes(lazy), "all": _sizes(everything), "config_bytes": first[1].stat().st_size}


def build_and_measure(work: Path) -> dict[str, Any]:
    site = work / "editor-site"
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(ROOT / "mkdocs.yml"), "-d", str(site)]
    subprocess.run(command, cwd=ROOT, check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PLAYBOOKS_PRINT": "false"})
    return measure(site)


def table(found: dict[str, Any]) -> str:
    rows = [
        f"| {label} | {found[key]['files']} | {found[key]['raw'] / 1024:,.0f} kB | {found[key]['gzip'] / 1024:,.0f} kB |"
        for key, label in (
            ("first_load", "first load of admin/"),
            ("lazy", "lazy chunks (as screens need them)"),
            ("all", "all editor files"),
        )
    ]
    return (
        "## Editor (admin/)\n\n| what | files | raw | gzip -9 |\n|---|---|---|---|\n"
        + "\n".join(rows)
        + (f"\n\nadmin/config.yml: {found['config_bytes'] / 1024:,.0f} kB. Officer pages load none of these files.\n")
    )
