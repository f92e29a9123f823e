"""Owner reminders: the report grouped by team (macros/review_report.py), its command, and the issue filer against a stand-in `gh`."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from support import ROOT, copy_project

from engagement_playbooks.cli import review_issues
from engagement_playbooks.hosts.mkdocs.site_config import load_snapshot
from engagement_playbooks.reports import review_report

TODAY = "2026-11-20"  # community-events.md is overdue (due 10 June 2026); three partner entries are stale


def run_report(*args: str, config: Path = ROOT / "mkdocs.yml") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PLAYBOOKS_TODAY": TODAY}
    command = [sys.executable, "-m", "engagement_playbooks", "reviews", "--config", str(config), *args]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def reports(monkeypatch_module: pytest.MonkeyPatch) -> list[review_report.TeamReport]:
    monkeypatch_module.setenv("PLAYBOOKS_TODAY", TODAY)
    site, _ = load_snapshot(ROOT / "mkdocs.yml")
    return review_report.team_reports(site)


@pytest.fixture(scope="module")
def monkeypatch_module() -> Any:
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def by_team(reports: list[review_report.TeamReport]) -> dict[str, review_report.TeamReport]:
    return {report.owner.id: report for report in reports}


def test_overdue_play_is_listed_under_its_owner(reports: list[review_report.TeamReport]) -> None:
    teams = by_team(reports)
    assert list(teams) == ["community-engagement", "training", "youth-services", "problem-solving", "professional-standards"]
    engagement = teams["community-engagement"]
    assert [(r.path, r.overdue) for r in engagement.pages] == [("everyday-contact/community-events.md", True)]
    assert engagement.overdue
    assert all(not report.pages for team, report in teams.items() if team != "community-engagement")


def test_stale_partners_go_to_their_owner_or_the_first_owner(reports: list[review_report.TeamReport]) -> None:
    teams = by_team(reports)
    # westfield-mentoring names `owner: youth-services`; the others name none and go to the first owner.
    assert [p.partner.id for p in teams["youth-services"].partners] == ["westfield-mentoring"]
    assert [p.partner.id for p in teams["community-engagement"].partners] == ["northside-health-van", "home-meals"]  # oldest first
    assert teams["youth-services"].overdue  # a stale entry is past due too
    assert teams["training"].empty and not teams["training"].overdue


def test_due_soon_pages_are_listed_but_not_overdue(monkeypatch: pytest.MonkeyPatch) -> None:
    # plan-a-forum.md was reviewed on 2026-05-12: due 2027-05-12, so "due soon" from 2027-04-12 on.
    monkeypatch.setenv("PLAYBOOKS_TODAY", "2027-04-20")
    site, _ = load_snapshot(ROOT / "mkdocs.yml")
    pages = {r.path: r for report in review_report.team_reports(site) for r in report.pages}
    assert pages["forums/plan-a-forum.md"].status.value == "due within 30 days"
    assert pages["forums/plan-a-forum.md"].days_left == 22
    text = review_report.as_text(review_report.team_reports(site), site.today, 12)
    assert "due soon  docs/forums/plan-a-forum.md: Plan a community forum, due on 12 May 2027 (in 22 days)" in text


def test_internal_pages_are_listed_unless_public_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PLAYBOOKS_TODAY", "2027-09-01")  # the internal pages (reviewed 2026-09-14) are overdue by then
    site, _ = load_snapshot(ROOT / "mkdocs.yml")
    every = [r.path for report in review_report.team_reports(site) for r in report.pages]
    public = [r.path for report in review_report.team_reports(site, all_editions=False) for r in report.pages]
    assert "internal/escalation-contacts.md" in every
    assert not [path for path in public if path.startswith("internal/")]
    assert set(public) < set(every)


def test_text_output_groups_by_team() -> None:
    result = run_report()
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("Reviews and partner checks as of 20 November 2026\n")
    engagement = out.index("Community Engagement Unit (community-engagement, engagement@riverton-pd.example.org)")
    youth = out.index("Youth Services Section (youth-services")
    assert engagement < out.index("OVERDUE   docs/everyday-contact/community-events.md: Show up at community events") < youth
    assert "overdue since 10 June 2026 (163 days late)" in out
    assert out.index("westfield-mentoring") > youth
    assert "Training Academy" not in out  # nothing due: no section


def test_markdown_has_one_section_per_team_with_links() -> None:
    result = run_report("--format", "markdown")
    assert result.returncode == 0, result.stderr
    sections = [line for line in result.stdout.splitlines() if line.startswith("## ")]
    assert sections == ["## Community Engagement Unit", "## Youth Services Section"]
    assert (
        "- [ ] **Overdue**: [Show up at community events](https://riverton-pd.github.io/engagement-playbooks/everyday-contact/community-events/)"
        in result.stdout
    )


def test_markdown_escapes_what_would_become_markup() -> None:
    assert review_report._md("Use <b> & *stars* [x](y) @team") == "Use \\<b\\> & \\*stars\\* \\[x\\](y) \\@team"


def test_json_output() -> None:
    result = run_report("--format", "json")
    data = json.loads(result.stdout)
    assert data["today"] == TODAY
    teams = {team["owner"]["id"]: team for team in data["teams"]}
    assert teams["community-engagement"]["pages"] == [
        {
            "path": "docs/everyday-contact/community-events.md",
            "title": "Show up at community events",
            "status": "overdue",
            "next_due": "2026-06-10",
            "days_left": -163,
        }
    ]
    assert teams["training"] == {
        "owner": {"id": "training", "name": "Training Academy", "email": "academy@riverton-pd.example.org"},
        "overdue": False,
        "pages": [],
        "partners": [],
    }


def test_fail_overdue_exit_status(tmp_path: Path) -> None:
    assert run_report("--fail-overdue").returncode == 1
    # Bring everything up to date: the same command then passes.
    project = copy_project(tmp_path / "project")
    events = project / "docs" / "everyday-contact" / "community-events.md"
    events.write_text(events.read_text().replace("last_reviewed: 2025-06-10", "last_reviewed: 2026-11-01"))
    partners = project / "data" / "partners.yml"
    text = partners.read_text()
    for old in ("2025-06-20", "2025-08-02", "2025-09-10"):
        text = text.replace(f"last_verified: {old}", "last_verified: 2026-11-01")
    partners.write_text(text)
    result = run_report("--fail-overdue", config=project / "mkdocs.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "nothing is due" in result.stdout


# --- filing the reminders as GitHub issues, against a stand-in `gh` ---------------------------------------


class FakeGh:
    def __init__(self, folder: Path) -> None:
        self.bin = folder / "bin"
        self.bin.mkdir()
        gh = self.bin / "gh"
        gh.write_text(f"#!{sys.executable}\n" + (ROOT / "tests" / "fake_gh.py").read_text())
        gh.chmod(0o755)
        self.state_file = folder / "gh-state.json"
        self.log_file = folder / "gh-log.jsonl"
        self.log_file.touch()

    def env(self) -> dict[str, str]:
        path = f"{self.bin}{os.pathsep}{os.environ['PATH']}"
        return {"PATH": path, "FAKE_GH_STATE": str(self.state_file), "FAKE_GH_LOG": str(self.log_file)}

    def seed(self, *issues: dict[str, Any]) -> None:
        labels = sorted({label for issue in issues for label in issue["labels"]})
        self.state_file.write_text(json.dumps({"issues": list(issues), "labels": labels}))

    @property
    def issues(self) -> list[dict[str, Any]]:
        return list(json.loads(self.state_file.read_text())["issues"]) if self.state_file.exists() else []

    def calls(self) -> list[list[str]]:
        return [json.loads(line)["args"] for line in self.log_file.read_text().splitlines()]

    def changing_calls(self) -> list[list[str]]:
        return [args for args in self.calls() if args[:2] != ["issue", "list"]]


@pytest.fixture
def fake_gh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> FakeGh:
    fake = FakeGh(tmp_path)
    for key, value in fake.env().items():
        monkeypatch.setenv(key, value)
    assert shutil.which("gh") == str(fake.bin / "gh")  # the stand-in, never a real gh
    return fake


def file(reports: list[review_report.TeamReport]) -> list[review_issues.Action]:
    today = dt.date.fromisoformat(TODAY)
    bodies = {r.owner.id: review_report.team_markdown(r, today, 12) for r in reports}
    return review_issues.file_issues(reports, bodies, review_issues.Gh())


def open_issues(fake: FakeGh) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for issue in fake.issues:
        if issue["state"] == "open":
            (label,) = issue["labels"]
            assert label not in found, f"two open issues for {label}"
            found[label] = issue
    return found


def test_creates_one_labelled_issue_per_team_with_something_due(fake_gh: FakeGh) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "engagement_playbooks", "review-issues"],
        cwd=ROOT,
        env={**os.environ, "PLAYBOOKS_TODAY": TODAY},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["community-engagement: create", "youth-services: create"]
    issues = open_issues(fake_gh)
    assert set(issues) == {"review:community-engagement", "review:youth-services"}
    engagement = issues["review:community-engagement"]
    assert engagement["title"] == "Reviews due: Community Engagement Unit"
    assert "## Community Engagement Unit" in engagement["body"]
    assert "Show up at community events" in engagement["body"]
    assert "Westfield Mentoring Project" not in engagement["body"]  # another team's entry
    assert "Westfield Mentoring Project" in issues["review:youth-services"]["body"]
    # The label is made before the issue that uses it.
    changes = fake_gh.changing_calls()
    assert changes[0][:3] == ["label", "create", "review:community-engagement"]
    assert changes[1][:2] == ["issue", "create"]


def test_running_again_makes_no_duplicate(fake_gh: FakeGh, reports: list[review_report.TeamReport]) -> None:
    file(reports)
    first = fake_gh.issues
    actions = file(reports)
    assert fake_gh.issues == first
    assert [(a.team, a.verb) for a in actions] == [("community-engagement", "keep"), ("youth-services", "keep")]
    assert [args[:2] for args in fake_gh.changing_calls()].count(["issue", "create"]) == 2


def test_edits_the_open_issue_when_the_list_changed(fake_gh: FakeGh, reports: list[review_report.TeamReport]) -> None:
    old = {"number": 7, "title": "Reviews due: Community Engagement Unit", "body": "old list", "labels": ["review:community-engagement"]}
    fake_gh.seed({**old, "state": "open"})
    actions = file(reports)
    assert ("community-engagement", "edit", 7) in [(a.team, a.verb, a.number) for a in actions]
    issues = open_issues(fake_gh)
    assert issues["review:community-engagement"]["number"] == 7
    assert "Show up at community events" in issues["review:community-engagement"]["body"]
    assert not [args for args in fake_gh.changing_calls() if args[:2] == ["issue", "create"] and "review:community-engagement" in args]


def test_closes_the_issue_of_a_team_with_nothing_left(fake_gh: FakeGh, reports: list[review_report.TeamReport]) -> None:
    done = {"number": 3, "title": "Reviews due: Training Academy", "body": "x", "labels": ["review:training"], "state": "open"}
    fake_gh.seed(done)
    actions = file(reports)
    assert ("training", "close", 3) in [(a.team, a.verb, a.number) for a in actions]
    assert [i["state"] for i in fake_gh.issues if i["number"] == 3] == ["closed"]
    close = next(args for args in fake_gh.changing_calls() if args[:3] == ["issue", "close", "3"])
    assert "Nothing is due any more" in close[close.index("--comment") + 1]
    assert "review:training" not in open_issues(fake_gh)


def test_extra_open_issues_of_a_team_are_closed(fake_gh: FakeGh, reports: list[review_report.TeamReport]) -> None:
    twin = {"title": "Reviews due: Youth Services Section", "body": "x", "labels": ["review:youth-services"], "state": "open"}
    fake_gh.seed({**twin, "number": 4}, {**twin, "number": 9})
    file(reports)
    issues = open_issues(fake_gh)  # fails on two open issues for one label
    assert issues["review:youth-services"]["number"] == 4


def test_a_failing_gh_is_reported(tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "gh").write_text("#!/bin/sh\necho 'HTTP 401: Bad credentials' >&2\nexit 1\n")
    (bin_dir / "gh").chmod(0o755)
    env = {**os.environ, "PLAYBOOKS_TODAY": TODAY, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}
    result = subprocess.run(
        [sys.executable, "-m", "engagement_playbooks", "review-issues"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 1
    assert "Could not file the review issues" in result.stderr and "Bad credentials" in result.stderr
