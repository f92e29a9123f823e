"""One engine, two hosts: MkDocs 1.6 and ProperDocs (its maintained fork) build the same site.

The reference site and a `new-site` site are each built strictly by both, in both editions; every file
must be the same, apart from the generator's own <meta> tag, and the service worker's precache lists
(they hash those pages, so they differ with them; the worker below its lists is the same)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from support import ROOT
from test_new_site import new_site

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')
HOSTS = {"mkdocs": ["mkdocs", "build"], "properdocs": ["properdocs", "build"]}


def built(project: Path, out: Path, host: str, edition: str) -> Path:
    site = out / f"{host}-{edition}"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PLAYBOOKS_EDITION": edition, "PLAYBOOKS_TODAY": "2026-12-01"}
    command = [sys.executable, "-m", *HOSTS[host], "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site)]
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, f"{host} {edition}:\n{result.stdout}{result.stderr}"
    return site


def normalised(path: Path, relative: str) -> bytes:
    data = GENERATOR.sub(b"", path.read_bytes())
    if relative == "sw.js":  # line 2 holds the precache lists
        lines = data.split(b"\n")
        return b"\n".join(lines[:1] + lines[2:])
    return data


def differences(first: Path, second: Path) -> list[str]:
    files = {site: {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()} for site in (first, second)}
    found = [
        f"only in {site.name}: {name}"
        for site in (first, second)
        for name in sorted(files[site] - files[second if site == first else first])
    ]
    found += [name for name in sorted(files[first] & files[second]) if normalised(first / name, name) != normalised(second / name, name)]
    return found


@pytest.mark.parametrize("edition", ["public", "internal"])
def test_both_hosts_build_the_reference_site_alike(tmp_path: Path, edition: str) -> None:
    mkdocs, properdocs = (built(ROOT, tmp_path, host, edition) for host in HOSTS)
    assert differences(mkdocs, properdocs) == []
    assert (properdocs / "admin" / "config.yml").is_file()  # the engine ran in both, editor included


def test_both_hosts_build_a_new_site_alike(tmp_path: Path) -> None:
    assert new_site(tmp_path / "harbor") == 0
    mkdocs, properdocs = (built(tmp_path / "harbor", tmp_path / "out", host, "public") for host in HOSTS)
    assert differences(mkdocs, properdocs) == []
    page = next(mkdocs.glob("**/index.html")).read_bytes()
    assert b"mkdocs-1.6" in page and b"ProperDocs" in next(properdocs.glob("**/index.html")).read_bytes()
