"""Live-preview latency: from a file write to the served page carrying the new text.

It starts the preview as `make serve` does (PLAYBOOKS_PRINT=false, `mkdocs serve --dirty`, or without
--dirty for the "before" figures) on a free 127.0.0.1 port in a project copy, saves an edit, and polls
the served pages until every page that shows the edited text carries the new one.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

MOUNT = "/engagement-playbooks/"  # site_url's path: mkdocs serve mounts the site there


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Preview:
    project: Path
    port: int
    process: subprocess.Popen[bytes]
    log: Path

    def url(self, page: str) -> str:
        return f"http://127.0.0.1:{self.port}{MOUNT}{page}"

    def get(self, page: str) -> str | None:
        try:
            with urllib.request.urlopen(self.url(page), timeout=60) as response:
                return bytes(response.read()).decode("utf-8", errors="replace")
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return None

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def start(project: Path, dirty: bool = True, timeout: float = 300) -> Preview:
    """`mkdocs serve` as `make serve` runs it, ready once the home page is served."""
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PLAYBOOKS_PRINT": "false"}  # real data: today is today
    command = [sys.executable, "-m", "mkdocs", "serve", *(["--dirty"] if dirty else []), "--dev-addr", f"127.0.0.1:{port}"]
    log = project.parent / f"serve-{port}.log"
    out = log.open("wb")
    process = subprocess.Popen(command, cwd=project, env=env, stdout=out, stderr=subprocess.STDOUT)
    preview = Preview(project, port, process, log)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"mkdocs serve stopped:\n{log.read_text(errors='replace')[-3000:]}")
        if preview.get("") is not None:
            return preview
        time.sleep(0.2)
    preview.stop()
    raise RuntimeError(f"mkdocs serve did not answer in {timeout} s:\n{log.read_text(errors='replace')[-3000:]}")


def page_urls(preview: Preview) -> list[str]:
    """Every page the preview serves, from its sitemap, relative to the mount path."""
    sitemap = preview.get("sitemap.xml") or ""
    return sorted({loc.split(MOUNT, 1)[1] for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap) if MOUNT in loc})


def pages_showing(preview: Preview, text: str, urls: list[str]) -> list[str]:
    return [url for url in urls if text in (preview.get(url) or "")]


def wait_until(preview: Preview, pages: list[str], marker: str, timeout: float = 120) -> float:
    """The time (time.monotonic) when every page in `pages` carried `marker` (polled every 50 ms)."""
    start_time = time.monotonic()
    waiting = list(pages)
    while waiting:
        if time.monotonic() - start_time > timeout:
            raise RuntimeError(f"{len(waiting)} page(s) never showed {marker!r}, e.g. {waiting[0]}")
        waiting = [page for page in waiting if marker not in (preview.get(page) or "")]
        if waiting:
            time.sleep(0.05)
    return time.monotonic()


def timed_edit(preview: Preview, path: Path, change: Callable[[str, str], str], marker: str, pages: list[str]) -> float:
    """Save `change(text, marker)` to `path`; seconds until every page in `pages` shows the marker."""
    text = path.read_text(encoding="utf-8")
    new = change(text, marker)
    if new == text:
        raise RuntimeError(f"the edit did not change {path}")
    written = time.monotonic()
    path.write_text(new, encoding="utf-8")
    seen = wait_until(preview, pages, marker)
    time.sleep(1.0)  # let the server settle before the next edit
    return seen - written


def insert_after(pattern: str) -> Callable[[str, str], str]:
    """An edit that puts the marker word right after the first match of `pattern`."""

    def change(text: str, marker: str) -> str:
        return re.sub(pattern, lambda m: m.group(0) + marker + " ", text, count=1, flags=re.MULTILINE)

    return change
