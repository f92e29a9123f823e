"""The performance benchmark (`make bench`): the project's build against plain Material, at three sizes.

For each size it generates a synthetic site twice (bench/synth.py), builds both in fresh child processes,
and compares build time, peak memory, search index size and page weight. On the 300-play site it also
times search in Chromium. Results go to bench/results/ as JSON and Markdown, and the table is printed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import platform
import statistics
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # `python bench/run.py` as well as `python -m bench.run`
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.measure import BuildRun, own_assets, third_party_urls, timed_build
from bench.search_quality import Quality, material_index_bytes, measure_site
from bench.synth import ROOT, Size, generate
from bench.yamltags import load_config

RESULTS = ROOT / "bench" / "results"
WORK = ROOT / "bench" / "work"
SEARCH_SIZE = 300

TARGETS = {
    "build_time_ratio_1000": 1.2,
    "peak_rss_mib": 150.0,
    "page_html_kb_1000": 60.0,
    "own_css_js_gzip_kb": 6.0,
    "third_party_urls": 0,
    "search_first_results_ms_300": 300.0,
    "search_top3_missed_share": 0.05,  # officer queries (bench/search_queries.py) on the Riverton site: 95% top-3
    "search_index_ratio_300": 1.1,  # our enriched index / the index Material wrote for the same pages
}


@dataclass
class SizeResult:
    plays: int
    partners: int
    checklists: int
    pages: int
    control_seconds: list[float]
    ours_seconds: list[float]
    control_rss_mib: list[float]
    ours_rss_mib: list[float]
    no_print_seconds: list[float]  # ours without the print page (PLAYBOOKS_PRINT=false)
    no_print_rss_mib: list[float]
    control_index_bytes: int
    ours_index_bytes: int
    control_page_bytes: int
    ours_page_bytes: int
    third_party_urls: list[str]
    search: dict[str, Any] = field(default_factory=dict)
    ours_material_index_bytes: int = 0  # our index as Material wrote it, before macros/search/ enriched it

    @property
    def time_ratio(self) -> float:
        return statistics.median(self.ours_seconds) / statistics.median(self.control_seconds)

    @property
    def time_ratio_no_print(self) -> float:
        return statistics.median(self.no_print_seconds) / statistics.median(self.control_seconds)

    @property
    def rss_ratio(self) -> float:
        return max(self.ours_rss_mib) / max(self.control_rss_mib)

    @property
    def index_ratio(self) -> float:
        return self.ours_index_bytes / self.control_index_bytes

    @property
    def enriched_index_ratio(self) -> float:
        return self.ours_index_bytes / self.ours_material_index_bytes if self.ours_material_index_bytes else 0.0


def measure_size(plays: int, repeat: int, search_runs: int) -> SizeResult:
    size = Size.for_plays(plays)
    work = WORK / f"plays-{plays}"
    sites = generate(size, work)
    control: list[BuildRun] = []
    ours: list[BuildRun] = []
    no_print: list[BuildRun] = []
    for _ in range(repeat):  # alternate, so a busy moment of the machine hits all alike
        control.append(timed_build(sites.control, work / "site-control"))
        ours.append(timed_build(sites.ours, work / "site-ours"))
        no_print.append(timed_build(sites.ours, work / "site-ours-no-print", {"PLAYBOOKS_PRINT": "false"}))
    ours_site, control_site = work / "site-ours", work / "site-control"
    site_url = load_config(ROOT / "mkdocs.yml").get("site_url")
    result = SizeResult(
        plays=size.plays,
        partners=size.partners,
        checklists=size.checklists,
        pages=sum(1 for _ in (sites.ours / "docs").rglob("*.md")),
        control_seconds=[run.seconds for run in control],
        ours_seconds=[run.seconds for run in ours],
        control_rss_mib=[run.peak_rss_mib for run in control],
        ours_rss_mib=[run.peak_rss_mib for run in ours],
        no_print_seconds=[run.seconds for run in no_print],
        no_print_rss_mib=[run.peak_rss_mib for run in no_print],
        control_index_bytes=(control_site / "search" / "search_index.json").stat().st_size,
        ours_index_bytes=(ours_site / "search" / "search_index.json").stat().st_size,
        control_page_bytes=(control_site / sites.play_page).stat().st_size,
        ours_page_bytes=(ours_site / sites.play_page).stat().st_size,
        third_party_urls=third_party_urls(ours_site, site_url if isinstance(site_url, str) else None),
        ours_material_index_bytes=material_index_bytes(ours_site / "search" / "search_index.json"),
    )
    if search_runs and plays == SEARCH_SIZE:
        from bench.search_timing import time_search

        expected = sites.play_page.removesuffix("index.html")
        for name, site in (("ours", ours_site), ("control", control_site)):
            timing = time_search(site, sites.play_query, expected.split("/", 1)[1], runs=search_runs)
            result.search[name] = {
                "query": sites.play_query,
                "runs": timing.runs,
                "first_results_ms": [round(x, 1) for x in timing.first_results_ms],
                "settled_ms": [round(x, 1) for x in timing.settled_ms],
                "median_first_results_ms": round(timing.median_first_ms, 1),
                "median_settled_ms": round(timing.median_settled_ms, 1),
            }
    return result


def kb(size: int) -> str:
    return f"{size / 1000:.1f} kB"


def table(results: list[SizeResult], assets: dict[str, Any], meta: dict[str, Any], quality: Quality | None = None) -> str:
    lines = [
        f"# Benchmark: project build vs plain Material ({meta['date']}, {meta['cores']} cores, Python {meta['python']})",
        "",
        "`ours` is the full project; `no print` is the same without the whole-site print page (PLAYBOOKS_PRINT=false).",
        "",
        "| plays (partners, checklists) | build s control | build s ours | time ratio | build s no print | ratio no print | "
        "peak RSS MiB control | peak RSS MiB ours | RSS MiB no print | search index control | search index ours | index ratio | "
        "play page HTML control | play page HTML ours | third-party URLs |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        lines.append(
            f"| {r.plays} ({r.partners}, {r.checklists}) | {statistics.median(r.control_seconds):.1f} | "
            f"{statistics.median(r.ours_seconds):.1f} | "
            f"{r.time_ratio:.2f} | {statistics.median(r.no_print_seconds):.1f} | {r.time_ratio_no_print:.2f} | "
            f"{max(r.control_rss_mib):.0f} | {max(r.ours_rss_mib):.0f} | {max(r.no_print_rss_mib):.0f} | "
            f"{kb(r.control_index_bytes)} | {kb(r.ours_index_bytes)} | {r.index_ratio:.2f} | {kb(r.control_page_bytes)} | "
            f"{kb(r.ours_page_bytes)} | {len(r.third_party_urls)} |"
        )
    lines += ["", f"Own CSS + JS ({', '.join(assets['files'])}): {kb(assets['raw'])} raw, {kb(assets['gzip'])} gzip.", ""]
    for r in results:
        for name, s in r.search.items():
            lines.append(
                f"Search on the {r.plays}-play site ({name}), query {s['query']!r}, {s['runs']} warm runs: first results "
                f"{s['median_first_results_ms']:.0f} ms median after the first keystroke; the expected page listed "
                f"{s['median_settled_ms']:.0f} ms median after the last keystroke."
            )
    for r in results:
        lines.append(
            f"Search index, {r.plays} plays: {kb(r.ours_index_bytes)} enriched, {kb(r.ours_material_index_bytes)} as Material "
            f"wrote it ({r.enriched_index_ratio:.3f}x)."
        )
    if quality is not None:
        missed = "; ".join(f"{q!r} -> {found}" for q, found in quality.missed.items()) or "none"
        lines.append(
            f"Officer queries on the Riverton site: top-3 hit rate {quality.hit_rate:.1%} "
            f"({len(quality.answered)}/{len(quality.answered) + len(quality.missed)}); missed: {missed}."
        )
    worker = ROOT / "docs" / "assets" / "javascripts" / "workers" / "playbooks-search.js"
    lines.append(
        f"Search worker (loaded by the search worker, not the page): {kb(len(gzip.compress(worker.read_bytes(), 9, mtime=0)))} gzip."
    )
    lines += ["", "## Targets", "", "| target | limit | measured | met |", "|---|---|---|---|"]
    for name, limit, value in checks(results, assets, quality):
        met = value is not None and value <= limit
        lines.append(f"| {name} | ≤ {limit:g} | {'n/a' if value is None else f'{value:.2f}'} | {'yes' if met else 'NO'} |")
    return "\n".join(lines) + "\n"


def checks(results: list[SizeResult], assets: dict[str, Any], quality: Quality | None = None) -> list[tuple[str, float, float | None]]:
    by_plays = {r.plays: r for r in results}
    top = by_plays.get(1000)
    search = by_plays.get(SEARCH_SIZE)
    ours_search = search.search.get("ours") if search else None
    return [
        ("build time ours/control at 1,000 plays", TARGETS["build_time_ratio_1000"], top.time_ratio if top else None),
        (
            "build time ours/control at 1,000 plays, without the print page",
            TARGETS["build_time_ratio_1000"],
            top.time_ratio_no_print if top else None,
        ),
        ("peak RSS of our build, MiB (largest size)", TARGETS["peak_rss_mib"], max(max(r.ours_rss_mib) for r in results)),
        ("peak RSS without the print page, MiB (largest size)", TARGETS["peak_rss_mib"], max(max(r.no_print_rss_mib) for r in results)),
        ("play page HTML at 1,000 plays, kB", TARGETS["page_html_kb_1000"], top.ours_page_bytes / 1000 if top else None),
        ("own CSS+JS gzip, kB", TARGETS["own_css_js_gzip_kb"], assets["gzip"] / 1000),
        ("third-party URLs in built pages", TARGETS["third_party_urls"], float(sum(len(r.third_party_urls) for r in results))),
        (
            "search first results, ms (warm, 300 plays)",
            TARGETS["search_first_results_ms_300"],
            ours_search["median_first_results_ms"] if ours_search else None,
        ),
        (
            "search: share of officer queries without a right page in the top 3 (Riverton)",
            TARGETS["search_top3_missed_share"],
            1 - quality.hit_rate if quality else None,
        ),
        (
            "search index enriched / as Material wrote it (300 plays)",
            TARGETS["search_index_ratio_300"],
            search.enriched_index_ratio if search else None,
        ),
    ]


def riverton_search_quality() -> Quality:
    """The officer query set (bench/search_queries.py) typed into the real Riverton site's search."""
    import subprocess

    site = WORK / "riverton"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PLAYBOOKS_PRINT": "false"}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)], cwd=ROOT, env=env, check=True, capture_output=True
    )
    return measure_site(site)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 300, 1000], help="play counts to build")
    parser.add_argument("--repeat", type=int, default=2, help="builds of each variant per size (medians are reported)")
    parser.add_argument("--search-runs", type=int, default=7, help="timed search queries (0: skip the browser)")
    parser.add_argument("--out", type=Path, default=RESULTS, help="where the JSON and Markdown results go")
    parser.add_argument(
        "--only", default="synth,real,preview,editor", help="parts to run: synth, real (builds), preview, editor (comma-separated)"
    )
    parser.add_argument("--preview-modes", default="full,dirty", help="serve without --dirty (full), with it (dirty), or both")
    args = parser.parse_args(argv)
    parts = set(args.only.split(","))

    meta = {
        "date": dt.date.today().isoformat(),
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "machine": platform.machine(),
    }
    if parts & {"real", "preview"}:
        run_real(parts, args.repeat, args.out, meta, tuple(mode == "dirty" for mode in args.preview_modes.split(",")))
    if "editor" in parts:
        run_editor(args.out, meta)
    if "synth" not in parts:
        return 0
    results = []
    for plays in args.sizes:
        print(f"bench: {plays} plays ...", file=sys.stderr, flush=True)
        results.append(measure_size(plays, args.repeat, args.search_runs))
    quality = None
    if args.search_runs:
        print("bench: officer search queries on the Riverton site ...", file=sys.stderr, flush=True)
        quality = riverton_search_quality()
    size = own_assets()
    assets = {"files": size.files, "raw": size.raw, "gzip": size.gzip}
    markdown = table(results, assets, meta, quality)
    args.out.mkdir(parents=True, exist_ok=True)
    payload = {
        "meta": meta,
        "targets": TARGETS,
        "own_assets": assets,
        "sizes": [
            {
                **asdict(r),
                "time_ratio": r.time_ratio,
                "time_ratio_no_print": r.time_ratio_no_print,
                "rss_ratio": r.rss_ratio,
                "index_ratio": r.index_ratio,
            }
            for r in results
        ],
        "search_quality": asdict(quality) | {"hit_rate": quality.hit_rate} if quality else None,
        "checks": [
            {"name": n, "limit": limit, "value": v, "met": v is not None and v <= limit} for n, limit, v in checks(results, assets, quality)
        ],
    }
    (args.out / "results.json").write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    (args.out / "results.md").write_text(markdown, encoding="utf-8")
    print(markdown)
    return 0


def run_real(parts: set[str], repeat: int, out: Path, meta: dict[str, Any], modes: tuple[bool, ...]) -> None:
    """The real-content builds and the preview latency (bench/real_bench.py): results/real.json and real.md."""
    from bench import real_bench

    # A part not run this time keeps its last results, so `--only real` does not blank the preview figures.
    last_path = out / "real.json"
    last = json.loads(last_path.read_text(encoding="utf-8")) if last_path.is_file() else {}
    builds = real_bench.measure_builds(WORK / "real", max(repeat, 3)) if "real" in parts else last.get("builds", [])
    preview = real_bench.measure_preview(WORK / "real", max(repeat, 3), modes) if "preview" in parts else last.get("preview", {})
    markdown = real_bench.table(builds, preview, meta)
    found = real_bench.checks(builds, preview)
    rows = [
        f"| {n} | ≤ {limit:g} | {'n/a' if v is None else f'{v:.2f}'} | {'yes' if v is not None and v <= limit else 'NO'} |"
        for n, limit, v in found
    ]
    markdown += "\n| target | limit | measured | met |\n|---|---|---|---|\n" + "\n".join(rows) + "\n"
    out.mkdir(parents=True, exist_ok=True)
    payload = {
        "meta": meta,
        "targets": real_bench.TARGETS,
        "builds": builds,
        "preview": preview,
        "checks": [{"name": n, "limit": limit, "value": v, "met": v is not None and v <= limit} for n, limit, v in found],
    }
    (out / "real.json").write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    (out / "real.md").write_text(markdown, encoding="utf-8")
    print(markdown)


def run_editor(out: Path, meta: dict[str, Any]) -> None:
    """The editor's weight (bench/editor_size.py): results/editor.json and editor.md."""
    from bench import editor_size

    found = editor_size.build_and_measure(WORK)
    out.mkdir(parents=True, exist_ok=True)
    (out / "editor.json").write_text(json.dumps({"meta": meta, **found}, indent=2) + "\n", encoding="utf-8")
    markdown = editor_size.table(found)
    (out / "editor.md").write_text(markdown, encoding="utf-8")
    print(markdown)


if __name__ == "__main__":
    sys.exit(main())
