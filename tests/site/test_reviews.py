"""Ownership and periodic review: date arithmetic, status, the banner, the review-status page and `make check`."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from support import ROOT, Build, build, copy_project

from engagement_playbooks.cli import check
from engagement_playbooks.domain import reviews
from engagement_playbooks.domain.snapshot import Snapshot
from engagement_playbooks.models.department import Owner
from engagement_playbooks.models.interval import parse_interval

TODAY = "2026-11-20"  # every build and check here pins today; none reads the clock


@pytest.mark.parametrize(
    ("start", "interval", "expected"),
    [
        ("2026-01-31", "1 month", "2026-02-28"),  # month end clamps
        ("2028-01-31", "1 month", "2028-02-29"),  # ... to 29 in a leap year
        ("2026-03-31", "1 month", "2026-04-30"),
        ("2026-08-31", "6 months", "2027-02-28"),  # across a year end
        ("2026-11-30", "3 months", "2027-02-28"),
        ("2026-12-15", "1 month", "2027-01-15"),
        ("2024-02-29", "12 months", "2025-02-28"),  # leap day, next year has none
        ("2024-02-29", "1 year", "2025-02-28"),
        ("2024-02-29", "4 years", "2028-02-29"),  # leap day to leap day
        ("2024-02-29", "48 months", "2028-02-29"),
        ("2028-02-28", "1 day", "2028-02-29"),
        ("2027-02-28", "1 day", "2027-03-01"),
        ("2026-12-29", "1 week", "2027-01-05"),
        ("2026-05-12", "12 months", "2027-05-12"),
    ],
)
def test_next_review_date_arithmetic(start: str, interval: str, expected: str) -> None:
    assert parse_interval(interval).after(dt.date.fromisoformat(start)) == dt.date.fromisoformat(expected)


def _review(next_due: str, today: str = TODAY) -> reviews.Review:
    owner = Owner(id="training", name="Training Academy", email="academy@riverton-pd.example.org")
    return reviews.Review(
        path="forums/x.md",
        shown="docs/forums/x.md",
        line=9,
        title="X",
        is_play=True,
        owner=owner,
        last_reviewed=dt.date(2025, 1, 1),
        next_due=dt.date.fromisoformat(next_due),
        today=dt.date.fromisoformat(today),
    )


@pytest.mark.parametrize(
    ("next_due", "status"),
    [
        ("2026-11-19", reviews.Status.OVERDUE),  # due yesterday
        ("2026-11-20", reviews.Status.DUE_SOON),  # due today is not late yet
        ("2026-12-20", reviews.Status.DUE_SOON),  # 30 days
        ("2026-12-21", reviews.Status.CURRENT),  # 31 days
    ],
)
def test_status_boundaries(next_due: str, status: reviews.Status) -> None:
    assert _review(next_due).status is status


# --- `make check` -----------------------------------------------------------------------------------


def _set_front_matter(page: Path, **fields: str | None) -> None:
    """Replace (or, with None, remove; or add) top-level front matter fields of a page."""
    text = page.read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    lines = front.splitlines()
    for name, value in fields.items():
        found = [i for i, line in enumerate(lines) if line.startswith(f"{name}:")]
        if value is None:
            lines = [line for i, line in enumerate(lines) if i not in found]
        elif found:
            lines[found[0]] = f"{name}: {value}"
        else:
            lines.append(f"{name}: {value}")
    page.write_text("---\n" + "\n".join(lines) + "\n---\n" + body, encoding="utf-8")


def _run_check(project: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = check.main(["--config", str(project / "mkdocs.yml"), *args])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PLAYBOOKS_TODAY", TODAY)
    return copy_project(tmp_path / "project")


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"review_every": "6 monts"}, "front matter review_every", "'6 monts' is not a review interval"),
        ({"review_every": "every spring"}, "front matter review_every", "is not a review interval"),
        ({"last_reviewed": "2026-12-01"}, "front matter last_reviewed", "'2026-12-01' is in the future"),
        ({"owner": None}, "front matter", "a play needs owner"),
        ({"owner": "comunity-engagement"}, "front matter owner", "did you mean 'community-engagement'?"),
    ],
)
def test_bad_review_values_are_errors_naming_file_and_field(
    project: Path, capsys: pytest.CaptureFixture[str], fields: dict[str, str | None], field: str, message: str
) -> None:
    _set_front_matter(project / "docs/forums/plan-a-forum.md", **fields)
    code, output = _run_check(project, capsys)
    assert code == 1
    line = next((line for line in output.splitlines() if "docs/forums/plan-a-forum.md:" in line and message in line), None)
    assert line is not None, output
    assert f" {field}" in line


def test_check_warns_about_overdue_and_due_soon_reviews(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _set_front_matter(project / "docs/forums/plan-a-forum.md", last_reviewed="2026-01-10", review_every="6 months")  # due 2026-07-10
    _set_front_matter(project / "docs/forums/publish-what-was-heard.md", last_reviewed="2025-12-01", review_every="12 months")
    code, output = _run_check(project, capsys)
    assert code == 0, output
    assert re.search(r"warnings? \(not failures", output)
    assert re.search(r"docs/forums/plan-a-forum\.md:\d+ last_reviewed: review overdue: it was due on 2026-07-10 \(133 days ago", output)
    assert re.search(r"docs/forums/publish-what-was-heard\.md:\d+ last_reviewed: review due on 2026-12-01, in 11 days", output)

    code, output = _run_check(project, capsys, "--fail-overdue")
    assert code == 1
    problems = output.split("found; fix and run again:", 1)[1]
    assert "docs/forums/plan-a-forum.md" in problems
    assert "publish-what-was-heard.md" not in problems  # due soon stays a warning


def test_check_passes_without_warnings_when_everything_is_current(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for page in (project / "docs").rglob("*.md"):
        if "last_reviewed:" in page.read_text(encoding="utf-8"):
            _set_front_matter(page, last_reviewed="2026-11-01", review_every=None)
    code, output = _run_check(project, capsys, "--fail-overdue")
    assert code == 0, output
    assert "review warning" not in output


def test_internal_pages_are_reviewed_only_in_the_internal_edition(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLAYBOOKS_TODAY", TODAY)
    internal_pages = {path for path, info in Snapshot.load(ROOT, ROOT / "docs", "public").pages.items() if info.internal}
    public = Snapshot.load(ROOT, ROOT / "docs", "public")
    staff = Snapshot.load(ROOT, ROOT / "docs", "internal")
    staff_reviewed = {r.path for r in reviews.reviews(staff)}
    assert internal_pages & staff_reviewed, "the internal pages name an owner and a review date"
    assert not internal_pages & {r.path for r in reviews.reviews(public)}
    assert internal_pages & {r.path for r in reviews.reviews(public, all_editions=True)}  # make check still warns about them


# --- the built site: banner, review line, review-status page -----------------------------------------------


@pytest.fixture(scope="module")
def pinned_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """A copy of the site built with today pinned: one play overdue, one current, one due soon."""
    project = copy_project(tmp_path_factory.mktemp("reviews") / "project")
    _set_front_matter(project / "docs/forums/plan-a-forum.md", last_reviewed="2025-10-01", review_every="12 months")  # overdue
    _set_front_matter(project / "docs/forums/facilitation-and-ground-rules.md", last_reviewed="2026-11-02", review_every=None)  # current
    _set_front_matter(project / "docs/forums/publish-what-was-heard.md", last_reviewed="2026-06-01", review_every="6 months")  # soon
    result = build(project, project / "site", today=TODAY)
    assert result.ok, result.output
    return result


def _soup(site: Build, page: str) -> BeautifulSoup:
    return BeautifulSoup((site.site / page / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_overdue_play_shows_the_warning_banner(pinned_site: Build) -> None:
    soup = _soup(pinned_site, "forums/plan-a-forum")
    banner = soup.select_one("article .admonition.warning.ep-review-overdue")
    assert banner is not None
    assert "overdue for review" in banner.get_text()
    assert banner.find("time")["datetime"] == "2026-10-01"
    line = soup.select_one("article .ep-review").get_text(" ", strip=True)
    assert "Owner: Community Engagement Unit" in line
    assert "Last reviewed: 1 October 2025" in line
    assert "Next review due: 1 October 2026" in line


def test_current_and_due_soon_plays_show_the_review_line_without_banner(pinned_site: Build) -> None:
    for page, due in (("forums/facilitation-and-ground-rules", "2027-11-02"), ("forums/publish-what-was-heard", "2026-12-01")):
        soup = _soup(pinned_site, page)
        assert soup.select_one(".ep-review-overdue") is None, page
        review = soup.select_one("article .ep-review")
        assert review is not None, page
        assert review.find_all("time")[-1]["datetime"] == due
        mail = review.find("a")
        assert mail["href"].startswith("mailto:") and "@riverton-pd.example.org" in mail["href"]


def test_pages_without_an_owner_show_no_review_facts(pinned_site: Build) -> None:
    soup = _soup(pinned_site, "forums")
    assert soup.select_one(".ep-review") is None
    assert soup.select_one(".ep-review-overdue") is None


def test_review_status_page_lists_overdue_first_then_by_due_date(pinned_site: Build) -> None:
    soup = _soup(pinned_site, "trainers/review-status")
    rows = soup.select("table.ep-review-status tbody tr")
    assert len(rows) >= 20
    statuses = [row["data-status"] for row in rows]
    dues = [row.find_all("time")[1]["datetime"] for row in rows]
    ranks = [[s.value for s in reviews.Status].index(s) for s in statuses]
    assert ranks == sorted(ranks), statuses
    for status in {s.value for s in reviews.Status}:
        group = [due for due, s in zip(dues, statuses, strict=True) if s == status]
        assert group == sorted(group), status
    titles = [row.th.get_text(strip=True) for row in rows]
    assert statuses[titles.index("Plan a community forum")] == "overdue"
    assert statuses[titles.index("Publish what was heard and what was done")] == "due within 30 days"
    assert statuses[titles.index("Facilitate a forum with clear ground rules")] == "current"
    link = rows[titles.index("Plan a community forum")].th.a["href"]
    assert (pinned_site.site / "trainers/review-status" / link / "index.html").resolve().exists()


def test_review_status_page_leaves_internal_pages_out_of_the_public_edition(pinned_site: Build, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLAYBOOKS_TODAY", TODAY)
    listed = " ".join(th.get_text() for th in _soup(pinned_site, "trainers/review-status").select("table.ep-review-status th"))
    internal_titles = [
        info.meta["title"]
        for info in Snapshot.load(ROOT, ROOT / "docs", "internal").pages.values()
        if info.internal and "last_reviewed" in info.meta
    ]
    assert internal_titles
    for title in internal_titles:
        assert title not in listed
