"""The glossary's abbreviations, explained on hover on every page by Python-Markdown's abbr extension.

They go in as the extension's `glossary` setting, once per build. Appending `*[FTO]: ...` lines to every
page instead cost a tenth of the Markdown time: each line is a block that every block parser tests.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

EXTENSION = "abbr"


def configure(config: MkDocsConfig, abbreviations: dict[str, str]) -> None:
    if not abbreviations:
        return
    if EXTENSION not in config.markdown_extensions:
        config.markdown_extensions.append(EXTENSION)
    settings = config.mdx_configs.setdefault(EXTENSION, {})
    settings["glossary"] = {**abbreviations, **(settings.get("glossary") or {})}  # the site's own settings win
