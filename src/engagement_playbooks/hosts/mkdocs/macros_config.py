"""Settings the engine needs from mkdocs-macros, applied before it reads them (its on_config)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from engagement_playbooks.validation.jinja_syntax import COMMENT_END, COMMENT_START

NAME = "macros"
PLUGLET = "engagement_playbooks.macros"


def configure(config: MkDocsConfig) -> None:
    plugin = config.plugins.get(NAME)
    if plugin is None or PLUGLET not in (plugin.config.get("modules") or []):
        raise PluginError(
            f"The playbooks plugin needs mkdocs-macros with the engine's macros: add `- macros: {{modules: [{PLUGLET}]}}` to plugins"
        )
    # `{#id}` gives a heading its id (attr_list); with Jinja's default `{#` it would open a comment.
    plugin.config["j2_comment_start_string"] = COMMENT_START
    plugin.config["j2_comment_end_string"] = COMMENT_END
    # A failing macro stops the build instead of publishing its error, and an unknown variable is an error.
    plugin.config["on_error_fail"] = True
    plugin.config["on_undefined"] = "strict"
