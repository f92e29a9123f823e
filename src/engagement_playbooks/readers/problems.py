"""Problems found in trainers' files, and how they are reported.

Every check collects problems instead of stopping at the first, so one run
shows a trainer everything to fix.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where} {self.field}: {self.message}" if self.field else f"{where} {self.message}"


class ProblemsError(Exception):
    """Raised once with every problem of a run, so the build stops with all of them listed."""

    def __init__(self, problems: Iterable[Problem], what: str = "problem") -> None:
        self.problems = sorted(set(problems), key=lambda p: (p.file, p.line or 0, p.field, p.message))
        count = len(self.problems)
        listing = "\n".join(f"  {p}" for p in self.problems)
        super().__init__(f"{count} {what}{'' if count == 1 else 's'} found; fix and run again:\n{listing}")
