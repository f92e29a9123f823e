"""Which checklists a page calls: the onboarding hub lists them, and the preview rebuilds the hub when they change."""

from __future__ import annotations

import re

# A call such as {{ checklist("week-1") }}; the macro's name and argument are macros/registry.py's `checklist`.
_CALL = re.compile(r"""\bchecklist\(\s*["']([a-z0-9-]+)["']""")


def checklists_called(text: str) -> list[str]:
    """The checklist ids a page's text calls, in order."""
    return _CALL.findall(text)
