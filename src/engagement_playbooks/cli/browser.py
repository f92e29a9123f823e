"""Make sure the browser tests have a Chromium: Playwright's own, or Debian's `chromium` package.

Playwright's browser download does not work everywhere (offline mirrors, locked-down networks),
so on Debian/Ubuntu we install the distribution's Chromium instead, with apt-get.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from engagement_playbooks.browser import chromium_executable


def have_chromium() -> bool:
    if chromium_executable():
        return True
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        return Path(playwright.chromium.executable_path).exists()


def main(argv: list[str] | None = None) -> int:
    if have_chromium():
        return 0
    if not shutil.which("apt-get"):
        print("No Chromium found. Install Chromium, or set CHROMIUM_PATH to a Chromium binary.", file=sys.stderr)
        return 1
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    print("Installing Debian's chromium for the browser tests (about a minute)...")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run([*sudo, "apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run([*sudo, "apt-get", "install", "-y", "-qq", "chromium"], check=True, env=env)
    return 0


if __name__ == "__main__":
    sys.exit(main())
