"""Real-content sites for the benchmark: the project's own docs/ and data/, with its real plays copied
until the site has the wanted number of plays (or pages).

- ours: the whole project (docs, data, macros, overrides, mkdocs.yml) in a fresh git repository with one
  commit, so the history walk and the git dates run for real;
- control: the same Markdown with every macro call removed, built with plain Material (the same theme,
  navigation, search and Markdown settings, search plugin only). Internal pages are left out of it, as
  the public edition leaves them out of ours.
- same-content control: plain Material again, but each page holds what ours shows: the Markdown after
  the macros, their HTML written in place (written by bench/same_content_hook.py during one of our builds).
  Against it, the ratio is the engine's own cost; against the control, it adds the content macros bring.
- stack control: that same content built with every plugin of our mkdocs.yml but the engine (tags,
  awesome-nav, blog, macros, git dates, print-site), in a git repository like ours: what the fixed stack
  costs before the engine does anything.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from bench.synth import ROOT, _git_commit, control_config
from bench.yamltags import dump_config, load_config

PROJECT_PARTS = ("docs", "data", "macros", "overrides", "mkdocs.yml")
_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{##.*?##\}", re.DOTALL)


@dataclass(frozen=True)
class RealSites:
    ours: Path
    control: Path
    same_content: Path
    stack: Path
    plays: int
    pages: int
    play: str  # docs-relative path of a real (not copied) play, for the preview edits


def is_play(path: Path) -> bool:
    head = path.read_text(encoding="utf-8").split("\n---", 1)[0]
    return bool(re.search(r"^type:\s*play\s*$", head, re.MULTILINE))


def _copy_play(source: Path, n: int) -> tuple[Path, str]:
    text = source.read_text(encoding="utf-8")
    text = re.sub(r"^title:\s*(.+)$", lambda m: f"title: {m.group(1).strip()} (copy {n})", text, count=1, flags=re.MULTILINE)
    return source.with_name(f"{source.stem}-copy-{n:03d}.md"), text


def generate(work: Path, plays: int | None = None, pages: int | None = None, controls: bool = True, source: Path = ROOT) -> RealSites:
    """Copy the project (at `source`) to `work/ours` and add copies of its plays until it has `plays` plays or
    `pages` pages; with `controls`, the control sites beside it (otherwise their paths are given but not made)."""
    if work.exists():
        shutil.rmtree(work)
    ours = work / "ours"
    ours.mkdir(parents=True)
    for part in PROJECT_PARTS:
        if (source / part).is_dir():
            shutil.copytree(source / part, ours / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source / part, ours / part)
    docs = ours / "docs"
    originals = sorted(path for path in docs.rglob("*.md") if is_play(path))
    play_count = len(originals)
    page_count = sum(1 for _ in docs.rglob("*.md"))
    n = 0
    while (plays is not None and play_count < plays) or (pages is not None and page_count < pages):
        original = originals[n % len(originals)]
        target, text = _copy_play(original, n // len(originals) + 1)
        target.write_text(text, encoding="utf-8")
        n, play_count, page_count = n + 1, play_count + 1, page_count + 1
    _git_commit(ours)
    play = originals[0].relative_to(docs).as_posix()
    control, same, stack = work / "control", work / "same-content", work / "stack"
    if not controls:
        return RealSites(ours, control, same, stack, play_count, page_count, play)

    (control / "docs").mkdir(parents=True)
    for path in sorted(docs.rglob("*")):
        relative = path.relative_to(docs)
        if path.is_dir() or relative.parts[0] == "internal":
            continue
        target = control / "docs" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix == ".md":
            target.write_text(_JINJA.sub("", path.read_text(encoding="utf-8")), encoding="utf-8")
        else:
            shutil.copy2(path, target)
    (control / "mkdocs.yml").write_text(dump_config(control_config(load_config(source / "mkdocs.yml"))), encoding="utf-8")
    same = _same_content(ours, control, work)
    return RealSites(ours, control, same, _stack(ours, same, work), play_count, page_count, play)


def _same_content(ours: Path, control: Path, work: Path) -> Path:
    """Plain Material with our pages' content: our Markdown after the macros, their HTML in place."""
    same = work / "same-content"
    shutil.copytree(control, same, ignore=shutil.ignore_patterns("*.md"))
    config = load_config(ours / "mkdocs.yml")
    config["hooks"] = [str(ROOT / "bench" / "same_content_hook.py")]
    hooked = ours / "mkdocs.same-content.yml"
    hooked.write_text(dump_config(config), encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PLAYBOOKS_PRINT": "false", "BENCH_SAME_CONTENT_DIR": str(same / "docs")}
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(hooked), "-d", str(work / "site-same-content-source")]
    subprocess.run(command, cwd=ours, env=env, check=True, capture_output=True)
    hooked.unlink()
    return same


def _stack(ours: Path, same: Path, work: Path) -> Path:
    """The same-content pages with the stack's plugins and none of the engine (see the module docstring)."""
    stack = work / "stack"
    shutil.copytree(same / "docs", stack / "docs")
    listed = same / "generated.txt"
    for generated in listed.read_text(encoding="utf-8").split() if listed.exists() else []:
        (stack / "docs" / generated).unlink(missing_ok=True)  # the blog makes its views itself
    shutil.copytree(ours / "data", stack / "data")  # the blog's authors file
    config = load_config(ours / "mkdocs.yml")
    config["theme"] = {key: value for key, value in config["theme"].items() if key != "custom_dir"}
    plugins = []
    for plugin in config["plugins"]:
        name = plugin if isinstance(plugin, str) else next(iter(plugin))
        if name == "playbooks":
            continue
        if name == "macros":
            plugin = "macros"  # no engine or site macros: the pages hold their output already
        plugins.append(plugin)
    config["plugins"] = plugins
    config.pop("watch", None)
    (stack / "mkdocs.yml").write_text(dump_config(config), encoding="utf-8")
    _git_commit(stack)
    return stack
