"""Public and internal editions from one source: nothing internal reaches any file of a public build."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import ROOT, Build, build, copy_project, output_files

PAGE_MARKER = "ZQX-INTERNAL-PAGE-7F3A"
TITLE_MARKER = "ZQX Escalation Roster 7F3A"
CONTACT_MARKER = "Zqx Hiddencontact"
CONTACT_PHONE = "(217) 555-0187"
CONTACT_DIAL = "+12175550187"  # how the vCards and the CSV write it
KEYWORD_MARKER = "zqxkeyword7f3a"  # an internal page's search keyword


@pytest.fixture(scope="module")
def editions(tmp_path_factory: pytest.TempPathFactory) -> tuple[Build, Build]:
    project = copy_project(tmp_path_factory.mktemp("editions") / "project")
    docs = project / "docs"
    (docs / "internal" / "zqx-roster.md").write_text(
        f"---\ntitle: {TITLE_MARKER}\naudience: internal\ntags: [Partners]\nkeywords: [{KEYWORD_MARKER}]\n---\n\nStaff only. {PAGE_MARKER} call the duty sergeant.\n"
    )
    public_page = docs / "forums" / "index.md"
    public_page.write_text(public_page.read_text() + "\n\nWhen a forum turns unsafe, use the [duty roster](../internal/zqx-roster.md).\n")
    partners = project / "data" / "partners.yml"
    text = partners.read_text()
    first_contacts = text.index("    contacts:\n") + len("    contacts:\n")
    secret = (
        f'      - name: {CONTACT_MARKER}\n        role: Night manager\n        phone: "{CONTACT_PHONE}"\n        visibility: internal\n'
    )
    partners.write_text(text[:first_contacts] + secret + text[first_contacts:])
    public = build(project, tmp_path_factory.mktemp("public-edition") / "site")
    internal = build(project, tmp_path_factory.mktemp("internal-edition") / "site", edition="internal")
    assert public.ok, public.output
    assert internal.ok, internal.output
    return public, internal


def leaks(site: Path) -> list[str]:
    found = []
    for path in output_files(site):
        text = path.read_bytes().decode("utf-8", errors="ignore")
        for marker in (PAGE_MARKER, TITLE_MARKER, CONTACT_MARKER, CONTACT_PHONE, CONTACT_DIAL, KEYWORD_MARKER, "zqx-roster"):
            if marker in text:
                found.append(f"{path.relative_to(site)}: {marker}")
    return found


def test_public_build_has_no_internal_string_in_any_file(editions: tuple[Build, Build]) -> None:
    public, _ = editions
    scanned = list(output_files(public.site))
    names = {p.relative_to(public.site).as_posix() for p in scanned}
    assert {"index.html", "404.html", "sitemap.xml", "search/search_index.json", "contacts/partners.vcf", "contacts/partners.csv"} <= names
    assert leaks(public.site) == []


def test_public_build_has_none_of_the_shipped_internal_pages(editions: tuple[Build, Build]) -> None:
    public, _ = editions
    assert not (public.site / "internal").exists()
    assert "Staff only: do not share" not in (public.site / "search" / "search_index.json").read_text()


def test_internal_build_has_them(editions: tuple[Build, Build]) -> None:
    _, internal = editions
    found = leaks(internal.site)
    for marker in (PAGE_MARKER, TITLE_MARKER, CONTACT_MARKER, KEYWORD_MARKER):
        assert any(marker in f for f in found), marker
    assert (internal.site / "internal" / "zqx-roster" / "index.html").exists()
    for contacts_file in ("contacts/partners.vcf", "contacts/partners.csv"):
        text = (internal.site / contacts_file).read_text(encoding="utf-8-sig")
        assert CONTACT_MARKER in text and CONTACT_DIAL in text, contacts_file


def test_public_link_to_internal_page_becomes_a_neutral_note(editions: tuple[Build, Build]) -> None:
    public, internal = editions
    public_html = (public.site / "forums" / "index.html").read_text()
    assert 'When a forum turns unsafe, use the <em class="ep-internal-ref">a staff-only page</em>' in public_html
    internal_html = (internal.site / "forums" / "index.html").read_text()
    assert 'href="../internal/zqx-roster/"' in internal_html


def test_neutral_note_for_every_way_a_link_reaches_an_internal_page() -> None:
    """The quick skip (no internal page named) never skips a link that climbs to an internal page from below it."""
    from engagement_playbooks.hosts.mkdocs.editions import STAFF_ONLY_NOTE, neutralise_links

    internal = {"team/", "forums/roster/"}
    link = '<p>See <a href="{}">the page</a>.</p>'
    assert neutralise_links(link.format("../../forums/roster/"), "plays/one/", internal) == f"<p>See {STAFF_ONLY_NOTE}.</p>"
    assert neutralise_links(link.format("../"), "team/public-part/", internal) == f"<p>See {STAFF_ONLY_NOTE}.</p>"
    assert neutralise_links(link.format("../index.html"), "team/public-part/", internal) == f"<p>See {STAFF_ONLY_NOTE}.</p>"
    public = link.format("../other/")
    assert neutralise_links(public, "plays/one/", internal) is public  # nothing named, nothing to climb: left as it is
    assert neutralise_links(link.format("../"), "plays/one/", internal) == link.format("../")


def test_every_command_and_the_plugin_name_an_editions_folder_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    """One rule for output folders: the plugin's site_dir for the internal offline edition is the folder
    `playbooks offline` builds and zips (it was site-internal-offline in one, site-offline-internal in the other)."""
    from mkdocs.config import load_config

    from engagement_playbooks.cli.building import build_folder
    from engagement_playbooks.hosts.mkdocs.offline import VARIABLE

    monkeypatch.setenv("PLAYBOOKS_EDITION", "internal")
    monkeypatch.setenv(VARIABLE, "true")
    config = load_config(config_file=str(ROOT / "mkdocs.yml"))
    plugin = config.plugins["playbooks"]
    try:
        plugin.on_config(config)
    finally:
        plugin.restore_print_site()  # no build follows: put print-site's module back as a build's end would
    assert Path(config.site_dir) == build_folder(ROOT / "mkdocs.yml", "offline") == ROOT / "site-internal-offline"


@pytest.mark.parametrize("command", ["offline", "pdf"])
def test_an_unknown_edition_stops_every_command(command: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """PLAYBOOKS_EDITION=staff is an error for the commands too, never a quiet public build."""
    from engagement_playbooks.cli.main import main

    monkeypatch.setenv("PLAYBOOKS_EDITION", "staff")
    assert main([command, "--config", str(ROOT / "mkdocs.yml")]) == 2
    assert "PLAYBOOKS_EDITION got 'staff'; expected one of: public, internal" in capsys.readouterr().err
