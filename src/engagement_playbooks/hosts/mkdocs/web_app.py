"""The installable offline web app and the contact files, written after the build (outputs/ makes the bytes).

Order matters: contact files first, then the icons and manifest, then the service worker, whose precache
lists hash every file the build wrote.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from engagement_playbooks.domain.snapshot import Snapshot
from engagement_playbooks.hosts.mkdocs.editor import is_editor_file
from engagement_playbooks.outputs import contacts, web_app


@dataclass(frozen=True)
class Icons:
    made_from: tuple[str, int, int, str]  # the logo's path, mtime and size, and the theme colour
    files: dict[str, bytes]  # by site path


def configure(config: MkDocsConfig, site: Snapshot, file_edition: bool, serving: bool, last: Icons | None) -> Icons:
    """What the theme needs to know (playbooks.html reads config.extra), the offline page as a static template,
    and the app icons (`last` again when the logo and colour did not change: a preview save makes none).

    The preview (`mkdocs serve`) stores nothing on devices: a trainer's browser must never show a page
    kept from an earlier save, and no save has to hash every file for the worker's lists. Its worker is
    the retiring one, which clears what an earlier preview stored.

    The icons are made here, before any page is built: a bad logo fails at once, and the decoded image
    never sits on top of every page the build holds at its end (it added 13 MiB to the peak there)."""
    app = site.catalog.department.app
    config.extra["offline_storage"] = web_app.offline_storage(site.edition, app, file_edition) and not serving
    config.extra["app_theme_color"] = app.theme_color
    config.theme.static_templates.add(web_app.OFFLINE_PAGE)
    logo = web_app.logo_path(site.root, app)
    stamp = logo.stat() if logo is not None and logo.is_file() else None
    made_from = (str(logo or ""), stamp.st_mtime_ns if stamp else 0, stamp.st_size if stamp else 0, app.theme_color)
    if last is not None and last.made_from == made_from:
        return last
    try:
        return Icons(made_from, web_app.icons(logo, app.theme_color))
    except ValueError as error:
        raise PluginError(f"data/department.yml app.logo: {error}; expected a square PNG or JPEG, 512 px or more") from error


def offline_page_context(context: Any, template_name: str, config: MkDocsConfig) -> Any:
    """The offline page is served at any address: absolute links under the site's path, as MkDocs does for 404.html."""
    if template_name == web_app.OFFLINE_PAGE:
        context["base_url"] = urlsplit(config.site_url or "/").path.rstrip("/") or "/"
    return context


def _write(site_dir: Path, path: str, data: bytes) -> None:
    target = site_dir / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)


def write_files(config: MkDocsConfig, site: Snapshot, icons: Icons, label: str, leave_out: Callable[[str], bool]) -> None:
    """`label`: the build's edition, named by the app; `leave_out`: more files the service worker never stores
    (archived editions, which have their own)."""
    site_dir = Path(config.site_dir)
    department = site.catalog.department
    for path, data in contacts.contact_files(site.catalog.partners, department).items():
        _write(site_dir, path, data)
    for path, data in icons.files.items():
        _write(site_dir, path, data)
    lang = str(config.theme.get("language") or "en")
    name = f"{config.site_name} ({department.name})"
    manifest = web_app.web_manifest(
        name, f"{department.short_name} Playbooks", config.site_description or "", department.app.theme_color, lang
    )
    _write(site_dir, web_app.MANIFEST, manifest)
    if not config.extra.get("offline_storage"):
        _write(site_dir, web_app.WORKER, web_app.retiring_worker())
        return
    search = config.plugins.get("material/search")
    languages = list(search.config.get("lang") or [lang]) if search is not None else [lang]
    shell, edition = web_app.precache_lists(
        site_dir, config.use_directory_urls, keep_lunr=languages != ["en"], leave_out=lambda path: is_editor_file(path) or leave_out(path)
    )
    _write(site_dir, web_app.WORKER, web_app.service_worker(shell, edition, label))
