"""The one mkdocs-macros binding: the engine's variables and macros, bound to the page being rendered.

A build binds them through the pluglet (macros/__init__.py calls the plugin's `bind_macros`); `playbooks
check` binds them the same way to a stand-in `env` (`MacroEnv`), beside the department's own macros
(mkdocs-macros' `module_name`), loaded as mkdocs-macros loads them.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping
from functools import wraps
from pathlib import Path
from typing import Any

from engagement_playbooks.macros.registry import SPECS, MacroSpec
from engagement_playbooks.rendering.context import PageContext


class MacroBinding:
    """The engine's macros for one build. The host says which page renders (`page`) before each page."""

    def __init__(self, variables: Mapping[str, Any]) -> None:
        self.variables = dict(variables)
        self.page: PageContext | None = None

    def install(self, env: Any) -> None:
        """Give mkdocs-macros' `env` (or a MacroEnv) the engine's variables and macros."""
        env.variables.update(self.variables)
        for spec in SPECS:
            env.macro(self._bound(spec), spec.name)

    def _bound(self, spec: MacroSpec) -> Callable[..., str]:
        """The macro for the current page, noting what it read: the preview rebuilds a page when that data changes."""

        @wraps(spec.function)
        def call(*args: Any, **kwargs: Any) -> str:
            page = self.page
            if page is None:
                raise RuntimeError(f"{spec.name}() was called outside a page")
            page.reads |= spec.reads_of(args, kwargs)
            page.in_macro = True
            try:
                return spec.function(page, *args, **kwargs)
            finally:
                page.in_macro = False

        return call


class MacroEnv:
    """The part of mkdocs-macros' `env` that the engine and a department's own macros module use in define_env."""

    def __init__(self, conf: Any) -> None:
        self.conf = conf
        self.variables: dict[str, Any] = {}
        self.macros: dict[str, Any] = {}
        self.filters: dict[str, Any] = {}

    def macro(self, function: Any, name: str = "") -> Any:
        self.macros[name or function.__name__] = function
        return function

    def filter(self, function: Any, name: str = "") -> Any:
        self.filters[name or function.__name__] = function
        return function


def module_name(conf: Any) -> str:
    """mkdocs-macros' `module_name` option: the department's own macros (its default: main)."""
    plugin = conf.plugins.get("macros")
    return str(plugin.config.get("module_name", "main")) if plugin is not None else "main"


def load_own_macros(env: MacroEnv, root: Path) -> None:
    """The department's own macros module, loaded as mkdocs-macros loads it (from the site's folder)."""
    name = module_name(env.conf)
    if not ((root / name).is_dir() or (root / f"{name}.py").is_file()):
        return
    sys.path.insert(0, str(root))
    try:
        module = importlib.import_module(name)
        if hasattr(module, "define_env"):
            module.define_env(env)
    finally:
        sys.path.remove(str(root))
