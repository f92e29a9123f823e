"""Engine against engine (`make bench-compare REF=…`): is this checkout slower than the engine at REF?

REF's content, its real plays copied up to 345 pages (bench/real.py), is built strictly by this
checkout's engine and by REF's (a worktree with its own .venv, made by REF's Makefile), taking turns
round by round (A B B A …) so that a machine getting busier or quieter weighs on both alike. Medians of
wall time, CPU time and peak memory, print page on and off, go to bench/results/compare.md and .json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # `python bench/compare.py` as well as `python -m bench.compare`
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.measure import BuildRun, timed_build
from bench.real import generate
from bench.real_bench import REAL_ENV
from bench.synth import ROOT

RESULTS = ROOT / "bench" / "results"
WORK = ROOT / "bench" / "work"
PAGES = 345
VARIANTS = {"print on": REAL_ENV, "print off": {**REAL_ENV, "PLAYBOOKS_PRINT": "false"}}


def _git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, check=True, capture_output=True, text=True).stdout.strip()


def engine_at(ref: str) -> tuple[str, Path]:
    """The commit REF names, and a worktree at it with its engine installed in its .venv."""
    commit = _git("rev-parse", "--verify", f"{ref}^{{commit}}")
    tree = WORK / "engines" / commit[:12]
    if not tree.exists():
        _git("worktree", "add", "--force", "--detach", str(tree), commit)
    subprocess.run(["make", "--no-print-directory", ".venv/.runtime"], cwd=tree, check=True, stdout=subprocess.DEVNULL)
    return commit, tree


def measure(ref: str, rounds: int) -> dict[str, Any]:
    commit, tree = engine_at(ref)
    site = generate(WORK / "compare", pages=PAGES, controls=False, source=tree)
    engines = {"this checkout": sys.executable, ref: str(tree / ".venv" / "bin" / "python")}
    runs: dict[str, dict[str, list[BuildRun]]] = {name: {variant: [] for variant in VARIANTS} for name in engines}
    for n in range(rounds):
        order = list(engines) if n % 2 == 0 else list(reversed(engines))
        for name in order:
            for variant, env in VARIANTS.items():
                print(f"bench-compare: round {n + 1}/{rounds}, {name}, {variant} ...", file=sys.stderr, flush=True)
                runs[name][variant].append(timed_build(site.ours, WORK / "compare" / "site", env, python=engines[name]))
    medians = {
        name: {
            variant: {
                "seconds": statistics.median(run.seconds for run in found),
                "cpu_seconds": statistics.median(run.cpu_seconds for run in found),
                "peak_rss_mib": statistics.median(run.peak_rss_mib for run in found),
            }
            for variant, found in by_variant.items()
        }
        for name, by_variant in runs.items()
    }
    return {"ref": ref, "commit": commit, "head": _git("rev-parse", "HEAD"), "pages": site.pages, "rounds": rounds, "medians": medians}


def table(found: dict[str, Any], meta: dict[str, Any]) -> str:
    medians: dict[str, dict[str, dict[str, float]]] = found["medians"]
    ref = str(found["ref"])
    lines = [
        f"# This checkout's engine against {ref} ({meta['date']}, {meta['cores']} cores, Python {meta['python']})",
        "",
        f"The same site ({found['pages']} pages: the real plays copied up) built strictly by both, taking turns,"
        f" {found['rounds']} rounds; medians. {ref} is commit {str(found['commit'])[:12]}; this checkout is"
        f" {str(found['head'])[:12]}.",
        "",
        f"| build | wall s: {ref} | this | ratio | CPU s: {ref} | this | ratio | peak MiB: {ref} | this | ratio |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for variant in VARIANTS:
        before, now = medians[ref][variant], medians["this checkout"][variant]
        cells = []
        for key in ("seconds", "cpu_seconds", "peak_rss_mib"):
            cells += [f"{before[key]:.1f}", f"{now[key]:.1f}", f"{now[key] / before[key]:.2f}×"]
        lines.append(f"| {variant} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("ref", help="the engine to compare with: a tag, branch or commit of this repository")
    parser.add_argument("--rounds", type=int, default=4, help="builds of each engine and variant (medians are reported)")
    parser.add_argument("--out", type=Path, default=RESULTS, help="where compare.json and compare.md go")
    args = parser.parse_args(argv)
    meta = {"date": dt.date.today().isoformat(), "cores": os.cpu_count(), "python": platform.python_version()}
    found = measure(args.ref, args.rounds)
    markdown = table(found, meta)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "compare.json").write_text(json.dumps({"meta": meta, **found}, indent=2) + "\n", encoding="utf-8")
    (args.out / "compare.md").write_text(markdown, encoding="utf-8")
    print(markdown)
    return 0


if __name__ == "__main__":
    sys.exit(main())
