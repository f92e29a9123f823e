"""data/department.yml: who the department is, and the controlled lists everything else uses."""

from __future__ import annotations

from pydantic import Field

from .app import App
from .common import Email, Phone, Slug, Strict, Text, WebUrl
from .interval import ReviewInterval


class Named(Strict):
    id: Slug = Field(description="Stable id used in other files, such as `northside`.")
    name: Text = Field(description="The name readers see.")


class Owner(Named):
    email: Email = Field(description="Where readers send questions about pages this team owns.")


DEFAULT_SIGN_OFF_ROLES = (
    Named(id="fto", name="FTO"),
    Named(id="supervisor", name="Supervisor"),
    Named(id="trainer", name="Trainer"),
    Named(id="self", name="You"),
)


class Department(Strict):
    name: Text = Field(description="Full name of the department.")
    short_name: Text = Field(description="Short name or initials, such as `HCPD`.")
    non_emergency_phone: Phone = Field(description="Non-emergency number, shown on every partner card.")
    website: WebUrl | None = Field(None, description="The department's website (http or https).")
    phone_region: str = Field("US", pattern=r"^[A-Z]{2}$", description="Two-letter country code used to read phone numbers.")
    contact_staleness_months: int = Field(
        12, ge=1, le=60, description="Partner entries verified longer ago than this are flagged as stale."
    )
    default_review_every: ReviewInterval = Field(
        description="How often a play is reviewed unless its front matter says otherwise, such as `12 months`."
    )
    districts: list[Named] = Field(min_length=1, description="Districts or areas partners can serve.")
    partner_categories: list[Named] = Field(min_length=1, description="The allowed partner categories.")
    tags: list[Text] = Field(min_length=1, description="The allowed tags, for partners and plays.")
    owners: list[Owner] = Field(min_length=1, description="Teams that can own pages (front matter `owner:`).")
    sign_off_roles: list[Named] = Field(
        default_factory=lambda: list(DEFAULT_SIGN_OFF_ROLES),
        min_length=1,
        description="Who can sign off a checklist item (item `sign_off:`). "
        "Defaults to `fto` (FTO), `supervisor`, `trainer` and `self` (You).",
    )
    app: App = Field(default_factory=App, description="The installable app: its icon, its colour, offline storage.")
    feedback_email: Email | None = Field(
        None, description="Where readers report a problem with a page that has no owner; defaults to the first owner's email."
    )

    def category_name(self, category_id: str) -> str:
        return next(c.name for c in self.partner_categories if c.id == category_id)

    def district_name(self, district_id: str) -> str:
        return next(d.name for d in self.districts if d.id == district_id)

    def sign_off_name(self, role_id: str) -> str:
        return next(r.name for r in self.sign_off_roles if r.id == role_id)

    def owner(self, owner_id: str) -> Owner:
        return next(o for o in self.owners if o.id == owner_id)
