"""data/partners.yml: community partners and their contacts."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from .common import Category, District, Email, MarkdownText, OwnerId, PastDate, Phone, Slug, Strict, Tag, Text, WebUrl
from .interval import Interval

Visibility = Literal["public", "internal"]


class Contact(Strict):
    name: Text = Field(description="The person's name.", title="Name")
    role: Text = Field(description="Their job, such as `Intake coordinator`.", title="Role")
    phone: Phone | None = Field(None, description="Direct phone number.", title="Direct phone")
    email: Email | None = Field(None, description="Direct email address.", title="Direct email")
    visibility: Visibility = Field(
        description="`public`: shown in both editions. `internal`: only in the internal edition.", title="Who can see this contact"
    )


class Partner(Strict):
    id: Slug = Field(
        description="Stable id used by the partner macros and as the directory anchor. Never change it once published.", title="Id"
    )
    name: Text = Field(description="The partner's name.", title="Name")
    category: Category = Field(description="One category id from `partner_categories` in department.yml.", title="Category")
    offers: MarkdownText = Field(description="What they offer, in a sentence or two (inline Markdown).", title="What they offer")
    referral: MarkdownText = Field(description="How an officer refers someone to them (inline Markdown).", title="How to refer someone")
    districts: list[District] = Field(
        min_length=1, description="District ids from department.yml that they serve.", title="Districts served"
    )
    address: Text | None = Field(None, description="Street address.", title="Address")
    website: WebUrl | None = Field(None, description="Website, starting with http:// or https://.", title="Website")
    phone: Phone = Field(description="Main phone number.", title="Main phone")
    email: Email | None = Field(None, description="Main email address.", title="Main email")
    hours: Text | None = Field(None, description="Opening hours in plain words.", title="Opening hours")
    languages: list[Text] = Field(default_factory=list, description="Languages staff speak.", title="Languages spoken")
    tags: list[Tag] = Field(default_factory=list, description="Tags from department.yml, used by `partner_table(tag=...)`.", title="Tags")
    last_verified: PastDate = Field(description="The date someone last checked these details (YYYY-MM-DD).", title="Last checked on")
    contacts: list[Contact] = Field(default_factory=list, description="People to contact.", title="People to contact")
    owner: OwnerId | None = Field(
        None,
        description="The team that keeps this entry current (an owner id); defaults to the first owner in department.yml.",
        title="Team that keeps it current",
    )

    def is_stale(self, today: dt.date, months: int) -> bool:
        return Interval(months, "month").after(self.last_verified) < today

    def for_edition(self, internal: bool) -> Partner:
        """This partner as one edition may show it: the public edition never holds internal contacts."""
        if internal:
            return self
        return self.model_copy(update={"contacts": [c for c in self.contacts if c.visibility == "public"]})


class PartnerFile(Strict):
    partners: list[Partner] = Field(description="Every partner.", title="Partners")
