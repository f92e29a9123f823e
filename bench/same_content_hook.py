"""A MkDocs hook for the benchmark only (bench/real.py): while our site builds, write each page as the
Markdown plain Material would need to show the same content, into $BENCH_SAME_CONTENT_DIR.

That is the page's Markdown after the macros ran, with each macro's HTML (held as a token, see
rendering/slots.py) written in place as a raw HTML block, under the page's own front matter title.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from mkdocs.plugins import event_priority


@event_priority(-100)  # after mkdocs-macros and the playbooks plugin
def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    target = Path(os.environ["BENCH_SAME_CONTENT_DIR"]) / page.file.src_uri
    held = config.plugins["playbooks"].site.slots.html

    def html(match: re.Match[str]) -> str:
        return "\n\n" + str(held.get(match.group(0), match.group(0))) + "\n\n"

    body = re.sub(r"epslot[0-9a-f]+n\d+z", html, markdown)
    title = str(page.title or "").replace('"', "'")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(f'---\ntitle: "{title}"\n---\n\n{body}', encoding="utf-8")
    return markdown
