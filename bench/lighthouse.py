"""Lighthouse (mobile) on the shipped site, served gzip on 127.0.0.1 as a CDN would: `make lighthouse`.

Builds the public edition (everything on: service worker, "Save for offline use", manifest, search worker),
serves it under its real base path with gzip, runs Lighthouse from bench/node_modules (installed from npm on
first use, ignored by git) with Debian's Chromium, RUNS times per page, and writes every run's four category
scores, the medians and the own JS/CSS gzip total to bench/results/lighthouse.json and .md.
Scores swing by several points on a shared 2-core machine: the median of 3 is the figure to quote.

    python -m bench.lighthouse [--runs 3] [--pages home,play] [--reports bench/work/lighthouse]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.asset_budget import BUDGET_BYTES, gzip_sizes, own_files
from engagement_playbooks.browser import CHROMIUM_ARGS, chromium_executable
from engagement_playbooks.testing.server import base_path, serve

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
LIGHTHOUSE_VERSION = "12.8.2"  # the last line that supports Debian's Node 20 (13.x wants Node 22)
PAGES = {
    "home": "",
    "play": "forums/plan-a-forum/",
    "directory": "directory/",
    "onboarding": "onboarding/",
    "checklist": "onboarding/week-1/",
}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
RUNS = 3


def lighthouse_bin() -> Path:
    binary = BENCH / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        subprocess.run(
            ["npm", "install", "--no-save", "--no-audit", "--no-fund", "--prefix", str(BENCH), f"lighthouse@{LIGHTHOUSE_VERSION}"],
            check=True,
        )
    return binary


def build_site(destination: Path) -> list[str]:
    """Build the public edition; returns the site's extra_css and extra_javascript (for the budget)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(destination)]
    subprocess.run(command, cwd=ROOT, env=env, check=True)
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    return [str(item) for item in [*config.extra_css, *config.extra_javascript]]


def run_lighthouse(binary: Path, url: str, report: Path) -> dict[str, int]:
    flags = " ".join(arg for arg in CHROMIUM_ARGS if not arg.startswith("--host-resolver"))
    subprocess.run(
        [
            str(binary),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            "--form-factor=mobile",
            "--chrome-flags=--headless=new " + flags,
        ],
        env={**os.environ, "CHROME_PATH": chromium_executable() or "chromium"},
        check=True,
    )
    categories = json.loads(report.read_text(encoding="utf-8"))["categories"]
    return {key: round(100 * (categories[key]["score"] or 0)) for key in CATEGORIES}


def medians(runs: dict[str, list[dict[str, int]]]) -> dict[str, dict[str, int]]:
    return {name: {key: round(statistics.median(run[key] for run in page)) for key in CATEGORIES} for name, page in runs.items()}


def markdown(runs: dict[str, list[dict[str, int]]], budget: dict[str, int]) -> str:
    middle = medians(runs)
    count = max(len(page) for page in runs.values())
    lines = [
        f"# Lighthouse {LIGHTHOUSE_VERSION}, mobile, gzip-served on 127.0.0.1, median of {count} runs",
        "",
        "Each cell: median (the runs).",
        "",
        "| page | " + " | ".join(CATEGORIES) + " |",
        "|---|" + "---|" * len(CATEGORIES),
    ]
    for name, page in runs.items():
        cells = [f"**{middle[name][key]}** ({', '.join(str(run[key]) for run in page)})" for key in CATEGORIES]
        lines.append(f"| {name} ({PAGES[name] or '/'}) | " + " | ".join(cells) + " |")
    lines += ["", "Targets (medians): " + ", ".join(f"{key} ≥ {value}" for key, value in TARGETS.items())]
    missed = [f"{name} {key} {m[key]}" for name, m in middle.items() for key, limit in TARGETS.items() if m[key] < limit]
    lines.append("Missed: " + (", ".join(missed) if missed else "none"))
    total = sum(budget.values())
    lines += [
        "",
        f"## Own JS and CSS, gzip: {total / 1024:.1f} kB of {BUDGET_BYTES / 1024:.0f} kB",
        "",
        "Service worker (sw.js) and vendored files (assets/playbooks/vendor/) excluded.",
        "",
        "| file | gzip bytes |",
        "|---|---|",
    ]
    lines += [f"| {path} | {size} |" for path, size in budget.items()]
    lines.append(f"| **total** | **{total}** |")
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=RUNS)
    parser.add_argument("--pages", default=",".join(PAGES), help="comma-separated names from: " + ", ".join(PAGES))
    parser.add_argument("--reports", type=Path, help="keep every Lighthouse JSON report in this folder")
    parser.add_argument("--no-write", action="store_true", help="print only; leave bench/results/ alone")
    args = parser.parse_args()
    pages = [name.strip() for name in args.pages.split(",") if name.strip()]
    binary = lighthouse_bin()
    runs: dict[str, list[dict[str, int]]] = {name: [] for name in pages}
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as temp:
        root = Path(temp)
        reports = args.reports or root
        reports.mkdir(parents=True, exist_ok=True)
        base = base_path(ROOT / "mkdocs.yml")
        site = root / "served" / base.strip("/") if base.strip("/") else root / "served"
        site.parent.mkdir(parents=True, exist_ok=True)
        extra = build_site(site)
        budget = gzip_sizes(site, own_files(site, extra))
        with serve(root / "served", not_found=site / "404.html", gzip=True) as served:
            url = served + base.lstrip("/")
            for run in range(1, args.runs + 1):  # runs interleaved across pages, so a busy minute hits them all alike
                for name in pages:
                    scores = run_lighthouse(binary, url + PAGES[name], reports / f"{name}-{run}.json")
                    runs[name].append(scores)
                    print(f"run {run} {name}: {scores}", flush=True)
    text = markdown(runs, budget)
    if not args.no_write:
        out = BENCH / "results"
        out.mkdir(parents=True, exist_ok=True)
        data = {
            "version": LIGHTHOUSE_VERSION,
            "served": "gzip, 127.0.0.1, site under its base path",
            "runs": runs,
            "median": medians(runs),
            "targets": TARGETS,
            "own_js_css_gzip": {"files": budget, "total": sum(budget.values()), "budget": BUDGET_BYTES},
        }
        (out / "lighthouse.json").write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
        (out / "lighthouse.md").write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    if shutil.which("npm") is None:
        sys.exit("lighthouse needs node and npm (apt-get install nodejs npm)")
    sys.exit(main())
