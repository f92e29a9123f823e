"""The `review_status()` macro: a table of every reviewed page, for the trainers' review-status page (facts: domain/reviews.py)."""

from __future__ import annotations

from engagement_playbooks.domain.clock import long_date
from engagement_playbooks.domain.reviews import Status, reviews
from engagement_playbooks.rendering.context import PageContext


def review_status(ctx: PageContext) -> str:
    found = reviews(ctx.snapshot)
    rows = [{"review": r, "url": link.url if (link := ctx.link(r.path)) else None} for r in found]
    counts = {status: sum(1 for r in found if r.status is status) for status in Status}
    return ctx.render("review_status.html", rows=rows, counts=counts, today=ctx.snapshot.today, Status=Status, long_date=long_date)
