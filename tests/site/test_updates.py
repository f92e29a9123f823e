"""What's new: the blog's posts, the Atom feed (feed.xml) and the announcement bar."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree as ET

import pytest
import yaml
from bs4 import BeautifulSoup
from support import ROOT, Build, build, copy_project

A = "{http://www.w3.org/2005/Atom}"
SITE_URL = "https://riverton-pd.github.io/engagement-playbooks/"
TRICKY_TITLE = 'Questions & answers about <forums> and "plays"'


def _feed(site: Build) -> ET.Element:
    return ET.parse(site.site / "feed.xml").getroot()  # raises on anything that is not well-formed XML


def _entries(site: Build) -> list[dict[str, str]]:
    return [
        {
            "title": entry.findtext(f"{A}title", ""),
            "link": entry.find(f"{A}link").get("href", ""),  # type: ignore[union-attr]
            "published": entry.findtext(f"{A}published", ""),
        }
        for entry in _feed(site).findall(f"{A}entry")
    ]


def _output_path(site: Build, url: str) -> Path:
    """The built file an absolute site URL points at."""
    assert url.startswith(SITE_URL), url
    path = site.site / url[len(SITE_URL) :]
    return path / "index.html" if url.endswith("/") else path


def _posts() -> list[tuple[dt.date, str]]:
    """(date, H1 title) of every shipped post, from the Markdown sources."""
    found = []
    for path in (ROOT / "docs/updates/posts").glob("*.md"):
        _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
        meta = yaml.safe_load(front)
        title = next(line[2:].strip() for line in body.splitlines() if line.startswith("# "))
        found.append((meta["date"], title))
    return sorted(found, reverse=True)


def _announcement(site: Build, page: str) -> tuple[str, str]:
    soup = BeautifulSoup((site.site / page).read_text(encoding="utf-8"), "html.parser")
    link = soup.select_one(".md-banner .ep-announce a")
    assert link is not None, f"no announcement on {page}"
    return link.get_text(strip=True), urljoin(f"https://x.example/{page}", str(link["href"]))


# --- the shipped site ----------------------------------------------------------------------------------


def test_there_are_three_or_more_real_posts() -> None:
    posts = _posts()
    assert len(posts) >= 3
    assert all(dt.date(2026, 10, 1) <= day <= dt.date(2026, 11, 30) for day, _ in posts)


def test_feed_is_well_formed_atom_with_newest_post_first(public_site: Build) -> None:
    feed = _feed(public_site)
    assert feed.tag == f"{A}feed"
    entries = _entries(public_site)
    posts = _posts()
    assert [e["title"] for e in entries] == [title for _, title in posts]
    assert [e["published"] for e in entries] == sorted((e["published"] for e in entries), reverse=True)
    assert entries[0]["published"].startswith(posts[0][0].isoformat())
    assert feed.findtext(f"{A}updated", "").startswith(posts[0][0].isoformat())  # from the posts, not the clock
    for entry in entries:
        assert _output_path(public_site, entry["link"]).exists(), entry["link"]


def test_feed_entries_carry_authors_categories_and_summary(public_site: Build) -> None:
    authors = yaml.safe_load((ROOT / "data/authors.yml").read_text(encoding="utf-8"))["authors"]
    for entry in _feed(public_site).findall(f"{A}entry"):
        names = [a.findtext(f"{A}name") for a in entry.findall(f"{A}author")]
        assert names and set(names) <= {a["name"] for a in authors.values()}
        assert entry.findall(f"{A}category")
        assert entry.findtext(f"{A}summary")


def test_updates_page_links_to_the_feed(public_site: Build) -> None:
    soup = BeautifulSoup((public_site.site / "updates/index.html").read_text(encoding="utf-8"), "html.parser")
    link = soup.select_one('a[type="application/atom+xml"]')
    assert link is not None
    target = urlsplit(urljoin("https://x.example/updates/index.html", str(link["href"]))).path
    assert (public_site.site / target.lstrip("/")).is_file()


def test_post_shows_its_author_from_data_authors_yml(public_site: Build) -> None:
    launch = public_site.site / "updates/2026/10/the-engagement-playbooks-are-now-online/index.html"
    soup = BeautifulSoup(launch.read_text(encoding="utf-8"), "html.parser")
    assert "Sgt. Dana Whitfield" in soup.select_one(".md-post__authors").get_text()
    avatar = soup.select_one(".md-post__authors img")["src"]
    assert not urlsplit(avatar).scheme, "avatars are served by this site"
    assert (launch.parent / avatar).resolve().is_file()


@pytest.mark.parametrize("page", ["index.html", "forums/plan-a-forum/index.html", "updates/index.html", "404.html"])
def test_announcement_shows_the_newest_post(public_site: Build, page: str) -> None:
    newest = _entries(public_site)[0]
    title, href = _announcement(public_site, page)
    assert title == newest["title"] == _posts()[0][1]
    if page != "404.html":  # the 404 page is served at any depth; its links are root-relative by design
        assert urlsplit(href).path.lstrip("/") == newest["link"][len(SITE_URL) :]


# --- editions, pinned posts and escaping (a copy of the site with two more posts) ---------------------------


@pytest.fixture(scope="module")
def extra_posts_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    project = copy_project(tmp_path_factory.mktemp("updates") / "project")
    posts = project / "docs/updates/posts"
    (posts / "staff-only-news.md").write_text(
        "---\ndate: 2026-11-19\naudience: internal\nauthors: [dwhitfield]\ncategories: [Site news]\n"
        "description: Staff-only news.\n---\n\n# Staff-only escalation changes\n\nInternal text.\n",
        encoding="utf-8",
    )
    (posts / "questions.md").write_text(
        "---\ndate: 2026-11-18\nauthors: [praman]\ncategories: [Site news]\n"
        'description: Q&A about <forums> & "plays".\n---\n\n# Questions & answers about `<forums>` and "plays"\n\nPublic text.\n',
        encoding="utf-8",
    )
    launch = next(p for p in posts.glob("*.md") if "launch" in p.name)
    launch.write_text(launch.read_text(encoding="utf-8").replace("---\ndate:", "---\npin: true\ndate:", 1), encoding="utf-8")
    result = build(project, project / "site", today="2026-11-20")
    assert result.ok, result.output
    return result


def test_public_feed_and_announcement_never_include_internal_posts(extra_posts_site: Build) -> None:
    titles = [e["title"] for e in _entries(extra_posts_site)]
    assert "Staff-only escalation changes" not in titles
    assert "Staff-only" not in (extra_posts_site.site / "feed.xml").read_text(encoding="utf-8")
    assert not list(extra_posts_site.site.rglob("*staff-only*"))
    assert _announcement(extra_posts_site, "index.html")[0] == TRICKY_TITLE


def test_feed_escapes_and_ignores_pins(extra_posts_site: Build) -> None:
    entries = _entries(extra_posts_site)
    assert entries[0]["title"] == TRICKY_TITLE  # parsed back intact: it was escaped
    assert [e["published"] for e in entries] == sorted((e["published"] for e in entries), reverse=True)  # the pinned post stays last
    html = (extra_posts_site.site / "index.html").read_text(encoding="utf-8")
    assert "<forums>" not in html and "&lt;forums&gt;" in html
