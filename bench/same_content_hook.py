"""A MkDocs hook for the benchmark only (bench/real.py): while our site builds, write each page as the
Markdown plain Material would need to show the same content, into $BENCH_SAME_CONTENT_DIR.

That is the page's Markdown after the macros ran, with each macro's HTML (held as a token, see
rendering/slots.py) written in place as a raw HTML block, under the page's own front matter (the blog
and tags plugins of the stack control read it; plain Material ignores what it does not know).
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from mkdocs.plugins import event_priority

_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n.*?\n(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)


@event_priority(-100)  # after mkdocs-macros and the playbooks plugin
def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    docs = Path(os.environ["BENCH_SAME_CONTENT_DIR"])
    target = docs / page.file.src_uri
    context = config.plugins["playbooks"].build.pages.get(page.file.src_uri)
    held = context.slots.html if context is not None else {}

    def html(match: re.Match[str]) -> str:
        return "\n\n" + str(held.get(match.group(0), match.group(0))) + "\n\n"

    body = re.sub(r"epslot[0-9a-f]+n\d+z", html, markdown)
    source = page.file.abs_src_path
    front = _FRONT_MATTER.match(Path(source).read_text(encoding="utf-8")) if source else None
    target.parent.mkdir(parents=True, exist_ok=True)
    if getattr(page.file, "generated_by", None):  # a blog view: the stack control's blog makes its own
        with (docs.parent / "generated.txt").open("a", encoding="utf-8") as listed:
            listed.write(page.file.src_uri + "\n")
    target.write_text((front.group(0) + "\n" if front else "") + body, encoding="utf-8")
    return markdown
