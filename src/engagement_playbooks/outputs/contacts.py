"""Partner contacts as files a phone or a spreadsheet can take: vCards (.vcf) and one CSV.

Pure functions over the checked data: they get the partners one edition may show (the public catalog
holds no internal contact at all), and return the bytes of each file by its site-relative path.
The playbooks plugin writes them after the build; its leak guard (outputs/leak_guard.py) checks them.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping

import vobject

from engagement_playbooks.models.common import PhoneNumber
from engagement_playbooks.models.department import Department
from engagement_playbooks.models.partners import Contact, Partner

FOLDER = "contacts"
ALL_VCF = f"{FOLDER}/partners.vcf"
ALL_CSV = f"{FOLDER}/partners.csv"
CSV_COLUMNS = (
    "Partner",
    "Category",
    "Contact",
    "Role",
    "Phone",
    "Dial",
    "Email",
    "Website",
    "Address",
    "Hours",
    "Last verified",
    "Staff only",
)


def partner_file(partner_id: str) -> str:
    return f"{FOLDER}/{partner_id}.vcf"


def _tel(card: vobject.base.Component, phone: PhoneNumber) -> None:
    tel = card.add("tel")
    tel.value = phone.dial  # "+12175550142,3": the comma is a pause, then the phone keys the extension
    tel.type_param = "WORK"


def _partner_card(partner: Partner, department: Department) -> vobject.base.Component:
    card = vobject.vCard()
    card.add("fn").value = partner.name
    card.add("n").value = vobject.vcard.Name(family=partner.name)
    card.add("org").value = [partner.name]
    card.add("kind").value = "org"  # vCard 4 name; 3.0 readers ignore it, newer ones show a company card
    card.add("x-abshowas").value = "COMPANY"  # Apple Contacts: file it under the company name
    _tel(card, partner.phone)
    if partner.email:
        card.add("email").value = str(partner.email)
    if partner.website:
        card.add("url").value = str(partner.website)
    if partner.address:
        card.add("adr").value = vobject.vcard.Address(street=partner.address)
    notes = [partner.offers, f"How to refer: {partner.referral}"]
    if partner.hours:
        notes.append(f"Hours: {partner.hours}")
    notes.append(f"Police non-emergency: {department.non_emergency_phone.national}")
    notes.append(f"Last verified: {partner.last_verified.isoformat()}")
    card.add("note").value = "\n".join(notes)
    return card


def _person_card(partner: Partner, contact: Contact) -> vobject.base.Component:
    card = vobject.vCard()
    card.add("fn").value = contact.name
    given, _, family = contact.name.rpartition(" ")
    card.add("n").value = vobject.vcard.Name(family=family, given=given)
    card.add("org").value = [partner.name]
    card.add("title").value = contact.role
    if contact.phone:
        _tel(card, contact.phone)
    if contact.email:
        card.add("email").value = str(contact.email)
    if contact.visibility == "internal":
        card.add("note").value = "Staff only: do not share this contact outside the department."
    return card


def partner_vcards(partner: Partner, department: Department) -> bytes:
    """The partner's card, then one card for each of its people, in one .vcf file."""
    cards = [_partner_card(partner, department), *(_person_card(partner, c) for c in partner.contacts)]
    return "".join(card.serialize() for card in cards).encode("utf-8")


def _cell(value: str) -> str:
    # A cell starting with = + - @ would run as a formula in a spreadsheet (CSV injection).
    return "'" + value if value[:1] in {"=", "+", "-", "@"} else value


def partners_csv(partners: Iterable[Partner], department: Department) -> bytes:
    """One row for each partner's main line and one for each of its people."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for partner in partners:
        common = [partner.name, department.category_name(partner.category)]
        web = [str(partner.website or ""), partner.address or "", partner.hours or "", partner.last_verified.isoformat()]
        writer.writerow(
            _cell(v) for v in [*common, "", "Main line", partner.phone.national, partner.phone.tel, str(partner.email or ""), *web, "no"]
        )
        for contact in partner.contacts:
            phone = contact.phone
            row = [
                *common,
                contact.name,
                contact.role,
                phone.national if phone else "",
                phone.tel if phone else "",
                str(contact.email or ""),
                *web,
                "yes" if contact.visibility == "internal" else "no",
            ]
            writer.writerow(_cell(v) for v in row)
    # A byte order mark lets Excel read the names as UTF-8.
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def contact_files(partners: Mapping[str, Partner], department: Department) -> dict[str, bytes]:
    """Every contacts file of one edition, by its path in the site: one .vcf per partner, all of them, a CSV."""
    files = {partner_file(p.id): partner_vcards(p, department) for p in partners.values()}
    files[ALL_VCF] = b"".join(files.values())
    files[ALL_CSV] = partners_csv(partners.values(), department)
    return files
