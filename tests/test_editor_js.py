"""The editor's JavaScript in Chromium: Decap with our formats, widgets, pickers and preview, on a test page
served from a temporary folder, with Decap's test-repo backend holding copies of the repository's files
(window.repoFiles) and the admin page's Content-Security-Policy. No engine build, no editing server."""

from __future__ import annotations

import difflib
import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from support import ROOT, serve

from engagement_playbooks.editor.assets import POLICY, SCRIPTS, STYLES
from engagement_playbooks.editor.config import EditorSite, Section, decap_config
from engagement_playbooks.models import rules
from engagement_playbooks.site import Site

pytestmark = pytest.mark.browser

ASSETS = ROOT / "src" / "engagement_playbooks" / "assets"
MESSAGES = {"required": rules.REQUIRED}
PICKERS = [
    {
        "name": "checklist",
        "label": "Insert checklist",
        "params": [{"name": "checklist_id", "label": "Checklist", "kind": "checklist", "positional": True, "optional": False}],
    },
    {
        "name": "partner",
        "label": "Insert partner card",
        "params": [{"name": "partner_id", "label": "Partner", "kind": "partner", "positional": True, "optional": False}],
    },
    {
        "name": "partner_table",
        "label": "Insert partner table",
        "params": [
            {"name": "category", "label": "Category", "kind": "category", "positional": False, "optional": True},
            {"name": "district", "label": "District", "kind": "district", "positional": False, "optional": True},
            {"name": "tag", "label": "Tag", "kind": "tag", "positional": False, "optional": True},
        ],
    },
]
# The repository's files the test backend holds (Decap lists a folder collection's files from a top-level key
# named after the folder, and reads and writes each file through the nested folders: repo.js links the two).
FOLDERS = ("data/checklists", "docs/forums")
FILES = ("data/partners.yml", "data/department.yml", "data/glossary.yml", "data/synonyms.yml")
DATA_FILES = [*FILES, *(f"data/checklists/{path.name}" for path in sorted((ROOT / "data/checklists").glob("*.yml")))]


@pytest.fixture(scope="module")
def config() -> dict[str, Any]:
    site = Site.load(ROOT, ROOT / "docs", "public", True)
    catalog = site.catalog
    editor = EditorSite(
        department=catalog.department,
        checklists=catalog.checklists,
        partners={key: partner.name for key, partner in catalog.partners.items()},
        sections=[Section("forums", "Community forums")],
        pickers=PICKERS,
        backend=None,  # Decap's test-repo backend: saves go to window.repoFiles
    )
    return decap_config(editor)


def repo_files() -> dict[str, Any]:
    tree: dict[str, Any] = {}
    paths = [*FILES, *(str(path.relative_to(ROOT)) for folder in FOLDERS for path in sorted((ROOT / folder).iterdir()))]
    for path in paths:
        node = tree
        *folders, name = path.split("/")
        for folder in folders:
            node = node.setdefault(folder, {})
        node[name] = {"path": path, "content": (ROOT / path).read_text(encoding="utf-8")}
    return tree


def admin_page(scripts: list[str]) -> str:
    tags = "\n".join(f'<script src="{src}"></script>' for src in scripts)
    styles = "\n".join(f'<link rel="stylesheet" href="../assets/playbooks/{href}">' for href in STYLES)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{POLICY.format(git_host="")}">
<title>Editor</title>
{styles}
<script type="application/json" id="ep-editor">{json.dumps({"messages": MESSAGES, "today": "2026-12-06"})}</script>
</head><body>
{tags}
</body></html>
"""


@pytest.fixture(scope="module")
def site_url(config: dict[str, Any], tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("editor")
    shutil.copytree(ASSETS, root / "assets" / "playbooks")
    admin = root / "admin"
    admin.mkdir()
    (admin / "config.yml").write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    (admin / "repo.js").write_text(
        "window.cspViolations = [];\n"
        "document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));\n"
        f"window.repoFiles = {json.dumps(repo_files())};\n"
        f"for (const folder of {json.dumps(FOLDERS)}) "
        "window.repoFiles[folder] = folder.split('/').reduce((node, part) => node[part], window.repoFiles);\n",
        encoding="utf-8",
    )
    scripts = ["repo.js", *(f"../assets/playbooks/{src}" for src in SCRIPTS)]
    (admin / "index.html").write_text(admin_page(scripts), encoding="utf-8")
    units = [f"../assets/playbooks/{src}" for src in SCRIPTS if not src.endswith(("decap-cms.js", "main.js"))]
    (admin / "units.html").write_text(admin_page(units), encoding="utf-8")  # the pure functions, without Decap
    with serve(root) as url:
        yield url


def test_explore(site_url: str, page: Any) -> None:
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(site_url + "admin/#/collections/partners/entries/partners")
    page.wait_for_timeout(4000)
    page.screenshot(path="/tmp/ep-shot.png")
    print("\n".join(errors))
    print(page.evaluate("window.cspViolations"))
    assert False
