"""The `recent_changes()` macro: every page change of the last days, by week, as this edition may show it.

The facts come from domain/history.py (one git walk per build, shared with the "last updated" dates).
"""

from __future__ import annotations

from engagement_playbooks.domain import history
from engagement_playbooks.domain.clock import long_date
from engagement_playbooks.rendering.context import PageContext

NO_HISTORY = "The list of changes is not available in this copy of the site."


def recent_changes(ctx: PageContext, days: int = history.RECENT_DAYS) -> str:
    """Every page change of the last `days` days, by week, newest first."""
    snapshot = ctx.snapshot
    weeks = history.recent_weeks(snapshot.changes, snapshot.today, days) if snapshot.has_history else []
    rows = [(week.monday, [(change, [(path, ctx.link(path)) for path in change.pages]) for change in week.changes]) for week in weeks]
    note = None if snapshot.has_history else NO_HISTORY
    return ctx.render("recent_changes.html", weeks=rows, note=note, days=days, today=snapshot.today, long_date=long_date)
