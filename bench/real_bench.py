"""Benchmarks on the real content (bench/real.py): full builds against plain Material, and preview latency.

- real: strict builds of the real plays copied up to 100 plays and up to 345 pages, with the print page
  on and off, against a plain-Material control of the same Markdown (macro calls removed); wall time and
  peak memory, median of `repeat` runs. Two more controls (bench/real.py) show the same content in plain
  Material, and with the whole plugin stack but no engine.
- preview: `mkdocs serve` (as `make serve`: PLAYBOOKS_PRINT=false) on the 100-play copy; from a file
  write to every page that shows the edited text carrying the new text. `--dirty` is the quick preview
  of `make serve`; without it is the old behaviour (`make serve-full`).
"""

from __future__ import annotations

import statistics
import uuid
from pathlib import Path
from typing import Any

from bench import preview as live
from bench.measure import timed_build
from bench.real import RealSites, generate

TARGETS = {
    "play_edit_s": 1.5,
    "data_edit_s": 3.0,
    "build_ratio_345": 1.5,
    "rss_ratio_345": 1.5,
}
REAL_ENV = {"PLAYBOOKS_TODAY": ""}  # real data: its dates are checked against today


def measure_builds(work: Path, repeat: int) -> list[dict[str, Any]]:
    results = []
    for label, plays, pages in (("100 plays", 100, None), ("345 pages", None, 345)):
        sites = generate(work / label.replace(" ", "-"), plays=plays, pages=pages)
        runs: dict[str, list[Any]] = {"control": [], "same_content": [], "stack": [], "stack_no_print": [], "ours": [], "ours_no_print": []}
        for _ in range(repeat):  # alternate, so a busy moment of the machine hits all alike
            runs["control"].append(timed_build(sites.control, sites.control.parent / "site-control", strict=False))
            runs["same_content"].append(timed_build(sites.same_content, sites.control.parent / "site-same", strict=False))
            runs["stack"].append(timed_build(sites.stack, sites.stack.parent / "site-stack", REAL_ENV, strict=False))
            runs["stack_no_print"].append(
                timed_build(sites.stack, sites.stack.parent / "site-stack-no-print", {**REAL_ENV, "PLAYBOOKS_PRINT": "false"}, strict=False)
            )
            runs["ours"].append(timed_build(sites.ours, sites.ours.parent / "site-ours", REAL_ENV))
            runs["ours_no_print"].append(
                timed_build(sites.ours, sites.ours.parent / "site-no-print", {**REAL_ENV, "PLAYBOOKS_PRINT": "false"})
            )
        entry: dict[str, Any] = {"label": label, "plays": sites.plays, "pages": sites.pages}
        for name, found in runs.items():
            entry[f"{name}_seconds"] = [round(run.seconds, 2) for run in found]
            entry[f"{name}_cpu_seconds"] = [round(run.cpu_seconds, 2) for run in found]
            entry[f"{name}_rss_mib"] = [round(run.peak_rss_mib, 1) for run in found]
        control_s = statistics.median(entry["control_seconds"])
        control_cpu = statistics.median(entry["control_cpu_seconds"])
        control_rss = max(entry["control_rss_mib"])
        same_s = statistics.median(entry["same_content_seconds"])
        same_rss = max(entry["same_content_rss_mib"])
        for name in ("ours", "ours_no_print"):
            entry[f"{name}_ratio"] = round(statistics.median(entry[f"{name}_seconds"]) / control_s, 2)
            entry[f"{name}_cpu_ratio"] = round(statistics.median(entry[f"{name}_cpu_seconds"]) / control_cpu, 2)
            entry[f"{name}_rss_ratio"] = round(max(entry[f"{name}_rss_mib"]) / control_rss, 2)
            entry[f"{name}_same_ratio"] = round(statistics.median(entry[f"{name}_seconds"]) / same_s, 2)
            entry[f"{name}_same_rss_ratio"] = round(max(entry[f"{name}_rss_mib"]) / same_rss, 2)
            stack = "stack" if name == "ours" else "stack_no_print"  # the same print setting
            entry[f"{name}_stack_ratio"] = round(
                statistics.median(entry[f"{name}_seconds"]) / statistics.median(entry[f"{stack}_seconds"]), 2
            )
            entry[f"{name}_stack_rss_ratio"] = round(max(entry[f"{name}_rss_mib"]) / max(entry[f"{stack}_rss_mib"]), 2)
        for name in ("stack", "stack_no_print"):  # what the stack alone costs against the control
            entry[f"{name}_ratio"] = round(statistics.median(entry[f"{name}_seconds"]) / control_s, 2)
            entry[f"{name}_rss_ratio"] = round(max(entry[f"{name}_rss_mib"]) / control_rss, 2)
        results.append(entry)
    return results


EDITS = {
    # name: (file under the project, pattern after which the marker goes, text that finds the pages showing it)
    "play": ("docs/{play}", r"^## Steps\n\n", None),
    "partner": ("data/partners.yml", r"^    offers: ", "offers"),
    "checklist": ("data/checklists/{checklist}.yml", r"^    text: ", "text"),
    "glossary": ("data/glossary.yml", r"^    definition: ", "definition"),
}


def _first_value(path: Path, key: str) -> str:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip().startswith(f"{key}: "):
            return line.split(": ", 1)[1].strip()
    raise ValueError(f"no {key} in {path}")


def measure_preview(work: Path, repeat: int, modes: tuple[bool, ...] = (False, True)) -> dict[str, Any]:
    results: dict[str, Any] = {}
    for dirty in modes:
        sites: RealSites = generate(work / f"preview-{'dirty' if dirty else 'full'}", plays=100)
        project = sites.ours
        play_url = sites.play.removesuffix(".md") + "/"
        checklist = sites.play.rsplit("/", 1)[1].removesuffix(".md")
        server = live.start(project, dirty=dirty)
        try:
            urls = live.page_urls(server)
            mode: dict[str, Any] = {"pages": len(urls)}
            for name, (file, pattern, key) in EDITS.items():
                path = project / file.format(play=sites.play, checklist=checklist)
                if not path.exists():
                    continue
                pages = [play_url] if key is None else live.pages_showing(server, _first_value(path, key)[:40], urls)
                times = []
                for _ in range(repeat):
                    marker = "Zq" + uuid.uuid4().hex[:10]
                    times.append(round(live.timed_edit(server, path, live.insert_after(pattern), marker, pages), 2))
                mode[name] = {"pages_checked": len(pages), "seconds": times, "median": statistics.median(times)}
        finally:
            server.stop()
        results["dirty" if dirty else "full"] = mode
    return results


def table(builds: list[dict[str, Any]], preview: dict[str, Any], meta: dict[str, Any]) -> str:
    lines = [f"# Real content: builds and preview ({meta['date']}, {meta['cores']} cores, Python {meta['python']})", ""]
    if builds:
        lines += [
            "Strict builds of the real plays copied up; control: plain Material, same Markdown, macro calls removed, search only.",
            "",
            "Wall time swings on a busy shared machine; CPU time (user + system) is steadier, so both are given.",
            "",
            "| site | control s | ours s (ratio) | ours no print s (ratio) | CPU s control | ours (ratio) | no print (ratio) "
            "| RSS MiB control | ours (ratio) | no print (ratio) |",
            "|---|---|---|---|---|---|---|---|---|---|",
        ]
        for b in builds:
            lines.append(
                f"| {b['label']} ({b['pages']} pages) | {statistics.median(b['control_seconds']):.1f} | "
                f"{statistics.median(b['ours_seconds']):.1f} ({b['ours_ratio']:.2f}×) | "
                f"{statistics.median(b['ours_no_print_seconds']):.1f} ({b['ours_no_print_ratio']:.2f}×) | "
                f"{statistics.median(b['control_cpu_seconds']):.1f} | "
                f"{statistics.median(b['ours_cpu_seconds']):.1f} ({b['ours_cpu_ratio']:.2f}×) | "
                f"{statistics.median(b['ours_no_print_cpu_seconds']):.1f} ({b['ours_no_print_cpu_ratio']:.2f}×) | "
                f"{max(b['control_rss_mib']):.0f} | {max(b['ours_rss_mib']):.0f} ({b['ours_rss_ratio']:.2f}×) | "
                f"{max(b['ours_no_print_rss_mib']):.0f} ({b['ours_no_print_rss_ratio']:.2f}×) |"
            )
        lines.append("")
        lines += [
            "The same builds against plain Material showing the same content (each page's Markdown after the macros,",
            "their HTML in place): what the engine itself costs, apart from the content its macros add.",
            "",
            "| site | same-content control s | ours (ratio) | ours no print (ratio) "
            "| RSS MiB same-content | ours (ratio) | no print (ratio) |",
            "|---|---|---|---|---|---|---|",
        ]
        for b in builds:
            if "same_content_seconds" not in b:
                continue
            lines.append(
                f"| {b['label']} | {statistics.median(b['same_content_seconds']):.1f} | {b['ours_same_ratio']:.2f}× | "
                f"{b['ours_no_print_same_ratio']:.2f}× | {max(b['same_content_rss_mib']):.0f} | {b['ours_same_rss_ratio']:.2f}× | "
                f"{b['ours_no_print_same_rss_ratio']:.2f}× |"
            )
        lines.append("")
        lines += [
            "The stack control: the same content built with every plugin of our mkdocs.yml but the engine (tags, awesome-nav,",
            "blog, macros, git dates, print-site), in a git repository like ours: what the required stack costs by itself.",
            "",
            "| site | stack s (vs control) | no print s (vs control) | RSS MiB stack (vs control) | no print (vs control) "
            "| ours vs stack: time, print on / off | memory, print on / off |",
            "|---|---|---|---|---|---|---|",
        ]
        for b in builds:
            if "stack_seconds" not in b:
                continue
            lines.append(
                f"| {b['label']} | {statistics.median(b['stack_seconds']):.1f} ({b['stack_ratio']:.2f}×) | "
                f"{statistics.median(b['stack_no_print_seconds']):.1f} ({b['stack_no_print_ratio']:.2f}×) | "
                f"{max(b['stack_rss_mib']):.0f} ({b['stack_rss_ratio']:.2f}×) | "
                f"{max(b['stack_no_print_rss_mib']):.0f} ({b['stack_no_print_rss_ratio']:.2f}×) | "
                f"{b['ours_stack_ratio']:.2f}× / {b['ours_no_print_stack_ratio']:.2f}× | "
                f"{b['ours_stack_rss_ratio']:.2f}× / {b['ours_no_print_stack_rss_ratio']:.2f}× |"
            )
        lines.append("")
    if preview:
        lines += [
            "Preview at 100 plays: seconds from the file write until every page showing the edited text shows the new one (median).",
            "",
            "| edit | pages checked | `make serve-full` (every page) | `make serve` (--dirty, what changed) |",
            "|---|---|---|---|",
        ]
        for name in EDITS:
            full, dirty = preview.get("full", {}).get(name), preview.get("dirty", {}).get(name)
            shown = (full or dirty or {}).get("pages_checked", "")
            lines.append(f"| {name} | {shown} | {_seconds(full)} | {_seconds(dirty)} |")
        lines.append("")
    return "\n".join(lines) + "\n"


def _seconds(found: dict[str, Any] | None) -> str:
    return f"{found['median']:.2f}" if found else "n/a"


def checks(builds: list[dict[str, Any]], preview: dict[str, Any]) -> list[tuple[str, float, float | None]]:
    dirty = preview.get("dirty", {})
    data = [dirty[name]["median"] for name in ("partner", "checklist", "glossary") if name in dirty]
    big = next((b for b in builds if b["label"] == "345 pages"), None)
    return [
        ("preview: saved play shown, s", TARGETS["play_edit_s"], dirty["play"]["median"] if "play" in dirty else None),
        ("preview: data edit shown on every page using it, s (worst)", TARGETS["data_edit_s"], max(data) if data else None),
        ("build time ratio at 345 pages, print on (wall)", TARGETS["build_ratio_345"], big["ours_ratio"] if big else None),
        ("build time ratio at 345 pages, print off (wall)", TARGETS["build_ratio_345"], big["ours_no_print_ratio"] if big else None),
        ("build time ratio at 345 pages, print on (CPU)", TARGETS["build_ratio_345"], big["ours_cpu_ratio"] if big else None),
        ("build time ratio at 345 pages, print off (CPU)", TARGETS["build_ratio_345"], big["ours_no_print_cpu_ratio"] if big else None),
        ("peak memory ratio at 345 pages, print on", TARGETS["rss_ratio_345"], big["ours_rss_ratio"] if big else None),
        ("peak memory ratio at 345 pages, print off", TARGETS["rss_ratio_345"], big["ours_no_print_rss_ratio"] if big else None),
    ]
