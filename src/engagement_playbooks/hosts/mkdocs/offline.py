"""The offline edition (PLAYBOOKS_OFFLINE=true, or `playbooks offline`): the site as a folder that works
opened from disk, search included. It switches on Material's offline plugin, which must be listed in
mkdocs.yml (switched off there), and gives it the engine's vendored iframe-worker shim, which that
plugin would otherwise load from a CDN.
"""

from __future__ import annotations

import os

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

NAME = "material/offline"
VARIABLE = "PLAYBOOKS_OFFLINE"
SHIM = "assets/playbooks/vendor/iframe-worker/shim.js"


def wanted() -> bool:
    return os.environ.get(VARIABLE, "").strip().lower() in ("1", "true", "yes")


def switch(config: MkDocsConfig) -> bool:
    """Set the offline plugin to match PLAYBOOKS_OFFLINE; True when this is an offline build."""
    plugin = config.plugins.get(NAME)
    on = wanted()
    if plugin is None:
        if on:
            raise PluginError(
                f"{VARIABLE} is set but Material's offline plugin is not listed in mkdocs.yml (add `- offline: {{enabled: false}}`)"
            )
        return False
    plugin.config.enabled = on
    if on:
        config.use_directory_urls = False  # what the offline plugin does too; the engine's links must agree from the start
        polyfills = [str(url) for url in config.extra.get("polyfills", []) if "iframe-worker" not in str(url)]
        config.extra["polyfills"] = [*polyfills, SHIM]
    return on
