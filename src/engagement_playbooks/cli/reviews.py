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

from engagement_playbooks.domain.snapshot import Snapshot
from engagement_playbooks.hosts.mkdocs.site_config import load_snapshot
from engagement_playbooks.readers.problems import ProblemsError
from engagement_playbooks.rendering.links import SiteLinks
from engagement_playbooks.reports import review_report

FORMATS = ("text", "markdown", "json")


def public_page_url(site: Snapshot, site_url: str, use_directory_urls: bool) -> Callable[[str], str | None]:
    """Links to pages of the published (public) site; internal pages are not there, so they get none."""
    links = SiteLinks(site.pages, use_directory_urls, internal_edition=False)

    def url(path: str) -> str | None:
        info = site.pages.get(path)
        if not site_url or info is None or info.internal:
            return None
        return urljoin(site_url, links.site_url(path))

    return url


@dataclass(frozen=True)
class Reviews:
    """What both review commands work from: the site, one report per owning team, and links to the public site."""

    site: Snapshot
    reports: list[review_report.TeamReport]
    months: int  # department.yml contact_staleness_months
    page_url: Callable[[str], str | None]


def load_reviews(config_file: Path, public_only: bool) -> Reviews:
    site, config = load_snapshot(config_file)
    reports = review_report.team_reports(site, all_editions=not public_only)
    page_url = public_page_url(site, config.site_url, config.use_directory_urls)
    return Reviews(site, reports, site.catalog.department.contact_staleness_months, page_url)


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
