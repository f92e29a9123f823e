""" "Report a problem with this page": a prefilled new-issue link on the repository host and an email to the owning team."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from bs4 import BeautifulSoup
from support import Build, build, copy_project, output_files

from engagement_playbooks.models.common import Context
from engagement_playbooks.models.department import Department
from engagement_playbooks.readers.problems import ProblemsError
from engagement_playbooks.rendering.report_links import issue_template, recipient, report_links


def department(**changes: object) -> Department:
    data: dict[str, object] = {
        "name": "Riverton Police Department",
        "short_name": "RPD",
        "non_emergency_phone": "(217) 555-0100",
        "default_review_every": "12 months",
        "districts": [{"id": "downtown", "name": "Downtown"}],
        "partner_categories": [{"id": "health", "name": "Health care"}],
        "tags": ["Forums"],
        "owners": [
            {"id": "community-engagement", "name": "Community Engagement Unit", "email": "engagement@riverton-pd.example.org"},
            {"id": "training", "name": "Training Academy", "email": "academy@riverton-pd.example.org"},
        ],
    }
    return Department.model_validate({**data, **changes}, context=Context(today=dt.date(2026, 11, 20)))


def links(template: str | None, owner: str | None = "training", title: str = "Plan a forum & more"):  # type: ignore[no-untyped-def]
    return report_links(
        department=department(),
        title=title,
        source="docs/forums/plan-a-forum.md",
        page_url="https://example.org/site/forums/plan-a-forum/",
        owner_id=owner,
        template=template,
    )


@pytest.mark.parametrize(
    ("repo_url", "configured", "expected"),
    [
        ("https://github.com/riverton-pd/site", None, "https://github.com/riverton-pd/site/issues/new?title={title}&body={body}"),
        ("https://github.com/riverton-pd/site/", None, "https://github.com/riverton-pd/site/issues/new?title={title}&body={body}"),
        (
            "https://gitlab.com/riverton/site",
            None,
            "https://gitlab.com/riverton/site/-/issues/new?issue[title]={title}&issue[description]={body}",
        ),
        (
            "https://gitlab.riverton.example.org/web/site",
            None,
            "https://gitlab.riverton.example.org/web/site/-/issues/new?issue[title]={title}&issue[description]={body}",
        ),
        ("https://git.example.org/web/site", None, None),  # unknown host: email only
        (
            "https://git.example.org/web/site",
            "https://git.example.org/web/site/issues/new?t={title}&b={body}",
            "https://git.example.org/web/site/issues/new?t={title}&b={body}",
        ),
        ("https://github.com/riverton-pd/site", False, None),  # switched off
        (None, None, None),
    ],
)
def test_issue_template_follows_the_host(repo_url: str | None, configured: object, expected: str | None) -> None:
    assert issue_template(repo_url, configured) == expected


@pytest.mark.parametrize("bad", ["issues/new?t={title}", "https://git.example.org/new", 42])
def test_a_bad_report_issue_url_is_a_clear_error(bad: object) -> None:
    with pytest.raises(ProblemsError) as error:
        issue_template("https://git.example.org/web/site", bad)
    assert "extra.report_issue_url" in str(error.value) and "{title}" in str(error.value)


def test_github_link_is_prefilled_with_page_source_address_and_team() -> None:
    found = links(issue_template("https://github.com/riverton-pd/site"))
    url = urlsplit(found.issue_url or "")
    assert (url.netloc, url.path) == ("github.com", "/riverton-pd/site/issues/new")
    query = parse_qs(url.query)
    assert query["title"] == ["Problem with the page: Plan a forum & more"]  # the & is encoded, not a new parameter
    body = query["body"][0]
    assert "Page: Plan a forum & more\n" in body
    assert "Address: https://example.org/site/forums/plan-a-forum/\n" in body
    assert "Source file: docs/forums/plan-a-forum.md\n" in body
    assert "Owner: Training Academy" in body


def test_gitlab_link_uses_gitlabs_fields() -> None:
    query = parse_qs(urlsplit(links(issue_template("https://gitlab.com/r/site")).issue_url or "").query)
    assert query["issue[title]"] == ["Problem with the page: Plan a forum & more"]
    assert "Source file: docs/forums/plan-a-forum.md" in query["issue[description]"][0]


def test_mail_goes_to_the_owning_team_and_names_the_page() -> None:
    found = links(None)
    assert found.issue_url is None
    url = urlsplit(found.mail_url)
    assert (url.scheme, url.path) == ("mailto", "academy@riverton-pd.example.org")
    assert "+" not in url.query  # spaces are %20 in mailto links (RFC 6068), not +
    query = {key: unquote(value) for key, _, value in (part.partition("=") for part in url.query.split("&"))}
    assert query["subject"] == "Problem with the page: Plan a forum & more"
    assert "Address: https://example.org/site/forums/plan-a-forum/" in query["body"]


def test_pages_without_an_owner_go_to_the_feedback_address_or_the_first_owner() -> None:
    assert recipient(department(), None) == ("Community Engagement Unit", "engagement@riverton-pd.example.org")
    assert recipient(department(), "no-such-team") == ("Community Engagement Unit", "engagement@riverton-pd.example.org")
    with_feedback = department(feedback_email="webteam@riverton-pd.example.org")
    assert recipient(with_feedback, None) == ("Riverton Police Department", "webteam@riverton-pd.example.org")
    assert recipient(with_feedback, "training") == ("Training Academy", "academy@riverton-pd.example.org")


# --- in the built site ---------------------------------------------------------------------------------


def report_paragraph(site: Path, page: str) -> BeautifulSoup:
    soup = BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")
    found = soup.select("p.ep-report")
    assert len(found) == 1, page
    return found[0]


def test_every_content_page_has_both_links(public_site: Build) -> None:
    pages = [path for path in output_files(public_site.site) if path.name == "index.html"]
    # Blog listings (updates/, its archive and categories) show posts, not content of their own: each post has the links.
    # The editor's page (admin/) is not one of the site's pages.
    listings = ("updates/index.html", "updates/archive/", "updates/category/", "print_page/", "admin/")
    checked = 0
    for path in pages:
        relative = path.relative_to(public_site.site).as_posix()
        if relative.startswith(listings):
            continue
        paragraph = report_paragraph(public_site.site, relative)
        hrefs = [a["href"] for a in paragraph.find_all("a")]
        assert hrefs[0].startswith("https://github.com/riverton-pd/engagement-playbooks/issues/new?"), relative
        assert hrefs[1].startswith("mailto:"), relative
        assert paragraph.find_all("a")[0].get_text(strip=True) == "Report a problem with this page"
        assert not paragraph.find_all("script")
        checked += 1
    assert checked > 30


def test_play_links_name_the_play_and_its_owner(public_site: Build) -> None:
    paragraph = report_paragraph(public_site.site, "everyday-contact/school-and-youth-contact/index.html")
    issue, mail = (a["href"] for a in paragraph.find_all("a"))
    body = parse_qs(urlsplit(issue).query)["body"][0]
    assert "Source file: docs/everyday-contact/school-and-youth-contact.md" in body
    assert "Address: https://riverton-pd.github.io/engagement-playbooks/everyday-contact/school-and-youth-contact/" in body
    assert "Owner: Youth Services Section" in body
    assert mail.startswith("mailto:youth@riverton-pd.example.org?subject=Problem%20with%20the%20page%3A%20")
    assert "email the Youth Services Section" in paragraph.get_text(" ", strip=True)


def test_a_department_on_another_host_sets_report_issue_url(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    text = config.read_text().replace(
        "repo_url: https://github.com/riverton-pd/engagement-playbooks",
        "repo_url: https://code.riverton.example.org/web/playbooks",
    )
    text = text.replace(
        "\nextra:\n",
        "\nextra:\n  report_issue_url: https://code.riverton.example.org/web/playbooks/issues/new?subject={title}&text={body}\n",
    )
    config.write_text(text)
    result = build(project, tmp_path / "site")
    assert result.ok, result.output
    paragraph = report_paragraph(result.site, "forums/plan-a-forum/index.html")
    issue = paragraph.find_all("a")[0]["href"]
    assert issue.startswith("https://code.riverton.example.org/web/playbooks/issues/new?subject=Problem%20with%20the%20page")
    assert "Source%20file%3A%20docs%2Fforums%2Fplan-a-forum.md" in issue
