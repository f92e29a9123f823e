"""`make new-play`, the contributing docs' example error, and the pre-commit hooks."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from support import ROOT, build, copy_project

from engagement_playbooks.cli import check, new_play

TODAY = "2026-11-20"
# The play template of the content guide: these H2 headings, with exactly this text, in this order.
TEMPLATE_HEADINGS = [
    "Purpose and when to use it",
    "What you need",
    "Steps",
    "Checklist",
    "Key questions",
    "Pitfalls to avoid",
    "Partners to involve",
    "Sources",
]


def _venv_python(project: Path) -> None:
    """project/.venv/bin/python and playbooks, running this test's Python (wrappers, so its own venv stays in use)."""
    for name, command in (("python", ""), ("playbooks", " -m engagement_playbooks")):
        wrapper = project / ".venv/bin" / name
        wrapper.parent.mkdir(parents=True, exist_ok=True)
        wrapper.write_text(f'#!/bin/sh\nexec {shlex.quote(sys.executable)}{command} "$@"\n', encoding="utf-8")
        wrapper.chmod(0o755)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PLAYBOOKS_TODAY", TODAY)
    return copy_project(tmp_path / "project")


def _front_matter(path: Path) -> dict[str, object]:
    return dict(yaml.safe_load(path.read_text(encoding="utf-8").split("---\n", 2)[1]))


def test_template_page_and_script_agree_on_the_eight_headings() -> None:
    assert list(new_play.HEADINGS) == TEMPLATE_HEADINGS
    body = new_play.starter_body(ROOT / "docs")
    assert re.findall(r"^## (.+)$", body, re.MULTILINE) == TEMPLATE_HEADINGS
    page = (ROOT / "docs/trainers/play-template.md").read_text(encoding="utf-8")
    assert re.findall(r"^### \d\. (.+)$", page, re.MULTILINE) == TEMPLATE_HEADINGS  # the explanation, part by part


def test_new_play_is_valid_and_builds_strictly(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = new_play.main(["--title", "Hold a coffee with a cop", "--section", "everyday-contact"], root=project)
    out = capsys.readouterr().out
    assert code == 0, out
    page = project / "docs/everyday-contact/hold-a-coffee-with-a-cop.md"
    checklist = project / "data/checklists/hold-a-coffee-with-a-cop.yml"
    assert f"docs/everyday-contact/{page.name}" in out and f"data/checklists/{checklist.name}" in out

    meta = _front_matter(page)
    assert meta["type"] == "play"
    assert meta["title"] == "Hold a coffee with a cop"
    assert str(meta["last_reviewed"]) == TODAY
    assert meta["owner"] == "community-engagement"  # the section's usual owner
    assert meta["tags"] == ["Everyday contact"]
    text = page.read_text(encoding="utf-8")
    assert re.findall(r"^## (.+)$", text, re.MULTILINE) == TEMPLATE_HEADINGS
    assert '{{ checklist("hold-a-coffee-with-a-cop") }}' in text
    assert yaml.safe_load(checklist.read_text(encoding="utf-8"))["id"] == "hold-a-coffee-with-a-cop"

    assert check.main(["--config", str(project / "mkdocs.yml")]) == 0, capsys.readouterr().err
    assert "hold-a-coffee-with-a-cop" not in capsys.readouterr().err  # reviewed today: no warning either

    result = build(project, project / "site", today=TODAY)
    assert result.ok, result.output
    built = project / "site/everyday-contact/hold-a-coffee-with-a-cop/index.html"
    soup = BeautifulSoup(built.read_text(encoding="utf-8"), "html.parser")
    assert soup.select_one("article .ep-review") is not None
    assert soup.select_one("article .ep-review-overdue") is None
    section = BeautifulSoup((project / "site/everyday-contact/index.html").read_text(encoding="utf-8"), "html.parser")
    assert section.select_one('nav.md-nav--primary a[href*="hold-a-coffee-with-a-cop"]') is not None, "the play is in the menu"


def test_new_play_refuses_to_overwrite(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    arguments = ["--title", "Hold a coffee with a cop", "--section", "everyday-contact"]
    assert new_play.main(arguments, root=project) == 0
    page = project / "docs/everyday-contact/hold-a-coffee-with-a-cop.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nA trainer's own words.\n", encoding="utf-8")
    before = page.read_text(encoding="utf-8")
    capsys.readouterr()
    assert new_play.main(arguments, root=project) == 1
    assert "already exist" in capsys.readouterr().err
    assert page.read_text(encoding="utf-8") == before


def test_new_play_writes_nothing_when_its_checklist_id_is_taken(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (project / "data/checklists/forum-planning.yml").exists()
    assert new_play.main(["--title", "Forum planning", "--section", "forums"], root=project) == 1
    assert "data/checklists/forum-planning.yml already exists" in capsys.readouterr().err
    assert not (project / "docs/forums/forum-planning.md").exists()


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--title", "Walk a beat", "--section", "nowhere"], "'nowhere' is not a section"),
        (["--title", "Walk a beat", "--section", "forums", "--owner", "nobody"], "'nobody' is not an owner"),
        (["--title", "Walk a beat", "--section", "forums", "--tag", "Nope"], "'Nope' is not a tag"),
        (["--title", "!!!", "--section", "forums"], "at least one letter"),
    ],
)
def test_new_play_explains_bad_input_and_writes_nothing(
    project: Path, capsys: pytest.CaptureFixture[str], arguments: list[str], message: str
) -> None:
    before = sorted(project.rglob("*"))
    assert new_play.main(arguments, root=project) == 1
    assert message in capsys.readouterr().err
    assert sorted(project.rglob("*")) == before


def test_new_play_asks_for_missing_title_and_section(project: Path) -> None:
    answers = iter(["Walk and talk on the beat", "forums"])
    assert new_play.main([], root=project, ask=lambda _question: next(answers)) == 0
    assert _front_matter(project / "docs/forums/walk-and-talk-on-the-beat.md")["tags"] == ["Forums"]


def test_make_new_play_passes_title_and_section(project: Path) -> None:
    shutil.copy2(ROOT / "Makefile", project / "Makefile")
    _venv_python(project)
    (project / "requirements.txt").touch()
    (project / "pyproject.toml").touch()
    (project / ".venv/.runtime").touch()  # newer than requirements.txt: make does not reinstall
    title = 'Meet a neighbor\'s "block club"'
    result = subprocess.run(
        ["make", "--no-print-directory", "new-play", f"TITLE={title}", "SECTION=partners"],
        cwd=project,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        check=False,
        env={**os.environ, "PLAYBOOKS_TODAY": TODAY},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert _front_matter(project / "docs/partners/meet-a-neighbors-block-club.md")["title"] == title


def test_contributing_docs_show_a_real_error_line(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The example in how-to-publish.md and CONTRIBUTING.md is what `make check` prints for a misspelled owner."""
    page = project / "docs/forums/plan-a-forum.md"
    page.write_text(page.read_text(encoding="utf-8").replace("owner: community-engagement", "owner: comunity-engagement"), encoding="utf-8")
    assert check.main(["--config", str(project / "mkdocs.yml")]) == 1
    printed = {line.strip() for line in capsys.readouterr().err.splitlines()}
    for doc in (ROOT / "docs/trainers/how-to-publish.md", ROOT / "CONTRIBUTING.md"):
        example = re.search(r"```text\n(docs/forums/plan-a-forum\.md:.*)\n```", doc.read_text(encoding="utf-8"))
        assert example is not None, doc
        assert example.group(1) in printed, doc


# --- pre-commit -------------------------------------------------------------------------------------------


def _hooks() -> dict[str, dict[str, object]]:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert [repo["repo"] for repo in config["repos"]] == ["local"], "local hooks only: pre-commit must download nothing"
    return {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}


def test_pre_commit_config_is_valid_and_local() -> None:
    pre_commit = Path(sys.executable).parent / "pre-commit"
    result = subprocess.run([str(pre_commit), "validate-config", ".pre-commit-config.yaml"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    hooks = _hooks()
    assert {"playbooks-check", "ruff-check", "ruff-format"} <= set(hooks)
    assert all(hook["language"] == "system" for hook in hooks.values())
    files = re.compile(str(hooks["playbooks-check"]["files"]))
    assert files.search("docs/forums/plan-a-forum.md") and files.search("data/partners.yml")
    assert not files.search("README.md")


def _run_hook(hook: dict[str, object], cwd: Path, *files: str) -> subprocess.CompletedProcess[str]:
    """Run a hook's command as pre-commit would (from the repository root, with the files when it takes them)."""
    command = shlex.split(str(hook["entry"])) + (list(files) if hook.get("pass_filenames", True) else [])
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, env={**os.environ, "PLAYBOOKS_TODAY": TODAY})


def test_pre_commit_check_hook_runs_the_fast_checks(project: Path) -> None:
    _venv_python(project)
    hook = _hooks()["playbooks-check"]
    good = _run_hook(hook, project, "docs/forums/plan-a-forum.md")
    assert good.returncode == 0, good.stdout + good.stderr
    partners = project / "data/partners.yml"
    partners.write_text(partners.read_text(encoding="utf-8").replace("riverton-food-bank", "Riverton Food Bank", 1), encoding="utf-8")
    bad = _run_hook(hook, project, "data/partners.yml")
    assert bad.returncode == 1
    assert "data/partners.yml:" in bad.stderr


def test_pre_commit_ruff_hooks_run_ruff(tmp_path: Path) -> None:
    ruff = Path(sys.executable).parent / "ruff"
    (tmp_path / ".venv/bin").mkdir(parents=True)
    (tmp_path / ".venv/bin/ruff").symlink_to(ruff)
    shutil.copy2(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    (tmp_path / "good.py").write_text('"""Fine."""\n\nVALUE = 1\n', encoding="utf-8")
    (tmp_path / "bad.py").write_text("import os\nx=1\n", encoding="utf-8")
    hooks = _hooks()
    assert _run_hook(hooks["ruff-check"], tmp_path, "good.py").returncode == 0
    assert _run_hook(hooks["ruff-check"], tmp_path, "bad.py").returncode == 1  # unused import
    assert _run_hook(hooks["ruff-format"], tmp_path, "good.py").returncode == 0
    assert _run_hook(hooks["ruff-format"], tmp_path, "bad.py").returncode == 1  # x=1 is not formatted


def test_new_play_uses_the_sites_own_folders(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """docs_dir and the plugin's data_dir come from mkdocs.yml, not a hard-coded docs/ and data/."""
    (project / "docs").rename(project / "pages")
    (project / "data").rename(project / "facts")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("  - playbooks\n", "  - playbooks:\n      data_dir: facts\n", 1)
    config.write_text("docs_dir: pages\n" + text, encoding="utf-8")
    assert "data_dir: facts" in config.read_text(encoding="utf-8")
    assert new_play.main(["--title", "Hold a coffee with a cop", "--section", "everyday-contact"], root=project) == 0, capsys.readouterr()
    assert (project / "pages/everyday-contact/hold-a-coffee-with-a-cop.md").is_file()
    assert (project / "facts/checklists/hold-a-coffee-with-a-cop.yml").is_file()


def test_new_play_reads_department_yml_checked(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A department.yml the build would reject stops new-play with the same problem, file and line."""
    department = project / "data/department.yml"
    text = department.read_text(encoding="utf-8")
    email = re.search(r"^ +email: (\S+@\S+)$", text, re.MULTILINE)
    assert email
    department.write_text(text.replace(email.group(0), email.group(0).replace(email.group(1), "not-an-email"), 1), encoding="utf-8")
    assert new_play.main(["--title", "Hold a coffee with a cop", "--section", "everyday-contact"], root=project) == 1
    err = capsys.readouterr().err
    assert "data/department.yml:" in err and "email" in err
    assert not (project / "docs/everyday-contact/hold-a-coffee-with-a-cop.md").exists()
