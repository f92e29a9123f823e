"""The macros' output: structure, escaping by construction, and errors that name the page and suggest fixes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from support import copy_project, load_snapshot, page_context, site_url

from engagement_playbooks.macros import checklists, partners
from engagement_playbooks.rendering.context import PageContext

HOSTILE = "<script>alert(1)</script> Smith & Sons | Repairs *now*"


def load(project: Path, edition: str = "public") -> PageContext:
    return page_context(load_snapshot(project, edition), "partners/index.md")


@pytest.fixture(scope="module")
def hostile_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped project with one partner renamed to a hostile string."""
    project = copy_project(tmp_path_factory.mktemp("hostile"))
    path = project / "data" / "partners.yml"
    text = path.read_text()
    name = re.search(r"^    name: (.+)$", text, re.MULTILINE)
    assert name
    path.write_text(text.replace(name.group(0), f"    name: '{HOSTILE}'", 1))
    return project


@pytest.fixture(scope="module")
def site(hostile_project: Path) -> PageContext:
    return load(hostile_project)


def test_checklist_structure(site: PageContext) -> None:
    checklist = next(iter(site.catalog.checklists.values()))
    html = BeautifulSoup(checklists.checklist(site, checklist.id), "html.parser")
    root = html.select_one(f"div.ep-checklist[data-checklist='{checklist.id}']")
    assert root is not None
    items = root.select("li[data-item]")
    assert [li["data-item"] for li in items] == [item.id for item in checklist.all_items]
    for li in items:
        box = li.select_one("input[type=checkbox]")
        assert box is not None and box.get("id")
        label = li.select_one(f"label[for='{box['id']}']")
        assert label is not None and label.get_text(strip=True), "every checkbox needs an accessible name"
    ids = [tag["id"] for tag in html.select("[id]")]
    assert len(ids) == len(set(ids))


def test_checklist_item_links_resolve_relative_to_the_page(site: PageContext) -> None:
    with_link = next(c for c in site.catalog.checklists.values() if any(i.link for i in c.all_items))
    item = next(i for i in with_link.all_items if i.link)
    assert item.link is not None
    site = page_context(site, "onboarding/week-1.md")
    html = BeautifulSoup(checklists.checklist(site, with_link.id), "html.parser")
    link = html.select_one(f"li[data-item='{item.id}'] a")
    assert link is not None
    path, _, anchor = item.link.partition("#")
    expected = "../../" + site_url(path) + (f"#{anchor}" if anchor else "")
    assert link["href"] == expected


def test_hostile_partner_name_is_escaped_everywhere(site: PageContext) -> None:
    hostile = next(p for p in site.catalog.partners.values() if p.name == HOSTILE)
    outputs = {
        "card": partners.partner(site, hostile.id),
        "table": partners.partner_table(site, category=hostile.category),
    }
    for where, html in outputs.items():
        assert "<script>" not in html, where
        assert "&lt;script&gt;alert(1)&lt;/script&gt; Smith &amp; Sons | Repairs *now*" in html, where
        soup = BeautifulSoup(html, "html.parser")
        assert soup.find("script") is None, where
    table = BeautifulSoup(outputs["table"], "html.parser")
    widths = {len(row.find_all(["td", "th"])) for row in table.select("tr")}
    assert widths == {5}, "a | in a name must not add table cells"


def test_directory_headings_escape_markdown(site: PageContext) -> None:
    markdown = partners.partner_directory(site)
    heading = next(line for line in markdown.splitlines() if "Smith" in line and line.startswith("### "))
    assert "<script>" not in heading and "&lt;script&gt;" in heading
    assert heading.endswith("{#partner-" + next(p.id for p in site.catalog.partners.values() if p.name == HOSTILE) + "}")


def test_partner_table_filters(site: PageContext) -> None:
    html = BeautifulSoup(partners.partner_table(site, tag="Youth"), "html.parser")
    names = [a.get_text() for a in html.select("tbody th a")]
    expected = [p.name for p in site.catalog.partners.values() if "Youth" in p.tags]
    assert names == expected and names
    combined = BeautifulSoup(partners.partner_table(site, category="youth", district="riverside"), "html.parser")
    assert [a.get_text() for a in combined.select("tbody th a")] == [
        p.name for p in site.catalog.partners.values() if p.category == "youth" and "riverside" in p.districts
    ]


def test_partner_table_links_to_the_directory_entry(site: PageContext) -> None:
    site = page_context(site, "partners/map-your-partners.md")
    html = BeautifulSoup(partners.partner_table(site, category="youth"), "html.parser")
    first = html.select_one("tbody th a")
    assert first is not None and re.fullmatch(r"\.\./\.\./directory/#partner-[a-z0-9-]+", first["href"])


def test_phone_and_email_links(site: PageContext) -> None:
    partner = next(iter(site.catalog.partners.values()))
    html = BeautifulSoup(partners.partner(site, partner.id), "html.parser")
    tel = html.select_one("a[href^='tel:']")
    assert tel is not None and tel["href"] == f"tel:{partner.phone.e164}" and tel.get_text() == partner.phone.national
    if partner.email:
        assert html.select_one(f"a[href='mailto:{partner.email}']") is not None


def test_stale_partners_are_flagged(site: PageContext) -> None:
    stale = [p for p in site.catalog.partners.values() if p.is_stale(site.snapshot.today, site.catalog.department.contact_staleness_months)]
    fresh = [p for p in site.catalog.partners.values() if p not in stale]
    assert stale and fresh
    assert "ep-stale" in partners.partner(site, stale[0].id)
    assert "ep-stale" not in partners.partner(site, fresh[0].id)


def test_public_edition_holds_no_internal_contact(hostile_project: Path) -> None:
    public, internal = load(hostile_project, "public"), load(hostile_project, "internal")
    assert all(c.visibility == "public" for p in public.catalog.partners.values() for c in p.contacts)
    assert any(c.visibility == "internal" for p in internal.catalog.partners.values() for c in p.contacts)
    with_internal = next(p for p in internal.catalog.partners.values() if any(c.visibility == "internal" for c in p.contacts))
    secret = next(c for c in with_internal.contacts if c.visibility == "internal")
    public, internal = page_context(public, "directory/index.md"), page_context(internal, "directory/index.md")
    assert secret.name not in partners.partner(public, with_internal.id)
    assert secret.name in partners.partner(internal, with_internal.id)


def test_unknown_ids_name_the_page_and_suggest(site: PageContext) -> None:
    site.problems.clear()
    site = page_context(site, "partners/index.md")
    known = next(iter(site.catalog.checklists))
    assert checklists.checklist(site, known[:-1]) == ""
    assert partners.partner(site, "riverton-crisis-lin") == ""
    messages = [str(p) for p in site.problems]
    assert messages[0].startswith(
        f"docs/partners/index.md checklist('{known[:-1]}'): unknown checklist id '{known[:-1]}'; did you mean '{known}'"
    )
    assert "unknown partner id 'riverton-crisis-lin'; did you mean 'riverton-crisis-line'" in messages[1]
    site.problems.clear()


def test_unknown_filter_values_list_the_allowed_ones(site: PageContext) -> None:
    site.problems.clear()
    assert partners.partner_table(site, category="food", district="Downtown") == ""
    (problem,) = site.problems
    assert "unknown category 'food'" in problem.message and "known: faith, food-housing" in problem.message
    assert "unknown district 'Downtown'; did you mean 'downtown'?" in problem.message
    site.problems.clear()


def test_glossary_abbreviations_are_listed(site: PageContext) -> None:
    assert site.catalog.glossary.abbreviations()["FTO"] == "Field training officer"


def test_onboarding_hub_lists_its_section_in_reading_order(site: PageContext) -> None:
    site = page_context(site, "onboarding/index.md")
    html = BeautifulSoup(checklists.onboarding_progress(site), "html.parser")
    rows = html.select("[data-checklist-progress]")
    assert [row["data-checklist-progress"] for row in rows] == ["new-hire-week-1", "new-hire-first-30-days", "new-hire-first-90-days"]
    assert [row.select_one("a")["href"] for row in rows] == ["week-1/", "first-30-days/", "first-90-days/"]
