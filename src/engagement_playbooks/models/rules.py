"""The rules a value in a trainer's file must follow, and the words that explain a broken one.

Each rule is written once, here. The models check values with it (models/common.py and the others),
and the editor's forms get the same regular expression and message template (editor/config.py), so a
form refuses a value in exactly the words `playbooks check` uses. A message template names the value as
`{value}`: Python's repr() of it, which the editor's JavaScript writes the same way.

Regular expressions here must read the same in Python and in JavaScript: anchored with ^ and $, no inline
flags, no look-behind, no named groups.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

REQUIRED = "is missing; this field is required"
PHONE = "{value} is not a valid phone number for region {region}"
PAST_DATE = "{value} is in the future; use a date on or before {today}"
CHOICE = "{value} is not a known {kind}; {hint}expected one of: {listed}"
RANGE = "{value} is out of range; use a whole number from {min} to {max}"


def quoted(value: Any) -> str:
    """The value as messages show it (Python's repr: the editor's JavaScript copies this rule)."""
    return repr(value)


@dataclass(frozen=True)
class Pattern:
    """A value (text) must match `regex`; otherwise `message` explains what to write."""

    regex: str
    message: str  # with {value}

    def __call__(self, value: str) -> str:
        if not re.search(self.regex, value):
            raise ValueError(self.message.format(value=quoted(value)))
        return value

    def editor_rule(self) -> dict[str, Any]:
        return {"kind": "pattern", "regex": self.regex, "message": self.message}


@dataclass(frozen=True)
class Range:
    """A whole number from `low` to `high`, both included."""

    low: int
    high: int

    def __call__(self, value: int) -> int:
        if not self.low <= value <= self.high:
            raise ValueError(RANGE.format(value=quoted(value), min=self.low, max=self.high))
        return value

    def editor_rule(self) -> dict[str, Any]:
        return {"kind": "range", "min": self.low, "max": self.high, "message": RANGE}


def close_match(value: str, allowed: Iterable[str]) -> str:
    """'did you mean 'x'? ' for the closest allowed value, or '' (difflib's rule; the editor ports it)."""
    close = difflib.get_close_matches(value, sorted(allowed), n=1)
    return f"did you mean {quoted(close[0])}? " if close else ""


def choice_message(kind: str, value: str, allowed: Iterable[str]) -> str:
    listed = sorted(allowed)
    return CHOICE.format(value=quoted(value), kind=kind, hint=close_match(value, listed), listed=", ".join(listed))


def choice_rule(kind: str, options: Iterable[str]) -> dict[str, Any]:
    """The editor's form of `choice_message`: the kind is written into the template, the rest is filled in the browser."""
    return {"kind": "choice", "options": sorted(options), "message": CHOICE.replace("{kind}", kind)}


SLUG = Pattern(r"^[a-z0-9]+(?:-[a-z0-9]+)*$", "{value} is not a valid id; use lowercase letters, digits and hyphens, such as 'food-bank'")
# A first, simple check; email-validator (the Email type) then checks the rest, in `playbooks check`.
EMAIL = Pattern(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", "{value} is not an email address; write it as name@example.org")
WEB_URL = Pattern(
    r"^https?://[^\s/?#]+\.[^\s]*$", "{value} is not a web address; write it with http:// or https://, such as 'https://www.example.org'"
)
# Both cases spelled out: JavaScript has no inline (?i).
INTERVAL = Pattern(
    r"^\s*0*[1-9][0-9]*\s*([dD][aA][yY]|[wW][eE][eE][kK]|[mM][oO][nN][tT][hH]|[yY][eE][aA][rR])[sS]?\s*$",
    "{value} is not a review interval; write a number and a unit (day, week, month, year), such as '6 months'",
)
SEARCH_WORDS = Pattern(
    r"^[A-Za-z0-9][A-Za-z0-9 '&.\-]{0,59}$",
    "{value} is not a search word or phrase; use letters, digits, spaces, hyphens or apostrophes, at most 60 characters",
)
ABBREVIATION = Pattern(
    r"^[A-Za-z0-9&.\-]{2,12}$", "{value} is not an abbreviation; use 2 to 12 letters, digits, '&', '.' or '-', such as 'FTO'"
)
COLOUR = Pattern(r"^#[0-9a-fA-F]{6}$", "{value} is not a colour; write # and six hex digits, such as '#3f51b5'")
REGION = Pattern(r"^[A-Z]{2}$", "{value} is not a country code; write two capital letters, such as 'US'")
