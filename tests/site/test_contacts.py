"""Contacts that go into the phone: vCards, the CSV, tel: links with extensions, the non-emergency number."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
import vobject
from bs4 import BeautifulSoup
from support import ROOT, Build, build, copy_project

from engagement_playbooks.domain.snapshot import Snapshot
from engagement_playbooks.outputs import contacts

INTERNAL_EMAIL = "tom.reyes@harbor-house.example.org"  # a shipped `visibility: internal` contact


@pytest.fixture(scope="module")
def site() -> Snapshot:
    return Snapshot.load(ROOT, ROOT / "docs", "public")


def cards(data: bytes) -> list[vobject.base.Component]:
    return list(vobject.readComponents(data.decode("utf-8")))


def test_a_vcard_parses_with_name_phone_and_extension(public_site: Build) -> None:
    parsed = cards((public_site.site / "contacts" / "river-valley-health.vcf").read_bytes())
    assert parsed[0].fn.value == "River Valley Community Health Center"
    assert parsed[0].tel.value == "+12175550107"
    grace = next(card for card in parsed if card.fn.value == "Grace Lin")  # data: "(217) 555-0108 x3"
    assert (grace.n.value.given, grace.n.value.family) == ("Grace", "Lin")
    assert grace.tel.value == "+12175550108,3"
    assert grace.org.value == ["River Valley Community Health Center"]
    assert grace.title.value == "Patient navigator"


def test_the_all_partners_vcard_holds_every_partner(public_site: Build, site: Snapshot) -> None:
    names = {card.fn.value for card in cards((public_site.site / contacts.ALL_VCF).read_bytes())}
    assert {p.name for p in site.catalog.partners.values()} <= names


def test_csv_has_the_columns_and_one_row_per_line(public_site: Build, site: Snapshot) -> None:
    text = (public_site.site / contacts.ALL_CSV).read_bytes().decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert tuple(rows[0]) == contacts.CSV_COLUMNS
    expected = sum(1 + len(p.contacts) for p in site.catalog.partners.values())
    assert len(rows) == expected
    grace = next(row for row in rows if row["Contact"] == "Grace Lin")
    assert (grace["Phone"], grace["Dial"], grace["Staff only"]) == ("(217) 555-0108 ext. 3", "tel:+12175550108;ext=3", "no")


def test_csv_cells_never_start_a_formula(site: Snapshot) -> None:
    partner = next(iter(site.catalog.partners.values()))
    hostile = partner.model_copy(update={"hours": "=HYPERLINK(1)"})
    rows = list(csv.reader(io.StringIO(contacts.partners_csv([hostile], site.catalog.department).decode("utf-8-sig"))))
    assert rows[1][CSV_HOURS] == "'=HYPERLINK(1)"


CSV_HOURS = contacts.CSV_COLUMNS.index("Hours")


def test_cards_dial_extensions_show_non_emergency_number_and_offer_vcards(public_site: Build, site: Snapshot) -> None:
    html = BeautifulSoup((public_site.site / "directory" / "index.html").read_text(), "html.parser")
    assert html.select_one("a[href='tel:+12175550108;ext=3']").get_text() == "(217) 555-0108 ext. 3"
    department = site.catalog.department
    partner_cards = html.select(".ep-partner")
    assert len(partner_cards) == len(site.catalog.partners)
    for card in partner_cards:
        assert card.select_one(f"a[href='{department.non_emergency_phone.tel}']").get_text() == "(217) 555-0100"
        vcard = card.select_one("a[download][href$='.vcf']")
        assert vcard is not None and vcard["href"] == f"../contacts/{card['data-partner']}.vcf"
        assert (public_site.site / "contacts" / f"{card['data-partner']}.vcf").is_file()
    downloads = {a["href"] for a in html.select(".ep-downloads a[download]")}
    assert downloads == {"../contacts/partners.vcf", "../contacts/partners.csv"}


def test_internal_contacts_only_in_the_internal_edition_files(public_site: Build, internal_site: Build) -> None:
    for path in sorted((public_site.site / "contacts").iterdir()):
        assert INTERNAL_EMAIL not in path.read_text(encoding="utf-8-sig"), path.name
    vcf = cards((internal_site.site / "contacts" / "harbor-house.vcf").read_bytes())
    tom = next(card for card in vcf if card.fn.value == "Tom Reyes")
    assert tom.tel.value == "+12175550106" and "Staff only" in tom.note.value
    rows = list(csv.DictReader(io.StringIO((internal_site.site / contacts.ALL_CSV).read_bytes().decode("utf-8-sig"))))
    assert next(row for row in rows if row["Contact"] == "Tom Reyes")["Staff only"] == "yes"


def test_leak_guard_fails_a_public_build_that_shows_an_internal_contact(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "forums" / "index.md"
    page.write_text(page.read_text() + f"\n\nAfter hours, write to {INTERNAL_EMAIL}.\n")
    result = build(project, tmp_path / "site")
    assert not result.ok
    assert f"forums/index.html holds internal contact detail '{INTERNAL_EMAIL}'" in result.output
