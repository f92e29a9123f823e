"""Pages read as Jinja the way mkdocs-macros reads them under the engine's settings, and their syntax errors."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import jinja2

from engagement_playbooks.readers.pages import PageInfo
from engagement_playbooks.readers.problems import Problem

# Pages use `{#id}` (attr_list heading ids), which Jinja's default comment marker `{#` would swallow.
# The engine sets these markers for mkdocs-macros too (hosts/mkdocs/macros_config.py), so both agree.
COMMENT_START, COMMENT_END = "{##", "##}"


def jinja_environment(**options: Any) -> jinja2.Environment:
    """A Jinja environment that reads pages as mkdocs-macros does under the engine's settings."""
    return jinja2.Environment(comment_start_string=COMMENT_START, comment_end_string=COMMENT_END, **options)


def jinja_syntax_problems(pages: Mapping[str, PageInfo]) -> list[Problem]:
    """Jinja syntax errors of every page at once (the macros plugin would stop at the first)."""
    checker = jinja_environment()
    problems = []
    for info in pages.values():
        if info.meta.get("render_macros") is False:
            continue
        body = info.front.body
        if not re.search(r"\{[{%]|\{##", body):
            continue
        try:
            checker.parse(body)
        except jinja2.TemplateSyntaxError as error:
            line = error.lineno + info.front.body_start if error.lineno else None
            hint = ""
            if "comment" in str(error.message):
                # Jinja notices at the end of the page; the comment that never closes starts at the last opening mark.
                opened = body.rfind(COMMENT_START)
                line = body.count("\n", 0, opened) + 1 + info.front.body_start
                hint = f" ({COMMENT_START} starts a comment here; write it as {{{{ '{COMMENT_START}' }}}} to show it)"
            problems.append(Problem(info.shown, line, "", f"Jinja syntax error: {error.message}{hint}"))
    return problems
