"""Front matter of pages under docs/. Plays (`type: play`) carry owner and review fields."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import ConfigDict, Field, model_validator

from .common import OwnerId, PastDate, Strict, Tag, Text
from .interval import ReviewInterval

# The play template (docs/trainers/play-template.md): these H2 headings, with this text, in this order.
PLAY_HEADINGS = (
    "Purpose and when to use it",
    "What you need",
    "Steps",
    "Checklist",
    "Key questions",
    "Pitfalls to avoid",
    "Partners to involve",
    "Sources",
)


class PageMeta(Strict):
    # Front matter is read-only input; unknown keys are typos, but Material's own keys are allowed.
    model_config = ConfigDict(extra="forbid", frozen=True)

    title: Text | None = Field(None, description="The page title (otherwise the first heading).", title="Title")
    description: Text | None = Field(None, description="One sentence for search results and link previews.", title="Summary")
    type: Literal["play"] | None = Field(
        None,
        description="`play` for a play: it must then follow the play template and have an owner and review date.",
        title="Kind of page",
    )
    audience: Literal["public", "internal"] = Field(
        "public", description="`internal` pages appear only in the internal edition.", title="Who can see it"
    )
    tags: list[Tag] = Field(default_factory=list, description="Tags from department.yml.", title="Tags")
    owner: OwnerId | None = Field(
        None, description="The team that keeps the page current, an owner id from department.yml.", title="Owning team"
    )
    last_reviewed: PastDate | None = Field(
        None, description="When the owner last checked the whole page (YYYY-MM-DD).", title="Last reviewed on"
    )
    review_every: ReviewInterval | None = Field(
        None,
        description="How often to review, such as `6 months`; defaults to department.yml `default_review_every`.",
        title="Review every",
    )
    keywords: list[Text] = Field(
        default_factory=list,
        description="Extra words that find this page in search without showing on it, such as `coffee with a cop`.",
        title="Hidden search words",
    )
    # Material for MkDocs and mkdocs-macros keys, passed through as they are.
    hide: list[str] | None = None
    search: dict[str, Any] | None = None
    template: str | None = None
    icon: str | None = None
    status: str | None = None
    subtitle: str | None = None
    render_macros: bool | None = None
    # The blog's (updates) posts: Material's blog reads these.
    date: Any = Field(None, title="Date", description="The post's date (YYYY-MM-DD); the newest post is shown first.")
    authors: list[str] | None = Field(None, title="Written by", description="Author ids from the authors file (data/authors.yml).")
    categories: list[str] | None = Field(None, title="Categories", description="Categories of the updates, such as `New plays`.")
    slug: str | None = None
    readtime: int | None = None
    draft: bool | None = Field(None, title="Draft", description="`true` keeps the post off the site until it is ready.")
    pin: bool | None = Field(None, title="Pin to the top", description="`true` keeps the post first on the updates page.")
    links: list[Any] | None = None

    @model_validator(mode="after")
    def _plays_are_owned(self) -> PageMeta:
        if self.type == "play":
            missing = [name for name in ("title", "description", "owner", "last_reviewed") if getattr(self, name) is None]
            if not self.tags:
                missing.append("tags")
            if missing:
                raise ValueError(f"a play needs {', '.join(missing)} in its front matter")
        return self

    @property
    def is_play(self) -> bool:
        return self.type == "play"
