"""`playbooks review-issues`: one open GitHub issue per owning team listing what it has to check.

    playbooks review-issues [--config mkdocs.yml] [--dry-run] [--public-only]

For each owner of department.yml, the issue labelled `review:<owner-id>`:
- none open and something is due: the label is made (if missing) and the issue opened;
- one open: its body is replaced when the list changed (left alone otherwise);
- one open and nothing is due: it is closed with a comment;
- more than one open (two runs at once, or someone copied one): the oldest is kept, the others closed.

It talks to GitHub only through the `gh` command (GH_TOKEN and GH_REPO come from the workflow,
.github/workflows/reviews.yml), so tests put a stand-in `gh` first on the PATH.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from engagement_playbooks.cli.reviews import load_reviews
from engagement_playbooks.readers.problems import ProblemsError
from engagement_playbooks.reports import review_report

LABEL_PREFIX = "review:"
LABEL_COLOR = "d93f0b"
FOOTER = (
    "\n---\n"
    "This issue is opened and updated every day by the `reviews` workflow (`playbooks review-issues`). "
    "It closes by itself when nothing is left to check. Edits to this text are replaced on the next run.\n"
)


@dataclass(frozen=True)
class Action:
    verb: str  # create, edit, close, keep
    team: str
    number: int | None = None


def label(owner_id: str) -> str:
    return f"{LABEL_PREFIX}{owner_id}"


def title(owner_name: str) -> str:
    return f"Reviews due: {owner_name}"


class Gh:
    """The few `gh` calls the filer needs; `dry_run` prints them instead of changing anything."""

    def __init__(self, dry_run: bool = False) -> None:
        self.dry_run = dry_run

    def _run(self, *args: str, stdin: str | None = None, changes: bool = True) -> str:
        if self.dry_run and changes:
            print("would run: gh " + " ".join(args), file=sys.stderr)
            return ""
        result = subprocess.run(["gh", *args], input=stdin, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise RuntimeError(f"gh {' '.join(args[:2])} failed ({result.returncode}): {result.stderr.strip()}")
        return result.stdout

    def open_issues(self, name: str) -> list[dict[str, Any]]:
        out = self._run("issue", "list", "--state", "open", "--label", name, "--limit", "100", "--json", "number,title,body", changes=False)
        issues: list[dict[str, Any]] = json.loads(out or "[]")
        return sorted(issues, key=lambda issue: int(issue["number"]))

    def ensure_label(self, name: str, description: str) -> None:
        self._run("label", "create", name, "--color", LABEL_COLOR, "--description", description, "--force")

    def create(self, name: str, issue_title: str, body: str) -> None:
        self._run("issue", "create", "--title", issue_title, "--label", name, "--body-file", "-", stdin=body)

    def edit(self, number: int, issue_title: str, body: str) -> None:
        self._run("issue", "edit", str(number), "--title", issue_title, "--body-file", "-", stdin=body)

    def close(self, number: int, comment: str) -> None:
        self._run("issue", "close", str(number), "--comment", comment)


def file_issues(reports: list[review_report.TeamReport], bodies: dict[str, str], gh: Gh) -> list[Action]:
    """Bring each team's reminder issue in line with its report; returns what was done, team by team."""
    actions: list[Action] = []
    for report in reports:
        team = report.owner.id
        name = label(team)
        issue_title = title(report.owner.name)
        found = gh.open_issues(name)
        keep, extra = (found[0], found[1:]) if found else (None, [])
        for duplicate in extra:
            gh.close(int(duplicate["number"]), f"Closed as a duplicate of #{keep['number'] if keep else '?'}.")
            actions.append(Action("close", team, int(duplicate["number"])))
        if report.empty:
            if keep is not None:
                gh.close(int(keep["number"]), "Nothing is due any more: every page and partner entry of this team is current. Thank you!")
                actions.append(Action("close", team, int(keep["number"])))
            continue
        body = bodies[team] + FOOTER
        if keep is None:
            gh.ensure_label(name, f"Reminders for {report.owner.name}"[:100])
            gh.create(name, issue_title, body)
            actions.append(Action("create", team))
        elif keep.get("body", "").strip() != body.strip() or keep.get("title") != issue_title:
            gh.edit(int(keep["number"]), issue_title, body)
            actions.append(Action("edit", team, int(keep["number"])))
        else:
            actions.append(Action("keep", team, int(keep["number"])))
    return actions


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="playbooks review-issues", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--config", default="mkdocs.yml", type=Path, help="MkDocs config of the site")
    parser.add_argument("--dry-run", action="store_true", help="print the changes instead of making them")
    parser.add_argument("--public-only", action="store_true", help="leave out internal pages (for a public repository without them)")
    args = parser.parse_args(argv)
    try:
        found = load_reviews(args.config, args.public_only)
    except ProblemsError as error:
        print(error, file=sys.stderr)
        return 2
    bodies = {r.owner.id: review_report.team_markdown(r, found.site.today, found.months, found.page_url) for r in found.reports}
    try:
        actions = file_issues(found.reports, bodies, Gh(dry_run=args.dry_run))
    except (RuntimeError, OSError) as error:
        print(f"Could not file the review issues: {error}", file=sys.stderr)
        return 1
    for action in actions:
        print(f"{action.team}: {action.verb}" + (f" #{action.number}" if action.number else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
