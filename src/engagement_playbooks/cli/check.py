"""`playbooks check`: check all data, front matter and macro calls in seconds, without building the site.

Prints every problem (file:line field: message) and exits 1 if there is any. Pages whose review is
overdue or due within 30 days, and partner entries past their staleness window, are printed as
warnings and do not fail the check, unless --fail-overdue is given: then overdue reviews are problems
too (for a department's CI that wants a late review to block publishing).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from types import SimpleNamespace

import jinja2

from engagement_playbooks.domain import reviews
from engagement_playbooks.domain.snapshot import Snapshot
from engagement_playbooks.hosts.mkdocs.macros_binding import MacroBinding, MacroEnv, load_own_macros
from engagement_playbooks.hosts.mkdocs.site_config import SiteConfig, load_snapshot
from engagement_playbooks.readers.problems import Problem, ProblemsError
from engagement_playbooks.rendering.context import SiteRender
from engagement_playbooks.rendering.links import SiteLinks
from engagement_playbooks.validation.jinja_syntax import jinja_environment

_MACRO_HINT = re.compile(r"\{[{%]")


def render_problems(snapshot: Snapshot, site: SiteConfig | None = None) -> list[Problem]:
    """Render every page's macros as the build would (the same binding, the department's own macros too),
    collecting every problem instead of stopping."""
    links = SiteLinks(snapshot.pages, site.use_directory_urls if site else True, snapshot.internal)
    render = SiteRender(snapshot, links)
    binding = MacroBinding(snapshot.variables())
    env = MacroEnv(site.conf if site else None)
    binding.install(env)
    if site is not None:
        load_own_macros(env, site.root)
    environment = jinja_environment(undefined=jinja2.StrictUndefined)
    environment.globals.update(env.macros)
    environment.filters.update(env.filters)
    problems: list[Problem] = []
    for path, info in snapshot.pages.items():
        if info.meta.get("render_macros") is False or not _MACRO_HINT.search(info.front.body):
            continue
        binding.page = context = render.page(path)
        page = SimpleNamespace(meta=info.meta, title=info.meta.get("title", ""), file=SimpleNamespace(src_path=path, src_uri=path))
        try:
            environment.from_string(info.front.body).render(**env.variables, **info.meta, page=page)
        except jinja2.TemplateError as error:
            line = getattr(error, "lineno", None)
            problems.append(Problem(info.shown, line + info.front.body_start if line else None, "", f"{type(error).__name__}: {error}"))
        problems += context.problems
    return problems


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", "-f", default="mkdocs.yml", type=Path, help="the site's mkdocs.yml (default: mkdocs.yml)")
    parser.add_argument("--fail-overdue", action="store_true", help="treat overdue reviews as problems, not warnings")


def run(args: argparse.Namespace) -> int:
    config_file = args.config.resolve()
    if not config_file.is_file():
        print(f"check: {args.config} not found; run this in the site's folder or give --config", file=sys.stderr)
        return 2
    warnings: list[Problem] = []
    site: Snapshot | None = None
    try:
        site, config = load_snapshot(config_file)
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
