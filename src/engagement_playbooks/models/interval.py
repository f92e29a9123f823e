"""Review intervals such as "6 months", and the calendar arithmetic they need."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Annotated, Any, NamedTuple

from pydantic import BeforeValidator

from . import rules

UNITS = ("day", "week", "month", "year")
_PATTERN = re.compile(r"^\s*(\d+)\s*(day|week|month|year)s?\s*$", re.IGNORECASE)


class Interval(NamedTuple):
    number: int
    unit: str  # one of UNITS

    def __str__(self) -> str:
        return f"{self.number} {self.unit}{'' if self.number == 1 else 's'}"

    def after(self, start: dt.date) -> dt.date:
        """The date one interval after `start`; month ends clamp (31 Jan + 1 month = 28 or 29 Feb)."""
        if self.unit == "day":
            return start + dt.timedelta(days=self.number)
        if self.unit == "week":
            return start + dt.timedelta(weeks=self.number)
        months = self.number * (12 if self.unit == "year" else 1)
        index = start.month - 1 + months
        year, month = start.year + index // 12, index % 12 + 1
        return dt.date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def parse_interval(value: Any) -> Any:
    if isinstance(value, Interval):
        return value
    match = _PATTERN.match(str(value))
    if not match or int(match.group(1)) < 1:
        raise ValueError(rules.INTERVAL.message.format(value=rules.quoted(value)))
    return Interval(int(match.group(1)), match.group(2).lower())


ReviewInterval = Annotated[Interval, BeforeValidator(parse_interval)]
