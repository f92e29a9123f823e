"""What changed: a play's last changes, the Recent changes page, editions, shallow clones and checkouts without history."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from support import Build, build, copy_project, git, output_files

from engagement_playbooks.domain import history
from engagement_playbooks.domain.repository import history_url

TODAY = "2026-11-20"
INTERNAL_SUBJECT = "Add the night manager's cell for Harbor House"
MIXED_SUBJECT = "Move the escalation line to the staff page"


def append(repo: Path, page: str, text: str) -> None:
    path = repo / "docs" / page
    path.write_text(path.read_text(encoding="utf-8") + f"\n{text}\n", encoding="utf-8")


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("history") / "project")
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "Start the site", when="2026-08-03T10:00:00Z")  # more than 60 days before TODAY
    steps = [
        ("forums/plan-a-forum.md", "Bring name tags.", "Name tags at forums", "2026-10-05T10:00:00Z"),
        ("forums/plan-a-forum.md", "Book the room early.", "Book the room early", "2026-10-28T09:00:00Z"),
        ("internal/escalation-contacts.md", "Night line: (217) 555-0199.", INTERNAL_SUBJECT, "2026-11-02T09:00:00Z"),
        ("forums/plan-a-forum.md", "Ask about access needs.", "Ask about access needs", "2026-11-10T09:00:00Z"),
    ]
    for page, text, subject, when in steps:
        append(project, page, text)
        git(project, "commit", "-qam", subject, when=when)
    # One commit that changes a public play and an internal page: public sees the play, not the subject.
    append(project, "forums/publish-what-was-heard.md", "Post the notes within a week.")
    append(project, "internal/critical-incident-community-notes.md", "Call the duty sergeant first.")
    git(project, "commit", "-qam", MIXED_SUBJECT, when="2026-11-18T09:00:00Z")
    return project


@pytest.fixture(scope="module")
def public(repo: Path, tmp_path_factory: pytest.TempPathFactory) -> Build:
    result = build(repo, tmp_path_factory.mktemp("public") / "site", today=TODAY)
    assert result.ok, result.output
    return result


@pytest.fixture(scope="module")
def internal(repo: Path, tmp_path_factory: pytest.TempPathFactory) -> Build:
    result = build(repo, tmp_path_factory.mktemp("internal") / "site", edition="internal", today=TODAY)
    assert result.ok, result.output
    return result


def soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")


def play_changes(site: Path, page: str) -> list[str]:
    section = soup(site, page).select_one("section.ep-history")
    assert section is not None, page
    return [li.get_text(" ", strip=True) for li in section.select("li")]


def test_a_play_shows_its_last_three_changes_and_its_history_link(public: Build) -> None:
    assert play_changes(public.site, "forums/plan-a-forum") == [
        "10 November 2026 : Ask about access needs",
        "28 October 2026 : Book the room early",
        "5 October 2026 : Name tags at forums",
    ]  # the first commit (Start the site) is the fourth: left out
    link = soup(public.site, "forums/plan-a-forum").select_one("section.ep-history a")
    assert link is not None
    assert link["href"] == "https://github.com/riverton-pd/engagement-playbooks/commits/main/docs/forums/plan-a-forum.md"


def test_only_plays_show_changes(public: Build) -> None:
    assert soup(public.site, "forums").select_one("section.ep-history") is None  # a section index, not a play


def weeks(site: Path) -> dict[str, list[str]]:
    page = soup(site, "recent-changes")
    found: dict[str, list[str]] = {}
    for heading in page.select("article h2[id^=week-]"):
        items = heading.find_next_sibling("ul")
        assert items is not None
        found[heading.get_text(strip=True)] = [li.get_text(" ", strip=True) for li in items.select("li")]
    return found


def test_recent_changes_by_week_newest_first_in_the_internal_edition(internal: Build) -> None:
    assert weeks(internal.site) == {
        "Week of 16 November 2026": [
            f"18 November 2026 : {MIXED_SUBJECT}. Publish what was heard and what was done , Critical incident community notes",
        ],
        "Week of 9 November 2026": ["10 November 2026 : Ask about access needs. Plan a community forum"],
        "Week of 2 November 2026": [f"2 November 2026 : {INTERNAL_SUBJECT}. Escalation contacts"],
        "Week of 26 October 2026": ["28 October 2026 : Book the room early. Plan a community forum"],
        "Week of 5 October 2026": ["5 October 2026 : Name tags at forums. Plan a community forum"],
    }  # "Start the site" (3 August) is more than 60 days old


def test_public_recent_changes_leave_out_internal_pages_and_mixed_subjects(public: Build) -> None:
    assert weeks(public.site) == {
        "Week of 16 November 2026": ["18 November 2026 : Updated. Publish what was heard and what was done"],
        "Week of 9 November 2026": ["10 November 2026 : Ask about access needs. Plan a community forum"],
        "Week of 26 October 2026": ["28 October 2026 : Book the room early. Plan a community forum"],
        "Week of 5 October 2026": ["5 October 2026 : Name tags at forums. Plan a community forum"],
    }
    assert play_changes(public.site, "forums/publish-what-was-heard")[0] == "18 November 2026 : Updated"


def test_no_public_file_holds_an_internal_title_path_or_subject(public: Build, internal: Build) -> None:
    secrets = [INTERNAL_SUBJECT, MIXED_SUBJECT, "Escalation contacts", "Critical incident community notes", "escalation-contacts"]
    for secret in secrets:  # the internal edition has them: the search below can find them
        assert any(secret in path.read_text(errors="ignore") for path in output_files(internal.site) if path.suffix in {".html", ".json"})
    for path in output_files(public.site):
        if path.suffix in {".html", ".json", ".xml", ".txt", ".js"}:
            text = path.read_text(encoding="utf-8", errors="ignore")
            for secret in secrets:
                assert secret not in text, f"{path.relative_to(public.site)} holds {secret!r}"


def test_internal_play_changes_show_subjects(internal: Build) -> None:
    assert play_changes(internal.site, "forums/publish-what-was-heard")[0] == f"18 November 2026 : {MIXED_SUBJECT}"


def test_a_shallow_clone_builds_with_a_note(repo: Path, tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(clone)], check=True, capture_output=True)
    result = build(clone, tmp_path / "site", today=TODAY)
    assert result.ok, result.output
    note = "The list of changes is not available in this copy of the site."
    assert soup(result.site, "recent-changes").select_one(".ep-history-note").get_text(strip=True) == note  # type: ignore[union-attr]
    assert play_changes(result.site, "forums/plan-a-forum") == []
    assert note in soup(result.site, "forums/plan-a-forum").select_one("section.ep-history").get_text()  # type: ignore[union-attr]


def test_a_checkout_without_history_builds(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")  # no .git at all
    result = build(project, tmp_path / "site", today=TODAY)
    assert result.ok, result.output
    assert soup(result.site, "recent-changes").select_one(".ep-history-note") is not None
    git(project, "init", "-q", "-b", "main")  # a repository with no commit yet
    result = build(project, tmp_path / "site2", today=TODAY)
    assert result.ok, result.output


def test_one_walk_for_dates_and_changes(repo: Path) -> None:
    """The build's Snapshot walks the history once; the dates and the change lists read that one walk."""
    from engagement_playbooks.domain.snapshot import Snapshot
    from engagement_playbooks.hosts.mkdocs.git_dates import last_commits

    site = Snapshot.load(repo, repo / "docs", "public")
    first = site.git_log
    assert first is not None and site.git_log is first  # kept, not walked again
    dates = last_commits(first)
    assert site.changes and site.git_log is first
    newest = first.commits[0]
    assert newest.subject == MIXED_SUBJECT
    assert dates[(repo / "docs" / "forums" / "publish-what-was-heard.md").resolve()] == (newest.sha, str(int(newest.when.timestamp())))


def test_week_grouping_starts_on_monday_and_keeps_sixty_days() -> None:
    def change(day: str) -> history.Change:
        return history.Change("x" + day, dt.datetime.fromisoformat(day + "T12:00:00+00:00"), "s", ("a.md",))

    found = [change("2026-11-22"), change("2026-11-16"), change("2026-11-15"), change("2026-09-22"), change("2026-09-21")]
    grouped = history.recent_weeks(found, dt.date(2026, 11, 20), days=60)
    # 2026-11-22 is after today (a clock ahead): left out. The 60 days are 22 September to 20 November, both included.
    assert [(week.monday.isoformat(), [c.sha for c in week.changes]) for week in grouped] == [
        ("2026-11-16", ["x2026-11-16"]),
        ("2026-11-09", ["x2026-11-15"]),
        ("2026-09-21", ["x2026-09-22"]),
    ]


@pytest.mark.parametrize(
    ("repo_url", "edit_uri", "configured", "expected"),
    [
        ("https://github.com/o/r", "edit/main/docs/", None, "https://github.com/o/r/commits/main/docs/a.md"),
        ("https://github.com/o/r/", "blob/trunk/docs/", None, "https://github.com/o/r/commits/trunk/docs/a.md"),
        ("https://gitlab.com/o/r", "-/edit/main/docs/", None, "https://gitlab.com/o/r/-/commits/main/docs/a.md"),
        ("https://git.example.org/o/r", None, None, None),
        ("https://git.example.org/o/r", None, "https://git.example.org/o/r/log/{path}", "https://git.example.org/o/r/log/docs/a.md"),
        ("https://github.com/o/r", None, False, None),
    ],
)
def test_history_url(repo_url: str, edit_uri: str | None, configured: object, expected: str | None) -> None:
    assert history_url(repo_url, edit_uri, "docs/a.md", configured) == expected
