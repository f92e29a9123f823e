"""`playbooks reviews`: what each owning team has to check, grouped by team.

    playbooks reviews [--config mkdocs.yml] [--format text|markdown|json] [--public-only] [--fail-overdue]

Lists the pages whose review is overdue or due within 30 days and the partner entries past their
staleness window, under the team that owns them. Internal pages are listed too (trainers keep both
editions current) unless --public-only is given. With --fail-overdue it exits 1 when anything is overdue.
The logic is in reports/review_report.py; `playbooks review-issues` files the same lists as GitHub issues.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

from engagement_playbooks.cli.check import load_site as load_checked_site
from engagement_playbooks.reports import review_report
from engagement_playbooks.site import Site
from engagement_playbooks.validation.problems import ProblemsError

FORMATS = ("text", "markdown", "json")


def load_site(config_file: Path) -> tuple[Site, str]:
    """The checked site of this config, and its site_url ('' when unset)."""
    site, config = load_checked_site(config_file.resolve())
    return site, str(config.site_url or "")


def public_page_url(site: Site, site_url: str) -> Callable[[str], str | None]:
    """Links to pages of the published (public) site; internal pages are not there, so they get none."""

    def url(path: str) -> str | None:
        info = site.pages.get(path)
        if not site_url or info is None or info.internal:
            return None
        return urljoin(site_url, site.links.site_url(path))

    return url


@dataclass(frozen=True)
class Reviews:
    """What both review commands work from: the site, one report per owning team, and links to the public site."""

    site: Site
    reports: list[review_report.TeamReport]
    months: int  # department.yml contact_staleness_months
    page_url: Callable[[str], str | None]


def load_reviews(config_file: Path, public_only: bool) -> Reviews:
    site, site_url = load_site(config_file)
    reports = review_report.team_reports(site, all_editions=not public_only)
    return Reviews(site, reports, site.catalog.department.contact_staleness_months, public_page_url(site, site_url))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="playbooks reviews", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--config", default="mkdocs.yml", type=Path, help="MkDocs config of the site")
    parser.add_argument("--format", choices=FORMATS, default="text", help="text (default), markdown (an issue body) or json")
    parser.add_argument("--public-only", action="store_true", help="leave out internal pages")
    parser.add_argument("--fail-overdue", action="store_true", help="exit 1 when any review or partner check is overdue")
    args = parser.parse_args(argv)
    try:
        found = load_reviews(args.config, args.public_only)
    except ProblemsError as error:
        print(error, file=sys.stderr)
        return 2
    today = found.site.today
    if args.format == "json":
        output = review_report.as_json(found.reports, today)
    elif args.format == "markdown":
        output = review_report.as_markdown(found.reports, today, found.months, found.page_url)
    else:
        output = review_report.as_text(found.reports, today, found.months)
    sys.stdout.write(output)
    return 1 if args.fail_overdue and any(report.overdue for report in found.reports) else 0


if __name__ == "__main__":
    sys.exit(main())
