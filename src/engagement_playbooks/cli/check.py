"""`make check`: check all data, front matter and macro calls in seconds, without building the site.

    python -m macros.check [--config mkdocs.yml] [--fail-overdue]

Prints every problem (file:line field: message) and exits 1 if there is any.
Pages whose review is overdue or due within 30 days are printed as warnings and do not fail
the check, unless --fail-overdue is given: then overdue reviews are problems too (for a
department's CI that wants a late review to block publishing).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import jinja2
import yaml

from . import MACROS, reviews
from engagement_playbooks.validation.problems import Problem, ProblemsError
from engagement_playbooks.site import Site

_MACRO_HINT = re.compile(r"\{[{%]")


def _config(path: Path) -> dict[str, Any]:
    """The few settings the check needs, read without loading MkDocs' plugins."""

    class _Loader(yaml.SafeLoader):
        pass

    _Loader.add_multi_constructor("", lambda loader, suffix, node: None)  # !ENV, !!python/name: not needed here
    config: dict[str, Any] = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or {}
    parent = config.pop("INHERIT", None)
    if parent:
        base = _config(path.parent / parent)
        base_extra = base.get("extra") or {}
        base.update(config)
        base["extra"] = {**base_extra, **(config.get("extra") or {})}
        config = base
    return config


def render_problems(site: Site) -> list[Problem]:
    """Render every page's macros as the build would, collecting every problem instead of stopping."""
    environment = jinja2.Environment(undefined=jinja2.StrictUndefined)
    environment.globals.update({name: _bound(site, function) for name, function in MACROS.items()})
    problems: list[Problem] = []
    for path, info in site.pages.items():
        if info.meta.get("render_macros") is False:
            continue
        text = info.text
        if not _MACRO_HINT.search(text):
            continue
        site.current_page = path
        page = SimpleNamespace(meta=info.meta, title=info.meta.get("title", ""), file=SimpleNamespace(src_path=path))
        variables = {"department": site.catalog.department, "edition": site.edition, "internal": site.internal, "page": page}
        try:
            environment.from_string(text).render(**variables)
        except jinja2.TemplateError as error:
            line = getattr(error, "lineno", None)
            problems.append(Problem(info.shown, line, "", f"{type(error).__name__}: {error}"))
    return problems + site.problems


def _bound(site: Site, function: Any) -> Any:
    return lambda *args, **kwargs: function(site, *args, **kwargs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--config", default="mkdocs.yml", type=Path, help="MkDocs config of the edition to check")
    parser.add_argument("--fail-overdue", action="store_true", help="treat overdue reviews as problems, not warnings")
    args = parser.parse_args(argv)
    config_file = args.config.resolve()
    config = _config(config_file)
    docs_dir = (config_file.parent / config.get("docs_dir", "docs")).resolve()
    warnings: list[Problem] = []
    try:
        site = Site.load(config_file, docs_dir, config.get("extra") or {}, config.get("use_directory_urls", True))
        problems = render_problems(site)
        overdue, due_soon = reviews.review_warnings(site)
        problems += overdue if args.fail_overdue else []
        warnings = due_soon if args.fail_overdue else overdue + due_soon
    except ProblemsError as error:
        problems = error.problems
    if warnings:
        count = len(warnings)
        listing = "\n".join(f"  {w}" for w in warnings)
        print(
            f"{count} review warning{'' if count == 1 else 's'} (not failures; the owner should review these pages soon):\n{listing}",
            file=sys.stderr,
        )
    if problems:
        print(ProblemsError(problems), file=sys.stderr)
        return 1
    print(f"All good: {len(site.pages)} pages, {len(site.catalog.partners)} partners, {len(site.catalog.checklists)} checklists checked.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
