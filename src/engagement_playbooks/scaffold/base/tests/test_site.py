"""The site builds strictly in both editions, its data checks out, and nothing staff-only reaches the public edition.

Run with `make test` (or `.venv/bin/python -m pytest`). Each build takes a few seconds.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import phonenumbers
import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
TEXT_FILES = {".html", ".xml", ".json", ".js", ".txt", ".vcf", ".csv", ".webmanifest"}
_LINK = re.compile(r'(?:href|src)="([^"]*)"|<loc>([^<]*)</loc>|"location":\s*"([^"]*)"')


def build(edition: str, site: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PLAYBOOKS_EDITION": edition}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(site)]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def public_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("public")
    result = build("public", site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture(scope="module")
def internal_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("internal")
    result = build("internal", site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def front_matter(page: Path) -> dict[str, object]:
    text = page.read_text(encoding="utf-8")
    if not text.startswith("---"):
        return {}
    found = yaml.safe_load(text.split("---", 2)[1]) if text.count("---") >= 2 else None
    return found if isinstance(found, dict) else {}


def internal_pages() -> list[str]:
    """docs/-relative paths of every page with `audience: internal`."""
    docs = ROOT / "docs"
    return sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md") if front_matter(p).get("audience") == "internal")


def page_url(page: str) -> str:
    """plays/index.md -> plays/ ; plays/visit.md -> plays/visit/ (MkDocs' directory URLs)."""
    path = page.removesuffix(".md")
    return path.removesuffix("index") if path == "index" or path.endswith("/index") else path + "/"


def contact_details(visibility: str) -> set[str]:
    """Emails and phone numbers (as written, as shown and as dialled) of partner contacts with this visibility."""
    data = yaml.safe_load((ROOT / "data" / "partners.yml").read_text(encoding="utf-8")) or {}
    department = yaml.safe_load((ROOT / "data" / "department.yml").read_text(encoding="utf-8"))
    region = str(department.get("phone_region") or "US")
    found: set[str] = set()
    for partner in data.get("partners") or []:
        people = [c for c in partner.get("contacts") or [] if c.get("visibility") == visibility]
        if visibility == "public":
            people.append(partner)  # the partner's own details are public too
        for person in people:
            if person.get("email"):
                found.add(str(person["email"]))
            if person.get("phone"):
                number = phonenumbers.parse(str(person["phone"]), region)
                found |= {
                    str(person["phone"]),
                    phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL),
                    phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164),
                }
    return found


def site_url() -> str:
    """mkdocs.yml's site_url (read as text: the file has tags that only MkDocs' own loader knows)."""
    found = re.search(r"^site_url:(.*)$", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.MULTILINE)
    return str(yaml.safe_load(found.group(1)) or "") if found else ""


def text_files(site: Path) -> list[Path]:
    return [p for p in sorted(site.rglob("*")) if p.is_file() and p.suffix in TEXT_FILES]


def test_data_and_pages_check_out() -> None:
    command = [str(Path(sys.executable).with_name("playbooks")), "check"]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr


def test_internal_edition_has_the_internal_pages(internal_site: Path) -> None:
    for page in internal_pages():
        assert (internal_site / page_url(page) / "index.html").is_file(), page


def test_no_internal_page_in_the_public_edition(public_site: Path) -> None:
    base = urlsplit(site_url()).path or "/"
    hidden = {page_url(page) for page in internal_pages()}
    leaks = [url for url in hidden if (public_site / url / "index.html").exists()]
    for path in text_files(public_site):
        here = "/" + path.relative_to(public_site).as_posix()
        for match in _LINK.finditer(path.read_text(encoding="utf-8", errors="ignore")):
            address = next(group for group in match.groups() if group is not None)
            # The search index lists locations from the site's root; other files link relative to themselves.
            target = urlsplit(address if path.name.startswith("search_index") else urljoin(here, address)).path
            target = target.removeprefix(base) if target.startswith(base) else target.lstrip("/")
            if target in hidden:
                leaks.append(f"{path.relative_to(public_site)} links to {address}")
    assert not leaks


def test_no_internal_contact_in_the_public_edition(public_site: Path) -> None:
    secrets = contact_details("internal") - contact_details("public")
    leaks = [
        f"{path.relative_to(public_site)}: {secret}"
        for path in text_files(public_site)
        for secret in secrets
        if secret in path.read_text(encoding="utf-8", errors="ignore")
    ]
    assert not leaks
