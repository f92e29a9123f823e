"""Other plugins of the same build, as the adapters beside this file look them up."""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig


def enabled(config: MkDocsConfig, name: str) -> Any:
    """The plugin listed as `name` in mkdocs.yml, or None when it is missing or switched off (`enabled: false`)."""
    plugin = config.plugins.get(name)
    return plugin if plugin is not None and plugin.config.get("enabled", True) else None
