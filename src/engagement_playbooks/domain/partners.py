"""Facts about partners that macros and the preview share."""

from __future__ import annotations

from engagement_playbooks.models.partners import Partner


def partner_matches(partner: Partner, category: str | None, district: str | None, tag: str | None) -> bool:
    """The filter of `partner_table` (macros/partners.py): the preview asks it which tables a partner edit reaches."""
    return (
        (category is None or partner.category == category)
        and (district is None or district in partner.districts)
        and (tag is None or tag in partner.tags)
    )
