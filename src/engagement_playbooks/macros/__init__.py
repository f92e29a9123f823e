"""The engine's macros, as a mkdocs-macros "pluglet": list it in mkdocs.yml as

    plugins:
      - playbooks
      - macros:
          modules: [engagement_playbooks.macros]
          module_name: macros   # the department's own macros, beside the engine's

The build's state (the checked data and pages) lives on the `playbooks` plugin; this module only
hands its macros and variables to mkdocs-macros.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial, wraps
from typing import Any


def define_env(env: Any) -> None:
    from engagement_playbooks.macros.registry import MACROS

    plugin = env.conf.plugins.get("playbooks")
    site = getattr(plugin, "site", None)
    if site is None:
        raise RuntimeError("engagement_playbooks.macros needs the playbooks plugin: add `- playbooks` to plugins in mkdocs.yml")
    env.variables["department"] = site.catalog.department
    env.variables["edition"] = site.edition
    env.variables["internal"] = site.internal
    for name, function in MACROS.items():
        env.macro(_recorded(site, name, partial(function, site)), name)


def _recorded(site: Any, name: str, function: Callable[..., str]) -> Callable[..., str]:
    """The macro, noting what the current page read: the preview rebuilds a page when that data changes."""
    from engagement_playbooks.preview import reads_of

    @wraps(function)
    def call(*args: Any, **kwargs: Any) -> str:
        site.reads.setdefault(site.current_page, set()).update(reads_of(name, args, kwargs))
        site.in_macro = True
        try:
            return function(*args, **kwargs)
        finally:
            site.in_macro = False

    return call
