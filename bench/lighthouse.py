"""Lighthouse (mobile) on the shipped site, served on 127.0.0.1: `make lighthouse`.

Builds the public edition, serves it under its real base path, runs Lighthouse from bench/node_modules
(installed from npm on first use, ignored by git) with Debian's Chromium, and writes the four category
scores of each page to bench/results/lighthouse.json and .md.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from engagement_playbooks.browser import CHROMIUM_ARGS, chromium_executable
from engagement_playbooks.testing.server import base_path, serve

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
LIGHTHOUSE_VERSION = "12.8.2"  # the last line that supports Debian's Node 20 (13.x wants Node 22)
PAGES = {"home": "", "play": "forums/plan-a-forum/", "directory": "directory/"}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 95}


def lighthouse_bin() -> Path:
    binary = BENCH / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        subprocess.run(
            ["npm", "install", "--no-save", "--no-audit", "--no-fund", "--prefix", str(BENCH), f"lighthouse@{LIGHTHOUSE_VERSION}"],
            check=True,
        )
    return binary


def build_site(destination: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(destination)]
    subprocess.run(command, cwd=ROOT, env=env, check=True)


def main() -> int:
    binary = lighthouse_bin()
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as temp:
        root = Path(temp)
        base = base_path(ROOT / "mkdocs.yml")
        site = root / "served" / base.strip("/") if base.strip("/") else root / "served"
        site.parent.mkdir(parents=True, exist_ok=True)
        build_site(site)
        scores: dict[str, dict[str, int]] = {}
        with serve(root / "served") as served:
            url = served + base.lstrip("/")
            for name, path in PAGES.items():
                report = root / f"{name}.json"
                subprocess.run(
                    [
                        str(binary),
                        url + path,
                        "--quiet",
                        "--output=json",
                        f"--output-path={report}",
                        "--form-factor=mobile",
                        "--chrome-flags=--headless=new " + " ".join(arg for arg in CHROMIUM_ARGS if not arg.startswith("--host-resolver")),
                    ],
                    env={**os.environ, "CHROME_PATH": chromium_executable() or "chromium"},
                    check=True,
                )
                categories = json.loads(report.read_text(encoding="utf-8"))["categories"]
                scores[name] = {key: round(100 * (categories[key]["score"] or 0)) for key in CATEGORIES}
    lines = [
        f"# Lighthouse {LIGHTHOUSE_VERSION}, mobile, served on 127.0.0.1",
        "",
        "| page | " + " | ".join(CATEGORIES) + " |",
        "|---|" + "---|" * len(CATEGORIES),
    ]
    lines += [f"| {name} ({PAGES[name] or '/'}) | " + " | ".join(str(s[key]) for key in CATEGORIES) + " |" for name, s in scores.items()]
    lines += ["", "Targets: " + ", ".join(f"{key} ≥ {value}" for key, value in TARGETS.items())]
    missed = [f"{name} {key} {s[key]}" for name, s in scores.items() for key, limit in TARGETS.items() if s[key] < limit]
    lines.append("Missed: " + (", ".join(missed) if missed else "none"))
    markdown = "\n".join(lines) + "\n"
    out = BENCH / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "lighthouse.json").write_text(json.dumps({"version": LIGHTHOUSE_VERSION, "scores": scores, "targets": TARGETS}, indent=2) + "\n")
    (out / "lighthouse.md").write_text(markdown, encoding="utf-8")
    print(markdown)
    return 0


if __name__ == "__main__":
    if shutil.which("npm") is None:
        sys.exit("lighthouse needs node and npm (apt-get install nodejs npm)")
    sys.exit(main())
