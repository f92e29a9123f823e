"""Page ownership and periodic review: who owns a page, when it was last reviewed, when the next review is due;
and partner entries past their staleness window.

A page is reviewed when its front matter has `owner` and `last_reviewed` (every play must).
Its next review is `last_reviewed` plus `review_every` (or department.yml `default_review_every`),
computed against the build's today (PLAYBOOKS_TODAY pins it), so the result needs no JavaScript.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

from engagement_playbooks.domain.clock import long_date
from engagement_playbooks.domain.snapshot import Snapshot
from engagement_playbooks.models.department import Owner
from engagement_playbooks.models.interval import Interval
from engagement_playbooks.models.partners import Partner
from engagement_playbooks.readers.problems import Problem

DUE_SOON_DAYS = 30


class Status(Enum):
    # Declared in the order the review-status page lists them.
    OVERDUE = "overdue"
    DUE_SOON = "due within 30 days"
    CURRENT = "current"

    @property
    def rank(self) -> int:
        return list(Status).index(self)


@dataclass(frozen=True)
class Review:
    path: str  # docs-relative, such as forums/plan-a-forum.md
    shown: str  # as messages name it, such as docs/forums/plan-a-forum.md
    line: int | None  # line of `last_reviewed` in the file
    title: str
    is_play: bool
    owner: Owner
    last_reviewed: dt.date
    next_due: dt.date
    today: dt.date

    @property
    def status(self) -> Status:
        if self.today > self.next_due:
            return Status.OVERDUE
        if (self.next_due - self.today).days <= DUE_SOON_DAYS:
            return Status.DUE_SOON
        return Status.CURRENT

    @property
    def overdue(self) -> bool:
        return self.status is Status.OVERDUE

    @property
    def last_reviewed_long(self) -> str:
        return long_date(self.last_reviewed)

    @property
    def next_due_long(self) -> str:
        return long_date(self.next_due)

    @property
    def days_left(self) -> int:
        """Days until the review is due; negative when it is overdue."""
        return (self.next_due - self.today).days


def review_of(site: Snapshot, path: str) -> Review | None:
    """The review facts of one page, or None when its front matter names no owner or review date."""
    meta = site.metas.get(path)
    if meta is None or meta.owner is None or meta.last_reviewed is None:
        return None
    info = site.pages[path]
    every = meta.review_every or site.catalog.department.default_review_every
    line = info.front.document.line_of(("last_reviewed",)) if info.front.document else None
    return Review(
        path=path,
        shown=info.shown,
        line=line,
        title=meta.title or path,
        is_play=meta.is_play,
        owner=site.catalog.department.owner(meta.owner),
        last_reviewed=meta.last_reviewed,
        next_due=every.after(meta.last_reviewed),
        today=site.today,
    )


def reviews(site: Snapshot, *, all_editions: bool = False) -> list[Review]:
    """Every reviewed page this edition publishes (or of both editions): overdue first, then by due date, then by title."""
    found = [review for path in site.pages if (all_editions or site.shows(path)) and (review := review_of(site, path)) is not None]
    return sorted(found, key=lambda r: (r.status.rank, r.next_due, r.title.lower()))


def review_warnings(site: Snapshot) -> tuple[list[Problem], list[Problem]]:
    """(overdue, due soon) pages as problems naming the file and the `last_reviewed` line, for `make check`.

    Internal pages are included whatever the edition: trainers keep both editions current.
    """
    overdue: list[Problem] = []
    soon: list[Problem] = []
    for review in reviews(site, all_editions=True):
        owner = f"owner: {review.owner.name}, {review.owner.email}"
        if review.status is Status.OVERDUE:
            message = f"review overdue: it was due on {review.next_due.isoformat()} ({-review.days_left} days ago; {owner})"
            overdue.append(Problem(review.shown, review.line, "last_reviewed", message))
        elif review.status is Status.DUE_SOON:
            message = f"review due on {review.next_due.isoformat()}, in {review.days_left} days ({owner})"
            soon.append(Problem(review.shown, review.line, "last_reviewed", message))
    return overdue, soon


@dataclass(frozen=True)
class StalePartner:
    partner: Partner
    owner: str  # the owner id that checks it: its `owner:` in data/partners.yml, or the first owner of department.yml
    due: dt.date  # when the entry fell stale


def stale_partners(site: Snapshot) -> list[StalePartner]:
    """Partners whose details were last checked longer ago than department.yml `contact_staleness_months`, in file order."""
    department = site.catalog.department
    months = department.contact_staleness_months
    return [
        StalePartner(partner, partner.owner or department.owners[0].id, Interval(months, "month").after(partner.last_verified))
        for partner in site.catalog.partners.values()
        if partner.is_stale(site.today, months)
    ]


def stale_partner_warnings(site: Snapshot) -> list[Problem]:
    months = site.catalog.department.contact_staleness_months
    warnings = []
    for partner in (stale.partner for stale in stale_partners(site)):
        shown, line = site.catalog.partner_places.get(partner.id, ("partners", None))
        message = f"{partner.name!r} was last verified on {partner.last_verified.isoformat()}, over {months} months ago; check its details"
        warnings.append(Problem(shown, line, "last_verified", message))
    return warnings
