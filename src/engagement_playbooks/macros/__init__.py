"""The engine's macros, as a mkdocs-macros "pluglet": list it in mkdocs.yml as

    plugins:
      - playbooks
      - macros:
          modules: [engagement_playbooks.macros]
          module_name: macros   # the department's own macros, beside the engine's

The build's state lives on the `playbooks` plugin, which binds the macros (hosts/mkdocs/macros_binding.py):
this module only hands mkdocs-macros' `env` to it, so the macros know no host.
"""

from __future__ import annotations

from typing import Any


def define_env(env: Any) -> None:
    bind = getattr(env.conf.plugins.get("playbooks"), "bind_macros", None)
    if bind is None:
        raise RuntimeError("engagement_playbooks.macros needs the playbooks plugin: add `- playbooks` to plugins in mkdocs.yml")
    bind(env)
