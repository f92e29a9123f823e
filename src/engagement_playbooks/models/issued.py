"""`editions:` in data/department.yml: how issued editions are published (domain/releases.py)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .common import Strict


class IssuedEditions(Strict):
    root: Literal["main", "latest"] = Field(
        "main",
        description="What the site's address shows. `main`: the latest approved changes, with every issued edition "
        "under archive/. `latest`: the latest issued edition, so changes reach officers only when an edition is issued.",
        title="The site's address shows",
    )
