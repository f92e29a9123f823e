"""Builds timed in a fresh child process, and what their output weighs."""

from __future__ import annotations

import gzip
import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar
from urllib.parse import urlsplit

from bench.synth import TODAY

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class BuildRun:
    seconds: float
    peak_rss_mib: float  # of the build process (and the git calls it waited for)
    output: str
    cpu_seconds: float = 0.0  # user + system time of the build: steadier than wall time on a shared machine


def timed_build(
    project: Path, site: Path, extra_env: dict[str, str] | None = None, strict: bool = True, python: str = sys.executable
) -> BuildRun:
    """`mkdocs build --strict` in a fresh child; wall time, and its own peak RSS from wait4's rusage.

    strict=False is for the real-content control: removing macro calls leaves links to anchors they made.
    `python` is the interpreter whose MkDocs and engine build it (bench/compare.py: another version's)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PLAYBOOKS_TODAY": TODAY.isoformat(), **(extra_env or {})}
    # Not --quiet: it hides warnings, and --strict then lets a broken build pass.
    flags = ["--strict"] if strict else []
    command = [python, "-m", "mkdocs", "build", *flags, "-f", str(project / "mkdocs.yml"), "-d", str(site)]
    log = project.parent / f"{project.name}-build.log"
    with log.open("w") as out:
        start = time.perf_counter()
        child = subprocess.Popen(command, cwd=project, env=env, stdout=out, stderr=subprocess.STDOUT)
        # wait4 gives this child's rusage alone; RUSAGE_CHILDREN would be the maximum over every child so far.
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    output = log.read_text(encoding="utf-8", errors="replace")
    if child.returncode != 0:
        raise RuntimeError(f"build of {project} failed ({child.returncode}):\n{output[-4000:]}")
    return BuildRun(seconds, usage.ru_maxrss / 1024, output, usage.ru_utime + usage.ru_stime)


class _ExternalRefs(HTMLParser):
    """src/href of script, link, img, iframe and source elements that point at another host."""

    TAGS: ClassVar[dict[str, str]] = {"script": "src", "link": "href", "img": "src", "iframe": "src", "source": "src"}

    def __init__(self, own_hosts: set[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.own_hosts = own_hosts
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        wanted = self.TAGS.get(tag)
        values = dict(attrs)
        candidates = [values.get(wanted)] if wanted else []
        if tag == "source" or tag == "img":
            candidates.append(values.get("srcset"))
        for value in candidates:
            for address in re.split(r",\s*", value or ""):
                address = address.strip().split(" ")[0]
                parts = urlsplit(address)
                if address.startswith("//") or (parts.scheme in {"http", "https"} and parts.hostname not in self.own_hosts):
                    self.found.append(address)


def third_party_urls(site: Path, site_url: str | None) -> list[str]:
    """Every off-site resource address in the built pages (the canonical link to the site's own host is not one)."""
    own = {urlsplit(site_url).hostname or ""} if site_url else set()
    own |= {"127.0.0.1", "localhost"}
    found: list[str] = []
    for page in sorted(site.rglob("*.html")):
        parser = _ExternalRefs(own)
        parser.feed(page.read_text(encoding="utf-8", errors="replace"))
        found += [f"{page.relative_to(site)}: {address}" for address in parser.found]
    return found


@dataclass(frozen=True)
class AssetSize:
    files: list[str]
    raw: int
    gzip: int  # each file gzipped on its own, as a server sends them


def own_assets(root: Path = ROOT) -> AssetSize:
    files = sorted((root / "docs" / "assets" / "stylesheets").glob("*.css")) + sorted(
        (root / "docs" / "assets" / "javascripts").glob("*.js")
    )
    raw = sum(path.stat().st_size for path in files)
    zipped = sum(len(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0)) for path in files)
    return AssetSize([path.relative_to(root).as_posix() for path in files], raw, zipped)
