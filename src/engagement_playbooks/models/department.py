"""data/department.yml: who the department is, and the controlled lists everything else uses."""

from __future__ import annotations

from pydantic import Field

from .app import App
from .common import Email, Phone, Region, Slug, StalenessMonths, Strict, Text, WebUrl
from .interval import ReviewInterval
from .issued import IssuedEditions


class Named(Strict):
    id: Slug = Field(description="Stable id used in other files, such as `northside`.", title="Id")
    name: Text = Field(description="The name readers see.", title="Name")


class Owner(Named):
    email: Email = Field(description="Where readers send questions about pages this team owns.", title="Team email")


DEFAULT_SIGN_OFF_ROLES = (
    Named(id="fto", name="FTO"),
    Named(id="supervisor", name="Supervisor"),
    Named(id="trainer", name="Trainer"),
    Named(id="self", name="You"),
)


class Department(Strict):
    name: Text = Field(description="Full name of the department.", title="Department name")
    short_name: Text = Field(description="Short name or initials, such as `HCPD`.", title="Short name")
    non_emergency_phone: Phone = Field(description="Non-emergency number, shown on every partner card.", title="Non-emergency phone")
    website: WebUrl | None = Field(None, description="The department's website (http or https).", title="Website")
    phone_region: Region = Field(
        "US", description="Two-letter country code used to read phone numbers.", title="Country code for phone numbers"
    )
    contact_staleness_months: StalenessMonths = Field(
        12,
        description="Partner entries verified longer ago than this are flagged as stale.",
        title="Months before a partner entry is stale",
    )
    default_review_every: ReviewInterval = Field(
        description="How often a play is reviewed unless its front matter says otherwise, such as `12 months`.", title="Review plays every"
    )
    districts: list[Named] = Field(min_length=1, description="Districts or areas partners can serve.", title="Districts")
    partner_categories: list[Named] = Field(min_length=1, description="The allowed partner categories.", title="Partner categories")
    tags: list[Text] = Field(min_length=1, description="The allowed tags, for partners and plays.", title="Tags")
    owners: list[Owner] = Field(min_length=1, description="Teams that can own pages (front matter `owner:`).", title="Teams that own pages")
    sign_off_roles: list[Named] = Field(
        default_factory=lambda: list(DEFAULT_SIGN_OFF_ROLES),
        min_length=1,
        description="Who can sign off a checklist item (item `sign_off:`). "
        "Defaults to `fto` (FTO), `supervisor`, `trainer` and `self` (You).",
        title="Who can sign off",
    )
    app: App = Field(
        default_factory=App, description="The installable app: its icon, its colour, offline storage.", title="The app on phones"
    )
    editions: IssuedEditions = Field(
        default_factory=IssuedEditions,
        description="How issued editions are published (`playbooks release`).",
        title="Issued editions",
    )
    feedback_email: Email | None = Field(
        None,
        description="Where readers report a problem with a page that has no owner; defaults to the first owner's email.",
        title="Feedback email",
    )

    def category_name(self, category_id: str) -> str:
        return next(c.name for c in self.partner_categories if c.id == category_id)

    def district_name(self, district_id: str) -> str:
        return next(d.name for d in self.districts if d.id == district_id)

    def sign_off_name(self, role_id: str) -> str:
        return next(r.name for r in self.sign_off_roles if r.id == role_id)

    def owner(self, owner_id: str) -> Owner:
        return next(o for o in self.owners if o.id == owner_id)
