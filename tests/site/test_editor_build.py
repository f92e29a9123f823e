"""The editor in a built site: one page at admin/ with a generated config, where saves go, and what it must not
touch (officer pages, search, the sitemap, the offline app, the offline edition, internal content)."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from support import Build, build, copy_project, git, output_files

from engagement_playbooks.editor import assets
from engagement_playbooks.hosts.mkdocs.config import EditorConfig
from engagement_playbooks.hosts.mkdocs.editor import backend, git_hosts, is_editor_file

EDITOR_MARKERS = ("decap-cms", "javascripts/editor/", "admin/config.yml")


def options(**values: Any) -> EditorConfig:
    found = EditorConfig()
    found.load_dict(values)
    errors, _ = found.validate()
    assert not errors, errors
    return found


def config_of(site: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((site / "admin" / "config.yml").read_text(encoding="utf-8"))
    return loaded


def test_the_public_site_has_one_editor_page_with_a_generated_config(public_site: Build) -> None:
    page = (public_site.site / "admin" / "index.html").read_text(encoding="utf-8")
    scripts = re.findall(r'<script src="\.\./assets/playbooks/([^"]+)"', page)
    assert scripts == list(assets.SCRIPTS)
    for script in scripts:
        assert (public_site.site / "assets" / "playbooks" / script).is_file(), script
    assert 'name="robots" content="noindex, nofollow"' in page
    config = config_of(public_site.site)
    assert config["backend"] == {"name": "github", "repo": "riverton-pd/engagement-playbooks", "branch": "main"}
    assert config["publish_mode"] == "editorial_workflow"
    names = [collection["name"] for collection in config["collections"]]
    assert {"partners", "checklists", "glossary", "synonyms", "department", "updates", "pages", "section-forums"} <= set(names)


def test_the_page_may_talk_only_to_itself_and_the_git_host(public_site: Build) -> None:
    page = (public_site.site / "admin" / "index.html").read_text(encoding="utf-8")
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert policy is not None
    connect = re.search(r"connect-src ([^;]+)", policy[1].replace("&#39;", "'"))
    assert connect is not None and connect[1].split() == ["'self'", "https://api.github.com"]
    assert "http://" not in policy[1]


def test_the_public_editor_names_nothing_internal(public_site: Build, internal_site: Build) -> None:
    public, internal = config_of(public_site.site), config_of(internal_site.site)
    public_names = {collection["name"] for collection in public["collections"]}
    internal_names = {collection["name"] for collection in internal["collections"]}
    assert "section-internal" in internal_names - public_names
    text = (public_site.site / "admin" / "config.yml").read_text(encoding="utf-8")
    assert "docs/internal" not in text and "Internal pages" not in text


def test_officer_pages_load_none_of_the_editor(public_site: Build) -> None:
    for path in output_files(public_site.site):
        relative = path.relative_to(public_site.site).as_posix()
        if path.suffix == ".html" and not relative.startswith("admin/"):
            text = path.read_text(encoding="utf-8")
            assert not [marker for marker in EDITOR_MARKERS if marker in text], relative


def test_the_editor_is_not_in_search_the_sitemap_or_the_offline_app(public_site: Build) -> None:
    site = public_site.site
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [doc["location"] for doc in index["docs"] if doc["location"].startswith("admin")]
    assert "/admin/" not in gzip.decompress((site / "sitemap.xml.gz").read_bytes()).decode("utf-8")
    worker = (site / "sw.js").read_text(encoding="utf-8").split("\n")[1]
    lists = json.loads(worker.removeprefix("self.__EP = ").removesuffix(";"))
    stored = [entry["url"] for group in ("shell", "edition") for entry in lists[group]]
    assert stored and not [url for url in stored if is_editor_file(url)]
    assert "assets/playbooks/javascripts/checklists.js" in stored  # the list is read right: officer scripts are in it


def test_saves_go_to_the_remote_unless_the_site_says_otherwise(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q")
    git(tmp_path, "remote", "add", "origin", "git@gitlab.example.gov:riverton/community/playbooks.git")
    found = backend(options(app_id="abc123"), tmp_path, "https://github.com/riverton-pd/engagement-playbooks", "edit/live/docs/")
    assert found is not None
    assert found.config() == {
        "name": "gitlab",
        "repo": "riverton/community/playbooks",
        "branch": "live",
        "auth_type": "pkce",
        "app_id": "abc123",
        "base_url": "https://gitlab.example.gov",
        "api_root": "https://gitlab.example.gov/api/v4",
    }
    assert git_hosts(found) == ["https://gitlab.example.gov"]
    chosen = backend(options(backend="github", repo="other/site", base_url="https://auth.example.org"), tmp_path, None, None)
    assert chosen is not None and (chosen.name, chosen.repo, chosen.branch) == ("github", "other/site", "main")
    assert git_hosts(chosen) == ["https://api.github.com", "https://auth.example.org"]


def test_without_a_known_host_the_editor_comes_from_repo_url_or_saves_nowhere(tmp_path: Path) -> None:
    found = backend(options(), tmp_path, "https://github.com/riverton-pd/engagement-playbooks", None)  # no git here
    assert found is not None and found.repo == "riverton-pd/engagement-playbooks"
    assert backend(options(), tmp_path, "https://git.example.org/riverton/playbooks", None) is None


@pytest.fixture(scope="module")
def local_editor(tmp_path_factory: pytest.TempPathFactory) -> Build:
    project = copy_project(tmp_path_factory.mktemp("local") / "project")
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(text.replace("  - playbooks", "  - playbooks:\n      editor:\n        decap: {logo_url: x.png}", 1))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PLAYBOOKS_EDITOR_API", "http://127.0.0.1:9/api/v1")
        result = build(project, project / "site")
    assert result.ok, result.output
    return result


def test_playbooks_edit_builds_an_editor_that_saves_to_the_working_tree(local_editor: Build) -> None:
    config = config_of(local_editor.site)
    assert config["backend"]["name"] == "proxy" and config["backend"]["proxy_url"] == "http://127.0.0.1:9/api/v1"
    assert config["local_backend"] == {"url": "http://127.0.0.1:9/api/v1"}
    assert "publish_mode" not in config  # straight into the files: git is the review
    assert config["logo_url"] == "x.png"  # the site's own Decap settings pass through
    page = (local_editor.site / "admin" / "index.html").read_text(encoding="utf-8")
    assert "connect-src 'self';" in page.replace("&#39;", "'")


def test_a_site_without_the_editor_carries_none_of_it(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(text.replace("  - playbooks", "  - playbooks:\n      editor:\n        enabled: false", 1))
    result = build(project, tmp_path / "site")
    assert result.ok, result.output
    files = [path.relative_to(result.site).as_posix() for path in output_files(result.site)]
    assert files and not [path for path in files if is_editor_file(path)]
