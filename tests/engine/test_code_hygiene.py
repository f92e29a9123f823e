"""The engine's code keeps its own rules: the layer contract, one reader per kind of file, one place per rule,
no dead names, comments that name files that exist, and plugin events that say why they run when they do."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

from support import ROOT

ENGINE = ROOT / "src" / "engagement_playbooks"
SOURCES = sorted(path for path in ENGINE.rglob("*.py") if "scaffold" not in path.parts)
PLUGIN = ENGINE / "hosts" / "mkdocs" / "plugin.py"


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _engine_files_holding(pattern: str) -> list[str]:
    found = re.compile(pattern)
    return sorted(path.relative_to(ENGINE).as_posix() for path in SOURCES if found.search(_text(path)))


def test_the_layer_contract_holds() -> None:
    """pyproject.toml [tool.importlinter]: layers, no cycle between packages, and only hosts/ imports the host."""
    result = subprocess.run(
        [str(Path(sys.executable).parent / "lint-imports"), "--no-cache"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 kept, 0 broken" in result.stdout
    assert "ignore_imports" not in _text(ROOT / "pyproject.toml")


def test_one_reader_per_kind_of_file() -> None:
    """.nav.yml is read by readers/nav_file.py, department.yml by the catalog loader, mkdocs.yml by the host's loader."""
    assert _engine_files_holding(r'"\.nav\.yml"|/ "\.nav\.yml"') == ["readers/nav_file.py"]
    assert _engine_files_holding(r'"department\.yml"') == ["validation/catalog.py"]
    assert _engine_files_holding(r"\^site_url|mkdocs\.yml\"\)\.read_text") == []  # no module matches mkdocs.yml as text
    assert _engine_files_holding(r"yaml\.safe_load\(") == ["hosts/mkdocs/editor.py", "readers/nav_file.py"]


def test_one_place_for_each_rule() -> None:
    """Stale partners, the checklist-call pattern, the output folders and the search-worker swap, each once."""
    assert _engine_files_holding(r"def stale_partners\(") == ["domain/reviews.py"]
    assert _engine_files_holding(r"checklist\\\(") == ["domain/checklists.py"]
    assert _engine_files_holding(r'"-internal" if|"site-offline|"site-print') == ["cli/building.py", "domain/editions.py"]
    assert len(re.findall(r"use_playbooks_worker\(", _text(PLUGIN))) == 1
    assert _engine_files_holding(r'"github\.com"') == ["domain/repository.py"]


def _defined_names(tree: ast.Module) -> list[tuple[str, int]]:
    """Module-level constants, functions and classes, and the properties of its classes."""
    names: list[tuple[str, int]] = []
    for node in tree.body:
        if isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names += [(t.id, node.lineno) for t in targets if isinstance(t, ast.Name) and t.id.isupper()]
        elif isinstance(node, ast.FunctionDef | ast.ClassDef):
            names.append((node.name, node.lineno))
        if isinstance(node, ast.ClassDef):
            for item in node.body:
                if isinstance(item, ast.FunctionDef) and any(
                    isinstance(d, ast.Name) and d.id in {"property", "cached_property"} for d in item.decorator_list
                ):
                    names.append((item.name, item.lineno))
    return names


def test_no_dead_names() -> None:
    """Every constant, function, class and property of the engine is used somewhere: the engine, its templates, the
    reference site, the tests or the benchmark (such as DATA_DIR in the git history reader, days_late in the review report)."""
    users = [*SOURCES, *ENGINE.rglob("*.html"), *ENGINE.rglob("*.js"), *(ROOT / "tests").rglob("*.py"), *(ROOT / "bench").rglob("*.py")]
    corpus = "\n".join(_text(path) for path in users)
    dead = []
    for path in SOURCES:
        for name, line in _defined_names(ast.parse(_text(path))):
            if name.startswith("__") or name.startswith(("on_", "_on_")) or name in {"main", "define_env"}:
                continue  # entry points: called by MkDocs, mkdocs-macros or the command line
            if len(re.findall(rf"\b{re.escape(name)}\b", corpus)) < 2:
                dead.append(f"{path.relative_to(ENGINE)}:{line} {name}")
    assert dead == []


_MENTIONED = re.compile(r"(?<![\w/.])((?:[a-z_]+/)+[a-z_.-]+\.(?:py|html|js))\b")


def test_comments_name_files_that_exist() -> None:
    """A source file named in a docstring, comment or template note exists (such as the review report's
    "macros/reviews_report.py" and history.html's "macros/page_history.py", which did not)."""
    folders = {path.name for path in ENGINE.iterdir() if path.is_dir()} | {"engagement_playbooks", "tests", "plugin", "data"}
    missing = []
    for path in [*SOURCES, *ENGINE.rglob("*.html"), *ENGINE.rglob("*.js")]:
        if "vendor" in path.parts or "scaffold" in path.parts:
            continue
        for mentioned in _MENTIONED.findall(_text(path)):
            if mentioned.split("/")[0] not in folders or mentioned.startswith(("assets/playbooks/", "search/search_index")):
                continue  # built-site paths (assets/playbooks/…, search/…) and other packages' files
            if not any((place / mentioned).exists() for place in (ENGINE, ROOT, ROOT / "src")):
                missing.append(f"{path.relative_to(ENGINE)} names {mentioned}")
    assert missing == []


def test_every_plugin_event_checks_enabled_and_explains_its_priority() -> None:
    tree = ast.parse(_text(PLUGIN))
    plugin = next(node for node in tree.body if isinstance(node, ast.ClassDef) and node.name == "PlaybooksPlugin")
    lines = _text(PLUGIN).splitlines()
    unexplained, unchecked = [], []
    for node in plugin.body:
        if not isinstance(node, ast.FunctionDef) or not node.name.startswith(("on_", "_on_")):
            continue
        decorated = [lines[d.lineno - 1] for d in node.decorator_list if "event_priority" in ast.unparse(d)]
        docstring = ast.get_docstring(node) or ""
        if not (decorated and "#" in decorated[0]) and "priority" not in docstring:
            unexplained.append(node.name)
        if "self.config.enabled" not in ast.unparse(node):
            unchecked.append(node.name)
    assert unexplained == [] and unchecked == []


def test_engine_tests_do_not_import_the_benchmark() -> None:
    """tests/engine/ tests the engine alone: the benchmark's helpers (bench/) are for site and browser tests."""
    importing = [
        path.name for path in sorted((ROOT / "tests" / "engine").glob("*.py")) if re.search(r"^\s*(from|import) bench\b", _text(path), re.M)
    ]
    assert importing == []
