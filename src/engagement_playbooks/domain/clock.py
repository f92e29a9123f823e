"""The build's idea of today, and how dates are written for readers."""

from __future__ import annotations

import datetime as dt
import os

TODAY_VARIABLE = "PLAYBOOKS_TODAY"


def today() -> dt.date:
    """Today, unless PLAYBOOKS_TODAY=YYYY-MM-DD pins it (tests, reproducible builds)."""
    pinned = os.environ.get(TODAY_VARIABLE)
    return dt.date.fromisoformat(pinned) if pinned else dt.date.today()


def long_date(day: dt.date) -> str:
    """12 May 2026: unambiguous for every reader, unlike 05/12/2026."""
    return f"{day.day} {day:%B %Y}"
