"""The "Report a problem with this page" links: a new issue on the repository host, and an email to the owning team.

Both are plain links, prefilled with the page's title, address, source file and owning team, so a reader
needs no script and the page makes no request. theme/partials/report.html shows them; the values are
put on `page.meta.report` by the playbooks plugin (hosts/mkdocs/plugin.py, hosts/mkdocs/page_parts.py).

The issue link follows `repo_url`: GitHub and GitLab (any host with "gitlab" in its name) are known.
A department on another host sets `extra.report_issue_url` in mkdocs.yml to a URL with `{title}` and
`{body}` where the prefilled text goes (each URL-encoded), or to `false` for the email link only.
Pages without an `owner:` go to department.yml `feedback_email`, or else to the first owner.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from engagement_playbooks.domain.repository import repository
from engagement_playbooks.models.department import Department, Owner
from engagement_playbooks.readers.problems import Problem, ProblemsError


@dataclass(frozen=True)
class ReportLinks:
    issue_url: str | None  # None: no known issue tracker (the email link is still there)
    mail_url: str
    team: str  # who gets the report, as readers see it
    email: str


def issue_template(repo_url: str | None, configured: object = None) -> str | None:
    """The new-issue URL with {title} and {body} placeholders, from extra.report_issue_url or from repo_url's host."""
    if configured is False:
        return None
    if configured is not None and configured is not True:
        if not isinstance(configured, str) or not configured.startswith(("https://", "http://")) or "{title}" not in configured:
            expected = "an http(s) URL with {title} (and {body}) where the prefilled text goes, or false"
            raise ProblemsError([Problem("mkdocs.yml", None, "extra.report_issue_url", f"got {configured!r}; expected {expected}")])
        return configured
    found = repository(repo_url)
    return found.issue_template() if found else None


def recipient(department: Department, owner_id: str | None) -> tuple[str, str]:
    """(team name, email) that hears about problems with a page owned by `owner_id` (None: no owner)."""
    owner: Owner | None = next((o for o in department.owners if o.id == owner_id), None) if owner_id else None
    if owner is not None:
        return owner.name, str(owner.email)
    if department.feedback_email:
        return department.name, str(department.feedback_email)
    first = department.owners[0]
    return first.name, str(first.email)


def _encode(text: str) -> str:
    return quote(text, safe="")  # %20 for spaces: mailto (RFC 6068) and every issue tracker read it


def report_links(
    *,
    department: Department,
    title: str,
    source: str,  # such as docs/forums/plan-a-forum.md
    page_url: str,  # absolute when site_url is set
    owner_id: str | None,
    template: str | None,
) -> ReportLinks:
    team, email = recipient(department, owner_id)
    subject = f"Problem with the page: {title}"
    facts = f"Page: {title}\nAddress: {page_url}\nSource file: {source}\nOwner: {team}"
    body = f"{facts}\n\nWhat is wrong or out of date? What should it say?\n\n"
    issue_url = template.replace("{title}", _encode(subject)).replace("{body}", _encode(body)) if template else None
    mail_url = f"mailto:{email}?subject={_encode(subject)}&body={_encode(body)}"
    return ReportLinks(issue_url, mail_url, team, email)
