"""`playbooks release`: issue an edition of the site, recorded as an annotated git tag.

    playbooks release 2027.1 --effective 2027-01-15 [--summary "…"] [--config mkdocs.yml]

Edition names are year.number: 2027.1 is the first edition of 2027, then 2027.2; each must be newer
than every edition before it. The effective date is the day the edition takes effect (YYYY-MM-DD), not
before the last edition's. The working tree must be clean, so the tag names exactly what was checked.
The site is checked and built strictly first; nothing is tagged if anything is wrong, and every problem
is reported at once. Without --summary the summary lists the public changes since the last edition.
It never asks a question, so CI can run it. Publish the edition with the `git push` line it prints.
"""

from __future__ import annotations

import argparse
import datetime as dt
import subprocess
import sys
import tempfile
from pathlib import Path

from engagement_playbooks.cli.building import strict_build
from engagement_playbooks.domain import releases
from engagement_playbooks.domain.snapshot import Snapshot
from engagement_playbooks.hosts.mkdocs.site_config import load_site_config
from engagement_playbooks.readers import git_tags
from engagement_playbooks.readers.problems import Problem, ProblemsError


def _git(folder: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=folder, input=stdin, capture_output=True, text=True, check=False)


def request_problems(version: str, effective: str, state: releases.EditionState, dirty: list[str]) -> list[Problem]:
    """Everything wrong with the request itself, in one list: the version, the date, the working tree."""
    problems = []
    latest = state.latest
    try:
        key = releases.version_key(version)
        if latest is not None and key <= latest.key:
            problems.append(Problem("version", None, version, f"must be newer than the last edition, {latest.version}"))
    except ValueError as error:
        problems.append(Problem("version", None, version, str(error)))
    try:
        day = dt.date.fromisoformat(effective)
        if latest is not None and day < latest.effective:
            problems.append(
                Problem("--effective", None, effective, f"is before the last edition's effective date, {latest.effective.isoformat()}")
            )
    except ValueError:
        problems.append(Problem("--effective", None, effective, "expected a date as YYYY-MM-DD, such as 2027-01-15"))
    if dirty:
        shown = ", ".join(dirty[:5]) + (f" and {len(dirty) - 5} more" if len(dirty) > 5 else "")
        problems.append(Problem("working tree", None, "", f"has changes not committed ({shown}); commit or stash them first"))
    return problems


def default_summary(public: Snapshot) -> str:
    """The public changes since the last edition, by kind, with page titles and partner and checklist names."""
    changes = public.edition_changes(None)
    catalog = public.catalog
    lines = []
    if changes.pages:
        titles = [str(public.pages[c.key].meta.get("title") or c.key) for c in changes.pages]
        lines.append("Pages changed: " + "; ".join(titles) + ".")
    if changes.checklists:
        lines.append("Checklists changed: " + "; ".join(catalog.checklists[c.key].title for c in changes.checklists) + ".")
    if changes.partners:
        lines.append("Partners changed: " + "; ".join(catalog.partners[c.key].name for c in changes.partners) + ".")
    if public.releases.current is None:
        return "The first issued edition."
    return "\n".join(lines) or "No page, checklist or partner changed since the last edition."


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="playbooks release", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("version", help=f"the edition's name: {releases.SCHEME}")
    parser.add_argument("--effective", required=True, help="the day it takes effect, YYYY-MM-DD")
    parser.add_argument("--summary", help="what changed, in a sentence or two (default: the public changes since the last edition)")
    parser.add_argument("--config", "-f", default="mkdocs.yml", type=Path, help="the site's mkdocs.yml")
    args = parser.parse_args(argv)
    config_file = args.config.resolve()
    if not config_file.is_file():
        print(f"release: {args.config} not found; run this in the site's folder or give --config", file=sys.stderr)
        return 2
    site = load_site_config(config_file)
    if git_tags.read(site.root, releases.TAG_PREFIX) is None:
        print("release: this folder is not a git repository with a commit; an edition is a git tag", file=sys.stderr)
        return 2
    status = _git(site.root, "status", "--porcelain", "--untracked-files=normal")
    dirty = [line[3:] for line in status.stdout.splitlines()]
    try:
        public = Snapshot.load(site.root, site.docs_dir, "public", site.data_dir)
        problems = request_problems(args.version, args.effective, public.releases, dirty)
    except ProblemsError as error:
        problems = error.problems
    if problems:
        print(ProblemsError(problems, "problem"), file=sys.stderr)
        print("Nothing was tagged.", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="playbooks-release-") as folder:
        for edition in ("public", "internal"):
            if strict_build(config_file, Path(folder) / edition, edition=edition, print="false") != 0:
                print(f"release: the strict build of the {edition} edition failed (above). Nothing was tagged.", file=sys.stderr)
                return 1
    summary = args.summary or default_summary(public)
    message = releases.tag_message(args.version, dt.date.fromisoformat(args.effective), summary)
    tag = releases.TAG_PREFIX + args.version
    done = _git(site.root, "tag", "--annotate", "--file=-", tag, stdin=message)
    if done.returncode != 0:
        print(f"release: git could not make the tag {tag}: {done.stderr.strip()}. Nothing was tagged.", file=sys.stderr)
        return 1
    print(f"Issued edition {args.version}, effective {args.effective}, as the git tag {tag}:\n\n{message}")
    print(f"Publish it: git push origin {tag}")
    return 0
