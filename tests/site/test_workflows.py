"""The GitHub Actions workflows pass zizmor's audit, and do what the site needs: daily rebuilds, no internal edition on Pages."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from support import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
CONFIG = ROOT / "zizmor.yml"


def zizmor(folder: Path) -> subprocess.CompletedProcess[str]:
    # The venv's own zizmor (requirements-dev.txt), offline: it never asks GitHub anything.
    executable = Path(sys.executable).parent / "zizmor"
    command = [str(executable if executable.exists() else "zizmor"), "--offline", "--min-severity", "medium"]
    command += ["--config", str(CONFIG), "--color", "never", str(folder)]
    env = {key: value for key, value in os.environ.items() if not key.startswith(("GH_", "GITHUB_"))}
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)


def load(name: str) -> dict[Any, Any]:
    workflow: dict[Any, Any] = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    return workflow


def steps(workflow: dict[Any, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [(job_id, step) for job_id, job in workflow["jobs"].items() for step in job["steps"]]


def test_workflows_pass_zizmor() -> None:
    result = zizmor(WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("change", "audit"),
    [
        (lambda text: re.sub(r"actions/checkout@[0-9a-f]{40}", "actions/checkout@v4", text, count=1), "unpinned-uses"),
        (lambda text: text.replace("          persist-credentials: false\n", "", 1), "artipacked"),
        (
            lambda text: re.sub(r"permissions:\n      contents: read[^\n]*\n", "permissions: write-all\n", text, count=1),
            "excessive-permissions",
        ),
    ],
    ids=["unpinned action", "persisted credentials", "write-all"],
)
def test_zizmor_catches_a_weakened_workflow(tmp_path: Path, change: Any, audit: str) -> None:
    copy = tmp_path / ".github" / "workflows"
    shutil.copytree(WORKFLOWS, copy)
    site = copy / "site.yml"
    weakened = change(site.read_text(encoding="utf-8"))
    assert weakened != site.read_text(encoding="utf-8")
    site.write_text(weakened, encoding="utf-8")
    result = zizmor(copy)
    assert result.returncode != 0
    assert audit in result.stdout + result.stderr


def test_every_action_is_pinned_to_a_commit_with_its_tag() -> None:
    for name in ("site.yml", "reviews.yml"):
        for _job, step in steps(load(name)):
            if "uses" in step:
                assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", step["uses"]), step["uses"]
        text = (WORKFLOWS / name).read_text(encoding="utf-8")
        for line in text.splitlines():
            if "uses:" in line:
                assert re.search(r"@[0-9a-f]{40}\s+# v\d+\.\d+\.\d+$", line), line


def test_checkouts_do_not_keep_the_token() -> None:
    for name in ("site.yml", "reviews.yml"):
        checkouts = [step for _job, step in steps(load(name)) if step.get("uses", "").startswith("actions/checkout@")]
        assert checkouts
        assert all(step["with"]["persist-credentials"] is False for step in checkouts)


def test_every_job_declares_its_own_permissions() -> None:
    for name in ("site.yml", "reviews.yml"):
        workflow = load(name)
        assert workflow["permissions"] == {}
        for job_id, job in workflow["jobs"].items():
            assert isinstance(job.get("permissions"), dict) and job["permissions"], f"{name}: {job_id}"
            assert "write-all" not in str(job["permissions"])


def test_site_rebuilds_daily_and_the_internal_edition_never_reaches_pages() -> None:
    workflow = load("site.yml")
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as True
    assert triggers["schedule"][0]["cron"]
    assert triggers["push"]["branches"] == ["main"]
    jobs = workflow["jobs"]
    deploy_commands = [step.get("run", "") for step in jobs["deploy"]["steps"]]
    assert "make editions" in [command.split("#")[0].strip() for command in deploy_commands]  # archives included
    assert jobs["deploy"]["permissions"]["pages"] == "write"
    internal = jobs["internal"]
    assert "pages" not in internal["permissions"]
    assert "make editions EDITION=internal" in [step.get("run", "").split("#")[0].strip() for step in internal["steps"]]
    uses = [step.get("uses", "") for step in internal["steps"]]
    assert any(u.startswith("actions/upload-artifact@") for u in uses)
    assert not any("pages" in u for u in uses)
    for job_id, job in jobs.items():
        if job_id != "internal":
            assert "build-internal" not in str(job["steps"]), job_id


def test_reminders_run_daily_with_only_issue_rights() -> None:
    workflow = load("reviews.yml")
    assert workflow[True]["schedule"][0]["cron"]
    job = workflow["jobs"]["remind"]
    assert job["permissions"] == {"contents": "read", "issues": "write"}
    assert any("playbooks review-issues" in step.get("run", "") for step in job["steps"])
