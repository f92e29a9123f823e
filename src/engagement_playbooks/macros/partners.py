"""The partner macros: `partner_table`, `partner` (one card) and `partner_directory`."""

from __future__ import annotations

from engagement_playbooks.domain.partners import partner_matches
from engagement_playbooks.models.partners import Partner
from engagement_playbooks.outputs import contacts
from engagement_playbooks.rendering.context import PageContext
from engagement_playbooks.rendering.inline import markdown_text
from engagement_playbooks.validation.suggest import unknown

DIRECTORY_PAGE = "directory/index.md"


def _anchor(partner: Partner) -> str:
    return f"partner-{partner.id}"


def _stale(ctx: PageContext, partner: Partner) -> bool:
    return partner.is_stale(ctx.snapshot.today, ctx.catalog.department.contact_staleness_months)


def _card(ctx: PageContext, partner: Partner, show_name: bool, anchor: str) -> str:
    department = ctx.catalog.department
    return ctx.render(
        "partner_card.html",
        partner=partner,
        anchor=anchor,
        show_name=show_name,
        category=department.category_name(partner.category),
        districts=[department.district_name(d) for d in partner.districts],
        stale=_stale(ctx, partner),
        stale_months=department.contact_staleness_months,
        non_emergency=department.non_emergency_phone,
        vcard_url=ctx.site_file(contacts.partner_file(partner.id)),
    )


def partner(ctx: PageContext, partner_id: str) -> str:
    found = ctx.catalog.partners.get(partner_id)
    if found is None:
        return ctx.report(f"partner({partner_id!r})", unknown("partner id", partner_id, ctx.catalog.partners))
    return _card(ctx, found, show_name=True, anchor=f"card-{found.id}")


def partner_table(ctx: PageContext, category: str | None = None, district: str | None = None, tag: str | None = None) -> str:
    department = ctx.catalog.department
    call = f"partner_table({', '.join(f'{k}={v!r}' for k, v in (('category', category), ('district', district), ('tag', tag)) if v)})"
    checks = (
        ("category", category, [c.id for c in department.partner_categories]),
        ("district", district, [d.id for d in department.districts]),
        ("tag", tag, department.tags),
    )
    bad = [unknown(name, value, allowed) for name, value, allowed in checks if value is not None and value not in allowed]
    if bad:
        return ctx.report(call, "; ".join(bad))
    if not ctx.catalog.partners:
        return ctx.render("empty.html", what="partners", file="data/partners.yml")
    matches = [p for p in ctx.catalog.partners.values() if partner_matches(p, category, district, tag)]
    directory = ctx.link(DIRECTORY_PAGE)
    directory_url = directory.url if directory else ""
    rows = [{"partner": p, "url": f"{directory_url}#{_anchor(p)}", "stale": _stale(ctx, p)} for p in matches]
    wanted = [
        f"category {department.category_name(category)}" if category else "",
        f"district {department.district_name(district)}" if district else "",
        f"tag {tag}" if tag else "",
    ]
    caption = "Partners: " + (", ".join(w for w in wanted if w) or "all")
    return ctx.render(
        "partner_table.html", partners=rows, caption=caption, directory_url=directory_url, stale_months=department.contact_staleness_months
    )


def partner_directory(ctx: PageContext) -> str:
    """All partners grouped by category; each partner is a heading, so search lands on it."""
    department = ctx.catalog.department
    if not ctx.catalog.partners:
        return ctx.render("empty.html", what="partners", file="data/partners.yml")
    blocks: list[str] = [
        ctx.render("contact_downloads.html", vcf_url=ctx.site_file(contacts.ALL_VCF), csv_url=ctx.site_file(contacts.ALL_CSV))
    ]
    for category in department.partner_categories:
        members = sorted((p for p in ctx.catalog.partners.values() if p.category == category.id), key=lambda p: p.name.lower())
        if not members:
            continue
        blocks.append(f"## {markdown_text(category.name)} {{#category-{category.id}}}")
        for member in members:
            blocks.append(f"### {markdown_text(member.name)} {{#{_anchor(member)}}}")
            blocks.append(_card(ctx, member, show_name=False, anchor=f"card-{member.id}"))
    return "\n\n".join(blocks)
