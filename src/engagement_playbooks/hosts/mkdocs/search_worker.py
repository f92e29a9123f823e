"""Material's search UI pointed at the playbooks' worker (which loads Material's own and rewrites queries), and the
header of that worker: done once per written page and template, for the host's HTML and the built worker.

The build writes two lines at the top of ours: the name of Material's worker (it carries a content hash),
so ours needs no URL parameter (a service worker that serves ours from its cache hands the worker a URL
without parameters), and the term map (search/expansions.py) that widens each query.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path

WORKER = "playbooks/javascripts/workers/playbooks-search.js"  # under assets/, with the engine's other assets
FROM_OURS = "../../../"  # from our worker's folder back to assets/
_MATERIAL_NAME = "self.__EP_MATERIAL_WORKER = "
_TERM_MAP = "self.__EP_EXPAND = "

# In the page's __config JSON: "search": "<relative path>assets/javascripts/workers/search.<hash>.min.js"
_MATERIAL_WORKER = re.compile(r'("search":\s*"(?:[^"]*?/)?assets/)(javascripts/workers/search\.[0-9a-f]+\.min\.js)"')


def use_playbooks_worker(html: str) -> tuple[str, str | None]:
    """The page with our worker instead of Material's, and Material's worker (relative to assets/), if the page named it."""
    found = _MATERIAL_WORKER.search(html)
    if found is None:
        return html, None
    return html[: found.start()] + f'{found.group(1)}{WORKER}"' + html[found.end() :], found.group(2)


def write_header(site_dir: Path, material: str | None, expansions: Mapping[str, list[str]]) -> None:
    """Put Material's worker (as a URL relative to ours) and the term map at the top of our worker in the built site."""
    ours = site_dir / "assets" / WORKER
    if not ours.is_file():
        return
    lines = [f"{_MATERIAL_NAME}{json.dumps(FROM_OURS + material)};\n"] if material else []
    lines.append(f"{_TERM_MAP}{json.dumps(dict(expansions), ensure_ascii=False, separators=(',', ':'))};\n")
    body = ours.read_text(encoding="utf-8")
    while body.startswith((_MATERIAL_NAME, _TERM_MAP)):  # a quick preview keeps the copied file: drop the last build's header
        body = body.split("\n", 1)[1]
    ours.write_text("".join(lines) + body, encoding="utf-8")
