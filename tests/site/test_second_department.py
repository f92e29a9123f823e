"""A second fictional department of our own, with awkward values: every value shows exactly as written,
no markup gets injected, and nothing staff-only reaches any file of the public edition."""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from engagement_playbooks.cli.main import main as playbooks

ROOT = Path(__file__).resolve().parents[2]
NAME = "Lakeside Township Police & Fire | Community Unit"
VERIFIED = dt.date.today() - dt.timedelta(days=30)
TEXT_FILES = {".html", ".xml", ".json", ".js", ".txt", ".vcf", ".csv", ".webmanifest"}
ADDRESS = re.compile(r'(?:href|src)="([^"]*)"|<loc>([^<]*)</loc>|"location":\s*"([^"]*)"')

DEPARTMENT = {
    "name": NAME,
    "short_name": "LTPF",
    "non_emergency_phone": "+1 217 555 0150",
    "phone_region": "US",
    "default_review_every": "6 months",
    "districts": [
        {"id": "north-shore", "name": "North Shore & Docks"},
        {"id": "old-mill", "name": "Old Mill | Canal"},
        {"id": "saint-ann", "name": "Saint-Ann's Hill"},
    ],
    "partner_categories": [
        {"id": "youth-sport", "name": "Youth: sport & play"},
        {"id": "elders", "name": "Elders' circles | tea"},
    ],
    "tags": ["Outreach & events", "Youth | sport", "Partners", "Onboarding", "Everyday contact"],
    "owners": [{"id": "outreach", "name": "Outreach & Liaison | East", "email": "outreach@lakeside.example.org"}],
    "sign_off_roles": [{"id": "supervisor", "name": "Sergeant O'Hara"}, {"id": "self", "name": "You"}],
}
PUBLIC_CONTACTS = [
    {
        "name": "José Núñez",
        "role": "Tea & talk host",
        "phone": "(217) 555-0162",
        "email": "jose.nunez@elders.example.org",
        "visibility": "public",
    },
    {"name": "Zoë D'Arcy", "role": "Coach: under-12s | girls", "email": "zoe.darcy@sport.example.org", "visibility": "public"},
]
INTERNAL_CONTACTS = [
    {
        "name": "Siobhán O'Brien",
        "role": "Night line (staff only)",
        "phone": "(217) 555-0163",
        "email": "siobhan.obrien@elders.example.org",
        "visibility": "internal",
    },
    {
        "name": "Pat & Chris | Duo",
        "role": "Coaches: 'weekends'",
        "phone": "(217) 555-0165",
        "email": "pat.chris@sport.example.org",
        "visibility": "internal",
    },
]
PARTNERS = [
    {
        "id": "script-test",
        "name": "<script>alert(1)</script>",
        "category": "elders",
        "offers": "Tea & talk on Tuesdays | Thursdays: 'all welcome'.",
        "referral": "Ask for José at the door.",
        "districts": ["old-mill", "saint-ann"],
        "phone": "(217) 555-0161",
        "email": "hello@elders.example.org",
        "hours": "Tue & Thu, 2 pm | 4 pm",
        "languages": ["English", "Español"],
        "tags": ["Partners"],
        "last_verified": VERIFIED,
        "contacts": [PUBLIC_CONTACTS[0], INTERNAL_CONTACTS[0]],
    },
    {
        "id": "a-b-c",
        "name": "A | B & C",
        "category": "youth-sport",
        "offers": "Sport: football & swimming for ages 8 to 16.",
        "referral": "Call the club; say an officer sent you.",
        "districts": ["north-shore"],
        "address": "12 Quay Road, O'Neill's Wharf",
        "phone": "(217) 555-0164",
        "tags": ["Partners", "Youth | sport"],
        "last_verified": VERIFIED,
        "contacts": [PUBLIC_CONTACTS[1], INTERNAL_CONTACTS[1]],
    },
]
GLOSSARY = {
    "terms": [
        {"term": "Neighbourhood watch & patrol | NWP", "definition": "Residents who act as 'eyes & ears': they call, never confront."}
    ]
}
CHECKLIST = {
    "id": "night-walk",
    "title": "Night walk: O'Brien's route & more",
    "audience": ["officer"],
    "items": [
        {"id": "route", "text": "Walk the route: Quay | Mill | Hill.", "link": "plays/night-walk.md#steps"},
        {"id": "report", "text": "Report back to the sergeant.", "sign_off": "supervisor"},
    ],
}
PLAY_TITLE = "Walk the Old Mill | Canal at night"
PLAY_FRONT = {
    "title": PLAY_TITLE,
    "description": "Meet people on a night walk & listen.",
    "type": "play",
    "tags": ["Outreach & events", "Partners"],
    "owner": "outreach",
    "last_reviewed": VERIFIED,
}
PLAY = f"""---
{yaml.safe_dump(PLAY_FRONT, sort_keys=False)}---

A walk to meet people after dark.

## Purpose and when to use it

Use it when people say the canal feels unsafe at night.

## What you need

- Two officers and a flashlight.

## Steps

1. **Walk.** Say hello to people you meet.

## Checklist

{{{{ checklist("night-walk") }}}}

## Key questions

- Who is out at night, and why?

## Pitfalls to avoid

- Do not walk past people without a word.

## Partners to involve

{{{{ partner_table(district="old-mill") }}}}

{{{{ partner("a-b-c") }}}}

## Sources

- [COPS Office, Community Policing Defined (2014)](https://cops.usdoj.gov/RIC/Publications/cops-p157-pub.pdf): partnerships.
"""
INTERNAL_PAGE_TITLE = "Escalation: O'Brien & the night line"
INTERNAL_PAGE = f"""---
{yaml.safe_dump({"title": INTERNAL_PAGE_TITLE, "description": "Who to call at night.", "audience": "internal"}, sort_keys=False)}---

Staff only. Call the night line first.

{{{{ partner("script-test") }}}}
"""


def dump(path: Path, data: object) -> None:
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


@pytest.fixture(scope="module")
def lakeside(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """The department's own site (from new-site, then its own data), and its public and internal builds."""
    base = tmp_path_factory.mktemp("lakeside")
    project = base / "lakeside"
    options = ["--name", NAME, "--short-name", "LTPF", "--site-url", "https://example.org/lakeside/"]
    options += ["--repo-url", "https://gitlab.example.org/lakeside/playbooks", "--phone", "+1 217 555 0150", "--engine-spec", str(ROOT)]
    assert playbooks(["new-site", str(project), *options]) == 0
    dump(project / "data/department.yml", DEPARTMENT)
    dump(project / "data/partners.yml", {"partners": PARTNERS})
    dump(project / "data/glossary.yml", GLOSSARY)
    dump(project / "data/checklists/night-walk.yml", CHECKLIST)
    (project / "docs/plays/night-walk.md").write_text(PLAY, encoding="utf-8")
    (project / "docs/internal/escalation.md").write_text(INTERNAL_PAGE, encoding="utf-8")
    processes = {}
    for edition in ("public", "internal"):
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PLAYBOOKS_EDITION": edition}
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(base / edition)]
        processes[edition] = subprocess.Popen(command, cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    for edition, process in processes.items():
        output, _ = process.communicate(timeout=600)
        assert process.returncode == 0, f"{edition} build failed:\n{output}"
    return project, base / "public", base / "internal"


def soup(page: Path) -> BeautifulSoup:
    return BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")


def text_of(page: Path) -> str:
    """What a reader sees on the page (entities decoded, whitespace collapsed)."""
    return " ".join(soup(page).get_text().split())


def public_values() -> list[str]:
    values = [NAME, *(d["name"] for d in DEPARTMENT["districts"]), *(c["name"] for c in DEPARTMENT["partner_categories"])]  # type: ignore[attr-defined]
    values += [str(p["name"]) for p in PARTNERS] + ["Tea & talk on Tuesdays | Thursdays: 'all welcome'.", "Tue & Thu, 2 pm | 4 pm"]
    values += ["12 Quay Road, O'Neill's Wharf", "Sport: football & swimming for ages 8 to 16."]
    values += [f"{c['name']}, {c['role']}" for c in PUBLIC_CONTACTS]
    return values


def internal_details() -> list[str]:
    return [str(c[key]) for c in INTERNAL_CONTACTS for key in ("name", "phone", "email")] + [
        "+12175550163",
        "+12175550165",
        INTERNAL_PAGE_TITLE,
    ]


def test_every_value_shows_exactly_as_written(lakeside: tuple[Path, Path, Path]) -> None:
    _, public, internal = lakeside
    for site in (public, internal):
        directory = text_of(site / "directory/index.html")
        missing = [value for value in public_values() if value not in directory]
        assert missing == [], f"{site.name}: {missing}"
        play = text_of(site / "plays/night-walk/index.html")
        for value in (PLAY_TITLE, CHECKLIST["title"], "Walk the route: Quay | Mill | Hill.", "Sign-off: Sergeant O'Hara", "A | B & C"):
            assert value in play, value
        assert "Outreach & Liaison | East" in play  # the owner, in the review line
        glossary = text_of(site / "glossary/index.html")
        assert "Neighbourhood watch & patrol | NWP" in glossary
        assert "Residents who act as 'eyes & ears': they call, never confront." in glossary
        home = soup(site / "index.html")
        assert NAME in " ".join(home.get_text().split())
        assert home.find("meta", attrs={"name": "author"})["content"] == NAME  # type: ignore[index]
        assert f"Copyright {dt.date.today().year} {NAME}" in " ".join(home.find(class_="md-copyright").get_text().split())  # type: ignore[union-attr]
        cover = soup(site / "print_page/index.html").find(class_="ep-cover")
        assert cover is not None and NAME in cover.get_text()
    edit_links = [a.get("href") for a in soup(public / "index.html").find_all("a")]
    assert "https://gitlab.example.org/lakeside/playbooks/-/edit/main/docs/index.md" in edit_links


def test_no_markup_is_injected(lakeside: tuple[Path, Path, Path]) -> None:
    _, public, internal = lakeside
    for site in (public, internal):
        for page in site.rglob("*.html"):
            raw = page.read_text(encoding="utf-8")
            assert "<script>alert(1)" not in raw, page
            assert not [s for s in soup(page).find_all("script") if "alert(1)" in s.get_text()], page


def test_the_internal_edition_has_the_staff_contacts_and_page(lakeside: tuple[Path, Path, Path]) -> None:
    _, _, internal = lakeside
    directory = text_of(internal / "directory/index.html")
    for contact in INTERNAL_CONTACTS:
        assert f"{contact['name']}, {contact['role']}" in directory
    assert INTERNAL_PAGE_TITLE in text_of(internal / "internal/escalation/index.html")


def test_nothing_internal_reaches_any_public_file(lakeside: tuple[Path, Path, Path]) -> None:
    _, public, _ = lakeside
    assert not (public / "internal").exists()
    leaks = []
    for path in sorted(public.rglob("*")):
        if path.is_file() and path.suffix in TEXT_FILES:
            text = path.read_text(encoding="utf-8", errors="ignore")
            # A value may be stored escaped (&amp;, &#39;, \u00e1 in JSON): compare the decoded text too.
            decoded = html.unescape(json.dumps(json.loads(text), ensure_ascii=False) if path.suffix == ".json" else text)
            leaks += [f"{path.relative_to(public)}: {d}" for d in internal_details() if d in text or d in decoded]
            addresses = ["".join(match) for match in ADDRESS.findall(text)]
            leaks += [f"{path.relative_to(public)} links to {a}" for a in addresses if "internal/" in a]
    assert leaks == []
