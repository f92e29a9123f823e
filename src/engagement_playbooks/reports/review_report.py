"""What each owning team has to check: pages overdue or due within 30 days, and partner entries past their staleness window.

Pure functions over a build's snapshot: `team_reports` gathers the facts of domain/reviews.py by team (every
owner of department.yml, in its order, even those with nothing due, so the issue filer knows which reminders
to close), and the `as_text` / `team_markdown` / `as_markdown` / `as_json` functions format them. The
commands are cli/reviews.py and cli/review_issues.py.

A partner belongs to its `owner:` in data/partners.yml, or to the first owner of department.yml.
A stale partner entry counts as overdue: its check is past due, like an overdue review.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from engagement_playbooks.domain.clock import long_date
from engagement_playbooks.domain.reviews import Review, StalePartner, Status, reviews, stale_partners
from engagement_playbooks.domain.snapshot import Snapshot
from engagement_playbooks.models.department import Owner

PARTNERS_FILE = "data/partners.yml"


@dataclass(frozen=True)
class TeamReport:
    owner: Owner
    pages: list[Review]  # overdue or due soon: overdue first, then by due date
    partners: list[StalePartner]  # oldest check first

    @property
    def empty(self) -> bool:
        return not self.pages and not self.partners

    @property
    def overdue(self) -> bool:
        return bool(self.partners) or any(review.overdue for review in self.pages)


def team_reports(site: Snapshot, *, all_editions: bool = True) -> list[TeamReport]:
    """One report per owner of department.yml, in its order. Internal pages are included unless `all_editions` is False."""
    due = [review for review in reviews(site, all_editions=all_editions) if review.status is not Status.CURRENT]
    partners = sorted(stale_partners(site), key=lambda stale: (stale.partner.last_verified, stale.partner.name.lower()))
    return [
        TeamReport(
            owner=owner,
            pages=[review for review in due if review.owner.id == owner.id],
            partners=[stale for stale in partners if stale.owner == owner.id],
        )
        for owner in site.catalog.department.owners
    ]


def _days(count: int) -> str:
    return f"{count} day{'' if count == 1 else 's'}"


def _page_when(review: Review) -> str:
    if review.overdue:
        return f"overdue since {long_date(review.next_due)} ({_days(-review.days_left)} late)"
    if review.days_left == 0:
        return "due today"
    return f"due on {long_date(review.next_due)} (in {_days(review.days_left)})"


def _partner_when(entry: StalePartner, months: int) -> str:
    return f"last verified {long_date(entry.partner.last_verified)}, more than {months} months ago"


def as_text(reports: list[TeamReport], today: dt.date, months: int) -> str:
    busy = [report for report in reports if not report.empty]
    lines = [f"Reviews and partner checks as of {long_date(today)}"]
    if not busy:
        return lines[0] + ": nothing is due. Every page and partner entry is current.\n"
    for report in busy:
        lines += ["", f"{report.owner.name} ({report.owner.id}, {report.owner.email})"]
        for review in report.pages:
            mark = "OVERDUE" if review.overdue else "due soon"
            lines.append(f"  {mark:8}  {review.shown}: {review.title}, {_page_when(review)}")
        for entry in report.partners:
            lines.append(f"  {'STALE':8}  {PARTNERS_FILE} {entry.partner.id}: {entry.partner.name}, {_partner_when(entry, months)}")
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    """Plain text safe inside Markdown: no character starts a link, emphasis, HTML or a mention."""
    return "".join(f"\\{char}" if char in "\\`*_[]<>#|@!~" else char for char in text)


def team_markdown(report: TeamReport, today: dt.date, months: int, page_url: Any = None) -> str:
    """One team's section: a heading, its pages and its partner entries. `page_url(path)` may link each page."""
    lines = [f"## {_md(report.owner.name)}", ""]
    if report.empty:
        return "\n".join([*lines, "Nothing is due. Every page and partner entry of this team is current.", ""])
    if report.pages:
        lines += ["### Pages to review", ""]
        for review in report.pages:
            url = page_url(review.path) if page_url else None
            title = f"[{_md(review.title)}]({url})" if url else _md(review.title)
            mark = "**Overdue**" if review.overdue else "Due soon"
            lines.append(f"- [ ] {mark}: {title} (`{review.shown}`), {_md(_page_when(review))}")
        lines.append("")
    if report.partners:
        lines += [f"### Partner entries to verify (older than {months} months)", ""]
        for entry in report.partners:
            lines.append(
                f"- [ ] {_md(entry.partner.name)} (`{entry.partner.id}` in `{PARTNERS_FILE}`), {_md(_partner_when(entry, months))}"
            )
        lines.append("")
    lines.append(
        f"To clear an item, check the page and update its `last_reviewed` date, or check the partner and update its `last_verified` date."
        f" Listed on {long_date(today)}."
    )
    return "\n".join(lines) + "\n"


def as_markdown(reports: list[TeamReport], today: dt.date, months: int, page_url: Any = None) -> str:
    busy = [report for report in reports if not report.empty]
    head = f"# Reviews and partner checks as of {long_date(today)}\n\n"
    if not busy:
        return head + "Nothing is due. Every page and partner entry is current.\n"
    return head + "\n".join(team_markdown(report, today, months, page_url) for report in busy)


def as_json(reports: list[TeamReport], today: dt.date) -> str:
    data = {
        "today": today.isoformat(),
        "teams": [
            {
                "owner": {"id": r.owner.id, "name": r.owner.name, "email": r.owner.email},
                "overdue": r.overdue,
                "pages": [
                    {
                        "path": review.shown,
                        "title": review.title,
                        "status": "overdue" if review.overdue else "due-soon",
                        "next_due": review.next_due.isoformat(),
                        "days_left": review.days_left,
                    }
                    for review in r.pages
                ],
                "partners": [
                    {
                        "id": e.partner.id,
                        "name": e.partner.name,
                        "last_verified": e.partner.last_verified.isoformat(),
                        "stale_since": e.due.isoformat(),
                    }
                    for e in r.partners
                ],
            }
            for r in reports
        ],
    }
    return json.dumps(data, indent=2) + "\n"
