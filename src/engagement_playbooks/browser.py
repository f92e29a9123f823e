"""How the tests, the PDF and the benchmark start Chromium: which binary, and flags that keep it offline."""

from __future__ import annotations

import os
import shutil

# Chromium stays off the network: no background services, and no host resolves but 127.0.0.1.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
]


def chromium_executable() -> str | None:
    """CHROMIUM_PATH, else a system Chromium, else None: Playwright then uses its own browser, if installed."""
    override = os.environ.get("CHROMIUM_PATH")
    if override:
        return override
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None
