"""`playbooks editions`: build the site with every issued edition readable beside it.

    playbooks editions [--config mkdocs.yml] [--site-dir DIR] [--no-pdf] [--no-zip]
    PLAYBOOKS_EDITION=internal playbooks editions      (staff archives: CI artifacts only, never publish them)

Each issued edition (git tag edition/<version>, made by `playbooks release`) is built from its own tag with
this engine into archive/<version>/ of the site, with an "archived edition" banner, its PDF and its offline
zip. The site's address then serves what department.yml `editions: root:` says: `main` (the default, the
latest approved changes) or `latest` (the latest issued edition). Every page gets an edition selector.
The root build takes the archives in before its link check and leak guard, so both cover every archive.

Why not mike: see the README ("Issued editions"). In short, mike keeps builds on a git branch and its
selector fetches versions.json from outside the site's folder, which the offline app and the zip cannot
reach, and its root is a redirect, which would move every address officers have saved.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from engagement_playbooks.cli.building import build_folder, strict_build
from engagement_playbooks.domain import releases
from engagement_playbooks.domain.editions import edition_from_environment
from engagement_playbooks.domain.snapshot import Snapshot
from engagement_playbooks.hosts.mkdocs.site_config import load_site_config
from engagement_playbooks.readers.problems import ProblemsError


def _git(folder: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True, check=True).stdout.strip()


def _playbooks(command: str, config: Path, output: Path, shelf: releases.Shelf) -> int:
    env = {**os.environ, releases.SHELF_VARIABLE: shelf.to_environment()}
    run = [sys.executable, "-m", "engagement_playbooks.cli.main", command, "--config", str(config), "--output", str(output)]
    return subprocess.run(run, env=env, check=False).returncode


class Checkouts:
    """Detached worktrees of the editions' tags, removed afterwards (git keeps no trace of them)."""

    def __init__(self, repository: Path, folder: Path) -> None:
        self.repository, self.folder = repository, folder
        self.made: list[Path] = []

    def at(self, release: releases.Release) -> Path:
        path = self.folder / release.version
        _git(self.repository, "worktree", "add", "--detach", "--quiet", str(path), release.commit)
        self.made.append(path)
        return path

    def remove(self) -> None:
        for path in self.made:
            subprocess.run(["git", "worktree", "remove", "--force", str(path)], cwd=self.repository, capture_output=True, check=False)


def build_archive(release: releases.Release, config: Path, out: Path, shelf: releases.Shelf, pdf: bool, zip_: bool) -> int:
    """One archived edition, its PDF and its offline zip, into out/<version>/."""
    target = out / release.version
    print(f"Building {release.label} into archive/{release.version}/")
    if strict_build(config, target, shelf=shelf.to_environment()) != 0:
        return 1
    if pdf and _playbooks("pdf", config, target / releases.archive_pdf(release.version), shelf) != 0:
        return 1
    if zip_ and _playbooks("offline", config, target / releases.archive_zip(release.version), shelf) != 0:
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="playbooks editions", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--config", "-f", default="mkdocs.yml", type=Path, help="the site's mkdocs.yml")
    parser.add_argument("--site-dir", "-d", type=Path, help="where to build (default: site/, or site-internal/ for the staff edition)")
    parser.add_argument("--no-pdf", action="store_true", help="no PDF per archived edition (it needs Chromium)")
    parser.add_argument("--no-zip", action="store_true", help="no offline zip per archived edition")
    args = parser.parse_args(argv)
    config_file = args.config.resolve()
    try:
        site = load_site_config(config_file)
        snapshot = Snapshot.load(site.root, site.docs_dir, edition_from_environment(), site.data_dir)
    except ProblemsError as error:
        print(error, file=sys.stderr)
        return 1
    site_dir = (args.site_dir or build_folder(config_file, "")).resolve()
    state = snapshot.releases
    if not state.releases:
        print(f"{state.label}: no edition to archive; building the site alone.")
        return strict_build(config_file, site_dir)
    top = Path(_git(site.root, "rev-parse", "--show-toplevel")).resolve()
    inside = config_file.relative_to(top)  # mkdocs.yml's place in the repository, the same in every checkout
    latest = state.releases[0]
    serve_latest = snapshot.catalog.department.editions.root == "latest"
    archived = tuple(r for r in state.releases if not (serve_latest and r == latest))
    root_revision = latest.commit if serve_latest else _git(site.root, "rev-parse", "HEAD")
    versions = tuple(r.version for r in archived)
    with tempfile.TemporaryDirectory(prefix="playbooks-editions-") as folder:
        checkouts = Checkouts(top, Path(folder) / "src")
        out = Path(folder) / "built"
        try:
            for release in archived:
                shelf = releases.Shelf(here=release.version, archived=versions, root_revision=root_revision)
                if build_archive(release, checkouts.at(release) / inside, out, shelf, not args.no_pdf, not args.no_zip) != 0:
                    print(f"editions: edition {release.version} did not build (above); nothing was written to {site_dir}", file=sys.stderr)
                    return 1
            root_config = checkouts.at(latest) / inside if serve_latest else config_file
            code = strict_build(root_config, site_dir, shelf=releases.Shelf(archived=versions, built=str(out)).to_environment())
        finally:
            checkouts.remove()
    if code == 0:
        shown = "the latest issued edition" if serve_latest else "the latest changes"
        print(f"Built {site_dir}: {shown} at the root, {len(archived)} archived edition(s) under {releases.ARCHIVE_FOLDER}/.")
    return code
