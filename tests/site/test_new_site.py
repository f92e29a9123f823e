"""`playbooks new-site`: a new department's site builds strictly as generated, in both editions, with no Riverton in it."""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from engagement_playbooks import __version__
from engagement_playbooks.cli.main import main as playbooks

ROOT = Path(__file__).resolve().parents[2]
PLAYBOOKS_COMMAND = str(Path(sys.executable).with_name("playbooks"))
HARBOR = [
    "--name",
    "Harbor City Police Department",
    "--short-name",
    "HCPD",
    "--site-url",
    "https://example.org/hcpd/playbooks/",
    "--repo-url",
    "https://github.com/harbor-city-pd/playbooks",
]


def new_site(directory: Path, *extra: str, engine: str | None = str(ROOT)) -> int:
    spec = ["--engine-spec", engine] if engine else []
    return playbooks(["new-site", str(directory), *HARBOR, *spec, *extra])


def build_both(project: Path, out: Path) -> dict[str, subprocess.CompletedProcess[str]]:
    """Strict builds of both editions, side by side (each is a separate process)."""
    running = {}
    for edition in ("public", "internal"):
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PLAYBOOKS_EDITION": edition}
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(out / edition)]
        running[edition] = subprocess.Popen(command, cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    results = {}
    for edition, process in running.items():
        output, _ = process.communicate(timeout=600)
        results[edition] = subprocess.CompletedProcess(process.args, process.returncode, output, "")
    return results


def mentions_riverton(folder: Path) -> list[str]:
    return [
        path.relative_to(folder).as_posix()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and b"riverton" in path.read_bytes().lower()
    ]


def article_text(page: Path) -> str:
    article = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find("article")
    assert article is not None, page
    return " ".join(article.get_text().split())


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A new site as generated (no example), and its two built editions."""
    base = tmp_path_factory.mktemp("new-site")
    assert new_site(base / "harbor") == 0
    results = build_both(base / "harbor", base / "built")
    for edition, result in results.items():
        assert result.returncode == 0, f"{edition} build failed:\n{result.stdout}"
    return base / "harbor", base / "built"


def test_it_builds_strictly_in_both_editions_with_nothing_of_riverton(fresh: tuple[Path, Path]) -> None:
    project, built = fresh
    assert (built / "public" / "index.html").is_file()
    assert (built / "internal" / "internal" / "index.html").is_file()
    assert not (built / "public" / "internal").exists()
    assert mentions_riverton(project) == []
    assert mentions_riverton(built) == []


def test_the_generated_repository_is_complete(fresh: tuple[Path, Path]) -> None:
    project, _ = fresh
    for name in (
        "mkdocs.yml",
        "Makefile",
        "README.md",
        "CONTRIBUTING.md",
        "requirements.txt",
        "requirements-dev.txt",
        ".gitignore",
        ".pre-commit-config.yaml",
        ".github/workflows/site.yml",
        ".ci/run",
        "data/department.yml",
        "data/partners.yml",
        "data/glossary.yml",
        "data/authors.yml",
        "docs/.nav.yml",
        "docs/trainers/play-template.md",
        "macros/__init__.py",
        "overrides/main.html",
        "tests/test_site.py",
    ):
        assert (project / name).is_file(), name
    assert (project / ".ci/run").stat().st_mode & stat.S_IXUSR
    assert not [
        p
        for p in project.rglob("*")
        if p.name.startswith("dot-") or re.search(r"__(Q_)?[A-Z][A-Z_]*__", p.read_text() if p.is_file() else "")
    ]
    targets = set(re.findall(r"^([a-z-]+):.*## ", (project / "Makefile").read_text(), re.MULTILINE))
    wanted = (
        "serve",
        "edit",
        "build",
        "build-internal",
        "check",
        "new-play",
        "lint",
        "browser",
        "readability",
        "build-offline",
        "pdf",
        "test",
    )
    assert set(wanted) <= targets


def test_playbooks_check_passes_and_new_play_works_there(tmp_path: Path) -> None:
    assert new_site(tmp_path / "site") == 0
    project = tmp_path / "site"
    check = subprocess.run([PLAYBOOKS_COMMAND, "check"], cwd=project, capture_output=True, text=True, timeout=300)
    assert check.returncode == 0, check.stdout + check.stderr
    play = subprocess.run(
        [PLAYBOOKS_COMMAND, "new-play", "--title", "Walk the market", "--section", "plays"], cwd=project, capture_output=True, text=True
    )
    assert play.returncode == 0, play.stderr
    assert (project / "docs/plays/walk-the-market.md").is_file()
    check = subprocess.run([PLAYBOOKS_COMMAND, "check"], cwd=project, capture_output=True, text=True, timeout=300)
    assert check.returncode == 0, check.stdout + check.stderr


def test_department_values_show_and_empty_states_read_well(fresh: tuple[Path, Path]) -> None:
    _, built = fresh
    public = built / "public"
    assert "Quick, plain guides from the Harbor City Police Department" in article_text(public / "index.html")
    assert "No partners yet: add them in data/partners.yml." in article_text(public / "directory/index.html")
    assert "No terms yet: add them in data/glossary.yml." in article_text(public / "glossary/index.html")
    assert "No checklists in this section yet" in article_text(public / "onboarding/index.html")
    assert "No page names an owner and a review date yet." in article_text(public / "trainers/review-status/index.html")
    home = BeautifulSoup((public / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert home.find("meta", attrs={"name": "author"})["content"] == "Harbor City Police Department"  # type: ignore[index]
    assert "HCPD Engagement Playbooks" in home.title.get_text()  # type: ignore[union-attr]
    assert "https://github.com/harbor-city-pd/playbooks/edit/main/docs/index.md" in [a.get("href") for a in home.find_all("a")]


def test_example_builds_and_passes_its_own_tests(tmp_path: Path) -> None:
    project = tmp_path / "example"
    assert new_site(project, "--example") == 0
    assert "Example:" in (project / "docs/plays/example-coffee-with-residents.md").read_text()
    assert "Example:" in (project / "data/checklists/example-coffee-with-residents.yml").read_text()
    assert "Example:" in (project / "data/partners.yml").read_text()
    # The site's own test suite builds both editions (into --basetemp) and checks them; then nothing there names Riverton.
    inner = tmp_path / "inner"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("PLAYBOOKS_EDITION", None)
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--basetemp", str(inner)]
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "4 passed" in result.stdout
    built = [p for p in inner.rglob("index.html") if "example-coffee-with-residents" in p.parent.name]
    assert len(built) == 2, "the example play is in both editions"
    assert mentions_riverton(project) == []
    assert mentions_riverton(inner) == []


def test_requirements_pin_the_engine_by_tag_unless_told_otherwise(tmp_path: Path) -> None:
    assert new_site(tmp_path / "default", engine=None) == 0
    lines = (tmp_path / "default/requirements.txt").read_text().splitlines()
    assert f"engagement-playbooks @ git+https://github.com/engagement-playbooks/engagement-playbooks@v{__version__}" in lines
    assert new_site(tmp_path / "pinned", engine="engagement-playbooks==1.0.0") == 0
    lines = (tmp_path / "pinned/requirements.txt").read_text().splitlines()
    assert "engagement-playbooks==1.0.0" in lines
    assert not [line for line in lines if "git+" in line]
    # The rest are the reference site's own exact pins, so a department builds with what the engine is tested with.
    ours = {line.split("#")[0].strip() for line in (ROOT / "requirements.txt").read_text().splitlines()} - {"", "-e ."}
    theirs = {line.split("#")[0].strip() for line in lines} - {"", "engagement-playbooks==1.0.0"}
    assert theirs == ours


def test_refuses_a_folder_that_is_not_empty(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    assert new_site(tmp_path) == 1
    assert "already exists and is not empty" in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]
    empty = tmp_path / "empty"
    empty.mkdir()
    assert new_site(empty) == 0


def test_bad_options_are_named_and_nothing_is_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = ["--name", "<b>PD</b>", "--short-name", "PD", "--site-url", "example.org", "--repo-url", "https://e.org/x"]
    code = playbooks(["new-site", str(tmp_path / "bad"), *bad, "--phone", "555-12", "--email", "not-an-email"])
    err = capsys.readouterr().err
    assert code == 1
    for expected in (
        "--name '<b>PD</b>' cannot contain",
        "--site-url 'example.org'",
        "--phone:",
        "'555-12' is not a valid phone number",
        "--email:",
    ):
        assert expected in err
    assert not (tmp_path / "bad").exists()


def test_names_with_quotes_ampersands_pipes_and_colons_stay_as_written(tmp_path: Path) -> None:
    name = "O'Brien County Sheriff's Office: Police & Fire | East"
    code = playbooks(
        ["new-site", str(tmp_path / "s"), "--name", name, "--short-name", "OCSO & F|E", *HARBOR[4:], "--phone", "+1 217 555 0150"]
    )
    assert code == 0
    department = yaml.safe_load((tmp_path / "s/data/department.yml").read_text())
    assert (department["name"], department["short_name"], department["non_emergency_phone"]) == (name, "OCSO & F|E", "+1 217 555 0150")
    top = (tmp_path / "s/mkdocs.yml").read_text().split("\ntheme:", 1)[0]
    config = yaml.safe_load(top)
    assert config["site_author"] == name
    assert config["site_name"] == "OCSO & F|E Engagement Playbooks"
    assert config["copyright"].endswith(name)


def test_a_site_made_by_the_previous_version_still_builds(tmp_path: Path) -> None:
    """A minor release never needs a change in a department's files: what `new-site --example` wrote with
    engine 1.2.0 (tests/fixtures/new-site-1.2.0.tar.gz, kept as it was made) builds strictly in both editions."""
    with tarfile.open(ROOT / "tests/fixtures/new-site-1.2.0.tar.gz") as archive:
        archive.extractall(tmp_path, filter="data")
    project = tmp_path / "site"
    assert "@v1.2.0" in (project / "requirements.txt").read_text(encoding="utf-8")
    results = build_both(project, tmp_path / "out")
    for edition, result in results.items():
        assert result.returncode == 0, f"{edition}:\n{result.stdout}"
    # It gets 1.3.0's features with no change: every page names its edition (no git here: unknown).
    assert "Edition unknown (no git history)" in (tmp_path / "out/public/index.html").read_text(encoding="utf-8")
