"""Which edition a build makes: public (the default) or internal. One switch for every command."""

from __future__ import annotations

import os

from engagement_playbooks.validation.problems import Problem, ProblemsError

EDITIONS = ("public", "internal")
EDITION_VARIABLE = "PLAYBOOKS_EDITION"


def edition_from_environment() -> str:
    edition = os.environ.get(EDITION_VARIABLE, "").strip().lower() or "public"
    if edition not in EDITIONS:
        raise ProblemsError(
            [Problem(EDITION_VARIABLE, None, "", f"got {edition!r}; expected one of: {', '.join(EDITIONS)} (leave it unset for public)")]
        )
    return edition
