"""`playbooks check`: check all data, front matter and macro calls in seconds, without building the site.

Prints every problem (file:line field: message) and exits 1 if there is any. Pages whose review is
overdue or due within 30 days, and partner entries past their staleness window, are printed as
warnings and do not fail the check, unless --fail-overdue is given: then overdue reviews are problems
too (for a department's CI that wants a late review to block publishing).
"""

from __future__ import annotations

import argparse
import importlib
import re
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import jinja2

from engagement_playbooks.edition import edition_from_environment
from engagement_playbooks.macros import reviews
from engagement_playbooks.macros.registry import MACROS
from engagement_playbooks.site import Site, jinja_environment
from engagement_playbooks.validation.problems import Problem, ProblemsError

_MACRO_HINT = re.compile(r"\{[{%]")


class MacroEnv:
    """The part of mkdocs-macros' `env` a department's own macros module uses in define_env."""

    def __init__(self, conf: Any, variables: dict[str, Any]) -> None:
        self.conf = conf
        self.variables = variables
        self.macros: dict[str, Any] = {}
        self.filters: dict[str, Any] = {}

    def macro(self, function: Any, name: str = "") -> Any:
        self.macros[name or function.__name__] = function
        return function

    def filter(self, function: Any, name: str = "") -> Any:
        self.filters[name or function.__name__] = function
        return function


def site_macros(config: Any, site: Site, variables: dict[str, Any]) -> MacroEnv:
    """The department's own macros module (mkdocs-macros `module_name`), loaded as mkdocs-macros loads it."""
    env = MacroEnv(config, variables)
    macros_plugin = config.plugins.get("macros")
    module_name = macros_plugin.config.get("module_name", "main") if macros_plugin is not None else "main"
    root = str(site.root)
    if (site.root / module_name).is_dir() or (site.root / f"{module_name}.py").is_file():
        sys.path.insert(0, root)
        try:
            module = importlib.import_module(module_name)
            if hasattr(module, "define_env"):
                module.define_env(env)
        finally:
            sys.path.remove(root)
    return env


def render_problems(site: Site, config: Any = None) -> list[Problem]:
    """Render every page's macros as the build would, collecting every problem instead of stopping."""
    variables: dict[str, Any] = {"department": site.catalog.department, "edition": site.edition, "internal": site.internal}
    own = site_macros(config, site, variables) if config is not None else MacroEnv(None, variables)
    environment = jinja_environment(undefined=jinja2.StrictUndefined)
    environment.globals.update(own.macros)
    environment.globals.update({name: _bound(site, function) for name, function in MACROS.items()})
    environment.filters.update(own.filters)
    problems: list[Problem] = []
    for path, info in site.pages.items():
        if info.meta.get("render_macros") is False or not _MACRO_HINT.search(info.front.body):
            continue
        site.current_page = path
        page = SimpleNamespace(meta=info.meta, title=info.meta.get("title", ""), file=SimpleNamespace(src_path=path, src_uri=path))
        try:
            environment.from_string(info.front.body).render(**variables, **info.meta, page=page)
        except jinja2.TemplateError as error:
            line = getattr(error, "lineno", None)
            problems.append(Problem(info.shown, line + info.front.body_start if line else None, "", f"{type(error).__name__}: {error}"))
    return problems + site.problems


def _bound(site: Site, function: Any) -> Any:
    return lambda *args, **kwargs: function(site, *args, **kwargs)


def load_site(config_file: Path) -> tuple[Site, Any]:
    """The site as a build would see it, from mkdocs.yml read by MkDocs' own loader (INHERIT, !ENV)."""
    from mkdocs.config import load_config

    config = load_config(config_file=str(config_file))
    plugin = config.plugins.get("playbooks")
    data_dir = plugin.config.data_dir if plugin is not None else "data"
    site = Site.load(config_file.parent, Path(config.docs_dir), edition_from_environment(), config.use_directory_urls, data_dir)
    return site, config


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", "-f", default="mkdocs.yml", type=Path, help="the site's mkdocs.yml (default: mkdocs.yml)")
    parser.add_argument("--fail-overdue", action="store_true", help="treat overdue reviews as problems, not warnings")


def run(args: argparse.Namespace) -> int:
    config_file = args.config.resolve()
    if not config_file.is_file():
        print(f"check: {args.config} not found; run this in the site's folder or give --config", file=sys.stderr)
        return 2
    warnings: list[Problem] = []
    site: Site | None = None
    try:
        site, config = load_site(config_file)
        problems = render_problems(site, config)
        overdue, due_soon = reviews.review_warnings(site)
        stale = reviews.stale_partner_warnings(site)
        problems += overdue if args.fail_overdue else []
        warnings = (due_soon if args.fail_overdue else overdue + due_soon) + stale
    except ProblemsError as error:
        problems = error.problems
    if warnings:
        count = len(warnings)
        listing = "\n".join(f"  {w}" for w in warnings)
        print(
            f"{count} warning{'' if count == 1 else 's'} (not failures; the owners should act on these soon):\n{listing}", file=sys.stderr
        )
    if problems or site is None:
        print(ProblemsError(problems), file=sys.stderr)
        return 1
    print(f"All good: {len(site.pages)} pages, {len(site.catalog.partners)} partners, {len(site.catalog.checklists)} checklists checked.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="playbooks check", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_arguments(parser)
    return run(parser.parse_args(argv))
