"""The print edition (print-site's print_page/): every public play, no internal page, no updates, and a
cover and contents that a browser really fills in."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from mkdocs.utils.meta import get_data
from support import ROOT, Build, build, copy_project

DOCS = ROOT / "docs"
PRINT_PAGE = Path("print_page") / "index.html"


def front_matter(path: Path) -> dict[str, object]:
    _, meta = get_data(path.read_text(encoding="utf-8"))
    return meta if isinstance(meta, dict) else {}


def pages(**wanted: object) -> list[tuple[Path, dict[str, object]]]:
    found = []
    for path in sorted(DOCS.rglob("*.md")):
        meta = front_matter(path)
        if all(meta.get(key) == value for key, value in wanted.items()):
            found.append((path, meta))
    return found


def print_soup(site: Path) -> BeautifulSoup:
    return BeautifulSoup((site / PRINT_PAGE).read_text(encoding="utf-8"), "html.parser")


def headings(soup: BeautifulSoup) -> set[str]:
    return {h1.get_text(" ", strip=True) for h1 in soup.select("#print-site-page h1")}


def test_print_page_has_every_public_play(public_site: Build) -> None:
    plays = [meta for _, meta in pages(type="play") if meta.get("audience") != "internal"]
    assert len(plays) >= 10, "expected the shipped plays"
    printed = headings(print_soup(public_site.site))
    missing = [str(meta["title"]) for meta in plays if str(meta["title"]) not in printed]
    assert missing == []


def test_print_page_has_no_internal_page(public_site: Build) -> None:
    internal = pages(audience="internal")
    assert internal, "the shipped site has internal pages to keep out"
    text = (public_site.site / PRINT_PAGE).read_text(encoding="utf-8")
    soup = print_soup(public_site.site)
    for path, meta in internal:
        assert str(meta["title"]) not in headings(soup), path
        key = path.relative_to(DOCS).with_suffix("").as_posix().replace("/", "-")  # print-site's anchor for the page
        assert f'id="{key}"' not in text and f'href="#{key}' not in text, path
    assert "Staff only: do not share" not in text


def test_print_page_leaves_out_updates_without_empty_headings(public_site: Build) -> None:
    if not (DOCS / "updates").is_dir():
        pytest.skip("no updates (blog) in this checkout")
    assert (public_site.site / "updates" / "index.html").is_file()
    soup = print_soup(public_site.site)
    assert not soup.select('#print-site-page section[id^="updates"]')
    blog_titles = {"What's new", "Archive", "Categories", "Updates"}
    assert not headings(soup) & blog_titles
    # A section heading is always followed by something printed, never left empty.
    for section in soup.select("#print-site-page section.md-section"):
        assert section.select("section.print-page"), section.h1


def test_print_page_has_a_cover_for_its_edition(public_site: Build, internal_site: Build) -> None:
    public_cover = print_soup(public_site.site).select_one("#print-site-cover-page")
    internal_cover = print_soup(internal_site.site).select_one("#print-site-cover-page")
    assert public_cover is not None and internal_cover is not None
    assert "Public edition" in public_cover.get_text()
    assert "Staff edition" in internal_cover.get_text()
    staff_titles = {str(meta["title"]) for _, meta in pages(audience="internal")}
    assert staff_titles <= headings(print_soup(internal_site.site))


def test_print_assets_are_all_local(public_site: Build) -> None:
    site = public_site.site
    soup = print_soup(site)
    for tag, attribute in (("script", "src"), ("link", "href"), ("img", "src")):
        for element in soup.find_all(tag):
            address = str(element.get(attribute) or "")
            if tag == "link" and set(element.get("rel") or []) & {"canonical", "alternate"}:
                continue  # addresses, not loads
            assert "//" not in address, f"{tag} {address}"
    for asset in ("css/print-site.css", "css/print-site-material.css", "js/print-site.js"):
        text = (site / asset).read_text(encoding="utf-8")
        assert "url(http" not in text and "@import" not in text and "fetch(" not in text, asset


def test_link_to_an_internal_page_is_neutral_in_print(tmp_path: Path) -> None:
    """print-site keeps pages' HTML before the editions hook rewrites internal links; outputs.py hands it the final HTML."""
    project = copy_project(tmp_path / "project")
    play = project / "docs" / "forums" / "plan-a-forum.md"
    play.write_text(play.read_text(encoding="utf-8") + "\n\nIf it turns unsafe, see [the zqxroster](../internal/escalation-contacts.md).\n")
    result = build(project, tmp_path / "site", today="2026-11-15")
    assert result.ok, result.output
    text = (result.site / PRINT_PAGE).read_text(encoding="utf-8")
    assert "zqxroster" not in text
    assert "internal-escalation-contacts" not in text
    assert "a staff-only page" in text


@pytest.mark.browser
def test_print_page_from_the_navigation_fills_its_contents(public_url: str, page: object) -> None:
    """With instant navigation on, a click on "Print edition" must still run print-site's script (full page load)."""
    outside: list[str] = []
    page.on("request", lambda request: outside.append(request.url) if not request.url.startswith(public_url) else None)  # type: ignore[attr-defined]
    page.goto(public_url + "glossary/")  # type: ignore[attr-defined]
    page.get_by_role("link", name="Print edition").first.click()  # type: ignore[attr-defined]
    page.wait_for_url("**/print_page/")  # type: ignore[attr-defined]
    contents = page.locator("#print-page-toc nav ul a")  # type: ignore[attr-defined]
    contents.first.wait_for(state="attached", timeout=10_000)
    assert contents.count() >= 20
    assert page.locator("#print-site-cover-page h1").inner_text() == "Engagement Playbooks"  # type: ignore[attr-defined]
    # A section's heading and its index page's heading say the same thing: the section's is hidden.
    section_headings = page.locator("#print-site-page section.md-section > h1")  # type: ignore[attr-defined]
    assert section_headings.count() > 0
    assert all(not section_headings.nth(i).is_visible() for i in range(section_headings.count()))
    assert outside == []


@pytest.mark.browser
def test_search_still_works_with_print_site(public_url: str, page: object) -> None:
    page.goto(public_url)  # type: ignore[attr-defined]
    page.keyboard.press("/")  # type: ignore[attr-defined]
    page.keyboard.type("forum")  # type: ignore[attr-defined]
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)  # type: ignore[attr-defined]
    assert page.locator(".md-search-result__item").count() > 0  # type: ignore[attr-defined]
    assert not any("print_page" in (link.get_attribute("href") or "") for link in page.locator(".md-search-result__link").all())  # type: ignore[attr-defined]


def test_only_the_print_page_loads_print_site_assets(public_site: Build) -> None:
    """print-site lists its CSS and JS for every page; the others drop them (fewer render-blocking requests)."""
    for page in ("index.html", "forums/plan-a-forum/index.html", "404.html"):
        html = (public_site.site / page).read_text(encoding="utf-8")
        assert "print-site.css" not in html and "print-site.js" not in html, page
    print_html = (public_site.site / PRINT_PAGE).read_text(encoding="utf-8")
    assert "css/print-site.css" in print_html and "js/print-site.js" in print_html


def test_print_page_is_latin1_so_it_takes_half_the_memory(public_site: Build) -> None:
    """One character beyond Latin-1 anywhere makes Python store the whole joined print page at twice the size."""
    text = (public_site.site / PRINT_PAGE).read_text(encoding="utf-8")
    wide = sorted({char for char in text if ord(char) > 0xFF})
    assert wide == []


def test_narrowed_page_reads_the_same() -> None:
    from engagement_playbooks.hosts.mkdocs.print_site import narrow

    html = "<p>Don\u2019t \u2014 \u201cquoted\u201d caf\u00e9 &amp; more</p><pre><code>a \u2192 b</code></pre>"
    narrowed = narrow(html)
    assert max(map(ord, narrowed)) <= 0xFF
    assert BeautifulSoup(narrowed, "html.parser").get_text() == BeautifulSoup(html, "html.parser").get_text()
    scripted = "<p>\u201cx\u201d</p><script>let s = '\u201c';</script>"
    assert narrow(scripted) is scripted  # script text is not HTML-decoded: left alone
