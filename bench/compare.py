"""Engine against engine (`make bench-compare REF=…`): is this checkout slower than the engine at REF?

REF's content, its real plays copied up to 345 pages (bench/real.py), is built strictly by this
checkout's engine and by REF's (a worktree with its own .venv, made by REF's Makefile),
back to back, round by round (A B, then B A, …). On a shared machine the speed drifts by a fifth within
minutes, so each round's ratio is taken and their median reported, with wall time, CPU time and peak
memory, print page on and off, in bench/results/compare.md and .json (every run is kept there).
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

from bench.measure import timed_build
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


METRICS = {"seconds": "wall s", "cpu_seconds": "CPU s", "peak_rss_mib": "peak MiB"}


def measure(ref: str, rounds: int) -> dict[str, Any]:
    commit, tree = engine_at(ref)
    site = generate(WORK / "compare", pages=PAGES, controls=False, source=tree)
    engines = {"this": sys.executable, "ref": str(tree / ".venv" / "bin" / "python")}
    runs: dict[str, dict[str, list[dict[str, float]]]] = {variant: {name: [] for name in engines} for variant in VARIANTS}
    for n in range(rounds):
        for variant, env in VARIANTS.items():
            # The two engines back to back, first one then the other: a round's ratio is what drift cannot skew.
            for name in list(engines) if n % 2 == 0 else list(reversed(engines)):
                print(f"bench-compare: round {n + 1}/{rounds}, {variant}, {name} ...", file=sys.stderr, flush=True)
                run = timed_build(site.ours, WORK / "compare" / "site", env, python=engines[name])
                runs[variant][name].append({key: getattr(run, key) for key in METRICS})
    head = _git("rev-parse", "HEAD")
    return {"ref": ref, "commit": commit, "head": head, "pages": site.pages, "rounds": rounds, "runs": runs}


def ratios(by_engine: dict[str, list[dict[str, float]]], key: str) -> list[float]:
    """This engine's figure over REF's, round by round."""
    return sorted(this[key] / ref[key] for this, ref in zip(by_engine["this"], by_engine["ref"], strict=True))


def table(found: dict[str, Any], meta: dict[str, Any]) -> str:
    ref = str(found["ref"])
    header = " | ".join(f"{label}: {ref} | this | ratio (range)" for label in METRICS.values())
    lines = [
        f"# This checkout's engine against {ref} ({meta['date']}, {meta['cores']} cores, Python {meta['python']})",
        "",
        f"The same site ({found['pages']} pages: {ref}'s plays copied up) built strictly by both engines back to back,"
        f" {found['rounds']} rounds. Figures are medians; a ratio is the median of the rounds' ratios (this / {ref}),"
        f" with their range. {ref} is commit {str(found['commit'])[:12]}; this checkout is {str(found['head'])[:12]}.",
        "",
        f"| build | {header} |",
        "|---" * (1 + 3 * len(METRICS)) + "|",
    ]
    for variant, by_engine in found["runs"].items():
        cells = []
        for key in METRICS:
            each = ratios(by_engine, key)
            cells += [
                f"{statistics.median(run[key] for run in by_engine['ref']):.1f}",
                f"{statistics.median(run[key] for run in by_engine['this']):.1f}",
                f"{statistics.median(each):.2f}× ({each[0]:.2f}–{each[-1]:.2f})",
            ]
        lines.append(f"| {variant} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("ref", help="the engine to compare with: a tag, branch or commit of this repository")
    parser.add_argument("--rounds", type=int, default=6, help="builds of each engine and variant")
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
