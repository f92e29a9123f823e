"""The form editor at admin/: its page and its Decap configuration, written after the build from what the
edition may show (editor/config.py makes the configuration, editor/assets.py lists its files).

Where saves go, first found wins: PLAYBOOKS_EDITOR_API (`playbooks edit`: the working tree), the plugin's
`editor:` options, the git remote `origin`, then `repo_url`. A site on neither GitHub nor GitLab gets an
editor that saves nowhere and says so (Decap's test backend), rather than no editor at all.

Internals relied on (checked by tests/site/test_engine_contracts.py): Material's blog plugin config keys
`blog_dir`, `authors_file` and `categories_allowed`, and that `authors_file` is relative to docs_dir
(`{blog}` allowed) and holds `authors:` by id with a `name` each.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from mkdocs.config.defaults import MkDocsConfig

from engagement_playbooks.domain.repository import Repository, branch_of, repository
from engagement_playbooks.domain.snapshot import Snapshot
from engagement_playbooks.editor import assets
from engagement_playbooks.editor.config import Backend, EditorSite, Section, decap_config
from engagement_playbooks.hosts.mkdocs import blog
from engagement_playbooks.hosts.mkdocs.config import EditorConfig
from engagement_playbooks.hosts.mkdocs.pages import project_root
from engagement_playbooks.macros.registry import pickers
from engagement_playbooks.models import rules
from engagement_playbooks.readers.git_remote import origin_url
from engagement_playbooks.rendering.render import Renderer

FOLDER = "admin"  # the editor's page is admin/index.html, beside its config.yml
API_SWITCH = "PLAYBOOKS_EDITOR_API"
DEFAULT_API = {"github": "https://api.github.com", "gitlab": "https://gitlab.com"}


def local_api() -> str | None:
    return os.environ.get(API_SWITCH, "").strip() or None


def backend(options: EditorConfig, root: Path, repo_url: str | None, edit_uri: str | None) -> Backend | None:
    """The site's repository host, as the options set it or the remote names it; None when neither is GitHub or GitLab."""
    found: Repository | None = None
    if not options.repo:
        found = repository(origin_url(root), edit_uri) or repository(repo_url, edit_uri)
    kind = options.backend or (found.kind if found else None)
    path = options.repo or (found.path if found else None)
    if kind is None or path is None:
        return None
    base_url = options.base_url
    api_root = options.api_root
    if found is not None and found.self_hosted and not options.backend:
        # A department's own server: the API and (GitLab) sign-in live there, not on gitlab.com or github.com.
        if kind == "gitlab":
            base_url = base_url or f"https://{found.host}"
            api_root = api_root or f"https://{found.host}/api/v4"
        else:
            api_root = api_root or f"https://{found.host}/api/v3"
    return Backend(
        name=kind,
        repo=path,
        branch=options.branch or (found.branch if found else branch_of(edit_uri)),
        base_url=base_url,
        auth_endpoint=options.auth_endpoint,
        app_id=options.app_id,
        api_root=api_root,
    )


def _sections(site: Snapshot, docs_dir: Path, blog_dir: str | None) -> list[Section]:
    """The folders of docs/ that hold an index page this edition shows, named as that page's title."""
    found = []
    for folder in sorted(path for path in docs_dir.iterdir() if path.is_dir()):
        index = site.pages.get(f"{folder.name}/index.md")
        if index is None or folder.name == blog_dir or not site.shows(index.path):
            continue
        title = str(index.meta.get("title") or folder.name.replace("-", " ").capitalize())
        found.append(Section(folder.name, title))
    return found


def _authors(config: MkDocsConfig, options: dict[str, Any]) -> list[tuple[str, str]]:
    path = str(options.get("authors_file") or "{blog}/.authors.yml").replace("{blog}", str(options["blog_dir"]))
    file = Path(config.docs_dir) / path
    if not file.is_file():
        return []
    listed = (yaml.safe_load(file.read_text(encoding="utf-8")) or {}).get("authors") or {}
    return [(str(key), str((value or {}).get("name") or key)) for key, value in listed.items()]


def editor_site(config: MkDocsConfig, site: Snapshot, options: EditorConfig) -> EditorSite:
    root = project_root(config)
    docs_dir = Path(config.docs_dir).resolve()
    plugin = config.plugins.get(blog.NAME)
    blog_options: dict[str, Any] = dict(plugin.config) if plugin is not None and plugin.config.enabled else {}
    blog_dir = str(blog_options["blog_dir"]).strip("/") if blog_options else None
    catalog = site.catalog
    return EditorSite(
        department=catalog.department,
        checklists=catalog.checklists,
        partners={key: partner.name for key, partner in catalog.partners.items()},
        sections=_sections(site, docs_dir, blog_dir),
        pickers=pickers(),
        backend=backend(options, root, config.repo_url, config.edit_uri),
        docs_dir=docs_dir.relative_to(root).as_posix() if docs_dir.is_relative_to(root) else "docs",
        data_dir=site.data_dir.relative_to(root).as_posix() if site.data_dir.is_relative_to(root) else "data",
        blog_dir=blog_dir,
        authors=_authors(config, blog_options) if blog_options else [],
        categories=list(blog_options.get("categories_allowed") or []),
        site_url=config.site_url or None,
        extra_options=dict(options.decap),
    )


def git_hosts(found: Backend | None) -> list[str]:
    """The origins the editor's page may connect to besides its own: the host's API and the sign-in server."""
    if found is None:
        return []
    addresses = [found.api_root or DEFAULT_API.get(found.name, ""), found.base_url or ""]
    origins = {f"{parts.scheme}://{parts.netloc}" for parts in map(urlsplit, addresses) if parts.scheme == "https" and parts.netloc}
    return sorted(origins)


def write_files(config: MkDocsConfig, site: Snapshot, options: EditorConfig, renderer: Renderer) -> None:
    """admin/index.html and admin/config.yml, for this edition."""
    local = local_api()
    found = editor_site(config, site, options)
    hosts = [] if local else git_hosts(found.backend)
    page = renderer.render(
        "admin.html",
        lang=str(config.theme.get("language") or "en"),
        site_name=config.site_name,
        policy=" ".join(assets.POLICY.format(git_host=" ".join(hosts)).split()).replace(" ;", ";"),
        assets="../assets/playbooks/",
        scripts=assets.SCRIPTS,
        styles=assets.STYLES,
        settings={"messages": {"required": rules.REQUIRED}, "local": local is not None},
    )
    folder = Path(config.site_dir) / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "index.html").write_text(page + "\n", encoding="utf-8")
    settings = decap_config(found, local_url=local)
    text = yaml.dump(settings, Dumper=_Plain, sort_keys=False, allow_unicode=True)
    (folder / "config.yml").write_text(text, encoding="utf-8")


class _Plain(yaml.SafeDumper):
    """Writes a list that several collections share in full each time: no &id001 anchors for a reader to follow."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _editor_only(path: str) -> str:
    """A vendored library's whole folder (Decap loads chunks beside its main file), else the file itself."""
    parts = path.split("/")
    return "/".join(parts[:2]) + "/" if parts[0] == "vendor" else path


# Asset paths (under assets/playbooks/) that only the editor uses.
EDITOR_ASSETS = tuple(sorted({_editor_only(path) for path in (*assets.SCRIPTS, *assets.STYLES)}))


def is_editor_asset(asset_path: str) -> bool:
    return asset_path.startswith(EDITOR_ASSETS)


def is_editor_file(site_path: str) -> bool:
    """A built file only the editor uses: the service worker never stores them for officers."""
    return site_path.startswith(f"{FOLDER}/") or is_editor_asset(site_path.removeprefix("assets/playbooks/"))
