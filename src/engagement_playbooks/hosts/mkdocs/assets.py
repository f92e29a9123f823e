"""The engine's CSS, JavaScript and vendored files: added to every site's build, never copied into its docs/."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from engagement_playbooks.outputs import web_app

SOURCE = Path(__file__).resolve().parents[2] / "assets"
PREFIX = "assets/playbooks"  # where they land in the built site, apart from a department's own assets/
# One stylesheet in the built site, joined from these at build time: one render-blocking request, not three.
STYLESHEETS = ("stylesheets/playbooks.css", "stylesheets/checklists.css", "stylesheets/offline.css")
STYLESHEET = "stylesheets/engine.css"
SCRIPTS = ("javascripts/checklists.js", "javascripts/a11y.js")
# Scripts the build writes a first line in front of: the names they share with Python (outputs/web_app.py).
WITH_NAMES = ("javascripts/offline.js",)
THEME = Path(__file__).resolve().parents[2] / "theme"


def add_to_config(config: MkDocsConfig) -> None:
    """The engine's templates between the site's overrides/ and Material's, and its assets before the site's own."""
    custom_dir = config.theme.custom_dir
    config.theme.dirs.insert(1 if custom_dir else 0, str(THEME))
    config.extra_css[:0] = [f"{PREFIX}/{STYLESHEET}"]
    config.extra_javascript[:0] = [f"{PREFIX}/{path}" for path in SCRIPTS]


def add_files(files: Files, config: MkDocsConfig, leave_out: Callable[[str], bool] = lambda path: False) -> None:
    """Every file under assets/, except those `leave_out` names (by path under assets/; the editor's, when it is off)."""
    joined = "\n".join((SOURCE / path).read_text(encoding="utf-8") for path in STYLESHEETS)
    files.append(File.generated(config, f"{PREFIX}/{STYLESHEET}", content=joined))
    for path in sorted(SOURCE.rglob("*")):
        relative = path.relative_to(SOURCE).as_posix()
        if path.is_file() and relative not in STYLESHEETS and not leave_out(relative):
            uri = f"{PREFIX}/{relative}"
            if files.get_file_from_path(uri) is not None:
                continue
            if relative in WITH_NAMES:
                files.append(File.generated(config, uri, content=web_app.names_script() + path.read_text(encoding="utf-8")))
            else:
                files.append(File.generated(config, uri, abs_src_path=str(path)))
