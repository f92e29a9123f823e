"""The partner macros: `partner_table`, `partner` (one card) and `partner_directory`."""

from __future__ import annotations

from engagement_playbooks.models.partners import Partner
from engagement_playbooks.outputs import contacts
from engagement_playbooks.preview import partner_matches
from engagement_playbooks.rendering.inline import markdown_text
from engagement_playbooks.rendering.urls import relative_url
from engagement_playbooks.site import Site
from engagement_playbooks.validation.suggest import unknown

DIRECTORY_PAGE = "directory/index.md"


def _anchor(partner: Partner) -> str:
    return f"partner-{partner.id}"


def _stale(site: Site, partner: Partner) -> bool:
    return partner.is_stale(site.today, site.catalog.department.contact_staleness_months)


def _card(site: Site, partner: Partner, show_name: bool, anchor: str) -> str:
    department = site.catalog.department
    return site.render(
        "partner_card.html",
        partner=partner,
        anchor=anchor,
        show_name=show_name,
        category=department.category_name(partner.category),
        districts=[department.district_name(d) for d in partner.districts],
        stale=_stale(site, partner),
        stale_months=department.contact_staleness_months,
        non_emergency=department.non_emergency_phone,
        vcard_url=_site_file(site, contacts.partner_file(partner.id)),
    )


def _site_file(site: Site, path: str) -> str:
    """A build-written file's URL (contacts/...), relative to the page being rendered."""
    return relative_url(path, site.links.site_url(site.current_page)) if site.current_page else path


def partner(site: Site, partner_id: str) -> str:
    found = site.catalog.partners.get(partner_id)
    if found is None:
        return site.report(f"partner({partner_id!r})", unknown("partner id", partner_id, site.catalog.partners))
    return _card(site, found, show_name=True, anchor=f"card-{found.id}")


def partner_table(site: Site, category: str | None = None, district: str | None = None, tag: str | None = None) -> str:
    department = site.catalog.department
    call = f"partner_table({', '.join(f'{k}={v!r}' for k, v in (('category', category), ('district', district), ('tag', tag)) if v)})"
    checks = (
        ("category", category, [c.id for c in department.partner_categories]),
        ("district", district, [d.id for d in department.districts]),
        ("tag", tag, department.tags),
    )
    bad = [unknown(name, value, allowed) for name, value, allowed in checks if value is not None and value not in allowed]
    if bad:
        return site.report(call, "; ".join(bad))
    if not site.catalog.partners:
        return site.render("empty.html", what="partners", file="data/partners.yml")
    matches = [p for p in site.catalog.partners.values() if partner_matches(p, category, district, tag)]
    directory = site.link(DIRECTORY_PAGE)
    directory_url = directory.url if directory else ""
    rows = [{"partner": p, "url": f"{directory_url}#{_anchor(p)}", "stale": _stale(site, p)} for p in matches]
    wanted = [
        f"category {department.category_name(category)}" if category else "",
        f"district {department.district_name(district)}" if district else "",
        f"tag {tag}" if tag else "",
    ]
    caption = "Partners: " + (", ".join(w for w in wanted if w) or "all")
    return site.render(
        "partner_table.html", partners=rows, caption=caption, directory_url=directory_url, stale_months=department.contact_staleness_months
    )


def partner_directory(site: Site) -> str:
    """All partners grouped by category; each partner is a heading, so search lands on it."""
    department = site.catalog.department
    if not site.catalog.partners:
        return site.render("empty.html", what="partners", file="data/partners.yml")
    blocks: list[str] = [
        site.render("contact_downloads.html", vcf_url=_site_file(site, contacts.ALL_VCF), csv_url=_site_file(site, contacts.ALL_CSV))
    ]
    for category in department.partner_categories:
        members = sorted((p for p in site.catalog.partners.values() if p.category == category.id), key=lambda p: p.name.lower())
        if not members:
            continue
        blocks.append(f"## {markdown_text(category.name)} {{#category-{category.id}}}")
        for member in members:
            blocks.append(f"### {markdown_text(member.name)} {{#{_anchor(member)}}}")
            blocks.append(_card(site, member, show_name=False, anchor=f"card-{member.id}"))
    return "\n\n".join(blocks)
