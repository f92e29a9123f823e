"""data/checklists/<id>.yml: checklists that the `checklist("id")` macro renders."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from .common import MarkdownText, PageLink, SignOffRole, Slug, Strict, Text

Audience = Literal["new-hire", "officer", "trainer", "supervisor"]


class Item(Strict):
    id: Slug = Field(
        description="Stable id, unique in this checklist. Saved progress is keyed by it: "
        "keep it when you reword the text, and never reuse an old one.",
        title="Id",
    )
    text: MarkdownText = Field(
        description="What to do (inline Markdown; link pages as `[words](forums/plan-a-forum.md)`).", title="What to do"
    )
    link: PageLink | None = Field(
        None,
        description="A page of this site with more detail, relative to docs/, such as `forums/plan-a-forum.md#invite`.",
        title="Page with more detail",
    )
    due: Text | None = Field(None, description="When it should be done, such as `Day 1` or `Week 2`.", title="When")
    sign_off: SignOffRole | None = Field(
        None, description="Who signs it off: a role id from `sign_off_roles` in department.yml.", title="Signed off by"
    )


class Section(Strict):
    title: Text = Field(description="Section heading, such as `Day 1`.", title="Section heading")
    items: list[Item] = Field(min_length=1, description="The section's items.", title="Items")


class Checklist(Strict):
    id: Slug = Field(description="Stable id; must match the file name (`<id>.yml`).", title="Id")
    title: Text = Field(description="The checklist's title.", title="Title")
    audience: list[Audience] = Field(
        min_length=1, description="Who it is for: `new-hire`, `officer`, `trainer`, `supervisor`.", title="Who it is for"
    )
    description: MarkdownText | None = Field(None, description="One or two sentences shown above the items.", title="Description")
    items: list[Item] = Field(default_factory=list, description="The items, when the checklist has no sections.", title="Items")
    sections: list[Section] = Field(
        default_factory=list, description="Sections, each with a `title` and `items` (use instead of `items`).", title="Sections"
    )

    @model_validator(mode="after")
    def _items_or_sections(self) -> Checklist:
        if bool(self.items) == bool(self.sections):
            raise ValueError("needs either `items:` or `sections:` (one of them, not both)")
        return self

    @property
    def groups(self) -> list[Section]:
        """Sections to render; a checklist without sections is one untitled group."""
        return self.sections or [Section.model_construct(title="", items=self.items)]

    @property
    def all_items(self) -> list[Item]:
        return [item for group in self.groups for item in group.items]
